"""The plan-life journeys (issue 14): annual review, proposed amendments, refusal to amend,
ceasing. Their definitions (visible steps), whole journeys through Django's client, the case
files they write, and their letters read back from the PDF and the DOCX."""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Any

import pytest
from django.utils import timezone

from journeys.forms.stages import text_key
from journeys.models import Case
from journeys.wizard.definition import AMENDMENTS, ANNUAL_REVIEW, CEASING, NOT_AMENDED
from tests.conftest import (
    ABOUT_SLUGS,
    STEP_URL,
    VOICE_LEFT_BLANK,
    about_answers,
    date_parts,
    formset,
    request_answers,
    signed_in_client,
    walk,
)
from tests.letters.docx_text import docx_text
from tests.letters.pdf_text import pdf_text

VAGUE_F = "Sam will have access to speech and language therapy as needed."
REASONS = ("The plan still meets Sam's needs", "Sam is making good progress")


def _days_ago(days: int) -> date:
    return timezone.localdate() - timedelta(days=days)


def _date(name: str, day: date) -> dict[str, str]:
    return date_parts(name, day.day, day.month, day.year)


def _fixes(slug: str) -> dict[str, str]:
    key = text_key(VAGUE_F)
    return {
        f"{slug}-who_{key}": "a qualified speech and language therapist",
        f"{slug}-what_{key}": "1:1 language therapy",
        f"{slug}-how_often_{key}": "once a week",
        f"{slug}-how_long_{key}": "45 minutes",
        f"{slug}-reviewed_{key}": "every half term",
    }


def _responses(slug: str, reasons=REASONS) -> dict[str, str]:
    return {
        f"{slug}-response_{text_key(reasons[0])}": "The EP report of March says he needs more.",
        f"{slug}-response_{text_key(reasons[1])}": "",
    }


def young_person_about(born: date) -> dict[str, dict[str, Any]]:
    """The opening answers filled in by a young person for themselves."""
    answers = {**about_answers(), **VOICE_LEFT_BLANK}
    answers["child-name"] = {"child-name-first_name": "Jordan", "child-name-last_name": "Reid"}
    answers["child-pronouns"] = {"child-pronouns-pronouns": "they"}
    answers["child-date-of-birth"] = _date("child-date-of-birth-date_of_birth", born)
    answers["your-details"] = {
        "your-details-name": "Jordan Reid",
        "your-details-relationship": "young_person",
    }
    return answers


def review_answers(**overrides) -> dict[str, dict[str, Any]]:
    answers = {**about_answers(), **VOICE_LEFT_BLANK}
    answers.update(
        {
            "review-plan-date": {
                **_date("review-plan-date-last_date", _days_ago(330)),
                "review-plan-date-date_is": "made",
            },
            "review-meeting-held": {"review-meeting-held-held": "no"},
            "review-meeting-date": _date(
                "review-meeting-date-meeting_date", timezone.localdate() + timedelta(days=14)
            ),
            "review-gone-well": {"review-gone-well-gone_well": "He has made two friends."},
            "review-not-gone-well": {
                "review-not-gone-well-not_gone_well": "Therapy stopped in March."
            },
            "review-outcomes": formset(
                "review-outcomes",
                [
                    {
                        "outcome": "Sam will follow two-step instructions.",
                        "on_track": "partly",
                        "comment": "Only with an adult beside him.",
                    }
                ],
            ),
            "review-provision": {
                "review-provision-delivered": "Only 4 of the 12 therapy sessions took place."
            },
            "review-changes": {
                "review-changes-change_b": "",
                "review-changes-change_f": "Weekly speech and language therapy.",
                "review-changes-change_i": "",
            },
            "plan-section-f": {"plan-section-f-text": VAGUE_F},
            "plan-fixes": _fixes("plan-fixes"),
            "review-decision": {"review-decision-decision": "not_told"},
        }
    )
    answers["check-answers"] = {}
    answers.update(overrides)
    return answers


def amendments_answers(**overrides) -> dict[str, dict[str, Any]]:
    answers = {**about_answers(), **VOICE_LEFT_BLANK}
    answers.update(
        {
            "proposal-date": _date("proposal-date-proposal_date", _days_ago(3)),
            "plan-section-b": {"plan-section-b-text": ""},
            "plan-section-f": {"plan-section-f-text": VAGUE_F},
            "plan-fixes": _fixes("plan-fixes"),
            "plan-section-i": {"plan-section-i-text": ""},
            "amendments-wanted": {"amendments-wanted-wanted": "Keep the 1:1 support at lunchtime."},
            "wants-school": {"wants-school-wants_school": "yes"},
            "preferred-setting": {"preferred-setting-preferred_setting": "Oakfield Academy"},
            "preferred-setting-kind": {"preferred-setting-kind-preferred_setting_kind": "academy"},
        }
    )
    answers["check-answers"] = {}
    answers.update(overrides)
    return answers


def not_amended_answers(**overrides) -> dict[str, dict[str, Any]]:
    answers = {**about_answers(), **VOICE_LEFT_BLANK}
    answers.update(
        {
            "not-amended-date": _date("not-amended-date-decision_date", _days_ago(20)),
            "council-reasons": {"council-reasons-reasons": "\n".join(REASONS)},
            "reason-answers": _responses("reason-answers"),
            "evidence": request_answers()["evidence"],
            "outcome": {"outcome-outcome": ""},
        }
    )
    answers["check-answers"] = {}
    answers.update(overrides)
    return answers


def ceasing_answers(stage: str, about=None, **overrides) -> dict[str, dict[str, Any]]:
    answers = {**(about or about_answers()), **VOICE_LEFT_BLANK}
    answers.update(
        {
            "cease-stage": {"cease-stage-cease_stage": stage},
            "cease-date": _date("cease-date-cease_date", _days_ago(10)),
            "council-reasons": {"council-reasons-reasons": "\n".join(REASONS)},
            "reason-answers": _responses("reason-answers"),
            "outcomes-achieved": {"outcomes-achieved-outcomes": "not_said"},
            "evidence": request_answers()["evidence"],
            "outcome": {"outcome-outcome": ""},
        }
    )
    answers["check-answers"] = {}
    answers.update(overrides)
    return answers


class PlanLifeDefinitionTests:
    def test_annual_review_before_the_meeting(self):
        assert ANNUAL_REVIEW.visible_steps({})[len(ABOUT_SLUGS) :] == [
            "review-plan-date",
            "review-meeting-held",
            "review-meeting-date",
            "review-gone-well",
            "review-not-gone-well",
            "review-outcomes",
            "review-provision",
            "review-changes",
            "plan-section-f",
            "child-views",
            "child-strengths",
            "check-answers",
        ]

    def test_annual_review_after_the_meeting_with_a_decision_and_vague_wording(self):
        answers = {
            "review-meeting-held": {"held": "yes"},
            "review-decision": {"decision": "amend"},
            "plan-section-f": {"text": VAGUE_F},
        }
        visible = ANNUAL_REVIEW.visible_steps(answers)
        assert visible[-7:] == [
            "plan-section-f",
            "plan-fixes",
            "child-views",
            "child-strengths",
            "review-decision",
            "review-decision-date",
            "check-answers",
        ]

    def test_annual_review_not_told_yet_asks_no_decision_date(self):
        answers = {
            "review-meeting-held": {"held": "yes"},
            "review-decision": {"decision": "not_told"},
        }
        visible = ANNUAL_REVIEW.visible_steps(answers)
        assert "review-decision" in visible and "review-decision-date" not in visible

    def test_amendments_ask_the_school_and_its_kind_only_when_wanted(self):
        base = AMENDMENTS.visible_steps({})[len(ABOUT_SLUGS) :]
        assert base == [
            "proposal-date",
            "plan-section-b",
            "plan-section-f",
            "plan-section-i",
            "amendments-wanted",
            "wants-school",
            "child-views",
            "child-strengths",
            "check-answers",
        ]
        wanted = {
            "wants-school": {"wants_school": "yes"},
            "preferred-setting": {"preferred_setting": "Oakfield Academy"},
            "plan-section-f": {"text": VAGUE_F},
        }
        visible = AMENDMENTS.visible_steps(wanted)
        assert {"plan-fixes", "preferred-setting", "preferred-setting-kind"} <= set(visible)

    def test_not_amended_steps(self):
        assert NOT_AMENDED.visible_steps({})[len(ABOUT_SLUGS) :] == [
            "not-amended-date",
            "council-reasons",
            "reason-answers",
            "evidence",
            "outcome",
            "check-answers",
        ]

    def test_ceasing_asks_about_outcomes_only_from_19(self):
        today = timezone.localdate()
        nineteen = {"child-date-of-birth": {"date_of_birth": today.replace(year=today.year - 20)}}
        twelve = {"child-date-of-birth": {"date_of_birth": today.replace(year=today.year - 12)}}
        assert "outcomes-achieved" in CEASING.visible_steps(nineteen)
        assert "outcomes-achieved" not in CEASING.visible_steps(twelve)
        assert "outcomes-achieved" not in CEASING.visible_steps({})


def finish(client, journey: str, answers) -> tuple[str, list[str], str]:
    response, visited = walk(client, f"/{journey}/new/", answers)
    assert response.status_code == 302, response
    assert response["Location"].endswith("/confirmation/"), response["Location"]
    case_id = STEP_URL.match(response["Location"])["case_id"]
    return case_id, visited, client.get(response["Location"]).content.decode()


def download_links(page: str) -> set[str]:
    return {kind for kind, _ in re.findall(r"/letters/(\w+)\.(pdf|docx)", page)}


def letter_texts(client, case_id: str, kind: str, journey: str) -> tuple[str, str]:
    """The letter as read back from its PDF and from its DOCX."""
    texts = []
    for fmt, reader in (("pdf", pdf_text), ("docx", docx_text)):
        response = client.get(f"/cases/{case_id}/letters/{kind}.{fmt}?journey={journey}")
        assert response.status_code == 200, (kind, fmt)
        # PDF text extraction can split "s.45(4)" at the full stop: join it again.
        texts.append(
            re.sub(r"\b(s|r|reg)\. (\d)", r"\1.\2", re.sub(r"\s+", " ", reader(response.content)))
        )
    return texts[0], texts[1]


@pytest.fixture(params=["session", "database"])
def client(request, client):
    if request.param == "database":
        return signed_in_client("parent@example.org", "Pat Parent")
    return client


@pytest.mark.django_db
class PlanLifeJourneyTests:
    def test_annual_review_before_the_meeting_writes_the_contribution(self, client):
        case_id, visited, page = finish(client, "annual-review", review_answers())
        assert visited[: len(ABOUT_SLUGS)] == list(ABOUT_SLUGS)
        assert "review-decision" not in visited and "plan-fixes" in visited
        assert download_links(page) == {"review_contribution"}
        case = Case.objects.get(pk=case_id)
        assert case.case_file["format"] == "ehcp-case/2"
        # A meeting still ahead is not an event: only the plan's date is.
        assert case.case_file["events"] == [
            {"type": "final_plan_issued", "date": _days_ago(330).isoformat()}
        ]
        pdf, docx = letter_texts(client, case_id, "review_contribution", "annual-review")
        for text in (pdf, docx):
            assert "My contribution to Sam's annual review" in text
            assert "He has made two friends." in text
            assert "Sam will follow two-step instructions: partly on track." in text
            assert "Only 4 of the 12 therapy sessions took place." in text
            assert "(Children and Families Act 2014, s.44(1))" in text
            assert "(Children and Families Act 2014, s.42(2))" in text
            assert "A qualified speech and language therapist" in text

    def test_the_case_page_lists_the_journeys_letters(self, client):
        case_id, _, _ = finish(client, "amendments", amendments_answers())
        page = client.get(f"/cases/{case_id}/").content.decode()
        assert "/letters/amendment_representations.pdf" in page

    def test_a_late_review_decision_offers_the_chaser(self, client):
        answers = review_answers(
            **{
                "review-meeting-held": {"review-meeting-held-held": "yes"},
                "review-meeting-date": _date("review-meeting-date-meeting_date", _days_ago(40)),
            }
        )
        case_id, visited, page = finish(client, "annual-review", answers)
        assert "review-decision" in visited and "review-decision-date" not in visited
        assert download_links(page) == {"review_contribution", "la_missed_deadline"}
        events = Case.objects.get(pk=case_id).case_file["events"]
        assert {"type": "annual_review_meeting", "date": _days_ago(40).isoformat()} in events
        pdf, docx = letter_texts(client, case_id, "la_missed_deadline", "annual-review")
        assert "reg 20(10)" in pdf and "reg 20(10)" in docx

    def test_a_recent_meeting_offers_no_chaser_and_a_decision_is_recorded(self, client):
        answers = review_answers(
            **{
                "review-meeting-held": {"review-meeting-held-held": "yes"},
                "review-meeting-date": _date("review-meeting-date-meeting_date", _days_ago(20)),
                "review-decision": {"review-decision-decision": "keep"},
                "review-decision-date": _date("review-decision-date-decision_date", _days_ago(5)),
            }
        )
        case_id, _, page = finish(client, "annual-review", answers)
        assert download_links(page) == {"review_contribution"}
        case_file = Case.objects.get(pk=case_id).case_file
        assert {"type": "decision_not_to_amend", "date": _days_ago(5).isoformat()} in (
            case_file["events"]
        )
        assert case_file["decision"] == {
            "kind": "refusal_to_amend",
            "date": _days_ago(5).isoformat(),
        }

    def test_amendments_journey_to_its_representations(self, client):
        case_id, visited, page = finish(client, "amendments", amendments_answers())
        assert "plan-fixes" in visited and "preferred-setting-kind" in visited
        assert download_links(page) == {"amendment_representations"}
        case_file = Case.objects.get(pk=case_id).case_file
        sent = _days_ago(3)
        assert case_file["events"] == [
            {"type": "amendment_proposal_issued", "date": sent.isoformat()}
        ]
        assert case_file["plan"]["preferred_setting_kind"] == "academy"
        pdf, docx = letter_texts(client, case_id, "amendment_representations", "amendments")
        due = sent + timedelta(days=14)
        for text in (pdf, docx):
            assert "(SEND Regulations 2014, reg 22(2)(c))" in text
            assert f"{due.day} {due.strftime('%B')} {due.year}" in text
            assert "(SEND Regulations 2014, reg 22(3))" in text
            assert "I ask you to name Oakfield Academy" in text
            assert "(Children and Families Act 2014, s.39(3) and (4))" in text
            assert "Keep the 1:1 support at lunchtime." in text
            assert "once a week" in text

    def test_not_amended_journey_to_its_appeal_documents(self, client):
        case_id, _, page = finish(client, "not-amended", not_amended_answers())
        assert download_links(page) == {"appeal_reasons", "evidence_index", "appeal_checklist"}
        case_file = Case.objects.get(pk=case_id).case_file
        assert case_file["decision"]["kind"] == "refusal_to_amend"
        assert case_file["decision"]["reasons_given"] == list(REASONS)
        assert case_file["events"] == [
            {"type": "decision_not_to_amend", "date": _days_ago(20).isoformat()}
        ]
        pdf, docx = letter_texts(client, case_id, "appeal_reasons", "not-amended")
        for text in (pdf, docx):
            assert "not to amend Sam's EHC plan after a review" in text
            assert "section 51(2)(e) of the Children and Families Act 2014" in text
            assert "The EP report of March says he needs more." in text
        for kind in ("evidence_index", "appeal_checklist"):
            pdf, docx = letter_texts(client, case_id, kind, "not-amended")
            assert "Sam" in pdf and "Sam" in docx

    def test_ceasing_proposal_for_a_young_person_of_19_in_their_own_voice(self, client):
        today = timezone.localdate()
        born = today.replace(year=today.year - 20, day=1)
        answers = ceasing_answers("considered", about=young_person_about(born))
        case_id, visited, page = finish(client, "ceasing", answers)
        assert "outcomes-achieved" in visited
        assert download_links(page) == {"cease_response"}
        case_file = Case.objects.get(pk=case_id).case_file
        assert case_file["events"] == [
            {"type": "cease_considered", "date": _days_ago(10).isoformat()}
        ]
        assert "decision" not in case_file
        pdf, docx = letter_texts(client, case_id, "cease_response", "ceasing")
        for text in (pdf, docx):
            assert "considering ceasing to maintain my education, health and care" in text
            assert "must continue to maintain it until the appeal is decided" in text
            assert "s.45(4)" in text
            assert "(SEND Code of Practice 2015, para 9.200)" in text
            assert "does not say whether my education or training outcomes" in text
            assert "my child" not in text.lower()

    def test_ceasing_decision_for_a_child_leads_to_appeal_documents(self, client):
        case_id, visited, page = finish(client, "ceasing", ceasing_answers("decided"))
        assert "outcomes-achieved" not in visited  # Sam is 9
        assert download_links(page) == {"appeal_reasons", "evidence_index", "appeal_checklist"}
        case_file = Case.objects.get(pk=case_id).case_file
        assert case_file["decision"]["kind"] == "cease_to_maintain"
        assert case_file["events"] == [
            {"type": "decision_to_cease", "date": _days_ago(10).isoformat()}
        ]
        pdf, docx = letter_texts(client, case_id, "appeal_reasons", "ceasing")
        for text in (pdf, docx):
            assert "to stop maintaining Sam's EHC plan" in text
            assert "section 51(2)(f)" in text
            assert "must continue to maintain it until the appeal is decided" in text
            assert "para 9.200" not in text  # not 19 or over


def _after_review(decision: str) -> dict[str, dict[str, Any]]:
    return review_answers(
        **{
            "review-meeting-held": {"review-meeting-held-held": "yes"},
            "review-meeting-date": _date("review-meeting-date-meeting_date", _days_ago(20)),
            "review-decision": {"review-decision-decision": decision},
            "review-decision-date": _date("review-decision-date-decision_date", _days_ago(5)),
        }
    )


@pytest.mark.django_db
class PlanLifeCarryForwardTests:
    def test_a_review_that_proposes_ceasing_goes_on_with_the_stage_and_date(self, client):
        case_id, _, _ = finish(client, "annual-review", _after_review("cease"))
        response = client.post(f"/cases/{case_id}/continue/ceasing/")
        # What the council told the family, and when, is known: its reasons are not.
        assert response["Location"] == f"/ceasing/{case_id}/council-reasons/"
        page = client.get(f"/ceasing/{case_id}/cease-stage/").content.decode()
        assert re.search(r'value="considered"[^>]*checked', page)

    def test_a_review_that_proposes_changes_goes_on_to_the_comments(self, client):
        case_id, _, _ = finish(client, "annual-review", _after_review("amend"))
        response = client.post(f"/cases/{case_id}/continue/amendments/")
        assert response["Location"] == f"/amendments/{case_id}/plan-section-b/"
        page = client.get(f"/amendments/{case_id}/proposal-date/").content.decode()
        assert f'value="{_days_ago(5).day}"' in page
        page = client.get(f"/amendments/{case_id}/plan-section-f/").content.decode()
        assert "as needed" in page  # section F as pasted in the review

    def test_a_refusal_to_amend_never_fills_in_the_ceasing_journey(self, client):
        case_id, _, _ = finish(client, "not-amended", not_amended_answers())
        response = client.post(f"/cases/{case_id}/continue/ceasing/")
        assert response["Location"] == f"/ceasing/{case_id}/cease-stage/"
        page = client.get(f"/ceasing/{case_id}/council-reasons/").content.decode()
        assert REASONS[0].replace("'", "&#x27;") not in page


def test_a_proposal_to_cease_carries_its_reasons_and_answers():
    from journeys.wizard.plan_life_cases import plan_life_step_data_from_case

    case_file = {"events": [{"type": "cease_considered", "date": "2026-10-01"}]}
    extras = {
        "cease": {"reasons": list(REASONS)},
        "reason_responses": [{"reason": REASONS[0], "response": "Not so."}],
    }
    steps = plan_life_step_data_from_case(case_file, extras, "ceasing")
    assert steps["cease-stage"] == {"cease-stage-cease_stage": ["considered"]}
    assert steps["council-reasons"] == {"council-reasons-reasons": ["\n".join(REASONS)]}
    assert steps["reason-answers"] == {
        f"reason-answers-response_{text_key(REASONS[0])}": ["Not so."]
    }
    assert plan_life_step_data_from_case(case_file, extras, "not-amended") == {}
