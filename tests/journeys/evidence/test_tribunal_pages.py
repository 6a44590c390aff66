"""The witness statement page and the request for more pages (form SEND7), through the
Django test client: the questions, the pages counted before printing, the downloads."""

from __future__ import annotations

import re

import pytest

from journeys.models import Case, EvidenceFile
from tests import documents
from tests.journeys.evidence.conftest import upload_data
from tests.letters.docx_text import docx_document
from tests.letters.pdf_text import pdf_text

pytestmark = pytest.mark.django_db

TRUTH = "I believe that the facts stated in this witness statement are true."


def statement(**fields) -> dict:
    data = {
        "witness-name": "Grace Okafor",
        "witness-relationship": "Sam's mother",
        "witness-appeal_number": "",
        "witness-about": "I am Sam's mother.",
        "witness-needs": "Sam cannot follow two-step instructions.\nHe is often distressed.",
        "witness-support": "",
        "witness-outcome": "",
    }
    data.update({f"witness-{k}": v for k, v in fields.items()})
    return data


def _text(page: bytes, element_id: str) -> str:
    found = re.search(rf'id="{element_id}">(.+?)</(p|ul|div)>', page.decode(), re.S)
    return " ".join(re.sub(r"<[^>]+>", " ", found.group(1)).split())


class WitnessStatementPageTests:
    def test_the_form_starts_with_the_applicant_as_witness(self, browser, case):
        page = browser.get(f"/cases/{case.id}/witness-statement/").content.decode()
        assert 'value="Grace Okafor"' in page
        assert 'value="Sam&#x27;s parent"' in page
        assert "Who I am and how I know Sam (optional)" in page
        assert "Practice Direction No. 1 of 2025" in page
        # The needs the family described, a line each, to keep or change: their own words.
        assert case.case_file["needs"]
        needs = re.search(r'<textarea[^>]*id="id_witness-needs"[^>]*>(.*?)</textarea>', page, re.S)
        assert needs[1].strip().splitlines() == [
            " ".join(filter(None, (need.get("description"), need.get("impact")))).replace(
                "'", "&#x27;"
            )
            for need in case.case_file["needs"]
        ]

    def test_the_case_page_links_to_it_for_the_owner(self, browser, case):
        page = browser.get(f"/cases/{case.id}/").content.decode()
        assert f'href="/cases/{case.id}/witness-statement/"' in page

    def test_a_statement_needs_at_least_one_section(self, browser, case):
        response = browser.post(
            f"/cases/{case.id}/witness-statement/", statement(about="", needs="")
        )
        assert response.status_code == 200
        assert "Write at least one section of the statement" in response.content.decode()
        assert "witness-statement" not in Case.objects.get(pk=case.pk).extras

    def test_saved_the_pages_are_shown_before_download(self, browser, case):
        response = browser.post(f"/cases/{case.id}/witness-statement/", statement())
        assert response["Location"] == f"/cases/{case.id}/witness-statement/ready/"
        page = browser.get(response["Location"])
        assert _text(page.content, "statement-pages") == (
            "Printed, the statement is 1 page of A4. The limit is 10 pages."
        )
        assert b'id="too-long"' not in page.content
        pdf = browser.get(f"/cases/{case.id}/letters/witness_statement.pdf")
        text = pdf_text(pdf.content)
        assert "1. My name is Grace Okafor. I am Sam's mother." in text
        assert "4. Sam cannot follow two-step instructions." in text and TRUTH in text
        docx = browser.get(f"/cases/{case.id}/letters/witness_statement.docx")
        lines = [p.text for p in docx_document(docx.content).paragraphs]
        assert "5. He is often distressed." in lines and TRUTH in lines

    def test_the_form_shows_what_was_saved(self, browser, case):
        browser.post(f"/cases/{case.id}/witness-statement/", statement(appeal_number="EH1/2"))
        page = browser.get(f"/cases/{case.id}/witness-statement/").content.decode()
        assert 'value="EH1/2"' in page and "He is often distressed." in page

    def test_too_long_is_said_with_the_longest_sections_first(self, browser, case):
        line = "Sam finds the noise of the classroom very hard. " * 4  # 36 words
        support = "\n".join([line] * 100)  # 3,600 words
        needs = "\n".join([line] * 60)
        outcome = "\n".join([line] * 40)
        response = browser.post(
            f"/cases/{case.id}/witness-statement/",
            statement(support=support, needs=needs, outcome=outcome),
        )
        assert response.status_code == 302
        page = browser.get(f"/cases/{case.id}/witness-statement/ready/")
        said = _text(page.content, "statement-pages")
        assert int(re.search(r"statement is (\d+) pages", said)[1]) > 10
        assert "too long for the Tribunal" in _text(page.content, "too-long")
        assert _text(page.content, "longest-sections") == (
            "The help Sam has had, and what happened: 3600 words "
            "What Sam finds hard, day to day: 2160 words "
            "What I ask the Tribunal for, and why: 1440 words "
            "Who I am and how I know Sam: 4 words"
        )
        # Still to be had, to work on: the PDF is the one counted.
        assert browser.get(f"/cases/{case.id}/letters/witness_statement.pdf").status_code == 200

    def test_nothing_saved_goes_to_the_questions(self, browser, case):
        response = browser.get(f"/cases/{case.id}/witness-statement/ready/")
        assert response["Location"] == f"/cases/{case.id}/witness-statement/"

    def test_someone_elses_case_is_not_found(self, client, case):
        from tests.conftest import make_user

        client.force_login(make_user("other@example.org", "Oscar Other"))
        assert client.post(f"/cases/{case.id}/witness-statement/", statement()).status_code == 404
        assert "witness-statement" not in Case.objects.get(pk=case.pk).extras


def _add(browser, case, pages, title, day):
    data = upload_data(documents.pdf_bytes(pages), f"{title}.pdf")
    data.update({"evidence-document_title": title, "evidence-date_0": str(day)})
    before = set(EvidenceFile.objects.values_list("pk", flat=True))
    assert browser.post(f"/cases/{case.id}/evidence/add/", data).status_code == 302
    return EvidenceFile.objects.exclude(pk__in=before).get()


@pytest.fixture
def over(browser, case):
    case.case_file = {
        **case.case_file,
        "decision": {"kind": "refusal_to_assess", "date": "2026-06-01"},
    }
    case.save()
    return [
        _add(browser, case, 30, "Long report", 3),
        _add(browser, case, 40, "Longer report", 1),
        _add(browser, case, 5, "Letter", 2),
    ]


class MorePagesPageTests:
    def test_the_pack_page_offers_the_request_when_over_the_limit(self, browser, case, over):
        page = browser.get(f"/cases/{case.id}/evidence/pack/").content.decode()
        link = re.search(r'id="ask-more-pages" href="([^"]+)"', page)[1].replace("&amp;", "&")
        assert link.count("pack-documents=") == 3
        request = browser.get(link).content.decode()
        assert "76 pages" in request and "1 page over the limit of 75" in request
        # One line is asked for each document over the limit, and only for those.
        assert request.count("Why does the Tribunal need") == 1
        assert "Why does the Tribunal need \u201cLonger report\u201d?" in request
        assert 'id="request-ready"' not in request

    def test_within_the_limit_there_is_nothing_to_ask(self, browser, case, over):
        query = f"pack-documents={over[2].pk}"
        page = browser.get(f"/cases/{case.id}/evidence/pack/more-pages/?{query}")
        assert "You do not need to ask for more pages" in page.content.decode()
        assert b"Why does the Tribunal need" not in page.content

    def test_every_reason_is_the_familys(self, browser, case, over):
        data = {"pack-documents": [str(f.pk) for f in over]}
        response = browser.post(f"/cases/{case.id}/evidence/pack/more-pages/", data)
        assert response.status_code == 200
        assert "Say why the Tribunal needs \u201cLonger report\u201d" in response.content.decode()
        assert "send7" not in Case.objects.get(pk=case.pk).extras

    def test_the_request_is_written_from_the_choice_and_read_back(self, browser, case, over):
        longer = over[1]
        data = {
            "pack-documents": [str(f.pk) for f in over],
            f"why_{longer.pk}": "The only report on Sam's speech.",
        }
        response = browser.post(f"/cases/{case.id}/evidence/pack/more-pages/", data)
        assert response.status_code == 302
        page = browser.get(response["Location"]).content.decode()
        assert (
            'id="request-ready"' in page and 'value="The only report on Sam&#x27;s speech."' in page
        )
        text = pdf_text(browser.get(f"/cases/{case.id}/letters/send7_request.pdf").content)
        assert "send 76 pages of evidence, 1 page more than the limit of 75 pages" in text
        assert "1. Longer report, by Dr A Patel, dated 1 March 2026: 40 pages" in text
        assert "Longer report (40 pages): The only report on Sam's speech." in text
        assert "Long report (30 pages):" not in text
        docx = browser.get(f"/cases/{case.id}/letters/send7_request.docx").content
        lines = [p.text for p in docx_document(docx).paragraphs]
        assert "Request for more pages of evidence (form SEND7)" in lines
        assert "Longer report (40 pages): The only report on Sam's speech." in lines

    def test_a_different_choice_is_not_ready_until_saved_again(self, browser, case, over):
        longer = over[1]
        data = {"pack-documents": [str(f.pk) for f in over], f"why_{longer.pk}": "Needed."}
        browser.post(f"/cases/{case.id}/evidence/pack/more-pages/", data)
        query = "&".join(f"pack-documents={f.pk}" for f in over[:2])
        page = browser.get(f"/cases/{case.id}/evidence/pack/more-pages/?{query}")
        assert b'id="request-ready"' not in page.content

    def test_a_document_of_another_case_is_never_counted(self, browser, case, over, owner):
        from tests.factories import CaseFactory

        other = CaseFactory(journey="request", case_file=case.case_file, owner=owner)
        theirs = _add(browser, other, 90, "Their report", 4)
        query = f"pack-documents={theirs.pk}&pack-documents={over[2].pk}"
        page = browser.get(f"/cases/{case.id}/evidence/pack/more-pages/?{query}").content.decode()
        assert "6 pages with the index" in " ".join(page.split())
        assert "Their report" not in page
