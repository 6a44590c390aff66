"""The plan-life journeys' answers (issue 14) as a version-2 case file and extras.

Annual review, proposed amendments, a refusal to amend and ceasing. The events recorded are
what the deadlines engine counts (CASE_FORMAT.md "Version 2"): final_plan_issued for the plan's
date, annual_review_meeting, amendment_proposal_issued, decision_not_to_amend,
cease_considered and decision_to_cease. Extras keys: letters/extras.py.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from journeys.cases.casefile import date_parts
from journeys.forms import plan_life as forms
from journeys.rules.vocabulary import DecisionKind, EventType
from journeys.wizard.stage_cases import (
    _drop_empty,
    _evidence,
    _finish,
    _preferred_setting,
    _responses,
    _responses_data,
    about_case,
)

Answers = Mapping[str, Any]


def _event(kind: EventType, day: date) -> dict[str, str]:
    return {"type": kind.value, "date": day.isoformat()}


def _v2(answers: Answers) -> dict[str, Any]:
    """The shared opening answers; about_case writes `ehcp-case/2` (casefile.FORMAT)."""
    return about_case(answers)


def _plan_sections(answers: Answers) -> dict[str, str]:
    sections = {
        letter: answers.get(f"plan-section-{letter.lower()}", {}).get("text", "")
        for letter in ("B", "F", "I")
    }
    return {k: v for k, v in sections.items() if v}


def _plan_fixes(answers: Answers) -> list[dict[str, Any]]:
    return [
        *answers.get("plan-needs-fixes", {}).get("fixes", []),  # section B
        *answers.get("plan-fixes", {}).get("fixes", []),  # section F
    ]


# -- annual review ----------------------------------------------------------------------------


def review_case(answers: Answers) -> dict[str, Any]:
    case = _v2(answers)
    last = answers["review-plan-date"]
    made = last["date_is"] == forms.PLAN_MADE
    events = [
        _event(
            EventType.FINAL_PLAN_ISSUED if made else EventType.ANNUAL_REVIEW_MEETING,
            last["last_date"],
        )
    ]
    meeting = answers.get("review-meeting-date", {}).get("meeting_date")
    held = answers.get("review-meeting-held", {}).get("held") == "yes"
    if held and meeting:
        # Only a meeting that took place is an event; one ahead is only in the letter.
        events.append(_event(EventType.ANNUAL_REVIEW_MEETING, meeting))
    decision = answers.get("review-decision", {}).get("decision")
    decided = answers.get("review-decision-date", {}).get("decision_date")
    if held and decided:
        if decision == "keep":
            # Keeping the plan as it is after a review is a decision not to amend it
            # (appealable: Children and Families Act 2014, s.51(2)(e)).
            events.append(_event(EventType.DECISION_NOT_TO_AMEND, decided))
            case["decision"] = {
                "kind": DecisionKind.REFUSAL_TO_AMEND.value,
                "date": decided.isoformat(),
            }
        elif decision == "amend":
            events.append(_event(EventType.AMENDMENT_PROPOSAL_ISSUED, decided))
        elif decision == "cease":
            # Before a decision to cease the council must consult (SEND Regulations 2014,
            # reg 29-31): what follows a review is recorded as its proposal, never as the
            # decision that starts the appeal time limit.
            events.append(_event(EventType.CEASE_CONSIDERED, decided))
    case["events"] = sorted(events, key=lambda e: e["date"])
    sections = _plan_sections(answers)
    if sections:
        case["plan"] = {"sections": sections}
    return _finish(case)


def review_extras(answers: Answers) -> dict[str, Any]:
    changes = answers.get("review-changes", {})
    outcomes = [
        _drop_empty(
            {
                "outcome": item.get("outcome", ""),
                "on_track": item.get("on_track", ""),
                "comment": item.get("comment", ""),
            }
        )
        for item in answers.get("review-outcomes", [])
    ]
    meeting = answers.get("review-meeting-date", {}).get("meeting_date")
    review = _drop_empty(
        {
            "meeting_date": meeting.isoformat() if meeting else "",
            "meeting_held": answers.get("review-meeting-held", {}).get("held") == "yes",
            "gone_well": answers.get("review-gone-well", {}).get("gone_well", ""),
            "not_gone_well": answers.get("review-not-gone-well", {}).get("not_gone_well", ""),
            "outcomes": outcomes,
            "provision_delivered": answers.get("review-provision", {}).get("delivered", ""),
            "changes": _drop_empty(
                {
                    "B": changes.get("change_b", ""),
                    "F": changes.get("change_f", ""),
                    "I": changes.get("change_i", ""),
                }
            ),
            "decision": answers.get("review-decision", {}).get("decision", ""),
        }
    )
    return _drop_empty({"review": review, "plan_fixes": _plan_fixes(answers)})


# -- proposed amendments ----------------------------------------------------------------------


def amendments_case(answers: Answers) -> dict[str, Any]:
    case = _v2(answers)
    proposed = answers["proposal-date"]["proposal_date"]
    case["events"] = [_event(EventType.AMENDMENT_PROPOSAL_ISSUED, proposed)]
    plan: dict[str, Any] = {"sections": _plan_sections(answers)}
    if answers.get("wants-school", {}).get("wants_school") == "yes":
        plan.update(_preferred_setting(answers))
    case["plan"] = _drop_empty(plan)
    return _finish(case)


def amendments_extras(answers: Answers) -> dict[str, Any]:
    return _drop_empty(
        {
            "plan_fixes": _plan_fixes(answers),
            "amendments_wanted": answers.get("amendments-wanted", {}).get("wanted", ""),
        }
    )


# -- refusal to amend ---------------------------------------------------------------------------


def _decision(kind: DecisionKind, day: date, answers: Answers) -> dict[str, Any]:
    decision: dict[str, Any] = {"kind": kind.value, "date": day.isoformat()}
    reasons = forms.council_reasons(answers)
    if reasons:
        decision["reasons_given"] = reasons
    return decision


def not_amended_case(answers: Answers) -> dict[str, Any]:
    case = _v2(answers)
    decided = answers["not-amended-date"]["decision_date"]
    case["decision"] = _decision(DecisionKind.REFUSAL_TO_AMEND, decided, answers)
    case["events"] = [_event(EventType.DECISION_NOT_TO_AMEND, decided)]
    case["evidence"] = _evidence(answers)
    return _finish(case)


def decision_extras(answers: Answers) -> dict[str, Any]:
    """The parent's answer to each reason and what they want (refusal to amend, ceasing)."""
    return _drop_empty(
        {
            "reason_responses": _responses(answers, "reason-answers"),
            "outcome_sought": answers.get("outcome", {}).get("outcome", ""),
        }
    )


# -- ceasing ------------------------------------------------------------------------------------


def ceasing_case(answers: Answers) -> dict[str, Any]:
    case = _v2(answers)
    day = answers["cease-date"]["cease_date"]
    decided = answers["cease-stage"]["cease_stage"] == forms.CEASE_DECIDED
    if decided:
        case["decision"] = _decision(DecisionKind.CEASE_TO_MAINTAIN, day, answers)
        case["events"] = [_event(EventType.DECISION_TO_CEASE, day)]
    else:
        case["events"] = [_event(EventType.CEASE_CONSIDERED, day)]
    case["evidence"] = _evidence(answers)
    return _finish(case)


def ceasing_extras(answers: Answers) -> dict[str, Any]:
    extras = decision_extras(answers)
    cease = _drop_empty(
        {
            "stage": answers["cease-stage"]["cease_stage"],
            # Asked only of a young person aged 19 or over (Code 9.200).
            "outcomes_said": answers.get("outcomes-achieved", {}).get("outcomes", ""),
            # A proposal has no decision.reasons_given to hold them: kept here for the letter.
            "reasons": forms.council_reasons(answers),
        }
    )
    extras["cease"] = cease
    return extras


# -- carrying a case forward into a plan-life journey ---------------------------------------


def _latest(case_file: Mapping[str, Any], *kinds: EventType) -> tuple[str, str] | None:
    """(date, type) of the latest event of these kinds, or None."""
    found = [(e["date"], e["type"]) for e in case_file.get("events", []) if e["type"] in set(kinds)]
    return max(found, default=None)


def plan_life_step_data_from_case(
    case_file: Mapping[str, Any], extras: Mapping[str, Any], journey_slug: str
) -> dict[str, dict[str, list[str]]]:
    """The stored data for the plan-life steps a saved case already answers, for `journey_slug`
    only: the plan's (or last review's) date, the proposal's date, and a decision of that
    journey's own kind with its reasons and the family's answers (a refusal to amend never
    fills in the ceasing journey, nor the other way round)."""
    steps: dict[str, dict[str, list[str]]] = {}
    if journey_slug == "annual-review":
        found = _latest(case_file, EventType.FINAL_PLAN_ISSUED, EventType.ANNUAL_REVIEW_MEETING)
        if found:
            day, kind = found
            made = forms.PLAN_MADE if kind == EventType.FINAL_PLAN_ISSUED else forms.PLAN_REVIEWED
            steps["review-plan-date"] = {
                **date_parts("review-plan-date-last_date", day),
                "review-plan-date-date_is": [made],
            }
    if journey_slug == "amendments":
        found = _latest(case_file, EventType.AMENDMENT_PROPOSAL_ISSUED)
        if found:
            steps["proposal-date"] = date_parts("proposal-date-proposal_date", found[0])
    decision = case_file.get("decision", {})
    kind, when = decision.get("kind"), decision.get("date")
    reasons: list[str] = []
    if journey_slug == "not-amended" and kind == DecisionKind.REFUSAL_TO_AMEND and when:
        steps["not-amended-date"] = date_parts("not-amended-date-decision_date", when)
        reasons = list(decision.get("reasons_given", []))
    if journey_slug == "ceasing":
        decided = _latest(case_file, EventType.DECISION_TO_CEASE)
        latest = decided or _latest(case_file, EventType.CEASE_CONSIDERED)
        if latest:
            stage = forms.CEASE_DECIDED if decided else forms.CEASE_CONSIDERED
            steps["cease-stage"] = {"cease-stage-cease_stage": [stage]}
            steps["cease-date"] = date_parts("cease-date-cease_date", latest[0])
        if kind == DecisionKind.CEASE_TO_MAINTAIN:
            reasons = list(decision.get("reasons_given", []))
        else:  # a proposal: its reasons were kept with the family's answers
            reasons = list(extras.get("cease", {}).get("reasons", []))
    if reasons:
        steps["council-reasons"] = {"council-reasons-reasons": ["\n".join(reasons)]}
        steps["reason-answers"] = _responses_data("reason-answers", reasons, extras)
    return steps
