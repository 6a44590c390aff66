"""The working document page: the family links a change to a document, says what section I
should say, sees the page count, and downloads Word and PDF with the pack's page in them."""

from __future__ import annotations

import io

import pytest
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from journeys.models import EvidencePack
from tests.factories import CaseFactory
from tests.letters.docx_text import docx_document
from tests.letters.pdf_text import pdf_text

ORIGINAL = "Sam will have access to speech and language therapy as needed."
SOUGHT = "Sam will have 1:1 speech and language therapy for 30 minutes each week."


@pytest.fixture
def plan_case(owner, case_file):
    case_file["plan"] = {"sections": {"F": ORIGINAL, "I": "A mainstream school."}}
    case_file["decision"] = {"kind": "plan_contents", "date": "2026-09-01"}
    extras = {"plan": {"plan_fixes": [{"section": "F", "original": ORIGINAL, "proposed": SOUGHT}]}}
    return CaseFactory(journey="plan", case_file=case_file, owner=owner, extras=extras)


def page_url(case):
    return reverse("journeys:working-document", kwargs={"case_id": case.id})


def download(browser, case, fmt):
    url = reverse("journeys:working-document-download", kwargs={"case_id": case.id, "fmt": fmt})
    return browser.get(url)


def evidence_title(case):
    return case.case_file["evidence"][0]["title"]


@pytest.mark.django_db
class WorkingDocumentPageTests:
    def test_the_page_asks_about_each_change_and_shows_the_page_count(self, browser, plan_case):
        page = browser.get(page_url(plan_case)).content.decode()
        assert "Which document supports change 1 (section F)?" in page
        assert SOUGHT in page
        assert "What should section I say?" in page
        assert "The Tribunal&#x27;s limit is 25 pages" in page or "limit is 25 pages" in page
        assert 'id="page-count"' in page

    def test_saving_links_the_change_and_the_files_name_the_document(self, browser, plan_case):
        title = evidence_title(plan_case)
        response = browser.post(
            page_url(plan_case),
            {
                "evidence_1": title,
                "section_i": "Oakfield School",
                "section_i_evidence": "",
            },
        )
        assert response.status_code == 302 and response["Location"] == page_url(plan_case)
        plan_case.refresh_from_db()
        kept = plan_case.extras["working-document"]["working_document"]
        assert kept == {"evidence": {ORIGINAL: title}, "section_i": "Oakfield School"}
        # No pack built: the document is named by its title, without a page.
        text = pdf_text(download(browser, plan_case, "pdf").content)
        assert f"evidence: {title}" in text and "Oakfield School" in text

    def test_with_a_pack_the_change_points_at_its_page(self, browser, plan_case):
        title = evidence_title(plan_case)
        browser.post(page_url(plan_case), {"evidence_1": title, "section_i": ""})
        EvidencePack.objects.create(
            case=plan_case,
            inputs_hash="1" * 64,
            status=EvidencePack.Status.READY,
            pages=9,
            documents=[{"title": title, "date": "2026-03-10", "first_page": 4, "last_page": 9}],
            finished_at=timezone.now(),
        )
        document = docx_document(download(browser, plan_case, "docx").content)
        cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
        assert f"Evidence pack, page 4: {title}" in cells
        pdf = download(browser, plan_case, "pdf").content
        assert len(PdfReader(io.BytesIO(pdf)).pages) <= 25

    def test_a_document_not_in_the_case_is_refused(self, browser, plan_case):
        response = browser.post(page_url(plan_case), {"evidence_1": "A made-up report"})
        assert response.status_code == 200
        assert "Choose a document from the list" in response.content.decode()

    def test_without_plan_wording_the_page_says_where_to_paste_it(self, browser, case):
        page = browser.get(page_url(case)).content.decode()
        assert "paste sections B, F or I" in page
        assert download(browser, case, "pdf").status_code == 404
        assert download(browser, case, "txt").status_code == 404

    def test_over_the_limit_it_says_so_before_download(self, browser, plan_case, monkeypatch):
        from journeys.evidence import working_document_views

        monkeypatch.setattr(working_document_views, "WORKING_DOCUMENT_PAGES", 0)
        page = browser.get(page_url(plan_case)).content.decode()
        assert "more than the 0 the Tribunal allows" in page
        assert page.index("govuk-warning-text") < page.index("Download the working document")


@pytest.mark.django_db
class CaseOverviewLinkTests:
    def test_the_owner_of_a_case_with_plan_wording_finds_the_page(self, browser, plan_case):
        overview = reverse("journeys:case-overview", kwargs={"case_id": plan_case.id})
        assert page_url(plan_case) in browser.get(overview).content.decode()

    def test_a_case_with_no_plan_wording_has_no_link(self, browser, case):
        overview = reverse("journeys:case-overview", kwargs={"case_id": case.id})
        assert page_url(case) not in browser.get(overview).content.decode()


@pytest.mark.django_db
def test_a_document_too_long_to_make_says_so(browser, plan_case, monkeypatch):
    from letters import services

    monkeypatch.setattr(services, "LETTER_TEXT_LIMIT", 100)
    page = browser.get(page_url(plan_case)).content.decode()
    assert "too long for us to make into a file" in page
    assert "Download the working document" not in page
    assert download(browser, plan_case, "pdf").status_code == 404


@pytest.mark.django_db
def test_the_final_plan_journey_points_to_the_working_document(browser):
    from tests.journeys.test_stage_journeys import finish

    case_id, _, page = finish(browser, "plan", **{"plan-stage": {"plan-stage-plan_stage": "final"}})
    assert f"/cases/{case_id}/working-document/" in page
    # The page it points to has the plan's wording to work from.
    assert (
        "paste sections B, F or I"
        not in browser.get(f"/cases/{case_id}/working-document/").content.decode()
    )
