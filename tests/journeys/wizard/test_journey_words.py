"""Words that depend on the journey (Journey.hints, Journey.check_answers_note): the evidence
step and check-your-answers say what fits the journey they appear in (issue 14)."""

from __future__ import annotations

import html

import pytest

from journeys.forms.request import EvidenceFormSet
from journeys.wizard.definition import CHECK_ANSWERS, JOURNEYS
from tests.conftest import STEP_URL, request_answers, stage_answers

# What each journey's pages must say, and must not.
EVIDENCE = {
    "request": ("You do not need any to ask for an assessment", None),
    "refused": ("answer the council's reasons", "to ask for an assessment"),
    "appeal": ("support your appeal", "to ask for an assessment"),
}
CHECK = {
    "request": ("Nothing is sent to the council: you send the letter yourself.", None),
    "refused": ("to the council, the mediation adviser or the Tribunal", "send the letter"),
    "plan": ("your appeal to the Tribunal, yourself", "Nothing is sent to the council:"),
    "mediation": ("Nothing is sent to the mediation adviser or the council", "the Tribunal"),
    "appeal": ("Nothing is sent to the Tribunal or the council", "send the letter yourself"),
}


def open_step(client, journey: str, step: str) -> str:
    """Start `journey`, answer its first question, then open `step`."""
    answers = request_answers() if journey == "request" else stage_answers(journey)
    case_id = STEP_URL.match(client.get(f"/{journey}/new/")["Location"])["case_id"]
    first = JOURNEYS[journey].first_step
    client.post(
        f"/{journey}/{case_id}/{first}/", {f"{journey}-current_step": first, **answers[first]}
    )
    response = client.get(f"/{journey}/{case_id}/{step}/")
    assert response.status_code == 200
    return html.unescape(response.content.decode())


def test_the_shared_evidence_hint_fits_any_journey():
    """A journey that says nothing of its own (a new one) gets words that fit any journey."""
    assert "assessment" not in EvidenceFormSet.hint
    assert "request" not in EvidenceFormSet.hint


@pytest.mark.django_db
@pytest.mark.parametrize("journey", sorted(EVIDENCE))
def test_the_evidence_step_fits_its_journey(client, journey):
    page = open_step(client, journey, "evidence")
    must, must_not = EVIDENCE[journey]
    assert must in page
    assert must_not is None or must_not not in page


@pytest.mark.django_db
@pytest.mark.parametrize("journey", sorted(CHECK))
def test_check_answers_says_where_the_letters_go(client, journey):
    page = open_step(client, journey, CHECK_ANSWERS)
    must, must_not = CHECK[journey]
    assert must in page
    assert must_not is None or must_not not in page


def test_every_journey_that_writes_letters_says_who_sends_them():
    for journey in JOURNEYS.values():
        if CHECK_ANSWERS in journey.slugs:
            assert "yourself" in journey.check_answers_note
