"""The issue-14 journeys' answers as a version-2 case file (CASE_FORMAT.md) and extras
(letters/extras.py): a phase transfer, a re-assessment, a Tribunal order.

Each starts from the shared opening questions (stage_cases.about_case) and records the events
the deadlines engine counts: `phase_transfer_year` with its `transfer` (dated 1 September of
the year of the move, or the day of the move between two post-16 places),
`reassessment_requested`, `decision_not_to_reassess` (with the decision), and
`tribunal_decision` with its `order`.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from journeys.forms.stages import refusal_reasons
from journeys.forms.transfers import CHANGE_FIELDS
from journeys.rules.vocabulary import DecisionKind, EventType, Transfer
from journeys.wizard.stage_cases import (
    _drop_empty,
    _evidence,
    _finish,
    _iso,
    _preferred_setting,
    _responses,
    about_case,
)

Answers = Mapping[str, Any]


# -- phase transfer ----------------------------------------------------------------------------


def transfer_event(answers: Answers) -> dict[str, str]:
    """The phase_transfer_year event: 1 September of the year of the move ("the date = 1
    September the transfer happens", CASE_FORMAT.md), or the day of a move between two post-16
    places (version 2)."""
    kind = Transfer(answers["transfer-kind"]["transfer"])
    if kind is Transfer.BETWEEN_POST16:
        when = answers["transfer-date"]["move_date"]
    else:
        when = date(int(answers["transfer-year"]["year"]), 9, 1)
    return {"type": EventType.PHASE_TRANSFER_YEAR.value, "date": _iso(when), "transfer": kind.value}


def transfer_case(answers: Answers) -> dict[str, Any]:
    case = about_case(answers)
    case["events"] = [transfer_event(answers)]
    case["plan"] = _preferred_setting(answers)
    return _finish(case)


def transfer_extras(answers: Answers) -> dict[str, Any]:
    return _drop_empty(
        {"transfer": _drop_empty({"why": answers.get("transfer-why", {}).get("why", "")})}
    )


# -- re-assessment -----------------------------------------------------------------------------

# How each change reads as a point of appeal (the family's own words follow the label).
CHANGE_LABELS = {
    "needs": "Needs have changed since the last assessment",
    "setting": "The school, college or setting has changed",
    "diagnoses": "New diagnoses since the last assessment",
    "advice": "New advice from professionals",
}


def _changes(answers: Answers) -> dict[str, str]:
    given = answers.get("reassessment-changes", {})
    return {
        name: (given.get(name) or "").strip()
        for name in CHANGE_FIELDS
        if (given.get(name) or "").strip()
    }


def reassessment_case(answers: Answers) -> dict[str, Any]:
    case = about_case(answers)
    status = answers.get("reassessment-asked", {}).get("status")
    events = []
    requested = answers.get("reassessment-requested-date", {}).get("requested_date")
    if status == "asked" and requested:
        events.append({"type": EventType.REASSESSMENT_REQUESTED.value, "date": _iso(requested)})
    if status == "refused":
        when = answers["decision-date"]["decision_date"]
        decision: dict[str, Any] = {
            "kind": DecisionKind.REFUSAL_TO_REASSESS.value,
            "date": _iso(when),
        }
        reasons = refusal_reasons(answers)
        if reasons:
            decision["reasons_given"] = reasons
        case["decision"] = decision
        events.append({"type": EventType.DECISION_NOT_TO_REASSESS.value, "date": _iso(when)})
    case["events"] = events
    case["evidence"] = _evidence(answers)
    return _finish(case)


def reassessment_extras(answers: Answers) -> dict[str, Any]:
    changes = _changes(answers)
    extras: dict[str, Any] = {"reassessment": {"changes": changes}}
    if answers.get("reassessment-asked", {}).get("status") == "refused":
        extras["reason_responses"] = _responses(answers, "reason-responses")
        # What has changed is the family's case for a re-assessment: on appeal, each change is
        # a point in dispute, in their own words after a plain label.
        extras["appeal"] = {
            "grounds": [f"{CHANGE_LABELS[name]}: {text}" for name, text in changes.items()]
        }
    return _drop_empty(extras)


# -- Tribunal orders ---------------------------------------------------------------------------


def tribunal_order_case(answers: Answers) -> dict[str, Any]:
    case = about_case(answers)
    slug = (
        "unopposed-date"
        if answers.get("tribunal-how", {}).get("how") == "unopposed"
        else "tribunal-date"
    )
    case["events"] = [
        {
            "type": EventType.TRIBUNAL_DECISION.value,
            "date": _iso(answers[slug]["decision_date"]),
            "order": answers["tribunal-order"]["order"],
        }
    ]
    return _finish(case)


def tribunal_order_extras(answers: Answers) -> dict[str, Any]:
    tribunal = {
        "unopposed": answers.get("tribunal-how", {}).get("how") == "unopposed",
        "order_text": answers.get("tribunal-order-text", {}).get("order_text", "").strip(),
    }
    return {"tribunal": {k: v for k, v in tribunal.items() if v != ""}}
