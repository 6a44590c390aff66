"""The evidence pack read back with pypdf: order, index, page numbers, bookmarks."""

from __future__ import annotations

import io
import re
from datetime import date

import pytest
from pypdf import PdfReader

from journeys.documents.checks import DocumentRefused
from journeys.documents.pack import PackDocument, pack_build
from tests import documents

pytestmark = pytest.mark.django_db(databases=[])


def _doc(title, day, pages, **size):
    return PackDocument(
        title=title, date=day, author=f"Author of {title}", pdf=documents.pdf_bytes(pages, **size)
    )


@pytest.fixture(scope="module")
def built():
    return pack_build(
        documents=[
            _doc("School report", date(2026, 3, 1), 2),
            _doc("EP report", date(2025, 11, 5), 4, width=842, height=595),  # landscape
            _doc("Parent diary", date(2026, 1, 10), 1),
        ],
        limit=75,
        heading="Evidence pack: Sam Okafor",
    )


class PackBuildTests:
    def test_documents_are_in_date_order_after_the_index(self, built):
        assert [(e.title, e.first_page, e.last_page) for e in built.documents] == [
            ("EP report", 2, 5),
            ("Parent diary", 6, 6),
            ("School report", 7, 8),
        ]
        assert built.index_pages == 1
        assert built.pages == 8

    def test_every_page_carries_its_running_number(self, built):
        reader = PdfReader(io.BytesIO(built.pdf))
        assert len(reader.pages) == built.pages
        for number, page in enumerate(reader.pages, start=1):
            assert f"Page {number} of {built.pages}" in page.extract_text()

    def test_the_index_lists_each_document_with_its_pages(self, built):
        index = PdfReader(io.BytesIO(built.pdf)).pages[0].extract_text()
        assert "Evidence pack: Sam Okafor" in index
        row = r"^(\d+) (\d+ \w+ \d{4}) (.+?) Author of .+? (\d+)(?:\u2013(\d+))?$"
        rows = re.findall(row, index, re.M)
        assert [(r[0], r[1], r[2], r[3], r[4] or r[3]) for r in rows] == [
            ("1", "5 Nov 2025", "EP report", "2", "5"),
            ("2", "10 Jan 2026", "Parent diary", "6", "6"),
            ("3", "1 Mar 2026", "School report", "7", "8"),
        ]
        assert "the limit for this appeal is 75 pages" in " ".join(index.split())

    def test_a_bookmark_for_the_index_and_each_document(self, built):
        reader = PdfReader(io.BytesIO(built.pdf))
        marks = [(m.title, reader.get_destination_page_number(m)) for m in reader.outline]
        assert marks == [
            ("Index", 0),
            ("2025-11-05 EP report", 1),
            ("2026-01-10 Parent diary", 5),
            ("2026-03-01 School report", 6),
        ]

    def test_over_the_limit_is_said(self, built):
        assert not built.over_limit
        small = pack_build(
            documents=[_doc("Long", date(2026, 1, 1), 5)], limit=3, heading="Evidence pack"
        )
        assert small.over_limit and small.pages == 6

    def test_a_long_index_numbers_its_own_pages_and_moves_the_rest(self):
        many = [_doc(f"Letter {n:02d}", date(2025, 1, 1 + n), 1) for n in range(28)]
        pack = pack_build(documents=many, limit=None, heading="Evidence pack")
        assert pack.index_pages == 2
        assert pack.documents[0].first_page == 3
        reader = PdfReader(io.BytesIO(pack.pdf))
        assert "Page 2 of 30" in reader.pages[1].extract_text()
        assert "Page 30 of 30" in reader.pages[29].extract_text()

    def test_an_unreadable_document_is_named(self):
        bad = PackDocument(
            title="Broken", date=date(2026, 1, 1), author="", pdf=b"%PDF-1.4 nothing", name="b.pdf"
        )
        with pytest.raises(DocumentRefused, match=r"^b\.pdf: The PDF cannot be opened"):
            pack_build(documents=[bad], limit=None, heading="Evidence pack")


def test_rotated_pages_and_pages_that_leave_their_state_changed_are_stamped():
    from pypdf import PdfWriter
    from pypdf.generic import DecodedStreamObject, NameObject

    writer = PdfWriter()
    turned = writer.add_blank_page(595, 842)
    turned.rotate(90)
    scaled = writer.add_blank_page(595, 842)
    stream = DecodedStreamObject()
    stream.set_data(b"5 0 0 5 0 0 cm 0.5 g")  # no q/Q: the state leaks to what follows
    scaled[NameObject("/Contents")] = writer._add_object(stream)
    buffer = io.BytesIO()
    writer.write(buffer)
    pack = pack_build(
        documents=[
            PackDocument(title="Odd", date=date(2026, 1, 1), author="", pdf=buffer.getvalue())
        ],
        limit=None,
        heading="Evidence pack",
    )
    reader = PdfReader(io.BytesIO(pack.pdf))
    assert "Page 2 of 3" in reader.pages[1].extract_text()
    assert "Page 3 of 3" in reader.pages[2].extract_text()
    assert reader.pages[1].rotation == 0  # turned into the content, so the stamp reads upright
    assert b"Q q 1 1 1 rg" in reader.pages[2].get_contents().get_data()
