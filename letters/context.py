"""Pure context builders: a case file in, a frozen dataclass of everything a letter says out.

No Django here. A builder refuses (MissingCaseData) rather than print a gap: nothing from a
placeholder may ever reach a letter. Dates arrive already computed by journeys.rules.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from journeys.rules import deadlines, law
from journeys.rules.law import Law, LawEntry
from journeys.rules.vocabulary import (
    SETTINGS_WITHOUT_A_PLACE,
    EvidenceKind,
    NeedArea,
    Relationship,
    SchoolView,
    SettingKind,
)
from letters.parties import (
    MissingCaseData,
    Parties,
    author_name,
    long_date,
    mapping,
    parties_fields,
    parties_from_case,
    short_date,
)
from letters.voice import VoiceSection, voice_section


@dataclass(frozen=True)
class Need:
    area: str
    description: str
    impact: str


@dataclass(frozen=True)
class SupportTried:
    description: str
    since: str
    outcome: str


@dataclass(frozen=True)
class Evidence:
    title: str
    author: str
    date: str
    key_points: str


@dataclass(frozen=True)
class RequestAssessmentLetter(Parties):
    child_setting: str  # "Year 4 at Hillside Primary School", "home educated", ...
    needs_introduction: str
    views_request: str
    diagnoses: tuple[str, ...]
    needs: tuple[Need, ...]
    support_tried: tuple[SupportTried, ...]
    evidence: tuple[Evidence, ...]
    school_supports: bool  # the parent said the school supports the request
    no_school_place: bool  # home educated or no setting: no school's resources to argue about
    notes: str
    decision_due: str
    # The day the council received the request, when the case records it; otherwise the
    # letter assumes receipt on the letter's date and says so.
    request_received: str
    law_request: LawEntry
    law_test: LawEntry
    law_threshold: LawEntry
    law_no_place: LawEntry | None
    law_decision: LawEntry
    law_refusal: LawEntry
    law_advice: LawEntry
    law_views: LawEntry
    voice: VoiceSection | None = None  # letters/voice.py: the child's voice, as given


def _get(case: Mapping[str, Any], path: str) -> Any:
    value: Any = case
    for part in path.split("."):
        if not isinstance(value, Mapping) or part not in value:
            return None
        value = value[part]
    return value


def require(case: Mapping[str, Any], kind: str, paths: tuple[str, ...]) -> None:
    """Raise MissingCaseData naming every path that is absent or empty."""
    missing = [p for p in paths if _get(case, p) in (None, "", [], {})]
    if missing:
        raise MissingCaseData(kind, missing)


REQUEST_ASSESSMENT_NEEDS = (
    "child.first_name",
    "child.last_name",
    "child.date_of_birth",
    "child.pronouns",
    "applicant.name",
    "applicant.relationship",
    "applicant.address",
    "local_authority.name",
    "needs",
)


def _setting_phrase(child: Mapping[str, Any]) -> str:
    setting = child.get("setting", {})
    kind = SettingKind(setting["kind"]) if "kind" in setting else None
    if kind is SettingKind.HOME_EDUCATED:
        return "home educated"
    if kind is SettingKind.NONE:
        return "not in any school, college or nursery at the moment"
    year, name = child.get("year_group", ""), setting.get("name", "")
    if year and name:
        return f"{year} at {name}"
    return name or year


def _needs_introduction(relationship: Relationship, parties: Parties) -> str:
    child = parties.child
    if child.writes_for_self:
        return "In my own words, these are my difficulties and how they affect my education:"
    if parties.represents is not None:
        return (
            f"In {parties.represents.name}'s words, these are {child.name_possessive} "
            f"difficulties and how they affect {child.possessive} education:"
        )
    writer = {
        Relationship.PARENT: f"as {child.possessive} parent",
        Relationship.CARER: f"as {child.possessive} carer",
        Relationship.ADVOCATE: "as the family describe them",
    }[relationship]
    return (
        f"In my own words, {writer}, these are {child.name_possessive} difficulties and how "
        f"they affect {child.possessive} education:"
    )


def _evidence_title(item: Mapping[str, Any]) -> str:
    if item.get("title"):
        return item["title"]
    return EvidenceKind(item["kind"]).label if item.get("kind") else "Evidence"


def _no_school_place(child: Mapping[str, Any]) -> bool:
    """The child has no school or setting whose resources a letter could talk about."""
    kind = mapping(child.get("setting")).get("kind")
    return kind in {k.value for k in SETTINGS_WITHOUT_A_PLACE}


def build_request_assessment(
    case: Mapping[str, Any], *, today: date, extras: Mapping[str, Any] | None = None
) -> RequestAssessmentLetter:
    """The request for an EHC needs assessment (law: ASSESSMENT_TEST, s.36(8)).

    The 6-week date is reg 5(1)'s, counted from `today` as the day the council receives the
    request (the letter says so), unless the case records when the council received it. An
    advocate writes for the parent or young person in `represents`, who is named as the one
    asking. For a child with no school place (home educated, or none) the letter does not
    argue about a school's resources: it says what the child receives now, and the law entry
    ASSESSMENT_NO_SCHOOL_PLACE.
    """
    require(case, "request_assessment", REQUEST_ASSESSMENT_NEEDS)
    parties = parties_from_case(
        case, today, kind="request_assessment", exercises_right=True, strict_pronouns=True
    )
    child_data = case["child"]
    relationship = Relationship(case["applicant"]["relationship"])
    child = parties.child
    received = next(
        (
            date.fromisoformat(event["date"])
            for event in case.get("events", [])
            if event["type"] == "request_received"
        ),
        today,
    )
    decision = deadlines.decide_whether_to_assess(request_received=received)
    labels = {area.value: area.label for area in NeedArea}
    no_place = _no_school_place(child_data)
    return RequestAssessmentLetter(
        **parties_fields(parties),
        child_setting=_setting_phrase(child_data),
        needs_introduction=_needs_introduction(relationship, parties),
        views_request=(
            "my views, wishes and feelings"
            if child.writes_for_self
            else f"{child.possessive} views, wishes and feelings, and "
            + (f"those of {parties.represents.name}" if parties.represents else "mine")
        ),
        diagnoses=tuple(child_data.get("diagnoses", ())),
        needs=tuple(
            Need(labels[n["area"]], n.get("description", ""), n.get("impact", ""))
            for n in case["needs"]
        ),
        support_tried=tuple(
            SupportTried(
                s.get("description", ""),
                short_date(date.fromisoformat(s["since"])) if s.get("since") else "",
                s.get("outcome", ""),
            )
            for s in case.get("support_tried", [])
        ),
        evidence=tuple(
            Evidence(
                _evidence_title(e),
                author_name(e.get("author"), case),
                short_date(date.fromisoformat(e["date"])) if e.get("date") else "",
                e.get("key_points", ""),
            )
            for e in case.get("evidence", [])
        ),
        school_supports=case.get("school_view") == SchoolView.SUPPORTS.value and not no_place,
        no_school_place=no_place,
        notes=case.get("notes", ""),
        decision_due=long_date(decision.due),
        request_received="" if received == today else short_date(received),
        law_request=law.entry(Law.ASSESSMENT_REQUEST),
        law_test=law.entry(Law.ASSESSMENT_TEST),
        law_threshold=law.entry(Law.ASSESSMENT_LOW_THRESHOLD),
        law_no_place=law.entry(Law.ASSESSMENT_NO_SCHOOL_PLACE) if no_place else None,
        law_decision=law.entry(Law.DECIDE_WHETHER_TO_ASSESS),
        law_refusal=law.entry(Law.REFUSAL_NOTICE_CONTENTS),
        law_advice=law.entry(Law.ASSESSMENT_ADVICE),
        law_views=law.entry(Law.VIEWS_WISHES_FEELINGS),
        voice=voice_section(extras, child),
    )


# -- la_missed_deadline: the chaser for a council duty that is overdue ----------------------

# What started each clock, as the letter tells the council ("On 6 November 2026 ...").
STARTED_BY: dict[str, str] = {
    "request_received": "you received the request for an EHC needs assessment",
    "mediation_requested": "you were told that mediation was wanted",
    "final_plan_issued": "the EHC plan was issued",
    "annual_review_meeting": "the annual review meeting took place",
    # Due before its event: the plan is due before the move, so the chaser is written before
    # the move takes place.
    "phase_transfer_year": "the move to the next school or college is due to take place",
    # Version 2 (issue 14): each in the words of the event the family recorded.
    "amendment_proposal_issued": "you sent your proposed changes to the plan",
    "reassessment_requested": "you received the request to assess again",
    # The council's notice that it will re-assess (reg 25(1)), recorded as decision_to_assess:
    # the chaser counts the 14 weeks of reg 27(2) only from it.
    "decision_to_assess": "you said that you would carry out a new assessment",
    "tribunal_decision": "the Tribunal decided the appeal",
}
# Which time limits the listed exceptions belong to, as the letter names them.
EXCEPTIONS_FOR_ASSESSMENT = "the 6, 16 or 20 weeks"
EXCEPTIONS_FOR_REASSESSMENT = "the 14 weeks after a decision to assess again"
# A short, stated time to act (DOMAIN.md section 4: "e.g. 10 working days").
CHASER_WORKING_DAYS = 10


@dataclass(frozen=True)
class MissedDuty:
    law: LawEntry  # the duty, stated once, with its citation
    started: str
    event_date: str
    due: str
    days_late: int


@dataclass(frozen=True)
class MissedDeadlineLetter(Parties):
    missed: tuple[MissedDuty, ...]  # every overdue council duty but late mediation
    # Late mediation (reg 37): the family asks the mediation adviser for the certificate; the
    # letter tells the council so instead of asking it for a meeting.
    mediation: MissedDuty | None
    # The exceptions that can allow longer, named only when a 6-, 16- or 20-week duty is late.
    exceptions: tuple[str, ...]
    # Which time limits they are for: "the 6, 16 or 20 weeks", the 14 weeks of reg 27(2),
    # or both (the same limbs: reg 5(4), 10(4), 13(3) and 27(3)).
    exceptions_for: str
    exceptions_rule: str
    reply_by: str
    reply_working_days: int


MISSED_DEADLINE_NEEDS = ("child.first_name", "applicant.name", "local_authority.name", "events")


def build_la_missed_deadline(
    case: Mapping[str, Any], *, today: date, extras: Mapping[str, Any] | None = None
) -> MissedDeadlineLetter:
    """A firm, polite chaser for every council duty overdue on `today` (finding 7).

    Only duties that exist for this case (journeys.cases.timeline.overdue_council_duties: no reg
    10(1) before the council agreed to assess; reg 18(1)(a) for a post-16 move; s.44(1)'s
    "12 months starting with"), each stated from the law module with its citation. "Only in
    exceptional circumstances" and the three exceptions appear only when a 6-, 16- or 20-week
    duty is late. Late mediation tells the council that the mediation adviser is being asked
    for the certificate. The reply date is CHASER_WORKING_DAYS working days after the letter.
    """
    from journeys.cases.timeline import overdue_council_duties
    from journeys.rules.calendar import add_working_days

    require(case, "la_missed_deadline", MISSED_DEADLINE_NEEDS)
    late = overdue_council_duties(case, today=today)
    if not late:
        raise MissingCaseData(
            "la_missed_deadline", [f"events showing a council time limit missed by {today}"]
        )
    parties = parties_from_case(case, today, kind="la_missed_deadline", exercises_right=True)

    def missed(item: Any) -> MissedDuty:
        return MissedDuty(
            law=item.law,
            started=STARTED_BY[item.from_event.value],
            event_date=short_date(item.event_date),
            due=long_date(item.due),
            days_late=item.days_late,
        )

    with_exceptions = [item for item in late if item.has_exceptions]
    limits = []
    if any(item.rule is not deadlines.RuleId.REASSESSMENT_FINAL_PLAN for item in with_exceptions):
        limits.append(EXCEPTIONS_FOR_ASSESSMENT)
    if any(item.rule is deadlines.RuleId.REASSESSMENT_FINAL_PLAN for item in with_exceptions):
        limits.append(EXCEPTIONS_FOR_REASSESSMENT)
    return MissedDeadlineLetter(
        **parties_fields(parties),
        missed=tuple(missed(item) for item in late if not item.ask_mediation_adviser),
        mediation=next((missed(item) for item in late if item.ask_mediation_adviser), None),
        exceptions=with_exceptions[0].exceptions if with_exceptions else (),
        exceptions_for=", or ".join(limits),
        exceptions_rule=law.TIME_LIMIT_EXCEPTIONS_RULE if with_exceptions else "",
        reply_by=long_date(add_working_days(today, CHASER_WORKING_DAYS)),
        reply_working_days=CHASER_WORKING_DAYS,
    )
