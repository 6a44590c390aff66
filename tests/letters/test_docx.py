"""The DOCX letters, read back with python-docx (and opened by LibreOffice) as a family would."""

import io
import json
import os
import re
import shutil
import subprocess
import tempfile
import uuid
import zipfile
from datetime import date
from pathlib import Path

import pytest
from django.core.management import call_command
from docx.oxml.ns import qn

from letters.rendering import html_to_docx
from letters.services import FORMATS, letter_render
from tests.letters.docx_text import docx_document, docx_paragraphs, docx_text
from tests.letters.pdf_text import pdf_text, text_positions_outside_page

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "case_sam.json"
LETTER_DAY = date(2026, 11, 23)
DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
RTL = "\u05e9\u05dc\u05d5\u05dd \u0645\u0631\u062d\u0628\u0627"  # Hebrew, Arabic
LEAKS = ("<", ">", "&lt;", "&gt;", "&amp;", "&#", "{{", "}}", "{%", "None")


def load_case() -> dict:
    return json.loads(FIXTURE.read_text())


def render(case, kind="request_assessment", today=LETTER_DAY) -> bytes:
    letter = letter_render(kind=kind, case_file=case, fmt="docx", today=today)
    assert letter.content_type == DOCX_TYPE
    assert letter.filename.endswith(".docx")
    return letter.content


def styles_of(content: bytes, text_start: str) -> list[str]:
    return [style for style, text in docx_paragraphs(content) if text.startswith(text_start)]


def hostile_case(case):
    case["child"]["first_name"] = "<script>alert('x')</script>"
    case["needs"][0]["description"] = f'<img src="http://203.0.113.9/x.png"> {RTL}'
    case["needs"][0]["impact"] = "Sam \U0001f600 loves rockets & trains"
    case["needs"][1]["description"] = "x" * 5000
    case["notes"] = "line one\nline two <b>not bold</b> &amp; {{ letter.sender_name }}"
    return case


class RequestLetterDocxTests:
    def test_says_everything_the_pdf_says(self, case_file):
        text = docx_text(render(case_file))
        assert "Sam Okafor" in text and "Bristol City Council" in text
        assert "(Children and Families Act 2014, s.36(1))" in text
        assert "by Friday 18 December 2026" in text
        for item in case_file["evidence"]:
            assert item["title"] in text and item["author"] in text
        for need in case_file["needs"]:
            assert need["description"] in text and need["impact"] in text
        assert "Enclosures: EP report; Speech and language therapy report." in text
        assert "I am Sam's parent." in text  # &#x27; from the escaped HTML, unescaped once

    def test_nothing_but_text_reaches_the_document(self, case_file):
        content = render(case_file)
        text = docx_text(content)
        for leak in LEAKS:
            assert leak not in text
        with zipfile.ZipFile(io.BytesIO(content)) as package:
            xml = package.read("word/document.xml").decode()
        assert "&lt;" not in xml  # no escaped markup hiding in a run either

    def test_headings_use_the_built_in_heading_styles(self, case_file):
        paragraphs = docx_paragraphs(render(case_file))
        headings = [(style, text) for style, text in paragraphs if style.startswith("Heading")]
        assert headings[0] == ("Heading 1", "Request for an EHC needs assessment")
        assert [text for style, text in headings if style == "Heading 2"] == [
            "The legal test",
            "1. Sam has or may have special educational needs",
            "2. It may be necessary for provision to be made through an EHC plan",
            "Evidence enclosed",
            "Anything else",
            "What I am asking you to do",
        ]
        assert [text for style, text in headings if style == "Heading 3"] == [
            "Communication and interaction",
            "Social, emotional and mental health",
        ]

    def test_lists_use_list_styles_and_numbers_restart(self, case_file):
        content = render(case_file)
        for item in case_file["evidence"]:
            assert styles_of(content, item["title"]) == ["List Number"]
        for start in (
            "Please tell me whether you will carry out an assessment",
            "If you decide not to assess",
            "Please send me copies",
            "Please take account of",
        ):
            assert styles_of(content, start) == ["List Bullet"]
        document = docx_document(content)
        numbered = [p for p in document.paragraphs if p.style.name == "List Number"]
        (num_id,) = {p._p.pPr.numPr.numId.val for p in numbered}  # one list of its own
        numbering = document.part.numbering_part.element
        (num,) = [n for n in numbering.findall(qn("w:num")) if n.numId == num_id]
        assert num.find(f"{qn('w:lvlOverride')}/{qn('w:startOverride')}").get(qn("w:val")) == "1"

    def test_address_lines_quotes_and_reference(self, case_file):
        document = docx_document(render(case_file))
        by_text = {}
        for paragraph in document.paragraphs:
            by_text.setdefault(paragraph.text, paragraph)  # the first: the address blocks
        for line in ("Grace Okafor", "12 Elm Road", "Bristol", "BS1 1AA", "grace@example.org"):
            assert by_text[line].alignment == 2  # WD_ALIGN_PARAGRAPH.RIGHT: the sender
        assert by_text["Bristol City Council"].alignment is None
        assert by_text["SEND team"].style.name == "Normal"
        for need in case_file["needs"]:
            assert by_text[need["description"]].style.name == "Quote"
        reference = next(p for p in document.paragraphs if p.text.startswith("Child: Sam"))
        assert all(run.bold for run in reference.runs)
        evidence = next(p for p in document.paragraphs if p.text.startswith("EP report"))
        assert evidence.runs[0].text == "EP report" and evidence.runs[0].bold
        assert not evidence.runs[1].bold

    def test_a4_page_margins_and_page_x_of_y_footer(self, case_file):
        document = docx_document(render(case_file))
        section = document.sections[0]
        assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
        for margin in (section.left_margin, section.right_margin, section.top_margin):
            assert 19 <= margin.mm <= 23
        footer = section.footer
        assert footer.paragraphs[0].text.startswith("Page ")
        instructions = [node.text.strip() for node in footer._element.iter(qn("w:instrText"))]
        assert instructions == ["PAGE", "NUMPAGES"]

    def test_properties_language_and_font(self, case_file):
        document = docx_document(render(case_file))
        properties = document.core_properties
        assert properties.title == "Request for an EHC needs assessment"
        assert properties.author == "Grace Okafor"
        assert properties.language == "en-GB"
        assert "python-docx" not in (properties.comments + properties.last_modified_by)
        normal = document.styles["Normal"]
        assert normal.font.name == "Lato" and normal.font.size.pt == 11
        assert normal.element.rPr.find(qn("w:lang")).get(qn("w:val")) == "en-GB"


def test_the_missed_deadline_chaser_renders(case_file):
    content = render(case_file, kind="la_missed_deadline", today=date(2027, 1, 4))
    text = docx_text(content)
    assert "Sam Okafor" in text and "Bristol City Council" in text
    assert "that is by Monday 18 January 2027" in text
    assert ("Heading 2", "If I do not hear from you") in docx_paragraphs(content)
    for leak in LEAKS:
        assert leak not in text


@pytest.mark.parametrize(
    ("kind", "today"),
    [("request_assessment", LETTER_DAY), ("la_missed_deadline", date(2027, 1, 4))],
)
def test_says_the_same_words_as_the_pdf(case_file, kind, today):
    # Both files are made from the same standalone HTML: nothing is lost or added.
    pdf = letter_render(kind=kind, case_file=case_file, fmt="pdf", today=today).content
    words = set(re.findall(r"\w+", docx_text(render(case_file, kind=kind, today=today))))
    assert set(re.findall(r"\w+", pdf_text(pdf))) - words == {"Page"}  # the footer's field
    assert words - set(re.findall(r"\w+", pdf_text(pdf))) == set()


def test_hostile_input_is_literal_text(case_file):
    content = render(hostile_case(case_file))
    text = docx_text(content)
    assert "<script>alert('x')</script> Okafor" in text
    assert '<img src="http://203.0.113.9/x.png">' in text
    assert RTL in text
    assert "Sam \U0001f600 loves rockets & trains" in text
    assert "x" * 5000 in text
    assert "line two <b>not bold</b> &amp; {{ letter.sender_name }}" in text
    paragraphs = dict((t, s) for s, t in docx_paragraphs(content))
    assert paragraphs["line one\nline two <b>not bold</b> &amp; {{ letter.sender_name }}"] == (
        "Quote"  # linebreaksbr's <br> is a line break in the same paragraph
    )
    document = docx_document(content)
    assert not document.inline_shapes  # nothing became a picture
    assert not [rel for rel in document.part.rels.values() if rel.is_external]


class HtmlToDocxTests:
    """The renderer on its own, for markup letter kinds may use: tables, dl, nested lists."""

    HTML = """<!DOCTYPE html><html lang="en-GB"><head><title>Not printed</title>
      <style>p { color: red }</style><script>document.write("<p>no</p>")</script>
      <link rel="stylesheet" href="http://203.0.113.9/x.css"></head><body><article>
      <h1>Evidence &amp; index</h1>
      <p>Tom &lt;Jerry&gt;   said
         &quot;hi&quot; <strong>bold <em>both</em></strong>, <em>italic</em>.<br>
         Next line&#x27;s end.  </p>
      <table><thead><tr><th>Number</th><th>Document</th></tr></thead>
        <tbody><tr><td>1</td><td>EP report &amp; notes</td></tr>
        <tr><td colspan="2">Spans both</td></tr></tbody></table>
      <dl><dt>Section B</dt><dd>Needs are not specified.</dd></dl>
      <ol><li>One<ol><li>One-a</li></ol></li><li>Two</li></ol>
      <ol><li>Again one</li></ol>
      <h2>Next</h2><h3>Deeper</h3><h4>Deepest</h4>
      </article></body></html>"""

    def render(self):
        return html_to_docx(self.HTML, title="Index", author="Grace")

    def test_text_entities_white_space_and_inline_styles(self):
        content = self.render()
        paragraphs = docx_paragraphs(content)
        assert paragraphs[0] == ("Heading 1", "Evidence & index")
        assert paragraphs[1] == (
            "Normal",
            'Tom <Jerry> said "hi" bold both, italic.\nNext line\'s end.',
        )
        runs = docx_document(content).paragraphs[1].runs
        formats = {run.text: (bool(run.bold), bool(run.italic)) for run in runs if run.text}
        assert formats["bold "] == (True, False)
        assert formats["both"] == (True, True)
        assert formats["italic"] == (False, True)
        text = docx_text(content)
        assert "Not printed" not in text and "color" not in text and "no" not in text.split()

    def test_tables_have_a_header_row_and_dl_terms_are_bold(self):
        document = docx_document(self.render())
        (table,) = document.tables
        assert [cell.text for cell in table.rows[0].cells] == ["Number", "Document"]
        assert table.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None
        assert table.rows[1].cells[1].text == "EP report & notes"
        assert table.rows[2].cells[0].text == "Spans both"  # merged across the row
        assert all(run.bold for run in table.rows[0].cells[0].paragraphs[0].runs)
        term = next(p for p in document.paragraphs if p.text == "Section B")
        assert all(run.bold for run in term.runs) and term.paragraph_format.keep_with_next
        assert "Spans both" in docx_text(self.render())

    def test_nested_lists_and_every_ol_restarts(self):
        content = self.render()
        document = docx_document(content)
        styles = {p.text: p.style.name for p in document.paragraphs}
        assert styles["One"] == styles["Two"] == styles["Again one"] == "List Number"
        assert styles["One-a"] == "List Number 2"
        num_of = {
            p.text: p._p.pPr.numPr.numId.val
            for p in document.paragraphs
            if p.style.name.startswith("List Number")
        }
        assert num_of["One"] == num_of["Two"] != num_of["Again one"]
        assert [s for s, t in docx_paragraphs(content) if t in ("Next", "Deeper", "Deepest")] == [
            "Heading 2",
            "Heading 3",
            "Heading 4",
        ]


@pytest.mark.django_db
def test_the_command_writes_a_docx(tmp_path):
    assert "docx" in FORMATS
    out = tmp_path / "letter.docx"
    call_command(
        "render_letter", "request_assessment", "--case", str(FIXTURE), "--out", str(out),
        "--format", "docx",
    )  # fmt: skip
    text = docx_text(out.read_bytes())
    assert "Sam Okafor" in text and "s.36(1)" in text


# --- LibreOffice opens it ----------------------------------------------------------------------


def libreoffice() -> str:
    found = shutil.which("libreoffice") or shutil.which("soffice")
    if found:
        return found
    message = "LibreOffice is not installed (apt-get install libreoffice-writer-nogui)"
    if os.environ.get("CI") == "true":
        pytest.fail(message)
    pytest.skip(message)


def convert_to_pdf(files: list[Path], outdir: Path) -> dict[str, bytes]:
    """Convert DOCX files with a private LibreOffice profile; return PDFs by file stem."""
    profile = Path(tempfile.gettempdir()) / f"lo-profile-{uuid.uuid4().hex}"
    try:
        subprocess.run(
            [
                libreoffice(),
                f"-env:UserInstallation={profile.as_uri()}",
                "--headless",
                "--convert-to",
                "pdf",
                "--outdir",
                str(outdir),
                *map(str, files),
            ],
            capture_output=True,
            timeout=120,
            check=True,
        )
    finally:
        shutil.rmtree(profile, ignore_errors=True)
    pdfs = {}
    for file in files:
        pdf = outdir / f"{file.stem}.pdf"
        assert pdf.exists(), f"LibreOffice did not convert {file.name}"
        pdfs[file.stem] = pdf.read_bytes()
    return pdfs


@pytest.mark.django_db
def test_libreoffice_opens_the_letters(tmp_path):
    libreoffice()
    letter, hostile = tmp_path / "letter.docx", tmp_path / "hostile.docx"
    letter.write_bytes(render(load_case()))
    hostile.write_bytes(render(hostile_case(load_case())))
    pdfs = convert_to_pdf([letter, hostile], tmp_path / "out")

    text = pdf_text(pdfs["letter"])
    assert "Sam Okafor" in text and "s.36(1)" in text
    assert "Friday 18 December 2026" in text
    assert re.search(r"Page 1 of \d", text)  # the PAGE and NUMPAGES fields were filled in

    hostile_text = pdf_text(pdfs["hostile"])
    assert "<script>alert('x')</script>" in hostile_text
    assert text_positions_outside_page(pdfs["hostile"]) == []  # 5000 x's wrap on the page
