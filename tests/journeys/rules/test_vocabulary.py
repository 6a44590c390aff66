"""The case file's words: values match CASE_FORMAT.md, each with a plain-English label."""

from journeys.rules.vocabulary import (
    DECISION_EVENTS,
    V1_EVENT_TYPES,
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
        # version 2 (CASE_FORMAT.md)
        "amendment_proposal_issued",
        "decision_not_to_amend",
        "cease_considered",
        "decision_to_cease",
        "reassessment_requested",
        "decision_not_to_reassess",
        "tribunal_decision",
        "provision_complaint_made",
        "provision_complaint_response",
        "ombudsman_complaint_made",
        "pre_action_letter_sent",
    }
    assert V1_EVENT_TYPES[-1] == EventType.PHASE_TRANSFER_YEAR and len(V1_EVENT_TYPES) == 13


def test_each_decision_the_journeys_offer_starts_its_appeal_event():
    assert DECISION_EVENTS == {
        DecisionKind.REFUSAL_TO_ASSESS: EventType.DECISION_NOT_TO_ASSESS,
        DecisionKind.REFUSAL_TO_ISSUE_PLAN: EventType.DECISION_NOT_TO_ISSUE_PLAN,
        DecisionKind.PLAN_CONTENTS: EventType.FINAL_PLAN_ISSUED,
        DecisionKind.PLACEMENT_ONLY: EventType.FINAL_PLAN_ISSUED,
    }
