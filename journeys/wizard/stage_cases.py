"""The stage journeys' answers as a case file (CASE_FORMAT.md) and extras (letters/extras.py).

Every stage journey starts with the same questions about the child, the council and the parent
(`ABOUT`); each then adds what its stage records: a decision, a plan, mediation, an appeal.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from journeys.cases.casefile import (
    FORMAT,
    acting_for_young_person_from_answers,
    applicant_from_answers,
    date_parts,
    represents_from_answers,
    request_step_data_from_case,
    validate_case_file,
)
from journeys.forms.stages import (
    APPEALABLE,
    COMMON_REASONS,
    NOT_SURE,
    REFUSAL_KINDS,
    appeal_reasons,
    lines,
    refusal_reasons,
    text_key,
)
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
    kind = answers.get("child-setting", {}).get("setting_kind")
    if kind:
        child["setting"] = {"kind": kind}
    return {
        "format": FORMAT,
        "child": child,
        "applicant": applicant_from_answers(answers),
        "represents": represents_from_answers(answers),
        "acting_for_young_person": acting_for_young_person_from_answers(answers),
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
    extras = _drop_empty(
        {
            "reason_responses": _responses(answers, "reason-responses"),
            "what_changed": answers.get("what-changed", {}).get("what_changed", ""),
            "outcome_sought": answers.get("outcome", {}).get("outcome", ""),
        }
    )
    if "wants-mediation" in answers:
        wants = answers["wants-mediation"]["wants_mediation"] == "yes"
        extras["mediation"] = {"wants_mediation": wants}
    beyond = answers.get("advice-beyond-resources", {}).get("beyond")
    if beyond is not None and beyond != NOT_SURE:  # not sure: the letter does not say it
        extras["advice_beyond_school_resources"] = beyond == "yes"
    return extras


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
    plan.update(_preferred_setting(answers))
    case["plan"] = plan
    when = answers["plan-date"]["plan_date"]
    final = answers["plan-stage"]["plan_stage"] == "final"
    event = EventType.FINAL_PLAN_ISSUED if final else EventType.DRAFT_PLAN_ISSUED
    case["events"] = [{"type": event.value, "date": _iso(when)}]
    if final:
        case["decision"] = {"kind": DecisionKind.PLAN_CONTENTS.value, "date": _iso(when)}
    return _finish(case)


def _preferred_setting(answers: Answers) -> dict[str, str]:
    """plan.preferred_setting and (version 2) plan.preferred_setting_kind, where asked."""
    preferred = answers.get("preferred-setting", {}).get("preferred_setting", "")
    kind = answers.get("preferred-setting-kind", {}).get("preferred_setting_kind", "")
    return _drop_empty({"preferred_setting": preferred, "preferred_setting_kind": kind})


def plan_extras(answers: Answers) -> dict[str, Any]:
    fixes = [
        *answers.get("plan-needs-fixes", {}).get("fixes", []),  # section B
        *answers.get("plan-fixes", {}).get("fixes", []),  # section F
    ]
    extras: dict[str, Any] = {"plan_fixes": fixes}
    if "meeting" in answers:
        extras["meeting_requested"] = answers["meeting"]["meeting"] == "yes"
    if "personal-budget" in answers:
        extras["personal_budget_requested"] = answers["personal-budget"]["personal_budget"] == "yes"
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
    preferred = _preferred_setting(answers)
    if preferred:
        case["plan"] = preferred
    return _finish(case)


def appeal_extras(answers: Answers) -> dict[str, Any]:
    # Asked whenever the engine says the time limit has passed (conditions.appeal_is_late).
    late_reason = answers.get("appeal-late", {}).get("late_reason", "")
    appeal = _drop_empty(
        {
            "late": "appeal-late" in answers,
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


# -- the child's voice and preparing for adulthood (any journey: VOICE_STEPS) ---------------

VOICE_FIELDS = {
    "child-views": ("source", "views", "how_we_know"),
    "child-strengths": ("strengths", "hopes"),
}
ADULTHOOD_STEP = "preparing-for-adulthood"


def voice_extras(answers: Answers) -> dict[str, Any]:
    """`child_voice` and `adulthood` (letters/extras.py) from whichever of the voice steps
    the journey asked. A step that was asked and left blank keeps an empty value, so it
    replaces what an earlier journey said (the family cleared it); a step not asked, nothing."""
    extras: dict[str, Any] = {}
    if any(slug in answers for slug in VOICE_FIELDS):
        voice = {
            name: answers[slug].get(name, "")
            for slug, names in VOICE_FIELDS.items()
            if slug in answers
            for name in names
        }
        extras["child_voice"] = _drop_empty(voice)
    if ADULTHOOD_STEP in answers:
        extras["adulthood"] = _drop_empty(dict(answers[ADULTHOOD_STEP]))
    return extras


def voice_step_data(extras: Mapping[str, Any]) -> dict[str, dict[str, list[str]]]:
    """The voice steps' stored data from extras, so a later journey starts with them."""
    steps: dict[str, dict[str, list[str]]] = {}
    voice = extras.get("child_voice") or {}
    for slug, names in VOICE_FIELDS.items():
        if any(voice.get(name) for name in names):
            steps[slug] = {f"{slug}-{name}": [voice.get(name, "")] for name in names}
    adulthood = extras.get("adulthood") or {}
    if adulthood:
        steps[ADULTHOOD_STEP] = {f"{ADULTHOOD_STEP}-{k}": [v] for k, v in adulthood.items()}
    return steps


# -- carrying a case forward into a later stage --------------------------------------------


def _field(slug: str, name: str, value: str) -> dict[str, list[str]]:
    return {f"{slug}-{name}": [value]}


def _responses_data(slug: str, reasons: list[str], extras: Mapping[str, Any]):
    """A responses page's stored data: the parent's earlier answer to each reason."""
    said = {r.get("reason"): r.get("response", "") for r in extras.get("reason_responses", [])}
    return {
        f"{slug}-response_{text_key(reason)}": [said[reason]]
        for reason in reasons
        if reason in said
    }


def _latest_event(case_file: Mapping[str, Any], event: EventType) -> str | None:
    dates = [e["date"] for e in case_file.get("events", []) if e["type"] == event]
    return max(dates, default=None)


def stage_step_data_from_case(
    case_file: Mapping[str, Any], extras: Mapping[str, Any]
) -> dict[str, dict[str, list[str]]]:
    """The wizard's stored data for every step a later stage can start from, by slug.

    A stage journey starts with everything the case holds (issue 10, section 3): the child,
    the parent and whoever they are represented by, the setting, the decision with its date
    and reasons, the parent's answer to each reason (extras), what mediation they chose,
    the evidence, the plan. A journey keeps only the slugs it asks; anything it cannot
    accept (a decision it does not offer) is simply asked again.
    """
    steps = request_step_data_from_case(case_file)
    steps.update(voice_step_data(extras))
    decision = case_file.get("decision", {})
    kind, when = decision.get("kind"), decision.get("date")
    reasons = list(decision.get("reasons_given", []))
    if kind in {k for k, _ in REFUSAL_KINDS}:
        steps["refusal-kind"] = _field("refusal-kind", "decision_kind", kind)
        if when:
            steps["decision-date"] = date_parts("decision-date-decision_date", when)
        if reasons:
            common = [r for r in reasons if r in COMMON_REASONS]
            others = [r for r in reasons if r not in COMMON_REASONS]
            steps["refusal-reasons"] = {
                "refusal-reasons-common": common,
                "refusal-reasons-other": ["\n".join(others)],
            }
            steps["reason-responses"] = _responses_data("reason-responses", reasons, extras)
    if kind in {k for k, _ in APPEALABLE}:
        steps["which-decision"] = _field("which-decision", "decision_kind", kind)
        if when:
            steps["which-decision-date"] = date_parts("which-decision-date-decision_date", when)
        if reasons:
            steps["appeal-points"] = _field("appeal-points", "points", "\n".join(reasons))
            steps["appeal-responses"] = _responses_data("appeal-responses", reasons, extras)
    mediation = extras.get("mediation", {})
    if "wants_mediation" in mediation:
        wants = "yes" if mediation["wants_mediation"] else "no"
        steps["wants-mediation"] = _field("wants-mediation", "wants_mediation", wants)
    issues = mediation.get("issues") or reasons
    if issues:
        steps["mediation-issues"] = _field("mediation-issues", "issues", "\n".join(issues))
    if mediation.get("adviser_name"):
        steps["adviser-name"] = _field("adviser-name", "adviser_name", mediation["adviser_name"])
    contacted = _latest_event(case_file, EventType.MEDIATION_ADVISER_CONTACTED)
    if contacted:
        steps["adviser-contacted"] = _field("adviser-contacted", "contacted", "yes")
        steps["adviser-contacted-date"] = date_parts(
            "adviser-contacted-date-contacted_date", contacted
        )
    certificate = _latest_event(case_file, EventType.MEDIATION_CERTIFICATE_ISSUED)
    if certificate:
        steps["certificate-date"] = date_parts("certificate-date-certificate_date", certificate)
    if extras.get("what_changed"):
        steps["what-changed"] = _field("what-changed", "what_changed", extras["what_changed"])
    plan = case_file.get("plan", {})
    for letter, text in plan.get("sections", {}).items():
        slug = f"plan-section-{letter.lower()}"
        steps[slug] = _field(slug, "text", text)
    if plan.get("preferred_setting"):
        steps["preferred-setting"] = _field(
            "preferred-setting", "preferred_setting", plan["preferred_setting"]
        )
    if plan.get("preferred_setting_kind"):
        steps["preferred-setting-kind"] = _field(
            "preferred-setting-kind", "preferred_setting_kind", plan["preferred_setting_kind"]
        )
    return steps
