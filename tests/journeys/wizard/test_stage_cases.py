"""journeys/wizard/stage_cases.py: each stage journey's answers as a valid case file and its
extras. Answers come from the same POST data the client journeys send, cleaned by the
journey's own forms (no request, no database)."""

from __future__ import annotations

import pytest
from django.http import QueryDict

from journeys.cases.casefile import validate_case_file
from journeys.rules.vocabulary import DecisionKind
from journeys.wizard import stage_cases
from journeys.wizard.answers import journey_answers
from journeys.wizard.definition import JOURNEYS
from tests.conftest import stage_answers


def as_post(data: dict) -> QueryDict:
    post = QueryDict(mutable=True)
    for key, value in data.items():
        post.setlist(key, value if isinstance(value, list) else [value])
    return post


def answers_for(journey: str) -> dict:
    posted = stage_answers(journey)
    return journey_answers(
        JOURNEYS[journey], lambda slug: as_post(posted[slug]) if slug in posted else None
    )


@pytest.mark.parametrize("journey", ["refused", "plan", "mediation", "appeal"])
def test_every_stage_builds_a_case_file_that_validates(journey):
    definition = JOURNEYS[journey]
    case_file = definition.build_case(answers_for(journey))
    assert validate_case_file(case_file) == case_file
    assert case_file["child"]["first_name"]
    assert definition.build_extras(answers_for(journey)) is not None


def test_a_refusal_records_the_decision_and_the_reasons_given():
    case_file = stage_cases.refusal_case(answers_for("refused"))
    assert case_file["decision"]["kind"] == DecisionKind.REFUSAL_TO_ASSESS
    assert case_file["decision"]["date"] == "2026-02-20"
    assert case_file["decision"]["reasons_given"]


def test_a_refusals_extras_keep_the_parents_answer_to_each_reason():
    extras = stage_cases.refusal_extras(answers_for("refused"))
    # Only reasons the parent answered are kept (the second was left blank).
    (response,) = extras["reason_responses"]
    assert "notional budget" in response["response"]
    assert extras["what_changed"] == "A new EP report dated 10 March 2026."


def test_about_case_is_shared_by_every_stage():
    about = stage_cases.about_case(answers_for("appeal"))
    refusal_child = stage_cases.refusal_case(answers_for("refused"))["child"]
    # The refusal journey also asks where the child is educated (issue 10, finding 11).
    assert refusal_child.pop("setting") == {"kind": "mainstream"}
    assert about["child"] == refusal_child
