"""The case file's words: values match CASE_FORMAT.md, each with a plain-English label."""

from journeys.rules.vocabulary import (
    DECISION_EVENTS,
    DecisionKind,
    EventType,
    NeedArea,
    Pronouns,
)


def test_choices_pair_each_value_with_its_label():
    assert Pronouns.choices() == [
        ("he", "He and him"),
        ("she", "She and her"),
        ("they", "They and them"),
    ]
    assert NeedArea("semh").label == "Social, emotional and mental health"


def test_event_types_are_the_contracts():
    assert {e.value for e in EventType} == {
        "request_received",
        "decision_to_assess",
        "decision_not_to_assess",
        "decision_not_to_issue_plan",
        "draft_plan_issued",
        "final_plan_issued",
        "mediation_adviser_contacted",
        "mediation_requested",
        "mediation_held",
        "mediation_certificate_issued",
        "appeal_lodged",
        "annual_review_meeting",
        "phase_transfer_year",
    }


def test_each_decision_the_journeys_offer_starts_its_appeal_event():
    assert DECISION_EVENTS == {
        DecisionKind.REFUSAL_TO_ASSESS: EventType.DECISION_NOT_TO_ASSESS,
        DecisionKind.REFUSAL_TO_ISSUE_PLAN: EventType.DECISION_NOT_TO_ISSUE_PLAN,
        DecisionKind.PLAN_CONTENTS: EventType.FINAL_PLAN_ISSUED,
        DecisionKind.PLACEMENT_ONLY: EventType.FINAL_PLAN_ISSUED,
    }
