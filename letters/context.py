"""Pure context builders: a case file in, a frozen dataclass of everything a letter says out.

No Django here. A builder refuses (MissingCaseData) rather than print a gap: nothing from a
placeholder may ever reach a letter. Dates arrive already computed by journeys.rules.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from journeys.rules import deadlines
from journeys.rules.vocabulary import (
    EvidenceKind,
    NeedArea,
    Pronouns,
    Relationship,
    SchoolView,
    SettingKind,
)


class MissingCaseData(ValueError):
    """The case lacks what a letter needs; `fields` names each missing case-file path."""

    def __init__(self, kind: str, fields: list[str]) -> None:
        self.kind = kind
        self.fields = fields
        super().__init__(f"the {kind} letter needs: {', '.join(fields)}")


def long_date(value: date) -> str:
    """'Friday 18 December 2026': the weekday helps a reader check a deadline."""
    return f"{value:%A} {value.day} {value:%B %Y}"


def short_date(value: date) -> str:
    return f"{value.day} {value:%B %Y}"


@dataclass(frozen=True)
class Person:
    """How a letter refers to the child or young person, in the right grammatical person."""

    writes_for_self: bool  # the young person is the applicant
    name: str  # "Sam", or "I"
    name_object: str  # "Sam", or "me"
    name_possessive: str  # "Sam's", or "My"
    subject: str  # "he" / "she" / "they" / "I"
    object: str  # "him" / "her" / "them" / "me"
    possessive: str  # "his" / "her" / "their" / "my"
    has: str  # agrees with `subject`: "he has", "they have", "I have"
    finds: str  # agrees with `subject`: "she finds", "they find"
    name_has: str  # agrees with `name`: "Alex has" (a name is singular), "I have"


def _person(first_name: str, pronouns: Pronouns, *, writing_about_self: bool) -> Person:
    if writing_about_self:
        return Person(True, "I", "me", "My", "I", "me", "my", "have", "find", "have")
    subject, obj, possessive = {
        Pronouns.HE: ("he", "him", "his"),
        Pronouns.SHE: ("she", "her", "her"),
        Pronouns.THEY: ("they", "them", "their"),
    }[pronouns]
    plural = pronouns is Pronouns.THEY
    possessive_name = f"{first_name}'" if first_name.endswith("s") else f"{first_name}'s"
    return Person(
        False,
        first_name,
        first_name,
        possessive_name,
        subject,
        obj,
        possessive,
        "have" if plural else "has",
        "find" if plural else "finds",
        "has",
    )


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
class RequestAssessmentLetter:
    letter_date: str
    sender_name: str
    sender_address: tuple[str, ...]
    sender_email: str
    sender_phone: str
    council_name: str
    child_full_name: str
    child_date_of_birth: str
    child_setting: str  # "Year 4 at Hillside Primary School", "home educated", ...
    writer_introduction: str  # "I am Sam's parent."
    needs_introduction: str
    views_request: str
    child: Person
    diagnoses: tuple[str, ...]
    needs: tuple[Need, ...]
    support_tried: tuple[SupportTried, ...]
    evidence: tuple[Evidence, ...]
    school_view: str
    notes: str
    decision_due: str
    decision_source: str
    # The day the council received the request, when the case records it; otherwise the
    # letter assumes receipt on the letter's date and says so.
    request_received: str


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


def _writer_introduction(relationship: Relationship, child: Person) -> str:
    return {
        Relationship.PARENT: f"I am {child.name_possessive} parent.",
        Relationship.CARER: f"I am {child.name_possessive} carer, with parental "
        f"responsibility for {child.object}.",
        Relationship.YOUNG_PERSON: "I am writing for myself, as a young person.",
        Relationship.ADVOCATE: f"I am writing as an advocate for {child.name_possessive} "
        "family, with their agreement.",
    }[relationship]


def _needs_introduction(relationship: Relationship, child: Person) -> str:
    if child.writes_for_self:
        return "In my own words, these are my difficulties and how they affect my education:"
    writer = {
        Relationship.PARENT: f"as {child.possessive} parent",
        Relationship.CARER: f"as {child.possessive} carer",
        Relationship.ADVOCATE: "as the family describe them",
    }[relationship]
    return (
        f"In my own words, {writer}, these are {child.name_possessive} difficulties and how "
        f"they affect {child.possessive} education:"
    )


def _school_view_sentence(case: Mapping[str, Any], child: Person) -> str:
    view = case.get("school_view")
    if view is None:
        return ""
    return {
        SchoolView.SUPPORTS: f"{child.name_possessive} school supports this request.",
        SchoolView.DOES_NOT_SUPPORT: f"{child.name_possessive} school does not "
        "support this request. A parent or young person may ask for an assessment without the "
        "school's agreement, and the school's view does not change the legal test.",
        SchoolView.UNKNOWN: "",
    }[SchoolView(view)]


def _evidence_title(item: Mapping[str, Any]) -> str:
    if item.get("title"):
        return item["title"]
    return EvidenceKind(item["kind"]).label if item.get("kind") else "Evidence"


def build_request_assessment(
    case: Mapping[str, Any], *, today: date, extras: Mapping[str, Any] | None = None
) -> RequestAssessmentLetter:
    """The request for an EHC needs assessment (Children and Families Act 2014, s.36).

    The 6-week date is reg 5(1)'s, counted from `today` as the day the council receives the
    request (the letter says so), unless the case records when the council received it.
    """
    require(case, "request_assessment", REQUEST_ASSESSMENT_NEEDS)
    child_data, applicant = case["child"], case["applicant"]
    relationship = Relationship(applicant["relationship"])
    child = _person(
        child_data["first_name"],
        Pronouns(child_data["pronouns"]),
        writing_about_self=relationship is Relationship.YOUNG_PERSON,
    )
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
    return RequestAssessmentLetter(
        letter_date=short_date(today),
        sender_name=applicant["name"],
        sender_address=tuple(applicant["address"]),
        sender_email=applicant.get("email", ""),
        sender_phone=applicant.get("phone", ""),
        council_name=case["local_authority"]["name"],
        child_full_name=f"{child_data['first_name']} {child_data['last_name']}",
        child_date_of_birth=short_date(date.fromisoformat(child_data["date_of_birth"])),
        child_setting=_setting_phrase(child_data),
        writer_introduction=_writer_introduction(relationship, child),
        needs_introduction=_needs_introduction(relationship, child),
        views_request=(
            "my views, wishes and feelings"
            if child.writes_for_self
            else f"{child.possessive} views, wishes and feelings, and mine"
        ),
        child=child,
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
                e.get("author", ""),
                short_date(date.fromisoformat(e["date"])) if e.get("date") else "",
                e.get("key_points", ""),
            )
            for e in case.get("evidence", [])
        ),
        school_view=_school_view_sentence(case, child),
        notes=case.get("notes", ""),
        decision_due=long_date(decision.due),
        decision_source=decision.source,
        request_received="" if received == today else short_date(received),
    )


# -- la_missed_deadline: the chaser for a council duty that is overdue ----------------------

# What the council had to do, and what started the clock, in the letter's first person.
COUNCIL_DUTIES: dict[str, str] = {
    "decide_whether_to_assess": "to tell me whether you would carry out an EHC needs assessment",
    "notify_no_plan": "to tell me if you had decided not to issue an EHC plan",
    "final_plan": "to issue the final EHC plan",
    "mediation_by": "to arrange mediation",
    "annual_review": "to review the EHC plan",
    "review_decision": "to tell me your decision after the annual review meeting",
    "phase_transfer_plan": "to issue the amended EHC plan naming the school or college for "
    "the move to the next phase",
}
STARTED_BY: dict[str, str] = {
    "request_received": "you received my request for an EHC needs assessment",
    "mediation_requested": "I told you that I wanted mediation",
    "final_plan_issued": "the EHC plan was issued",
    "annual_review_meeting": "the annual review meeting took place",
    # The only duty due before its event: the plan is due by 15 February (reg 18(1)(b)) and the
    # move is normally on 1 September, so the chaser is written before the move takes place.
    "phase_transfer_year": "the move to the next school or college is due to take place",
}
# A short, stated time to act (DOMAIN.md section 4: "e.g. 10 working days").
CHASER_WORKING_DAYS = 10


@dataclass(frozen=True)
class MissedDuty:
    duty: str
    started: str
    event_date: str
    due: str
    source: str


@dataclass(frozen=True)
class MissedDeadlineLetter:
    letter_date: str
    sender_name: str
    sender_address: tuple[str, ...]
    sender_email: str
    sender_phone: str
    council_name: str
    child_full_name: str
    child_date_of_birth: str
    missed: tuple[MissedDuty, ...]
    reply_by: str
    reply_working_days: int


MISSED_DEADLINE_NEEDS = ("child.first_name", "applicant.name", "local_authority.name", "events")


def build_la_missed_deadline(
    case: Mapping[str, Any], *, today: date, extras: Mapping[str, Any] | None = None
) -> MissedDeadlineLetter:
    """A firm, polite chaser for every council duty overdue on `today`.

    Dates come from the deadlines engine (through the timeline); the reply date is
    CHASER_WORKING_DAYS working days after the letter, counted as in journeys.rules.calendar.
    """
    from journeys.rules.calendar import add_working_days
    from journeys.cases.timeline import case_timeline

    require(case, "la_missed_deadline", MISSED_DEADLINE_NEEDS)
    late = [item for item in case_timeline(case, today=today).open if item.council_is_late]
    if not late:
        raise MissingCaseData(
            "la_missed_deadline", [f"events showing a council time limit missed by {today}"]
        )
    child, applicant = case["child"], case["applicant"]
    return MissedDeadlineLetter(
        letter_date=short_date(today),
        sender_name=applicant["name"],
        sender_address=tuple(applicant.get("address", ())),
        sender_email=applicant.get("email", ""),
        sender_phone=applicant.get("phone", ""),
        council_name=case["local_authority"]["name"],
        child_full_name=" ".join(p for p in (child["first_name"], child.get("last_name")) if p),
        child_date_of_birth=short_date(date.fromisoformat(child["date_of_birth"]))
        if child.get("date_of_birth")
        else "",
        missed=tuple(
            MissedDuty(
                duty=COUNCIL_DUTIES[item.deadline.rule.value],
                started=STARTED_BY[item.deadline.from_event.value],
                event_date=short_date(item.deadline.event_date),
                due=long_date(item.deadline.due),
                source=item.deadline.source,
            )
            for item in late
        ),
        reply_by=long_date(add_working_days(today, CHASER_WORKING_DAYS)),
        reply_working_days=CHASER_WORKING_DAYS,
    )
