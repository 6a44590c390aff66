"""The decision-letter check and the evidence-gaps page, through Django's client."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.test import Client
from django.urls import reverse

from journeys.models import AdvocateAccess, AuditEvent
from tests.conftest import make_user
from tests.factories import CaseFactory
from tests.letters.pdf_text import pdf_text

LETTERS = Path(__file__).parents[1] / "rules" / "data" / "decision_letters"


def _letter(name: str) -> str:
    return (LETTERS / name).read_text(encoding="utf-8").partition("\n---\n")[2]


@pytest.fixture
def parent():
    return make_user("grace@example.org", "Grace Okafor")


@pytest.fixture
def case(parent, case_file):
    case_file = {
        **case_file,
        "decision": {
            "kind": "refusal_to_assess",
            "date": "2026-02-20",
            "reasons_given": ["Needs can be met from SEN support", "No diagnosis of autism"],
        },
    }
    return CaseFactory(journey="request", case_file=case_file, owner=parent)


@pytest.fixture
def browser(parent):
    client = Client()
    client.force_login(parent)
    return client


@pytest.mark.django_db
class CheckLetterTests:
    def test_the_form_starts_with_the_cases_decision(self, browser, case):
        page = browser.get(reverse("journeys:check-letter", kwargs={"case_id": case.id}))
        html = page.content.decode()
        assert page.status_code == 200
        assert '<h1 class="govuk-heading-l">Check the council\'s decision letter</h1>' in html
        assert 'value="refusal_to_assess" checked' in html
        assert "What we found" not in html

    def test_a_letter_missing_things_lists_them_with_their_law_and_the_grounds(self, browser, case):
        page = browser.post(
            reverse("journeys:check-letter", kwargs={"case_id": case.id}),
            {
                "decision_kind": "refusal_to_assess",
                "letter_text": _letter("02_kent_refusal_to_assess_bare.txt"),
            },
        )
        html = page.content.decode()
        assert "does not seem to mention 8 things the law requires" in html
        assert "The decision letter does not give the time limit for appealing." in html
        assert (
            "Source: Children and Families Act 2014, s.36(5); SEND Regulations 2014, reg 5(3)."
            in html
        )
        # The grounds, ready for a late appeal, and the way on to the appeal journey.
        assert 'id="grounds"' in html
        assert "for appealing (Children and Families Act 2014, s.36(5)" in html
        assert (
            reverse("journeys:continue", kwargs={"case_id": case.id, "journey": "appeal"}) in html
        )
        assert "The council&#x27;s reasons" in html  # found: the Kent letter gives reasons

    def test_a_complete_letter_says_nothing_is_missing(self, browser, case):
        page = browser.post(
            reverse("journeys:check-letter", kwargs={"case_id": case.id}),
            {
                "decision_kind": "refusal_to_assess",
                "letter_text": _letter("01_bristol_refusal_to_assess_complete.txt"),
            },
        )
        html = page.content.decode()
        assert "Nothing missing" in html
        assert 'id="grounds"' not in html

    def test_the_text_is_escaped_and_not_saved(self, browser, case):
        before = case.case_file
        page = browser.post(
            reverse("journeys:check-letter", kwargs={"case_id": case.id}),
            {"decision_kind": "cease_to_maintain", "letter_text": "<script>alert(1)</script>"},
        )
        assert "<script>alert(1)</script>" not in page.content.decode()
        case.refresh_from_db()
        assert case.case_file == before

    def test_errors_name_what_is_missing(self, browser, case):
        page = browser.post(reverse("journeys:check-letter", kwargs={"case_id": case.id}), {})
        html = page.content.decode()
        assert page.status_code == 200
        assert "<title>Error:" in html
        assert "Paste the text of the council&#x27;s letter" in html
        assert "Select what the council decided" in html

    def test_an_advocate_may_check_but_is_not_offered_the_appeal_journey(self, case):
        advocate = make_user("ada@example.org", "Ada Advocate")
        AdvocateAccess.objects.create(
            case=case,
            email="ada@example.org",
            token_hash="a" * 64,
            expires_at="2999-01-01T00:00:00Z",
            accepted_by=advocate,
            accepted_at="2026-01-01T00:00:00Z",
        )
        client = Client()
        client.force_login(advocate)
        url = reverse("journeys:check-letter", kwargs={"case_id": case.id})
        assert client.get(url).status_code == 200
        assert AuditEvent.objects.filter(case=case, detail="the decision-letter check").exists()
        page = client.post(url, {"decision_kind": "refusal_to_assess", "letter_text": "No."})
        assert "Prepare an appeal" not in page.content.decode()


@pytest.mark.django_db
class KeepForAppealTests:
    """The parent may keep what the check found for their reasons for appeal: only the
    decision and the missing items' codes, never the letter's text."""

    def _post(self, client, case, **data):
        return client.post(
            reverse("journeys:check-letter", kwargs={"case_id": case.id}),
            {
                "decision_kind": "refusal_to_assess",
                "letter_text": _letter("03_surrey_refusal_to_assess_no_reasons.txt"),
                **data,
            },
        )

    def test_the_parent_keeps_the_codes_for_this_decision(self, browser, case):
        page = self._post(browser, case)
        assert "Use these in my reasons for appeal" in page.content.decode()
        page = self._post(browser, case, save="1")
        assert "your reasons for appeal will now say what the decision letter left out" in (
            page.content.decode()
        )
        case.refresh_from_db()
        assert case.extras["letter-check"] == {
            "decision_letter": {
                "kind": "refusal_to_assess",
                "date": "2026-02-20",
                "missing": ["reasons", "mediation_adviser_contact"],
            }
        }
        assert "Surrey" not in str(case.extras)  # the letter's text is not kept

    def test_a_letter_about_another_decision_is_not_kept(self, browser, case):
        page = self._post(browser, case, decision_kind="cease_to_maintain", save="1")
        assert "Use these in my reasons for appeal" not in page.content.decode()
        case.refresh_from_db()
        assert "letter-check" not in case.extras

    def test_only_the_parent_may_keep_it(self, case):
        advocate = make_user("ada@example.org", "Ada Advocate")
        AdvocateAccess.objects.create(
            case=case,
            email="ada@example.org",
            token_hash="b" * 64,
            expires_at="2999-01-01T00:00:00Z",
            accepted_by=advocate,
            accepted_at="2026-01-01T00:00:00Z",
        )
        client = Client()
        client.force_login(advocate)
        assert "Use these in my reasons" not in self._post(client, case).content.decode()
        assert self._post(client, case, save="1").status_code == 404
        case.refresh_from_db()
        assert "letter-check" not in case.extras


@pytest.mark.django_db
class ComplaintAboutTheLetterTests:
    """Issue 16 item 5: the owner may write a complaint about what the letter left out."""

    def _post(self, client, case, letter="03_surrey_refusal_to_assess_no_reasons.txt", **data):
        return client.post(
            reverse("journeys:check-letter", kwargs={"case_id": case.id}),
            {"decision_kind": "refusal_to_assess", "letter_text": _letter(letter), **data},
        )

    def test_the_owner_keeps_the_check_and_downloads_the_complaint(self, browser, case):
        assert "Write a complaint about the letter" in self._post(browser, case).content.decode()
        html = self._post(browser, case, save="complaint").content.decode()
        url = reverse(
            "letters:download",
            kwargs={"case_id": case.id, "kind": "decision_letter_complaint", "fmt": "pdf"},
        )
        assert f'href="{url}"' in html
        pdf = browser.get(url)
        assert pdf.status_code == 200
        text = " ".join(pdf_text(pdf.content).split())
        assert "The decision letter does not give the council's reasons for the decision" in text
        assert "does not give contact details for the mediation adviser" in text
        assert "Please send me a corrected decision letter" in text

    def test_no_complaint_is_offered_for_a_complete_letter(self, browser, case):
        html = self._post(browser, case, letter="01_bristol_refusal_to_assess_complete.txt")
        assert "Write a complaint about the letter" not in html.content.decode()

    def test_before_the_check_is_kept_there_is_no_complaint_to_download(self, browser, case):
        url = reverse(
            "letters:download",
            kwargs={"case_id": case.id, "kind": "decision_letter_complaint", "fmt": "pdf"},
        )
        assert browser.get(url).status_code == 404

    def test_only_the_owner_is_offered_it(self, case):
        advocate = make_user("ada@example.org", "Ada Advocate")
        AdvocateAccess.objects.create(
            case=case,
            email="ada@example.org",
            token_hash="c" * 64,
            expires_at="2999-01-01T00:00:00Z",
            accepted_by=advocate,
            accepted_at="2026-01-01T00:00:00Z",
        )
        client = Client()
        client.force_login(advocate)
        assert "Write a complaint" not in self._post(client, case).content.decode()
        assert self._post(client, case, save="complaint").status_code == 404


@pytest.mark.django_db
class EvidenceGapsPageTests:
    def test_each_need_and_reason_with_its_evidence_and_gap(self, browser, case):
        page = browser.get(reverse("journeys:evidence-gaps", kwargs={"case_id": case.id}))
        html = page.content.decode()
        assert page.status_code == 200
        # Sam's fixture: an EP report and an SLT report; needs in communication and SEMH.
        assert "Communication and interaction" in html
        assert "Speech and language therapy report, Jo Smith, SLT (2026-05-20)" in html
        assert "A professional has reported" in html
        assert "The council's reasons" in html
        assert "A diagnosis is not needed" in html
        assert "Source: Children and Families Act 2014, s.20(1)." in html

    def test_the_appeal_journeys_further_points_are_checked_too(self, browser, case):
        case.extras = {"appeal": {"appeal": {"grounds": ["The school cannot meet his needs"]}}}
        case.save()
        html = browser.get(
            reverse("journeys:evidence-gaps", kwargs={"case_id": case.id})
        ).content.decode()
        assert "Needs can be met from SEN support" in html
        assert "The school cannot meet his needs" in html

    def test_a_case_with_no_needs_says_where_they_are_asked(self, browser, case):
        case.case_file = {**case.case_file, "needs": [], "decision": {"kind": "refusal_to_assess"}}
        case.save()
        html = browser.get(
            reverse("journeys:evidence-gaps", kwargs={"case_id": case.id})
        ).content.decode()
        assert "does not describe any needs yet" in html
        assert "The council's reasons" not in html
        assert "Nothing in the evidence list" not in html

    def test_the_case_page_links_to_both_checks(self, browser, case):
        html = browser.get(
            reverse("journeys:case-overview", kwargs={"case_id": case.id})
        ).content.decode()
        assert reverse("journeys:check-letter", kwargs={"case_id": case.id}) in html
        assert reverse("journeys:evidence-gaps", kwargs={"case_id": case.id}) in html
