"""Uploads are what their content says, and the copy kept is clean."""

from __future__ import annotations

import io
import zipfile

import pytest
from PIL import Image
from pypdf import PdfReader

from journeys.documents.checks import (
    DOCX,
    JPEG,
    PDF,
    PNG,
    DocumentRefused,
    document_clean,
    sniff,
)
from tests import documents


class DocumentCleanTests:
    @pytest.mark.parametrize(
        ("make", "kind", "pages"),
        [
            (lambda: documents.pdf_bytes(3), PDF, 3),
            (documents.jpeg_bytes, JPEG, 1),
            (documents.png_bytes, PNG, 1),
            (documents.docx_bytes, DOCX, None),
        ],
        ids=["pdf", "jpeg", "png", "docx"],
    )
    def test_each_allowed_type_is_kept(self, make, kind, pages):
        clean = document_clean(make())
        assert (clean.kind, clean.pages) == (kind, pages)
        assert sniff(clean.content) == kind

    def test_the_type_comes_from_the_content_not_the_name(self):
        assert sniff(b"MZ\x90\x00 a program") is None
        with pytest.raises(DocumentRefused, match="must be a PDF, JPEG, PNG or Word document"):
            document_clean(b"<html><script>alert(1)</script></html>")

    def test_a_zip_that_is_not_a_word_document_is_refused(self):
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w") as archive:
            archive.writestr("evil.exe", b"MZ")
        with pytest.raises(DocumentRefused, match="must be a PDF, JPEG, PNG or Word document"):
            document_clean(buffer.getvalue())

    def test_a_word_document_with_macros_is_refused(self):
        source = zipfile.ZipFile(io.BytesIO(documents.docx_bytes()))
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w") as archive:
            for entry in source.infolist():
                archive.writestr(entry, source.read(entry))
            archive.writestr("word/vbaProject.bin", b"macro")
        with pytest.raises(DocumentRefused, match="contains macros"):
            document_clean(buffer.getvalue())

    def test_a_word_documents_page_count_is_an_estimate_from_its_properties(self):
        source = zipfile.ZipFile(io.BytesIO(documents.docx_bytes()))
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w") as archive:
            for entry in source.infolist():
                if entry.filename != "docProps/app.xml":
                    archive.writestr(entry, source.read(entry))
            archive.writestr("docProps/app.xml", "<Properties><Pages>7</Pages></Properties>")
        clean = document_clean(buffer.getvalue())
        assert (clean.pages, clean.pages_estimate) == (None, 7)

    def test_an_encrypted_pdf_is_refused(self):
        with pytest.raises(DocumentRefused, match="protected with a password"):
            document_clean(documents.encrypted_pdf())

    def test_a_broken_pdf_is_refused(self):
        with pytest.raises(DocumentRefused, match="cannot be opened: it may be damaged"):
            document_clean(b"%PDF-1.7\n garbage with no objects at all")

    def test_a_damaged_picture_is_refused(self):
        with pytest.raises(DocumentRefused, match="picture cannot be opened"):
            document_clean(documents.jpeg_bytes()[:40])

    def test_a_file_over_the_limit_is_refused_before_it_is_read(self):
        with pytest.raises(DocumentRefused, match="smaller than 1 MB"):
            document_clean(b"%PDF-" + b"0" * 1024 * 1024, max_bytes=1024 * 1024)

    def test_an_empty_file_is_refused(self):
        with pytest.raises(DocumentRefused, match="empty"):
            document_clean(b"")

    def test_javascript_actions_and_attachments_do_not_survive(self):
        original = PdfReader(io.BytesIO(documents.pdf_with_javascript()))
        assert "/OpenAction" in original.trailer["/Root"]  # the test file really has them
        assert "/AA" in original.pages[0]

        clean = document_clean(documents.pdf_with_javascript())

        reader = PdfReader(io.BytesIO(clean.content))
        root = reader.trailer["/Root"]
        assert "/OpenAction" not in root
        assert "/Names" not in root  # no JavaScript name tree, no embedded files
        assert "/AcroForm" not in root
        assert reader.attachments == {}
        page = reader.pages[0]
        assert "/AA" not in page
        for annotation in page.get("/Annots", []):
            action = annotation.get_object().get("/A")
            assert action is None or action.get_object().get("/S") not in (
                "/JavaScript",
                "/Launch",
            )
        assert b"app.alert" not in clean.content
        assert b"calc.exe" not in clean.content

    def test_a_photo_loses_its_exif_and_is_turned_upright(self):
        image = Image.new("RGB", (40, 20), "green")
        exif = Image.Exif()
        exif[0x0112] = 6  # orientation: rotate 90 degrees
        exif[0x010F] = "PhoneMaker"
        buffer = io.BytesIO()
        image.save(buffer, "JPEG", exif=exif)

        clean = document_clean(buffer.getvalue())

        kept = Image.open(io.BytesIO(clean.content))
        assert kept.size == (20, 40)
        assert not kept.getexif()
