"""What every appeal document shares: the decision appealed, its time limit from the engine,
and the Tribunal bundle's numbered documents. Pure (no Django).

The appeal form: SEND35 for every appeal except a refusal to assess, which uses SEND35a
(Sendadvice Surrey, Essex and Norfolk SENDIASS). No Tribunal rule is stated here: the time
limit and the rules behind it come from journeys.rules.deadlines and journeys.rules.law.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from journeys.rules import law
from journeys.rules.appeal_reasoning import explain_appeal_deadline
from journeys.rules.vocabulary import DecisionKind, EventType
from letters.context import _evidence_title
from letters.parties import MissingCaseData, Person, author_name, long_date, short_date
from letters.parties import mapping as _mapping
from letters.parties import text as _text


def _iso(value: Any) -> date | None:
    try:
        return date.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        return None


def _event_dates(case: Mapping[str, Any], event: EventType) -> list[date]:
    found = []
    for item in case.get("events") or ():
        if isinstance(item, Mapping) and item.get("type") == event.value:
            day = _iso(item.get("date"))
            if day is not None:
                found.append(day)
    return sorted(found)


# -- the decision appealed and its time limit ---------------------------------------------------

# The event that records each decision the appeal documents are written for (CASE_FORMAT.md:
# version 2 adds decision_not_to_amend, decision_to_cease and decision_not_to_reassess).
ENGINE_EVENT: dict[DecisionKind, EventType] = {
    DecisionKind.REFUSAL_TO_ASSESS: EventType.DECISION_NOT_TO_ASSESS,
    DecisionKind.REFUSAL_TO_ISSUE_PLAN: EventType.DECISION_NOT_TO_ISSUE_PLAN,
    DecisionKind.PLAN_CONTENTS: EventType.FINAL_PLAN_ISSUED,
    DecisionKind.PLACEMENT_ONLY: EventType.FINAL_PLAN_ISSUED,
    DecisionKind.REFUSAL_TO_AMEND: EventType.DECISION_NOT_TO_AMEND,
    DecisionKind.CEASE_TO_MAINTAIN: EventType.DECISION_TO_CEASE,
    DecisionKind.REFUSAL_TO_REASSESS: EventType.DECISION_NOT_TO_REASSESS,
}


def _engine_event(kind: DecisionKind) -> EventType:
    """The event the deadlines engine counts this decision's appeal from (Tribunal Rules
    r.20(1)(c), the same for every decision here)."""
    return ENGINE_EVENT[kind]


def decision_in_plain_words(kind: DecisionKind, child: Person, *, to_reader: bool = False) -> str:
    """What the council decided, to follow "the council's decision ...". In the applicant's
    first person ("for Sam", "for me"), or `to_reader`, speaking to them ("for Sam", "for you")."""
    if child.writes_for_self:
        whose, whom = ("your", "you") if to_reader else ("my", "me")
    else:
        whose, whom = child.name_possessive, child.name_object
    return {
        DecisionKind.REFUSAL_TO_ASSESS: "not to carry out an education, health and care (EHC) "
        f"needs assessment for {whom}",
        DecisionKind.REFUSAL_TO_ISSUE_PLAN: "not to issue an education, health and care (EHC) "
        f"plan for {whom} after the assessment",
        DecisionKind.PLAN_CONTENTS: f"about what {whose} final EHC plan says: the description "
        "of special educational needs (section B), the special educational provision "
        "(section F) and the school or other placement (section I)",
        DecisionKind.PLACEMENT_ONLY: "about the school or other placement named in section I "
        f"of {whose} final EHC plan, or that none is named",
        DecisionKind.REFUSAL_TO_AMEND: f"not to amend {whose} EHC plan after a review",
        DecisionKind.CEASE_TO_MAINTAIN: f"to stop maintaining {whose} EHC plan",
        DecisionKind.REFUSAL_TO_REASSESS: f"not to re-assess {whose} education, health and care "
        "needs after a request",
    }[kind]


@dataclass(frozen=True)
class AppealDeadline:
    due: str  # "Tuesday 1 September 2026"
    source: str
    certificate_issued: str  # "14 July 2026", or "" when no certificate is recorded
    passed: bool  # `today` is after the last day
    steps: tuple[str, ...]  # the working, in plain words (journeys.rules.appeal_reasoning)


def _certificate_date(case: Mapping[str, Any], decided: date) -> date | None:
    """The latest mediation certificate issued on or after the decision (an earlier one is
    about an earlier decision and does not count: deadlines._appeal)."""
    issued = [day for day in _event_dates(case, EventType.MEDIATION_CERTIFICATE_ISSUED)]
    issued = [day for day in issued if day >= decided]
    return issued[-1] if issued else None


def appeal_time_limit(
    case: Mapping[str, Any], kind: DecisionKind, *, today: date
) -> AppealDeadline:
    decided = date.fromisoformat(case["decision"]["date"])
    certificate = _certificate_date(case, decided)
    explained = explain_appeal_deadline(
        decision_date=decided, certificate_issued=certificate, decision=_engine_event(kind)
    )
    return AppealDeadline(
        due=long_date(explained.deadline.due),
        source=law.appeal_deadline_citation(),
        certificate_issued=short_date(certificate) if certificate else "",
        passed=today > explained.deadline.due,
        steps=explained.steps,
    )


def _decision(case: Mapping[str, Any], kind_name: str) -> tuple[DecisionKind, date]:
    """decision.kind and decision.date, or MissingCaseData naming what is absent or invalid."""
    decision = _mapping(case.get("decision"))
    kind = _decision_kind(decision)
    decided = _iso(decision.get("date"))
    if kind is None or decided is None:
        pairs = (("decision.kind", kind), ("decision.date", decided))
        raise MissingCaseData(kind_name, [path for path, value in pairs if value is None])
    return kind, decided


def _decision_kind(decision: Mapping[str, Any]) -> DecisionKind | None:
    """The decision's kind, when the appeal documents can be written for it (ENGINE_EVENT)."""
    try:
        kind = DecisionKind(decision.get("kind"))
    except ValueError:
        return None
    return kind if kind in ENGINE_EVENT else None


# -- the Tribunal bundle: the documents, numbered -----------------------------------------------

# The plan as a bundle document, for appeals about a plan: (title, what it shows).
PLAN_DOCUMENT: dict[DecisionKind, tuple[str, str]] = {
    DecisionKind.PLAN_CONTENTS: (
        "Final EHC plan, with all its appendices",
        "The plan this appeal is about.",
    ),
    DecisionKind.PLACEMENT_ONLY: (
        "Final EHC plan, with all its appendices",
        "The plan this appeal is about.",
    ),
    DecisionKind.REFUSAL_TO_AMEND: (
        "Current EHC plan, with all its appendices",
        "The plan the council has decided not to amend.",
    ),
    DecisionKind.CEASE_TO_MAINTAIN: (
        "Current EHC plan, with all its appendices",
        "The plan the council has decided to stop.",
    ),
    DecisionKind.REFUSAL_TO_REASSESS: (
        "Current EHC plan, with all its appendices",
        "The plan made after the last assessment.",
    ),
}


@dataclass(frozen=True)
class BundleDocument:
    number: int
    title: str
    author: str
    date: str  # "10 March 2026", or "" when undated
    shows: str  # one line of what it shows


def bundle_documents(case: Mapping[str, Any], child: Person) -> tuple[BundleDocument, ...]:
    """The decision letter, the mediation certificate (if any), the plan (plan appeals) and
    every evidence item, numbered from 1 in that order."""
    council = _text(_mapping(case.get("local_authority")).get("name"))
    decision = _mapping(case.get("decision"))
    kind = _decision_kind(decision)
    decided = _iso(decision.get("date"))
    # (title, what it shows, author, date)
    rows: list[tuple[str, str, str, date | None]] = [
        (
            "Decision letter" if council else "The council's decision letter",
            f"The decision appealed: the council's decision {decision_in_plain_words(kind, child)}."
            if kind
            else "The decision appealed.",
            council,
            decided,
        )
    ]
    certificate = _certificate_date(case, decided) if decided else None
    if decided is None:
        issued = _event_dates(case, EventType.MEDIATION_CERTIFICATE_ISSUED)
        certificate = issued[-1] if issued else None
    if certificate:
        rows.append(
            (
                "Mediation certificate",
                "That I contacted a mediation adviser before appealing.",
                "Mediation adviser",
                certificate,
            )
        )
    if kind in PLAN_DOCUMENT:
        plans = _event_dates(case, EventType.FINAL_PLAN_ISSUED)
        rows.append((*PLAN_DOCUMENT[kind], council, plans[-1] if plans else None))
    for item in case.get("evidence") or ():
        if not isinstance(item, Mapping):
            continue
        try:
            title = _text(_evidence_title(item))
        except ValueError:  # an unknown evidence kind and no title
            title = ""
        rows.append(
            (
                title or "Evidence",
                _text(item.get("key_points")),
                author_name(item.get("author"), case),
                _iso(item.get("date")),
            )
        )
    return tuple(
        BundleDocument(number, title, author, short_date(day) if day else "", shows)
        for number, (title, shows, author, day) in enumerate(rows, start=1)
    )
