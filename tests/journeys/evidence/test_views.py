"""The evidence pages through Django's client: upload, refusals, download, delete, and the
whole case's life (export, import, deletion)."""

from __future__ import annotations

import io
import re
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from pypdf import PdfReader

from journeys.documents.store import evidence_storage
from journeys.evidence.selectors import evidence_file_content
from journeys.models import Case, EvidenceFile
from tests import documents
from tests.journeys.evidence.conftest import upload_data

pytestmark = pytest.mark.django_db


def _upload(browser, case, content, name="report.pdf", query="", **fields):
    return browser.post(
        f"/cases/{case.id}/evidence/add/{query}", upload_data(content, name, **fields)
    )


def _error_beside_the_field(page: str) -> str:
    found = re.search(
        r'id="id_evidence-document-error"[^>]*>\s*<span class="govuk-visually-hidden">Error:'
        r"</span>\s*(.+?)\s*</p>",
        page,
        re.S,
    )
    assert found, "no error message beside the file field"
    return found.group(1).replace("&#x27;", "'")


class UploadTests:
    @pytest.mark.parametrize(
        ("make", "name", "kind", "stored_name"),
        [
            (lambda: documents.pdf_bytes(2), "EP report (final).pdf", "pdf", "EP_report_final.pdf"),
            (documents.jpeg_bytes, "photo.JPG", "jpeg", "photo.jpg"),
            (documents.png_bytes, "scan.png", "png", "scan.png"),
            (documents.docx_bytes, "notes.docx", "docx", "notes.docx"),
        ],
        ids=["pdf", "jpeg", "png", "docx"],
    )
    def test_each_allowed_type_is_kept_encrypted_and_named_in_the_case_file(
        self, browser, case, make, name, kind, stored_name
    ):
        response = _upload(browser, case, make(), name)

        assert response.status_code == 302
        assert response["Location"] == f"/cases/{case.id}/evidence/"
        kept = EvidenceFile.objects.get(case=case)
        assert (kept.kind, kept.name, kept.title) == (kind, stored_name, "EP report")
        with evidence_storage().open(kept.stored_as, "rb") as raw:
            on_disk = raw.read()
        content = evidence_file_content(evidence_file=kept)
        assert content[:4] not in on_disk  # the store holds ciphertext only
        assert content[:2] in (b"%P", b"\xff\xd8", b"\x89P", b"PK")
        case_file = Case.objects.get(pk=case.pk).case_file
        assert case_file["format"] == "ehcp-case/2"
        assert case_file["evidence"][-1]["file"] == stored_name

    def test_author_date_and_title_come_from_the_evidence_list(self, browser, case):
        page = browser.get(f"/cases/{case.id}/evidence/add/?item=1").content.decode()
        assert 'value="Jo Smith, SLT"' in page
        assert 'value="Speech and language therapy report"' in page
        assert 'value="20"' in page and 'value="5"' in page and 'value="2026"' in page

        _upload(
            browser,
            case,
            documents.pdf_bytes(),
            query="?item=1",
            **{"evidence-document_title": "SLT report", "evidence-author": "Jo Smith, SLT"},
        )

        evidence = Case.objects.get(pk=case.pk).case_file["evidence"]
        assert len(evidence) == 2  # the item was given its document, not repeated
        assert evidence[1]["file"] == "report.pdf"
        assert evidence[1]["title"] == "SLT report"
        assert evidence[1]["key_points"] == "severe receptive language disorder"

    def test_the_list_offers_each_evidence_item_without_a_document(self, browser, case):
        page = browser.get(f"/cases/{case.id}/evidence/").content.decode()
        assert f"/cases/{case.id}/evidence/add/?item=0" in page
        assert f"/cases/{case.id}/evidence/add/?item=1" in page

    @pytest.mark.parametrize(
        ("content", "name", "message"),
        [
            (b"MZ\x90\x00program", "report.pdf", "must be a PDF, JPEG, PNG or Word document"),
            (b"just some text", "notes.txt", "must be a PDF, JPEG, PNG or Word document"),
            (documents.encrypted_pdf(), "locked.pdf", "protected with a password"),
            (b"%PDF-1.7\nbroken", "broken.pdf", "cannot be opened: it may be damaged"),
        ],
        ids=["program-named-pdf", "text", "encrypted-pdf", "broken-pdf"],
    )
    def test_refusals_are_said_beside_the_field(self, browser, case, content, name, message):
        response = _upload(browser, case, content, name)

        assert response.status_code == 200
        assert message in _error_beside_the_field(response.content.decode())
        assert not EvidenceFile.objects.exists()

    def test_a_file_over_the_size_limit_is_refused(self, browser, case, settings):
        settings.EVIDENCE_MAX_BYTES = 1024 * 1024
        response = _upload(browser, case, documents.pdf_bytes() + b"\0" * (1024 * 1024))
        assert "smaller than 1 MB" in _error_beside_the_field(response.content.decode())
        assert not EvidenceFile.objects.exists()

    def test_a_request_far_over_the_limit_is_refused_before_its_body_is_read(
        self, browser, case, settings, monkeypatch
    ):
        from django.http.multipartparser import MultiPartParser

        def never(*args, **kwargs):
            raise AssertionError("the body was parsed")

        monkeypatch.setattr(MultiPartParser, "parse", never)
        settings.EVIDENCE_MAX_BYTES = 100 * 1024
        response = _upload(browser, case, b"%PDF-" + b"0" * 200_000)

        assert response.status_code == 200
        page = response.content.decode()
        assert "smaller than 100 KB" in _error_beside_the_field(page)
        assert 'value="Dr A Patel"' not in page  # nothing of the body was read
        assert not EvidenceFile.objects.exists()

    def test_a_pdf_with_javascript_is_kept_without_it(self, browser, case):
        _upload(browser, case, documents.pdf_with_javascript())

        stored = evidence_file_content(evidence_file=EvidenceFile.objects.get())
        reader = PdfReader(io.BytesIO(stored))
        assert "/OpenAction" not in reader.trailer["/Root"]
        assert "/Names" not in reader.trailer["/Root"]
        assert "/AA" not in reader.pages[0]
        assert b"/JavaScript" not in stored and b"/Launch" not in stored


class DownloadAndDeleteTests:
    def test_a_document_downloads_as_it_was_kept(self, browser, case):
        _upload(browser, case, documents.pdf_bytes(3))
        kept = EvidenceFile.objects.get()

        response = browser.get(f"/cases/{case.id}/evidence/{kept.id}/download/")

        assert response["Content-Type"] == "application/pdf"
        assert "attachment" in response["Content-Disposition"]
        assert "no-store" in response["Cache-Control"]
        assert len(PdfReader(io.BytesIO(response.content)).pages) == 3

    def test_a_document_of_another_case_is_not_found(self, browser, case, owner, case_file):
        from tests.factories import CaseFactory

        other = CaseFactory(case_file=case_file, owner=owner)
        _upload(browser, other, documents.pdf_bytes())
        kept = EvidenceFile.objects.get()
        assert browser.get(f"/cases/{case.id}/evidence/{kept.id}/download/").status_code == 404

    def test_deleting_a_document_really_deletes_it(
        self, browser, case, django_capture_on_commit_callbacks
    ):
        _upload(browser, case, documents.pdf_bytes(), query="?item=0")
        kept = EvidenceFile.objects.get()
        assert evidence_storage().exists(kept.stored_as)

        with django_capture_on_commit_callbacks(execute=True):
            response = browser.post(f"/cases/{case.id}/evidence/{kept.id}/delete/")

        assert response.status_code == 302
        assert not EvidenceFile.objects.exists()
        assert not evidence_storage().exists(kept.stored_as)
        evidence = Case.objects.get(pk=case.pk).case_file["evidence"]
        assert "file" not in evidence[0] and evidence[0]["title"] == "EP report"

    def test_deleting_the_case_deletes_its_documents(
        self, browser, case, django_capture_on_commit_callbacks
    ):
        _upload(browser, case, documents.pdf_bytes())
        _upload(browser, case, documents.png_bytes(), "scan.png")
        stored = list(EvidenceFile.objects.values_list("stored_as", flat=True))

        with django_capture_on_commit_callbacks(execute=True):
            browser.post(f"/cases/{case.id}/delete/")

        assert not EvidenceFile.objects.exists()
        assert not any(evidence_storage().exists(name) for name in stored)


class ExportImportTests:
    def test_download_everything_carries_the_documents_and_brings_them_back(self, browser, case):
        _upload(browser, case, documents.pdf_bytes(2), "ep.pdf", query="?item=0")
        _upload(browser, case, documents.jpeg_bytes(), "photo.jpg")
        original = {
            f.name: evidence_file_content(evidence_file=f) for f in EvidenceFile.objects.all()
        }

        exported = browser.get(f"/cases/{case.id}/export.zip").content

        with zipfile.ZipFile(io.BytesIO(exported)) as archive:
            assert {n for n in archive.namelist() if n.startswith("files/")} == {
                "files/ep.pdf",
                "files/photo.jpg",
            }
            assert archive.read("files/ep.pdf") == original["ep.pdf"]
        response = browser.post(
            "/cases/import/",
            {"import-case_file": SimpleUploadedFile("case.zip", exported)},
        )
        new_id = re.search(r"/cases/([0-9a-f-]{36})/", response["Location"])[1]
        imported = {
            f.name: evidence_file_content(evidence_file=f)
            for f in EvidenceFile.objects.filter(case_id=new_id)
        }
        assert imported == original
        evidence = Case.objects.get(pk=new_id).case_file["evidence"]
        assert [e.get("file") for e in evidence] == ["ep.pdf", None, "photo.jpg"]

    def test_a_document_missing_from_the_zip_is_said_and_offered_again(self, browser, case_file):
        case_file = {
            **case_file,
            "format": "ehcp-case/2",
            "evidence": [{**case_file["evidence"][0], "file": "gone.pdf"}],
        }
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w") as archive:
            import json

            archive.writestr("case.json", json.dumps(case_file))
        response = browser.post(
            "/cases/import/",
            {"import-case_file": SimpleUploadedFile("case.zip", buffer.getvalue())},
            follow=True,
        )
        assert "gone.pdf" in response.content.decode()
        case = Case.objects.get()
        assert case.case_file["evidence"][0]["file"] == "gone.pdf"  # kept as it was given
        assert not EvidenceFile.objects.exists()
        page = browser.get(f"/cases/{case.id}/evidence/").content.decode()
        assert f"/cases/{case.id}/evidence/add/?item=0" in page


class SharedCaseTests:
    def test_an_advocates_download_is_recorded_for_the_parent(self, browser, case):
        import uuid
        from datetime import timedelta

        from django.test import Client
        from django.utils import timezone

        from journeys.models import AdvocateAccess, AuditEvent
        from tests.conftest import make_user

        _upload(browser, case, documents.pdf_bytes())
        advocate = make_user("advocate@example.org", "Ada Advocate")
        AdvocateAccess.objects.create(
            case=case,
            email="advocate@example.org",
            token_hash=uuid.uuid4().hex * 2,
            expires_at=timezone.now() + timedelta(days=7),
            accepted_by=advocate,
            accepted_at=timezone.now(),
        )
        other = Client()
        other.force_login(advocate)
        kept = EvidenceFile.objects.get()

        page = other.get(f"/cases/{case.id}/evidence/").content.decode()
        assert "Add a document" not in page and "Delete" not in page
        assert other.get(f"/cases/{case.id}/evidence/{kept.id}/download/").status_code == 200
        assert [(e.action, e.detail) for e in AuditEvent.objects.order_by("at")] == [
            ("looked at", "the documents"),
            ("downloaded", "a document"),
        ]


class LaterJourneysTests:
    def test_a_journey_that_rewrites_the_evidence_list_keeps_the_documents_named(self):
        from journeys.cases.services import merge_case_files

        saved = {
            "format": "ehcp-case/1",
            "evidence": [
                {"kind": "other", "title": "A", "date": "2026-01-01", "file": "a.pdf"},
                {"kind": "other", "title": "B", "date": "2026-01-02", "file": "b.pdf"},
            ],
        }
        new = {
            "format": "ehcp-case/1",
            "evidence": [
                {"kind": "other", "title": "A", "date": "2026-01-01"},
                {"kind": "other", "title": "C", "date": "2026-01-03"},
            ],
        }
        merged = merge_case_files(saved, new)
        assert merged["format"] == "ehcp-case/2"
        assert [(e["title"], e.get("file")) for e in merged["evidence"]] == [
            ("A", "a.pdf"),
            ("C", None),
            ("B", "b.pdf"),
        ]


class EveryWayACaseGoesTests:
    def test_deleting_the_account_deletes_its_documents_and_packs(
        self, browser, case, owner, django_capture_on_commit_callbacks
    ):
        from ehcp_site.accounts.services import user_delete
        from journeys.models import EvidencePack

        _upload(browser, case, documents.pdf_bytes())
        kept = EvidenceFile.objects.get()
        browser.post(f"/cases/{case.id}/evidence/pack/", {"pack-documents": [str(kept.id)]})
        stored = [kept.stored_as, EvidencePack.objects.get().stored_as]
        assert all(evidence_storage().exists(name) for name in stored)

        with django_capture_on_commit_callbacks(execute=True):
            user_delete(user=owner)

        assert not any(evidence_storage().exists(name) for name in stored)


class KeyRotationTests:
    def test_stored_documents_are_re_encrypted_with_the_new_key(self, browser, case, settings):
        from cryptography.fernet import Fernet
        from django.core.management import call_command

        _upload(browser, case, documents.pdf_bytes(2))
        before = EvidenceFile.objects.get()
        content = evidence_file_content(evidence_file=before)
        new_key = Fernet.generate_key().decode()

        settings.FIELD_ENCRYPTION_KEYS = [new_key, *settings.FIELD_ENCRYPTION_KEYS]
        out = io.StringIO()
        call_command("rotate_encryption_key", stdout=out)
        assert "1 stored documents" in out.getvalue()
        settings.FIELD_ENCRYPTION_KEYS = [new_key]  # the old key is gone

        after = EvidenceFile.objects.get()
        assert after.stored_as != before.stored_as
        assert not evidence_storage().exists(before.stored_as)
        assert evidence_file_content(evidence_file=after) == content
        assert after.title == "EP report"


class CaseFileBoundsTests:
    def test_a_case_with_as_much_evidence_as_it_can_list_says_so_and_keeps_nothing(
        self, browser, case
    ):
        item = {"kind": "other", "title": "Note", "date": "2026-01-01"}
        case.case_file = {**case.case_file, "evidence": [item] * 30}
        case.save()
        before = (
            set(evidence_storage().listdir(str(case.pk))[1])
            if evidence_storage().exists(str(case.pk))
            else set()
        )

        response = _upload(browser, case, documents.pdf_bytes())

        assert "cannot list more evidence" in _error_beside_the_field(response.content.decode())
        assert not EvidenceFile.objects.exists()
        after = set(evidence_storage().listdir(str(case.pk))[1])
        assert after == before  # the stored bytes went with the rolled-back row


class SecondDocumentForOneItemTests:
    def test_an_item_that_has_its_document_gets_a_new_item_for_another(self, browser, case):
        _upload(browser, case, documents.pdf_bytes(), "first.pdf", query="?item=0")
        _upload(browser, case, documents.pdf_bytes(), "second.pdf", query="?item=0")
        evidence = Case.objects.get(pk=case.pk).case_file["evidence"]
        assert [e.get("file") for e in evidence] == ["first.pdf", None, "second.pdf"]
