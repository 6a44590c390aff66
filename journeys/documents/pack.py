"""The evidence pack: one PDF from the chosen documents, as the Tribunal asks for bundles.

Documents in date order (oldest first; same date: by title), an index first, every page
stamped with its running page number ("Page 7 of 42", the index pages included, numbered
from 1), and a PDF bookmark for the index and for each document. The page limit is passed
in (journeys/rules/bundle.py gives it for the case's decision) so the same builder serves
the web page, the background worker and the `evidence_pack` command.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import date

from django.template.loader import render_to_string
from pypdf import PageObject, PdfReader, PdfWriter
from pypdf.generic import (
    ArrayObject,
    DecodedStreamObject,
    DictionaryObject,
    NameObject,
)

from journeys.documents.checks import DocumentRefused, pdf_reader
from letters.rendering import html_to_pdf

STAMP_SIZE = 10  # points
STAMP_MARGIN = 18  # points from the page's right and bottom edges
# Helvetica's widths (per 1000 units of the font size) for the characters a stamp uses.
_WIDTHS = {**dict.fromkeys("0123456789aego", 556), "P": 667, "f": 278, " ": 278}


@dataclass(frozen=True)
class PackDocument:
    title: str
    date: date
    author: str
    pdf: bytes  # the document's pages (journeys/documents/convert.py)
    name: str = ""  # its file name, for messages


@dataclass(frozen=True)
class PackEntry:
    title: str
    date: date
    author: str
    first_page: int
    last_page: int

    @property
    def pages(self) -> int:
        return self.last_page - self.first_page + 1


@dataclass(frozen=True)
class Pack:
    pdf: bytes
    pages: int
    index_pages: int
    documents: tuple[PackEntry, ...]
    limit: int | None

    @property
    def over_limit(self) -> bool:
        return self.limit is not None and self.pages > self.limit


def pack_order(documents):
    """Oldest first; documents of the same day by title (a stable, explainable order)."""
    return sorted(documents, key=lambda d: (d.date, d.title.casefold()))


def pack_build(
    *, documents: list[PackDocument], limit: int | None, heading: str, subheading: str = ""
) -> Pack:
    """Build the pack. Raises DocumentRefused naming a document that cannot be read."""
    ordered = pack_order(documents)
    readers = []
    for document in ordered:
        try:
            readers.append(pdf_reader(document.pdf))
        except DocumentRefused as problem:
            raise DocumentRefused(f"{document.name or document.title}: {problem}") from None
    counts = [len(reader.pages) for reader in readers]

    index_pages, index_pdf, entries = 1, b"", ()
    for _ in range(5):  # the index's own length moves every page number after it
        entries = _entries(ordered, counts, start=index_pages + 1)
        total = index_pages + sum(counts)
        index_pdf = _index_pdf(
            entries=entries, heading=heading, subheading=subheading, total=total, limit=limit
        )
        actual = len(PdfReader(io.BytesIO(index_pdf)).pages)
        if actual == index_pages:
            break
        index_pages = actual

    writer = PdfWriter()
    for page in PdfReader(io.BytesIO(index_pdf)).pages:
        writer.add_page(page)
    for reader in readers:
        for page in reader.pages:
            writer.add_page(page)
    total = len(writer.pages)
    font = writer._add_object(
        DictionaryObject(
            {
                NameObject("/Type"): NameObject("/Font"),
                NameObject("/Subtype"): NameObject("/Type1"),
                NameObject("/BaseFont"): NameObject("/Helvetica"),
                NameObject("/Encoding"): NameObject("/WinAnsiEncoding"),
            }
        )
    )
    for number, page in enumerate(writer.pages, start=1):
        _stamp(writer, page, f"Page {number} of {total}", font)

    writer.add_outline_item(title="Index", page_number=0)
    for entry in entries:
        writer.add_outline_item(
            title=f"{entry.date.isoformat()} {entry.title}", page_number=entry.first_page - 1
        )
    writer.page_mode = "/UseOutlines"
    writer.add_metadata({"/Title": heading})
    buffer = io.BytesIO()
    writer.write(buffer)
    return Pack(
        pdf=buffer.getvalue(),
        pages=total,
        index_pages=index_pages,
        documents=entries,
        limit=limit,
    )


def _entries(ordered, counts, *, start: int) -> tuple[PackEntry, ...]:
    entries, first = [], start
    for document, count in zip(ordered, counts, strict=True):
        entries.append(
            PackEntry(
                title=document.title,
                date=document.date,
                author=document.author,
                first_page=first,
                last_page=first + count - 1,
            )
        )
        first += count
    return tuple(entries)


def _index_pdf(*, entries, heading: str, subheading: str, total: int, limit) -> bytes:
    html = render_to_string(
        "documents/pack_index.html",
        {
            "entries": entries,
            "heading": heading,
            "subheading": subheading,
            "total": total,
            "limit": limit,
        },
    )
    return html_to_pdf(html)


def _stamp(writer: PdfWriter, page: PageObject, text: str, font) -> None:
    """Write `text` at the bottom right of the page, on a white patch, above its content.

    The page's own content streams are left as they are (not parsed: parsing them was most
    of a 300-page pack's time): the stamp is a stream of its own after them, the original
    wrapped in q/Q so whatever state it leaves cannot move the stamp."""
    if page.rotation % 360:
        page.transfer_rotation_to_content()  # rare: only then is the content rewritten
    box = page.cropbox
    width = sum(_WIDTHS.get(char, 556) for char in text) * STAMP_SIZE / 1000
    x = float(box.right) - STAMP_MARGIN - width
    y = float(box.bottom) + STAMP_MARGIN

    resources = page.get("/Resources")
    if resources is None:
        resources = DictionaryObject()
        page[NameObject("/Resources")] = resources
    resources = resources.get_object()
    fonts = resources.get("/Font")
    if fonts is None:
        fonts = DictionaryObject()
        resources[NameObject("/Font")] = fonts
    fonts.get_object()[NameObject("/EhcpStamp")] = font

    before, after = DecodedStreamObject(), DecodedStreamObject()
    before.set_data(b"q\n")
    after.set_data(
        (
            f"\nQ q 1 1 1 rg {x - 4:.2f} {y - 4:.2f} {width + 8:.2f} {STAMP_SIZE + 6:.2f} re f "
            f"0 0 0 rg BT /EhcpStamp {STAMP_SIZE} Tf {x:.2f} {y:.2f} Td ({text}) Tj ET Q\n"
        ).encode("latin-1")
    )
    contents = page.raw_get("/Contents") if "/Contents" in page else None
    if contents is None:
        existing = []
    elif isinstance(contents.get_object(), ArrayObject):
        existing = list(contents.get_object())
    else:
        existing = [contents]
    page[NameObject("/Contents")] = ArrayObject(
        [writer._add_object(before), *existing, writer._add_object(after)]
    )
