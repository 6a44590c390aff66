"""A standalone letter's semantic HTML as a Word document (DOCX), for families who want to edit.

Walks the same renderer-neutral markup the PDF is made from (see letters/rendering.py), parsed
with the standard library: nothing is fetched and nothing but python-docx is needed. Every
piece of text becomes text: entities are unescaped once, by the parser, and never re-read as
markup. Built-in Word styles carry the structure, so screen readers and the navigation pane
see it:

    h1-h6                 Heading 1-6 (the letter's title is its one h1)
    p                     Normal;  .letter-quote and blockquote: Quote (indented, ruled)
    ul / ol > li          List Bullet / List Number (List ... 2, 3 when nested); every ol
                          restarts at 1 (or its start attribute); more paragraphs in one li:
                          List Continue
    address > span        one paragraph a line; .letter-sender right-aligned
    table                 a Word table (Table Grid), thead rows or an all-th first row as
                          repeating header rows, th bold; colspan merges cells
    dl                    dt: a bold paragraph kept with its dd; dd: an indented paragraph
    strong/b, em/i, u, s, sub/sup, br      bold, italic, underline, strike, sub/superscript,
                          a line break; q gets curly quotes; a link's http(s)/mailto target is
                          printed after its text when it differs

Not drawn: images (an <img> is dropped: a letter never fetches), <hr>, CSS (the page set-up
below mirrors static/css/letter.css by hand), rowspan.
"""

from __future__ import annotations

import io
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from html.parser import HTMLParser

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor

FONT = "Lato"
LANGUAGE = "en-GB"
TEXT_COLOUR = RGBColor(0x0B, 0x0C, 0x0C)
FOOTER_COLOUR = RGBColor(0x50, 0x5A, 0x5F)
RULE_COLOUR = "B1B4B6"
# static/css/letter.css: @page { size: A4; margin: 22mm 20mm 24mm 20mm }
PAGE_WIDTH, PAGE_HEIGHT = Mm(210), Mm(297)
MARGIN_TOP, MARGIN_RIGHT, MARGIN_BOTTOM, MARGIN_LEFT = Mm(22), Mm(20), Mm(24), Mm(20)
# (size, space before, space after) in points, as h1-h4 in letter.css.
HEADING_SIZES = {1: (16, 18, 10), 2: (12.5, 14, 6), 3: (11, 10, 4), 4: (11, 10, 4)}
# A document whose <article> has this class is a statement for the Tribunal bundle: its text
# is set in 12 points and its section headings in 13 (static/css/letter.css mirrors it).
STATEMENT_CLASS = "letter-statement"
STATEMENT_POINTS = 12
STATEMENT_HEADING_POINTS = 13

# Elements whose content is never part of the letter.
IGNORED = frozenset(
    {"head", "title", "style", "script", "template", "noscript", "svg", "math", "iframe",
     "object", "embed", "canvas", "video", "audio", "select", "textarea", "button"}
)  # fmt: skip
VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
     "track", "wbr"}
)  # fmt: skip
BLOCKS = frozenset(
    {"address", "article", "aside", "blockquote", "body", "caption", "dd", "details", "div",
     "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4",
     "h5", "h6", "header", "hr", "html", "li", "main", "nav", "ol", "p", "pre", "section",
     "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul", "#root"}
)  # fmt: skip
# Opening one of these closes an open <p>, as an HTML parser would.
CLOSES_P = BLOCKS - {"body", "html", "li", "dd", "dt", "td", "th", "tr", "caption", "#root"}

HTML_SPACE = re.compile(r"[ \t\n\r\f]+")
# Schema order of paragraph and run properties (ECMA-376 CT_PPrBase, CT_RPr), as far as used.
PPR_ORDER = (
    "w:pStyle", "w:keepNext", "w:keepLines", "w:pageBreakBefore", "w:framePr",
    "w:widowControl", "w:numPr", "w:suppressLineNumbers", "w:pBdr", "w:shd", "w:tabs",
    "w:suppressAutoHyphens", "w:kinsoku", "w:wordWrap", "w:overflowPunct", "w:topLinePunct",
    "w:autoSpaceDE", "w:autoSpaceDN", "w:bidi",
)  # fmt: skip
RPR_ORDER = (
    "w:rStyle", "w:rFonts", "w:b", "w:bCs", "w:i", "w:iCs", "w:caps", "w:smallCaps",
    "w:strike", "w:dstrike", "w:outline", "w:shadow", "w:emboss", "w:imprint", "w:noProof",
    "w:snapToGrid", "w:vanish", "w:webHidden", "w:color", "w:spacing", "w:w", "w:kern",
    "w:position", "w:sz", "w:szCs", "w:highlight", "w:u", "w:effect", "w:bdr", "w:shd",
    "w:fitText", "w:vertAlign", "w:rtl", "w:cs", "w:em", "w:lang",
)  # fmt: skip
# Characters XML 1.0 cannot hold: dropped rather than letting the whole letter fail.
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


# --- HTML to a small tree ------------------------------------------------------------------


@dataclass
class Node:
    tag: str
    attrs: dict[str, str] = field(default_factory=dict)
    children: list[Node | str] = field(default_factory=list)

    @property
    def classes(self) -> set[str]:
        return set(self.attrs.get("class", "").split())

    def elements(self) -> Iterator[Node]:
        return (child for child in self.children if isinstance(child, Node))


class TreeBuilder(HTMLParser):
    """A forgiving tree builder: closes p/li/dt/dd/tr/td as HTML does, drops ignored content."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)  # entities become characters, once
        self.root = Node("#root")
        self.stack = [self.root]
        self.skipping: list[str] = []

    def handle_starttag(self, tag, attrs):
        if self.skipping:
            if tag not in VOID:
                self.skipping.append(tag)
            return
        if tag in IGNORED:
            self.skipping.append(tag)
            return
        self._close_implied(tag)
        node = Node(tag, {name: value or "" for name, value in attrs})
        self.stack[-1].children.append(node)
        if tag not in VOID:
            self.stack.append(node)

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag):
        if self.skipping:
            if tag in self.skipping:
                del self.skipping[len(self.skipping) - 1 - self.skipping[::-1].index(tag) :]
            return
        for depth in range(len(self.stack) - 1, 0, -1):
            if self.stack[depth].tag == tag:
                del self.stack[depth:]
                return

    def handle_data(self, data):
        if self.skipping or not data:
            return
        children = self.stack[-1].children
        if children and isinstance(children[-1], str):
            children[-1] += data
        else:
            children.append(data)

    def _close_implied(self, tag: str) -> None:
        if tag in CLOSES_P:
            self._close("p", stop={"td", "th", "li", "dd", "dt", "blockquote", "div", "article"})
        if tag == "li":
            self._close("li", stop={"ul", "ol"})
        elif tag in ("dt", "dd"):
            self._close("dt", "dd", stop={"dl"})
        elif tag in ("td", "th"):
            self._close("td", "th", stop={"tr", "table"})
        elif tag == "tr":
            self._close("tr", stop={"table", "thead", "tbody", "tfoot"})
        elif tag in ("thead", "tbody", "tfoot"):
            self._close("thead", "tbody", "tfoot", stop={"table"})

    def _close(self, *tags: str, stop: set[str]) -> None:
        for depth in range(len(self.stack) - 1, 0, -1):
            name = self.stack[depth].tag
            if name in tags:
                del self.stack[depth:]
                return
            if name in stop:
                return


def parse(html: str) -> Node:
    builder = TreeBuilder()
    builder.feed(html)
    builder.close()
    return builder.root


# --- Paragraphs -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Format:
    bold: bool = False
    italic: bool = False
    underline: bool = False
    strike: bool = False
    vertical: str = ""  # "superscript" | "subscript"


BREAK = object()


@dataclass
class ListItem:
    """One <li>: its first paragraph carries the bullet or number, later ones continue it."""

    style: str
    num_id: int | None
    level: int
    used: bool = False


@dataclass(frozen=True)
class Context:
    fmt: Format = Format()
    style: str = "Normal"
    align: WD_ALIGN_PARAGRAPH | None = None
    direction: str = ""  # "", "ltr", "rtl" or "auto" (dir attribute, inherited)
    indent: float = 0  # extra left indent, points
    keep_with_next: bool = False
    pre: bool = False
    address: bool = False
    item: ListItem | None = None
    list_level: int = 0


class Paragraph:
    """Inline content collected for one Word paragraph, white space collapsed as in HTML."""

    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        self.pieces: list[tuple[str, Format] | object] = []

    def _last_char(self) -> str:
        for piece in reversed(self.pieces):
            if piece is BREAK:
                return "\n"
            if piece[0]:
                return piece[0][-1]
        return "\n"

    def add_text(self, text: str, fmt: Format, pre: bool) -> None:
        text = NOT_XML.sub("", text if pre else HTML_SPACE.sub(" ", text))
        if not pre and text.startswith(" ") and self._last_char() in " \n":
            text = text[1:]
        if not text:
            return
        if pre:
            for number, line in enumerate(text.replace("\r\n", "\n").split("\n")):
                if number:
                    self.add_break()
                if line:
                    self.pieces.append((line, fmt))
        else:
            self.pieces.append((text, fmt))

    def _trim_end(self) -> None:
        while self.pieces and self.pieces[-1] is not BREAK:
            text, fmt = self.pieces[-1]
            if not text.endswith(" "):
                return
            text = text.rstrip(" ")
            if text:
                self.pieces[-1] = (text, fmt)
                return
            self.pieces.pop()

    def add_break(self) -> None:
        if not self.ctx.pre:
            self._trim_end()
        self.pieces.append(BREAK)

    def finish(self) -> list[tuple[str, Format] | object]:
        self._trim_end()
        if self.pieces and self.pieces[-1] is BREAK:  # a last <br> adds no line in HTML
            self.pieces.pop()
            self._trim_end()
        return self.pieces

    def text(self) -> str:
        return "".join(piece[0] for piece in self.pieces if piece is not BREAK)


def _first_strong_direction(text: str) -> str:
    for char in text:
        kind = unicodedata.bidirectional(char)
        if kind in ("R", "AL"):
            return "rtl"
        if kind == "L":
            return "ltr"
    return "ltr"


class Container:
    """The document body or a table cell; a new cell's empty paragraph is used first."""

    def __init__(self, target, reuse_first: bool = False) -> None:
        self.target = target
        self.reusable = target.paragraphs[0] if reuse_first else None

    def add_paragraph(self):
        if self.reusable is not None:
            paragraph, self.reusable = self.reusable, None
            return paragraph
        return self.target.add_paragraph()

    def add_table(self, rows: int, cols: int):
        if self.reusable is not None:  # a table first in a cell: drop the empty paragraph
            self.reusable._element.getparent().remove(self.reusable._element)
            self.reusable = None
        return self.target.add_table(rows, cols)


# --- The writer ------------------------------------------------------------------------------


class DocxWriter:
    def __init__(self, *, title: str, author: str) -> None:
        self.document = Document()
        self.numbering = self.document.part.numbering_part.element
        self.written: list = []  # every paragraph written, in order
        self.after_table = False  # Word tables have no margin: space the next paragraph
        self.current: Paragraph | None = None
        self.container = Container(self.document)
        # Style name -> style id (None for the default style), looked up once per document:
        # python-docx looks a style up by scanning every style on each assignment, which
        # made a paragraph cost milliseconds (issue 12: the cost of an export).
        self.style_ids: dict[str, str | None] = {}
        self._set_up_page()
        self._set_up_styles()
        self._set_up_properties(title=title, author=author)

    # Set-up ------------------------------------------------------------------------------

    def _set_up_page(self) -> None:
        section = self.document.sections[0]
        section.orientation = WD_ORIENT.PORTRAIT
        section.page_width, section.page_height = PAGE_WIDTH, PAGE_HEIGHT
        section.top_margin, section.right_margin = MARGIN_TOP, MARGIN_RIGHT
        section.bottom_margin, section.left_margin = MARGIN_BOTTOM, MARGIN_LEFT
        section.header_distance = section.footer_distance = Mm(10)
        footer = section.footer.paragraphs[0]
        footer.style = self.document.styles["Footer"]
        footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
        footer.add_run("Page ")
        _add_field(footer, "PAGE")
        footer.add_run(" of ")
        _add_field(footer, "NUMPAGES")

    def _set_up_styles(self) -> None:
        styles = self.document.styles
        defaults = styles.element.find(qn("w:docDefaults"))
        if defaults is not None:
            run_defaults = defaults.find(qn("w:rPrDefault"))
            if run_defaults is not None and run_defaults.find(qn("w:rPr")) is not None:
                _set_language(run_defaults.find(qn("w:rPr")))

        normal = styles["Normal"]
        _set_font(normal, size=11, colour=TEXT_COLOUR)
        _set_language(normal.element.get_or_add_rPr())
        fmt = normal.paragraph_format
        fmt.space_before, fmt.space_after = Pt(0), Pt(7)
        fmt.line_spacing_rule = WD_LINE_SPACING.MULTIPLE
        fmt.line_spacing = 1.2  # CSS line-height 1.45 against Word's single line (~1.2 em)
        fmt.widow_control = True

        for level in range(1, 7):
            size, before, after = HEADING_SIZES.get(level, HEADING_SIZES[4])
            style = styles[f"Heading {level}"]
            _set_font(style, size=size, colour=TEXT_COLOUR, bold=True, italic=False)
            style.paragraph_format.space_before = Pt(before)
            style.paragraph_format.space_after = Pt(after)
            style.paragraph_format.keep_with_next = True

        quote = styles["Quote"]
        _set_font(quote, colour=TEXT_COLOUR, italic=False)
        quote.paragraph_format.left_indent = Pt(20)
        quote.paragraph_format.space_before = Pt(4)
        quote.paragraph_format.space_after = Pt(8)
        _set_left_rule(quote.element.get_or_add_pPr())

        for name in ("List Bullet", "List Bullet 2", "List Bullet 3", "List Number",
                     "List Number 2", "List Number 3", "List Continue", "List Continue 2",
                     "List Continue 3"):  # fmt: skip
            p_pr = styles[name].element.get_or_add_pPr()
            for contextual in p_pr.findall(qn("w:contextualSpacing")):  # li margin: 0 0 7pt
                p_pr.remove(contextual)
            styles[name].paragraph_format.space_after = Pt(7)

        _set_font(styles["Footer"], size=9, colour=FOOTER_COLOUR)
        _set_font(styles["Caption"], colour=TEXT_COLOUR)

    def _set_up_statement_sizes(self) -> None:
        """A statement for the Tribunal bundle (.letter-statement in static/css/letter.css):
        its text at least 12 points, as the Practice Direction asks."""
        styles = self.document.styles
        for name in ("Normal", "Quote", "Caption", "List Bullet", "List Number",
                     "List Continue"):  # fmt: skip
            _set_font(styles[name], size=STATEMENT_POINTS)
        for level in (2, 3, 4, 5, 6):
            _set_font(styles[f"Heading {level}"], size=STATEMENT_HEADING_POINTS)
        _set_font(styles["Footer"], size=STATEMENT_POINTS)  # its page numbers too

    def _set_up_properties(self, *, title: str, author: str) -> None:
        package = self.document.part.package
        for r_id, rel in list(package.rels.items()):
            if rel.reltype == RT.THUMBNAIL:  # the template's picture is not of this letter
                package.rels.pop(r_id)
        now = datetime.now(UTC).replace(microsecond=0)
        properties = self.document.core_properties
        # Core properties hold at most 255 characters each (python-docx raises beyond that);
        # the letter itself keeps the whole name.
        properties.title = title[:255]
        properties.author = author[:255]
        properties.last_modified_by = author[:255]
        properties.comments = ""
        properties.subject = ""
        properties.keywords = ""
        properties.category = ""
        properties.language = LANGUAGE
        properties.created = properties.modified = now
        properties.revision = 1

    # Walking -----------------------------------------------------------------------------

    def write(self, root: Node) -> bytes:
        if _has_class(root, STATEMENT_CLASS):
            self._set_up_statement_sizes()
        self.block(root, Context())
        self.flush()
        output = io.BytesIO()
        self.document.save(output)
        return output.getvalue()

    def block(self, node: Node, ctx: Context) -> None:
        for child in node.children:
            if isinstance(child, str):
                self.text(child, ctx)
            else:
                self.element(child, ctx)

    def element(self, node: Node, ctx: Context) -> None:
        tag = node.tag
        direction = node.attrs.get("dir", "").lower()
        if direction in ("ltr", "rtl", "auto"):
            ctx = replace(ctx, direction=direction)
        if tag not in BLOCKS:
            if ctx.address and tag == "span":  # .letter-address span { display: block }
                self.flush()
                self.inline(node, ctx)
                self.flush()
            else:
                self.inline(node, ctx)
            return

        self.flush()
        start = len(self.written)
        if tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
            self.block(node, replace(ctx, style=f"Heading {tag[1]}", item=None))
        elif tag == "p":
            self.block(node, self.paragraph_context(node, ctx))
        elif tag in ("ul", "ol"):
            self.list(node, ctx)
        elif tag == "li":  # an li outside a list: a bulleted paragraph
            self.list_item(node, ctx, ListItem("List Bullet", None, 0))
        elif tag == "address":
            self.block(node, replace(ctx, address=True, align=self.address_align(node, ctx)))
            self.flush()
            self.space_after_block(start, 14)
        elif tag == "blockquote":
            self.block(node, replace(ctx, style="Quote", item=None))
        elif tag == "dl":
            self.block(node, ctx)
        elif tag == "dt":
            self.block(node, replace(ctx, fmt=replace(ctx.fmt, bold=True), keep_with_next=True))
        elif tag == "dd":
            self.block(node, replace(ctx, indent=ctx.indent + 18))
        elif tag == "table":
            self.table(node, ctx)
        elif tag == "pre":
            self.block(node, replace(ctx, pre=True))
        elif tag == "hr":
            pass
        else:  # div, article, section...: a container; only its classes matter
            self.block(node, self.paragraph_context(node, ctx))
        self.flush()
        if "letter-signature" in node.classes:
            self.keep_together(start, space_before=18)
        elif "letter-date" in node.classes:
            self.space_after_block(start, 14)

    def paragraph_context(self, node: Node, ctx: Context) -> Context:
        classes = node.classes
        if "letter-quote" in classes:
            ctx = replace(ctx, style="Quote")
        if "letter-reference" in classes:
            ctx = replace(ctx, fmt=replace(ctx.fmt, bold=True))
        return ctx

    def address_align(self, node: Node, ctx: Context) -> WD_ALIGN_PARAGRAPH | None:
        return WD_ALIGN_PARAGRAPH.RIGHT if "letter-sender" in node.classes else ctx.align

    def inline(self, node: Node, ctx: Context) -> None:
        tag, fmt = node.tag, ctx.fmt
        if tag == "br":
            self.paragraph(ctx).add_break()
            return
        if tag in VOID:  # img, input, wbr...: nothing to read
            return
        if tag in ("strong", "b"):
            fmt = replace(fmt, bold=True)
        elif tag in ("em", "i", "cite", "dfn", "var"):
            fmt = replace(fmt, italic=True)
        elif tag in ("u", "ins"):
            fmt = replace(fmt, underline=True)
        elif tag in ("s", "del", "strike"):
            fmt = replace(fmt, strike=True)
        elif tag in ("sup", "sub"):
            fmt = replace(fmt, vertical="superscript" if tag == "sup" else "subscript")
        inner = replace(ctx, fmt=fmt)
        if tag == "q":
            self.text("\u201c", inner)
        self.block(node, inner)
        if tag == "q":
            self.text("\u201d", inner)
        elif tag == "a":
            href = node.attrs.get("href", "").strip()
            shown = href.removeprefix("mailto:")
            if href.startswith(("http://", "https://", "mailto:")) and shown not in _text(node):
                self.text(f" ({shown})", ctx)

    def text(self, text: str, ctx: Context) -> None:
        if self.current is None and not ctx.pre and not text.strip(" \t\n\r\f"):
            return  # white space between blocks
        self.paragraph(ctx).add_text(text, ctx.fmt, ctx.pre)

    def paragraph(self, ctx: Context) -> Paragraph:
        if self.current is None:
            self.current = Paragraph(ctx)
        return self.current

    def flush(self) -> None:
        """Write the paragraph being collected, if it holds anything."""
        pending, self.current = self.current, None
        if pending is None:
            return
        pieces = pending.finish()
        if not pieces:
            return
        ctx = pending.ctx
        paragraph = self.container.add_paragraph()
        style, num = ctx.style, None
        if ctx.item is not None and ctx.style == "Normal":
            if not ctx.item.used:
                ctx.item.used = True
                style, num = ctx.item.style, ctx.item.num_id
            else:
                style = _levelled("List Continue", ctx.item.level)
        if style not in self.style_ids:
            self.style_ids[style] = self.document.part.get_style_id(
                self.document.styles[style], WD_STYLE_TYPE.PARAGRAPH
            )
        paragraph._p.style = self.style_ids[style]
        if num is not None:
            _set_numbering(paragraph, num, 0)
        fmt = paragraph.paragraph_format
        if self.after_table:
            self.after_table = False
            fmt.space_before = Pt(10)
        if ctx.address:
            fmt.space_after = Pt(0)
        if ctx.align is not None:
            paragraph.alignment = ctx.align
        if ctx.indent:
            fmt.left_indent = Pt(ctx.indent)
        if ctx.keep_with_next:
            fmt.keep_with_next = True
        direction = ctx.direction
        if direction == "auto":
            direction = _first_strong_direction(pending.text())
        if direction == "rtl":
            _put(paragraph._p.get_or_add_pPr(), "w:bidi", PPR_ORDER)
        for text, run_fmt in _runs(pieces):
            run = paragraph.add_run()
            if text is BREAK:
                run.add_break()
                continue
            run.text = text
            if run_fmt.bold:
                run.bold = run.font.cs_bold = True
            if run_fmt.italic:
                run.italic = run.font.cs_italic = True
            if run_fmt.underline:
                run.underline = True
            if run_fmt.strike:
                run.font.strike = True
            if run_fmt.vertical == "superscript":
                run.font.superscript = True
            elif run_fmt.vertical == "subscript":
                run.font.subscript = True
        self.written.append(paragraph)

    def space_after_block(self, start: int, points: float) -> None:
        if len(self.written) > start:
            self.written[-1].paragraph_format.space_after = Pt(points)

    def keep_together(self, start: int, *, space_before: float) -> None:
        paragraphs = self.written[start:]
        if not paragraphs:
            return
        paragraphs[0].paragraph_format.space_before = Pt(space_before)
        for paragraph in paragraphs[:-1]:
            paragraph.paragraph_format.keep_with_next = True

    # Lists and tables --------------------------------------------------------------------

    def list(self, node: Node, ctx: Context) -> None:
        level = min(ctx.list_level + 1, 3)
        ordered = node.tag == "ol"
        style = _levelled("List Number" if ordered else "List Bullet", level)
        num_id = None
        if ordered:
            try:
                start = int(node.attrs.get("start", "1"))
            except ValueError:
                start = 1
            num_id = self.restarted_numbering(style, max(start, 0))
        for child in node.children:
            if isinstance(child, str):
                if child.strip(" \t\n\r\f"):
                    self.list_item(
                        Node("li", children=[child]), ctx, ListItem(style, num_id, level)
                    )
            elif child.tag == "li":
                self.list_item(child, ctx, ListItem(style, num_id, level))
            else:
                self.element(child, replace(ctx, list_level=level))

    def list_item(self, node: Node, ctx: Context, item: ListItem) -> None:
        self.flush()
        inner = replace(ctx, item=item, list_level=item.level, style="Normal", indent=0)
        self.block(node, inner)
        self.flush()

    def restarted_numbering(self, style: str, start: int) -> int:
        """A new w:num sharing the style's list definition, restarting at `start`."""
        style_num = self.document.styles[style].element.pPr.numPr.numId.val
        abstract_id = None
        for num in self.numbering.findall(qn("w:num")):
            if num.get(qn("w:numId")) == str(style_num):
                abstract_id = num.find(qn("w:abstractNumId")).get(qn("w:val"))
        num_id = max(int(n.get(qn("w:numId"))) for n in self.numbering.findall(qn("w:num"))) + 1
        num = OxmlElement("w:num")
        num.set(qn("w:numId"), str(num_id))
        abstract = OxmlElement("w:abstractNumId")
        abstract.set(qn("w:val"), abstract_id)
        num.append(abstract)
        override = OxmlElement("w:lvlOverride")
        override.set(qn("w:ilvl"), "0")
        start_override = OxmlElement("w:startOverride")
        start_override.set(qn("w:val"), str(start))
        override.append(start_override)
        num.append(override)
        self.numbering.append(num)
        return num_id

    def table(self, node: Node, ctx: Context) -> None:
        rows: list[tuple[Node, bool]] = []  # (tr, is a header row)
        captions: list[Node] = []
        for child in node.elements():
            if child.tag == "caption":
                captions.append(child)
            elif child.tag == "tr":
                rows.append((child, False))
            elif child.tag in ("thead", "tbody", "tfoot"):
                rows.extend((tr, child.tag == "thead") for tr in child.elements() if tr.tag == "tr")
        rows = [(tr, head) for tr, head in rows if any(_cells(tr))]
        for caption in captions:
            self.block(caption, replace(ctx, style="Caption", item=None, keep_with_next=True))
            self.flush()
        if not rows:
            return
        if not any(head for _, head in rows) and all(c.tag == "th" for c in _cells(rows[0][0])):
            rows[0] = (rows[0][0], True)
        columns = max(sum(_span(cell) for cell in _cells(tr)) for tr, _ in rows)
        table = self.container.add_table(len(rows), columns)
        table.style = self.document.styles["Table Grid"]
        table.alignment = WD_TABLE_ALIGNMENT.LEFT
        label = " ".join(" ".join(_text(caption).split()) for caption in captions)
        if label:
            _set_table_caption(table, label)
        outer = self.container
        for row_index, (tr, head) in enumerate(rows):
            row = table.rows[row_index]
            if head:  # repeats on each page; tells assistive technology it is a header
                _put(row._tr.get_or_add_trPr(), "w:tblHeader", ("w:cantSplit", "w:trHeight"))
            column = 0
            for cell_node in _cells(tr):
                span = min(_span(cell_node), columns - column)
                if span <= 0:
                    break
                cell = row.cells[column]
                if span > 1:
                    cell = cell.merge(row.cells[column + span - 1])
                column += span
                self.container = Container(cell, reuse_first=True)
                bold = head or cell_node.tag == "th"
                inner = replace(
                    ctx, fmt=replace(ctx.fmt, bold=ctx.fmt.bold or bold), item=None, indent=0,
                    style="Normal", list_level=0, keep_with_next=False,
                )  # fmt: skip
                self.block(cell_node, inner)
                self.flush()
                for paragraph in cell.paragraphs[-1:]:
                    paragraph.paragraph_format.space_after = Pt(0)
        self.container = outer
        self.after_table = True


def _has_class(node: Node, name: str) -> bool:
    """Whether `node` or an element inside it has the class `name`."""
    return name in node.classes or any(_has_class(child, name) for child in node.elements())


def _cells(tr: Node) -> list[Node]:
    return [cell for cell in tr.elements() if cell.tag in ("td", "th")]


def _span(cell: Node) -> int:
    try:
        return max(1, min(int(cell.attrs.get("colspan", "1")), 50))
    except ValueError:
        return 1


def _text(node: Node) -> str:
    return "".join(c if isinstance(c, str) else _text(c) for c in node.children)


def _levelled(style: str, level: int) -> str:
    return style if level <= 1 else f"{style} {level}"


def _runs(pieces) -> Iterator[tuple[object, Format]]:
    """Join neighbouring pieces of the same format into one run."""
    text, fmt = "", None
    for piece in pieces:
        if piece is BREAK:
            if text:
                yield text, fmt
            text, fmt = "", None
            yield BREAK, Format()
        elif fmt is None or piece[1] == fmt:
            text, fmt = text + piece[0], piece[1]
        else:
            yield text, fmt
            text, fmt = piece
    if text:
        yield text, fmt


# --- Low-level XML -----------------------------------------------------------------------------


def _add_field(paragraph, instruction: str) -> None:
    """A complex field (PAGE, NUMPAGES): Word and LibreOffice fill in the number."""
    for kind, text in (("begin", None), ("instr", instruction), ("separate", None),
                       ("result", "1"), ("end", None)):  # fmt: skip
        run = paragraph.add_run()
        if kind == "instr":
            instr = OxmlElement("w:instrText")
            instr.set(qn("xml:space"), "preserve")
            instr.text = f" {text} "
            run._r.append(instr)
        elif kind == "result":
            run.text = text
        else:
            char = OxmlElement("w:fldChar")
            char.set(qn("w:fldCharType"), kind)
            run._r.append(char)


def _set_font(style, *, size=None, colour=None, bold=None, italic=None) -> None:
    font = style.font
    font.name = FONT
    r_fonts = style.element.get_or_add_rPr().get_or_add_rFonts()
    for attribute in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        r_fonts.attrib.pop(qn(attribute), None)  # theme fonts would win over Lato
    r_fonts.set(qn("w:eastAsia"), FONT)
    if size is not None:
        font.size = Pt(size)
        _put(style.element.rPr, "w:szCs", RPR_ORDER).set(qn("w:val"), str(round(size * 2)))
    if colour is not None:
        font.color.rgb = colour
        color = style.element.rPr.find(qn("w:color"))
        for attribute in ("w:themeColor", "w:themeShade", "w:themeTint"):
            color.attrib.pop(qn(attribute), None)
    if bold is not None:
        font.bold = font.cs_bold = bold
    if italic is not None:
        font.italic = font.cs_italic = italic


def _set_language(r_pr) -> None:
    _put(r_pr, "w:lang", RPR_ORDER).set(qn("w:val"), LANGUAGE)


def _set_left_rule(p_pr) -> None:
    left = _put(_put(p_pr, "w:pBdr", PPR_ORDER), "w:left", ("w:top",))
    for name, value in (("w:val", "single"), ("w:sz", "16"), ("w:space", "8"),
                        ("w:color", RULE_COLOUR)):  # fmt: skip
        left.set(qn(name), value)


def _put(parent, tag: str, order: tuple[str, ...]):
    """The child `tag` of `parent`, added where the schema's sequence `order` wants it.

    OOXML property elements must come in schema order or Word calls the file damaged; `order`
    lists the sequence up to `tag` (at least its predecessors).
    """
    existing = parent.find(qn(tag))
    if existing is not None:
        return existing
    before = (
        {qn(name) for name in order[: order.index(tag)]}
        if tag in order
        else {qn(name) for name in order}
    )
    index = 0
    for position, child in enumerate(parent):
        if child.tag in before:
            index = position + 1
    element = OxmlElement(tag)
    parent.insert(index, element)
    return element


def _set_numbering(paragraph, num_id: int, level: int) -> None:
    p_pr = paragraph._p.get_or_add_pPr()
    num_pr = p_pr.get_or_add_numPr()
    num_pr.get_or_add_ilvl().val = level
    num_pr.get_or_add_numId().val = num_id


def _set_table_caption(table, label: str) -> None:
    tbl_pr = table._tbl.tblPr
    caption = OxmlElement("w:tblCaption")
    caption.set(qn("w:val"), NOT_XML.sub("", label)[:255])
    tbl_pr.append(caption)


def html_to_docx(html: str, *, title: str, author: str = "") -> bytes:
    """Return an A4, page-numbered DOCX of a standalone letter document (see module doc)."""
    writer = DocxWriter(title=NOT_XML.sub("", title), author=NOT_XML.sub("", author))
    return writer.write(parse(html))


__all__ = ["html_to_docx"]
