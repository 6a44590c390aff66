"""Choosing documents for the pack, the count against the limit, and the pack built by the
worker (the test settings' immediate backend runs it at once)."""

from __future__ import annotations

import io
import re

import pytest
from pypdf import PdfReader

from journeys.evidence import services
from journeys.models import Case, EvidenceFile, EvidencePack
from tests import documents
from tests.journeys.evidence.conftest import upload_data

pytestmark = pytest.mark.django_db


def _add(browser, case, pages, title, day):
    data = upload_data(documents.pdf_bytes(pages), f"{title}.pdf")
    data.update({"evidence-document_title": title, "evidence-date_0": str(day)})
    before = set(EvidenceFile.objects.values_list("pk", flat=True))
    assert browser.post(f"/cases/{case.id}/evidence/add/", data).status_code == 302
    return EvidenceFile.objects.exclude(pk__in=before).get()


def _decide(case, kind):
    case.case_file = {**case.case_file, "decision": {"kind": kind, "date": "2026-06-01"}}
    case.save()


@pytest.fixture
def three(browser, case):
    return [
        _add(browser, case, 30, "Long report", 3),
        _add(browser, case, 40, "Longer report", 1),
        _add(browser, case, 5, "Letter", 2),
    ]


def _page_count(page: str) -> str:
    return " ".join(re.search(r'id="page-count">(.+?)</p>', page, re.S).group(1).split())


class PackPageTests:
    def test_every_document_is_ticked_at_first_and_counted_with_the_index(
        self, browser, case, three
    ):
        _decide(case, "refusal_to_assess")
        page = browser.get(f"/cases/{case.id}/evidence/pack/").content.decode()
        assert page.count('type="checkbox"') == 3 and page.count("checked") == 3
        assert _page_count(page) == (
            "With the index, the pack will have <strong>76 pages</strong>. "
            "The limit for this appeal is 75 pages."
        )
        dropping = re.search(r'id="consider-dropping">(.+?)</ul>', page, re.S).group(1)
        assert "Longer report (40 pages)" in dropping
        assert "Long report" not in dropping.replace("Longer report", "")

    @pytest.mark.parametrize(
        ("kind", "limit"),
        [
            ("refusal_to_assess", 75),
            ("refusal_to_reassess", 75),
            ("placement_only", 75),
            ("cease_to_maintain", 75),
            ("refusal_to_issue_plan", 100),
            ("plan_contents", 100),
            # Which sections a refusal to amend disputes is not known: the lower limit
            # (journeys.rules.bundle, the entry's safe_reading).
            ("refusal_to_amend", 75),
        ],
    )
    def test_the_limit_is_this_appeals(self, browser, case, three, kind, limit):
        _decide(case, kind)
        page = browser.get(f"/cases/{case.id}/evidence/pack/").content.decode()
        assert f"The limit for this appeal is {limit} pages." in _page_count(page)
        assert ('id="consider-dropping"' in page) is (limit < 76)

    def test_without_a_decision_there_is_no_limit(self, browser, case, three):
        page = browser.get(f"/cases/{case.id}/evidence/pack/").content.decode()
        assert "Record the council's decision" in _page_count(page).replace("&#x27;", "'")
        assert 'id="consider-dropping"' not in page

    def test_counting_the_ticked_documents_again(self, browser, case, three):
        _decide(case, "refusal_to_assess")
        long, _, letter = three
        page = browser.get(
            f"/cases/{case.id}/evidence/pack/",
            {"pack-documents": [str(long.id), str(letter.id)], "count": "1"},
        ).content.decode()
        assert "<strong>36 pages</strong>" in _page_count(page)
        assert 'id="consider-dropping"' not in page
        assert page.count('type="hidden" name="pack-documents"') == 2

    def test_counting_nothing_ticked_says_so(self, browser, case, three):
        page = browser.get(f"/cases/{case.id}/evidence/pack/", {"count": "1"}).content.decode()
        assert "Choose at least one document for the pack" in page
        assert "Build the pack" not in page

    def test_building_queues_the_work_and_the_page_shows_the_result(self, browser, case, three):
        _decide(case, "plan_contents")
        response = browser.post(
            f"/cases/{case.id}/evidence/pack/",
            {"pack-documents": [str(f.id) for f in three]},
        )
        pack = EvidencePack.objects.get()
        assert response["Location"] == f"/cases/{case.id}/evidence/pack/{pack.id}/"
        page = browser.get(response["Location"]).content.decode()
        assert "Your pack is ready" in page
        assert "76 pages, limit 100" in " ".join(page.split())
        assert 'http-equiv="refresh"' not in page

        pdf = browser.get(f"/cases/{case.id}/evidence/pack/{pack.id}/evidence-pack.pdf")
        assert pdf["Content-Type"] == "application/pdf"
        reader = PdfReader(io.BytesIO(pdf.content))
        assert len(reader.pages) == 76
        assert "Page 76 of 76" in reader.pages[-1].extract_text()
        assert [m.title for m in reader.outline][1:] == [
            "2026-03-01 Longer report",
            "2026-03-02 Letter",
            "2026-03-03 Long report",
        ]

    def test_a_pack_being_built_refreshes_itself_without_javascript(self, browser, case, three):
        pack = EvidencePack.objects.create(case=case, inputs_hash="x" * 64, file_ids=[])
        page = browser.get(f"/cases/{case.id}/evidence/pack/{pack.id}/").content.decode()
        assert '<meta http-equiv="refresh" content="3">' in page
        assert "Check again" in page
        download = browser.get(f"/cases/{case.id}/evidence/pack/{pack.id}/evidence-pack.pdf")
        assert download.status_code == 302  # not ready: back to the status page

    def test_the_same_pack_twice_is_built_once(self, browser, case, three, monkeypatch):
        runs = []
        real = services.evidence_pack_run
        monkeypatch.setattr(
            services, "evidence_pack_run", lambda **kw: (runs.append(kw), real(**kw))
        )
        import journeys.evidence.tasks as tasks

        monkeypatch.setattr(tasks, "evidence_pack_run", services.evidence_pack_run)
        chosen = {"pack-documents": [str(f.id) for f in three]}
        first = browser.post(f"/cases/{case.id}/evidence/pack/", chosen)["Location"]
        second = browser.post(f"/cases/{case.id}/evidence/pack/", chosen)["Location"]
        assert first == second
        assert len(runs) == 1
        assert EvidencePack.objects.count() == 1

    def test_a_changed_title_is_a_new_pack(self, browser, case, three):
        chosen = {"pack-documents": [str(f.id) for f in three]}
        first = browser.post(f"/cases/{case.id}/evidence/pack/", chosen)["Location"]
        EvidenceFile.objects.filter(pk=three[0].pk).update(title="Renamed")
        second = browser.post(f"/cases/{case.id}/evidence/pack/", chosen)["Location"]
        assert first != second

    def test_a_failed_build_says_why(self, browser, case, three, monkeypatch):
        from journeys.documents.checks import DocumentRefused

        def broken(**kwargs):
            raise DocumentRefused("Letter.pdf: The PDF cannot be opened: it may be damaged")

        monkeypatch.setattr(services, "evidence_pack_make", broken)
        location = browser.post(
            f"/cases/{case.id}/evidence/pack/", {"pack-documents": [str(three[2].id)]}
        )["Location"]
        page = browser.get(location).content.decode()
        assert "The pack could not be built" in page
        assert "Letter.pdf: The PDF cannot be opened" in page

    def test_deleting_a_document_deletes_the_packs_made_with_it(self, browser, case, three):
        browser.post(f"/cases/{case.id}/evidence/pack/", {"pack-documents": [str(three[0].id)]})
        browser.post(f"/cases/{case.id}/evidence/pack/", {"pack-documents": [str(three[1].id)]})
        browser.post(f"/cases/{case.id}/evidence/{three[0].id}/delete/")
        assert [p.file_ids for p in EvidencePack.objects.all()] == [[str(three[1].id)]]
        assert Case.objects.filter(pk=case.pk).exists()


@pytest.mark.skipif(
    __import__("journeys.documents.convert", fromlist=["x"]).soffice_path() is None,
    reason="LibreOffice (soffice) is not installed; CI installs it",
)
def test_a_word_documents_pages_are_exact_once_a_pack_is_built(browser, case):
    data = upload_data(documents.docx_bytes(), "notes.docx")
    browser.post(f"/cases/{case.id}/evidence/add/", data)
    word = EvidenceFile.objects.get()
    assert word.kind == "docx" and not word.pages_exact
    page = browser.get(f"/cases/{case.id}/evidence/pack/").content.decode()
    assert "A Word document's pages are counted exactly" in page

    browser.post(f"/cases/{case.id}/evidence/pack/", {"pack-documents": [str(word.id)]})

    word.refresh_from_db()
    assert (word.pages, word.pages_exact) == (1, True)
    assert EvidencePack.objects.get().pages == 2


def test_a_pack_whose_worker_died_is_built_again_when_asked_later(browser, case, three):
    from datetime import timedelta

    from django.utils import timezone

    chosen = {"pack-documents": [str(f.id) for f in three]}
    browser.post(f"/cases/{case.id}/evidence/pack/", chosen)
    pack = EvidencePack.objects.get()
    EvidencePack.objects.filter(pk=pack.pk).update(status="running", stored_as="")

    browser.post(f"/cases/{case.id}/evidence/pack/", chosen)
    assert EvidencePack.objects.get().status == "running"  # a minute later: still waiting

    EvidencePack.objects.filter(pk=pack.pk).update(
        created_at=timezone.now() - timedelta(minutes=11)
    )
    browser.post(f"/cases/{case.id}/evidence/pack/", chosen)
    assert EvidencePack.objects.get().status == "ready"
