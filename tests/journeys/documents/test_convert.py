"""Every kept document becomes PDF pages for the pack."""

from __future__ import annotations

import io
import os

import pytest
from pypdf import PdfReader

from journeys.documents import convert
from journeys.documents.checks import DOCX, JPEG, PDF, PNG, document_clean
from tests import documents

needs_soffice = pytest.mark.skipif(
    convert.soffice_path() is None and os.environ.get("CI") != "true",
    reason="LibreOffice (soffice) is not installed; CI installs it",
)


def _pages(pdf: bytes):
    return PdfReader(io.BytesIO(pdf)).pages


class DocumentPdfTests:
    def test_a_pdf_is_used_as_it_is(self):
        content = documents.pdf_bytes(2)
        assert convert.document_pdf(kind=PDF, content=content) is content

    @pytest.mark.parametrize(
        ("kind", "make"),
        [(JPEG, documents.jpeg_bytes), (PNG, documents.png_bytes)],
        ids=["jpeg", "png-with-transparency"],
    )
    def test_a_picture_becomes_one_a4_page(self, kind, make):
        content = document_clean(make(size=(400, 300))).content
        pages = _pages(convert.document_pdf(kind=kind, content=content))
        assert len(pages) == 1
        box = pages[0].mediabox
        assert (round(float(box.width)), round(float(box.height))) == (595, 842)

    @needs_soffice
    def test_a_word_document_is_converted_by_libreoffice(self):
        pdf = convert.document_pdf(kind=DOCX, content=documents.docx_bytes("Hello from Word"))
        pages = _pages(pdf)
        assert len(pages) == 1
        assert "Hello from Word" in pages[0].extract_text()

    def test_without_libreoffice_a_word_document_fails_clearly(self, monkeypatch):
        monkeypatch.setattr(convert, "soffice_path", lambda: None)
        with pytest.raises(convert.ConversionUnavailable, match="LibreOffice is not installed"):
            convert.document_pdf(kind=DOCX, content=documents.docx_bytes())
