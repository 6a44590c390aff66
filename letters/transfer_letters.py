"""Letters for the rest of a plan's life (issue 14): a request to name a school or college for
a move between phases (reg 18), and a request to re-assess (Act s.44(2)). Pure (no Django);
every statement of law comes from journeys/rules/law.py, every date from the deadlines engine.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from journeys.rules import deadlines, law
from journeys.rules.deadlines import TransferKind
from journeys.rules.law import Law, LawEntry, SchoolKind
from journeys.rules.vocabulary import EventType
from letters.appeals import _iso
from letters.context import Evidence, _evidence_title, require
from letters.parties import (
    MissingCaseData,
    Parties,
    Person,
    author_name,
    long_date,
    parties_fields,
    parties_from_case,
    preferred_school_kind,
    short_date,
)
from letters.parties import mapping as _mapping
from letters.parties import text as _text
from letters.voice import VoiceSection, voice_section

# -- the request to name a school or college for a phase transfer --------------------------------

# What the regulation says, after the computed date (reg 18 says "before").
_BEFORE = {
    TransferKind.SCHOOL: "\u201cbefore 15 February\u201d",
    TransferKind.POST16: "\u201cbefore 31 March\u201d",
}


@dataclass(frozen=True)
class PhaseTransferRequest(Parties):
    preferred_setting: str  # plan.preferred_setting
    school_kind_label: str  # "an academy or free school", or "" when not known
    school_law: LawEntry | None  # s.39 or s.9 EA 1996; None when the kind is not known
    consult: bool  # a s.38(3) kind: the council must consult it (s.39(2)), so ask it to now
    transfer: str  # TransferKind value
    move: str  # "in September 2027" or "on 8 January 2028"
    destination: str  # "a new school", "a college or other post-16 place", ...
    move_law: LawEntry  # reg 18(1)(b), 18(1)(a) or 18(2)
    plan_due: str  # "Sunday 14 February 2027"
    regulation_says: str  # "“before 15 February”", or "" for a move between post-16 places
    passed: bool  # the letter is dated after the last day
    why: str  # extras.transfer.why, the family's words
    needs_plan_early: str  # the sentence asking for it early, in the writer's person
    voice: VoiceSection | None = None  # letters/voice.py: the child's voice, as given


PHASE_TRANSFER_NEEDS = ("child.first_name", "applicant.name", "local_authority.name")


def _latest_transfer(case: Mapping[str, Any]) -> tuple[date, TransferKind] | None:
    """The latest phase_transfer_year event's date and `transfer` (default: school)."""
    found = []
    for item in case.get("events") or ():
        if isinstance(item, Mapping) and item.get("type") == EventType.PHASE_TRANSFER_YEAR:
            day = _iso(item.get("date"))
            if day is None:
                continue
            try:
                kind = TransferKind(item.get("transfer") or TransferKind.SCHOOL)
            except ValueError:
                kind = TransferKind.SCHOOL
            found.append((day, kind))
    return max(found, key=lambda pair: pair[0]) if found else None


# Where the move leads, as the family chose the kind of move (CASE_FORMAT.md `transfer`).
_DESTINATION = {
    TransferKind.SCHOOL: "a new school",
    TransferKind.POST16: "a college or other post-16 place",
    TransferKind.BETWEEN_POST16: "a new college or other post-16 place",
}


def _move_phrase(day: date, kind: TransferKind) -> str:
    if kind is TransferKind.BETWEEN_POST16:
        return f"on {short_date(day)}"
    return f"in September {day.year}"


def _kind_label(kind: SchoolKind | None) -> str:
    if kind is None:
        return ""
    label = kind.label
    return label[0].lower() + label[1:]


def build_phase_transfer_request(
    case: Mapping[str, Any], *, today: date, extras: Mapping[str, Any] | None = None
) -> PhaseTransferRequest:
    """A request to name the family's school or college in the plan for a coming move.

    Needs a phase_transfer_year event and plan.preferred_setting. The date by which the
    council must have reviewed and amended the plan is the engine's phase_transfer_plan: 14
    February (reg 18(1)(b): "before 15 February") or 30 March (reg 18(1)(a): "before 31
    March") of the year of the move, or 5 months before a move between post-16 places (reg
    18(2)); the letter asks for it well before then. The school is argued under s.39 or s.9
    Education Act 1996 by plan.preferred_setting_kind, and asked for without either when the
    kind is not known. extras.transfer.why, the family's words, says why it suits.
    """
    extras = extras or {}
    require(case, "phase_transfer_request", PHASE_TRANSFER_NEEDS)
    missing = []
    transfer = _latest_transfer(case)
    if transfer is None:
        missing.append("events (phase_transfer_year)")
    preferred = _text(_mapping(case.get("plan")).get("preferred_setting"))
    if not preferred:
        missing.append("plan.preferred_setting")
    if missing or transfer is None:
        raise MissingCaseData("phase_transfer_request", missing)
    parties = parties_from_case(case, today, kind="phase_transfer_request", exercises_right=True)
    moves_on, kind = transfer
    due = deadlines.phase_transfer_plan(transfer_date=moves_on, transfer=kind)
    school = preferred_school_kind(case)
    school_law = law.school_law(school)
    return PhaseTransferRequest(
        **parties_fields(parties),
        preferred_setting=preferred,
        school_kind_label=_kind_label(school),
        school_law=school_law,
        consult=school_law is not None and school_law.key is Law.NAME_SCHOOL_S39,
        transfer=kind.value,
        move=_move_phrase(moves_on, kind),
        destination=_DESTINATION[kind],
        move_law=law.entry(due.law),
        plan_due=long_date(due.due),
        regulation_says=_BEFORE.get(kind, ""),
        passed=today > due.due,
        why=_text(_mapping(extras.get("transfer")).get("why")),
        needs_plan_early=_early_sentence(parties),
        voice=voice_section(extras, parties.child),
    )


def _early_sentence(parties: Parties) -> str:
    """Why the council should not wait for the last day, in the writer's person."""
    if parties.represents:
        time = (
            f"{parties.represents.name} has time to read the amended plan, to ask for "
            "changes, and to appeal if needed"
        )
    else:
        time = (
            "I have time to read the amended plan, to ask for changes, and to appeal if I need to"
        )
    return (
        "That date is the latest the law allows. Please do it well before then, so that "
        f"{time}, before the move."
    )


# -- the request to re-assess ------------------------------------------------------------------


@dataclass(frozen=True)
class Change:
    heading: str
    text: str  # the family's words


@dataclass(frozen=True)
class ReassessmentRequest(Parties):
    request_law: LawEntry  # s.44(2)
    decision_law: LawEntry  # reg 25(1)
    changes: tuple[Change, ...]  # extras.reassessment.changes, in a fixed order
    evidence: tuple[Evidence, ...]
    voice: VoiceSection | None = None  # letters/voice.py: the child's voice, as given


REASSESSMENT_NEEDS = ("child.first_name", "applicant.name", "local_authority.name")


def _change_headings(child: Person) -> dict[str, str]:
    whose = child.name_possessive  # "Sam's", or "My"
    return {
        "needs": f"{whose} needs",
        "setting": f"{whose} school, college or setting",
        "diagnoses": "New diagnoses",
        "advice": "New advice from professionals",
    }


def build_reassessment_request(
    case: Mapping[str, Any], *, today: date, extras: Mapping[str, Any] | None = None
) -> ReassessmentRequest:
    """A request to re-assess the child's or young person's needs (Act s.44(2)).

    Says what has changed since the last assessment (extras.reassessment.changes, the family's
    words, at least one needed), lists the evidence enclosed, and asks for the decision within
    15 days (reg 25(1)). From a case file alone (no extras) the letter names no change and
    rests on the evidence; with neither it refuses, as it would have nothing the family told
    us to say.
    """
    extras = extras or {}
    require(case, "reassessment_request", REASSESSMENT_NEEDS)
    given = _mapping(_mapping(extras.get("reassessment")).get("changes"))
    parties = parties_from_case(case, today, kind="reassessment_request", exercises_right=True)
    headings = _change_headings(parties.child)
    changes = tuple(
        Change(heading, _text(given.get(name)))
        for name, heading in headings.items()
        if _text(given.get(name))
    )
    evidence = tuple(
        Evidence(
            _evidence_title(item),
            author_name(item.get("author"), case),
            short_date(day) if (day := _iso(item.get("date"))) else "",
            _text(item.get("key_points")),
        )
        for item in case.get("evidence") or ()
        if isinstance(item, Mapping)
    )
    if not changes and not evidence:
        raise MissingCaseData(
            "reassessment_request",
            ["evidence, or what has changed since the last assessment (extras.reassessment)"],
        )
    return ReassessmentRequest(
        **parties_fields(parties),
        request_law=law.entry(Law.REASSESSMENT_REQUEST),
        decision_law=law.entry(Law.REASSESSMENT_DECISION),
        changes=changes,
        evidence=evidence,
        voice=voice_section(extras, parties.child),
    )
