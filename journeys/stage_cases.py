"""The stage journeys' answers as a case file (CASE_FORMAT.md) and extras (letters/extras.py).

Every stage journey starts with the same questions about the child, the council and the parent
(`ABOUT`); each then adds what its stage records: a decision, a plan, mediation, an appeal.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from journeys.cases.casefile import FORMAT, applicant_from_answers, validate_case_file
from journeys.forms.stages import appeal_reasons, lines, refusal_reasons
from journeys.rules.vocabulary import DECISION_EVENTS, DecisionKind, EventType

Answers = Mapping[str, Any]


def _iso(value) -> str:
    return value.isoformat()


def about_case(answers: Answers) -> dict[str, Any]:
    """The child, the parent and the council, from the shared opening questions."""
    name = answers["child-name"]
    child: dict[str, Any] = {"first_name": name["first_name"], "last_name": name["last_name"]}
    if "child-date-of-birth" in answers:
        child["date_of_birth"] = _iso(answers["child-date-of-birth"]["date_of_birth"])
    child["pronouns"] = answers["child-pronouns"]["pronouns"]
    return {
        "format": FORMAT,
        "child": child,
        "applicant": applicant_from_answers(answers),
        "local_authority": {"name": answers["local-authority"]["local_authority"]},
    }


def _evidence(answers: Answers) -> list[dict[str, str]]:
    return [
        {k: (_iso(v) if k == "date" else v) for k, v in item.items() if v not in (None, "")}
        for item in answers.get("evidence", [])
    ]


def _decision(answers: Answers, kind_step: str, date_step: str, reasons: list[str]):
    kind = DecisionKind(answers[kind_step]["decision_kind"])
    when = answers[date_step]["decision_date"]
    decision = {"kind": kind.value, "date": _iso(when)}
    if reasons:
        decision["reasons_given"] = reasons
    return kind, when, decision


def _finish(case: dict[str, Any]) -> dict[str, Any]:
    return validate_case_file({k: v for k, v in case.items() if v not in (None, [], {}, "")})


# -- refusal ---------------------------------------------------------------------------------


def refusal_case(answers: Answers) -> dict[str, Any]:
    case = about_case(answers)
    kind, when, decision = _decision(
        answers, "refusal-kind", "decision-date", refusal_reasons(answers)
    )
    case["decision"] = decision
    case["events"] = [{"type": DECISION_EVENTS[kind].value, "date": _iso(when)}]
    case["evidence"] = _evidence(answers)
    if "school-view" in answers:
        case["school_view"] = answers["school-view"]["school_view"]
    return _finish(case)


def _responses(answers: Answers, slug: str) -> list[dict[str, str]]:
    return [r for r in answers.get(slug, {}).get("responses", []) if r.get("response")]


def refusal_extras(answers: Answers) -> dict[str, Any]:
    return _drop_empty(
        {
            "reason_responses": _responses(answers, "reason-responses"),
            "what_changed": answers.get("what-changed", {}).get("what_changed", ""),
            "outcome_sought": answers.get("outcome", {}).get("outcome", ""),
        }
    )


def _drop_empty(mapping: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in mapping.items() if v not in (None, "", [], {})}


# -- plan ------------------------------------------------------------------------------------


def plan_case(answers: Answers) -> dict[str, Any]:
    case = about_case(answers)
    sections = {
        letter: answers.get(f"plan-section-{letter.lower()}", {}).get("text", "")
        for letter in ("B", "F", "I")
    }
    plan: dict[str, Any] = {"sections": {k: v for k, v in sections.items() if v}}
    preferred = answers.get("preferred-setting", {}).get("preferred_setting", "")
    if preferred:
        plan["preferred_setting"] = preferred
    case["plan"] = plan
    when = answers["plan-date"]["plan_date"]
    final = answers["plan-stage"]["plan_stage"] == "final"
    event = EventType.FINAL_PLAN_ISSUED if final else EventType.DRAFT_PLAN_ISSUED
    case["events"] = [{"type": event.value, "date": _iso(when)}]
    if final:
        case["decision"] = {"kind": DecisionKind.PLAN_CONTENTS.value, "date": _iso(when)}
    return _finish(case)


def plan_extras(answers: Answers) -> dict[str, Any]:
    extras: dict[str, Any] = {"plan_fixes": answers.get("plan-fixes", {}).get("fixes", [])}
    if "meeting" in answers:
        extras["meeting_requested"] = answers["meeting"]["meeting"] == "yes"
    return _drop_empty(extras)


# -- mediation -------------------------------------------------------------------------------


def mediation_case(answers: Answers) -> dict[str, Any]:
    case = about_case(answers)
    kind, when, decision = _decision(answers, "which-decision", "which-decision-date", [])
    case["decision"] = decision
    events = [{"type": DECISION_EVENTS[kind].value, "date": _iso(when)}]
    contacted = answers.get("adviser-contacted-date", {}).get("contacted_date")
    requested = answers.get("mediation-requested-date", {}).get("requested_date")
    wants = answers.get("wants-mediation", {}).get("wants_mediation") == "yes"
    if requested:
        events.append({"type": EventType.MEDIATION_REQUESTED.value, "date": _iso(requested)})
    # A contact alone starts the adviser's 3 working days for a certificate (reg 34), which
    # applies only when mediation is not wanted: record it then, or once mediation is asked.
    if contacted and (not wants or requested):
        events.append(
            {"type": EventType.MEDIATION_ADVISER_CONTACTED.value, "date": _iso(contacted)}
        )
    case["events"] = events
    return _finish(case)


def mediation_extras(answers: Answers) -> dict[str, Any]:
    mediation: dict[str, Any] = {
        "wants_mediation": answers.get("wants-mediation", {}).get("wants_mediation") == "yes",
        "issues": lines(answers.get("mediation-issues", {}).get("issues", "")),
        "adviser_name": answers.get("adviser-name", {}).get("adviser_name", ""),
    }
    return {"mediation": _drop_empty(mediation) or {"wants_mediation": False}}


# -- appeal ----------------------------------------------------------------------------------


def appeal_case(answers: Answers) -> dict[str, Any]:
    case = about_case(answers)
    kind, when, decision = _decision(
        answers, "which-decision", "which-decision-date", appeal_reasons(answers)
    )
    case["decision"] = decision
    events = [{"type": DECISION_EVENTS[kind].value, "date": _iso(when)}]
    certificate = answers.get("certificate-date", {}).get("certificate_date")
    if certificate:
        events.append(
            {"type": EventType.MEDIATION_CERTIFICATE_ISSUED.value, "date": _iso(certificate)}
        )
    case["events"] = events
    case["evidence"] = _evidence(answers)
    return _finish(case)


def appeal_extras(answers: Answers) -> dict[str, Any]:
    late_reason = answers.get("appeal-late", {}).get("late_reason", "")
    appeal = _drop_empty(
        {
            "late": bool(late_reason),
            "late_reason": late_reason,
            "witnesses": answers.get("witnesses", []),
            "health_or_care": answers.get("health-care", {}).get("health_or_care") == "yes",
        }
    )
    return _drop_empty(
        {
            "reason_responses": _responses(answers, "appeal-responses"),
            "outcome_sought": answers.get("outcome", {}).get("outcome", ""),
            "appeal": appeal,
        }
    )
