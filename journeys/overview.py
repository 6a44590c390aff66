"""A saved case arranged for people: its stages as a task list, its facts as summary rows
and the letters it can make. Read by the case list and the case overview page, for the
parent and for anyone they share the case with (read-only for them).
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.utils import dateformat
from django.utils.text import capfirst

from journeys.caseload.selectors import time_left_label
from journeys.wizard.definition import JOURNEYS, Journey
from journeys.rules.vocabulary import (
    DecisionKind,
    EventType,
    EvidenceKind,
    NeedArea,
    Relationship,
    SchoolView,
    SettingKind,
)
from letters.registry import REGISTRY, LetterKind

# The stages of the EHCP process a case can go through, in the order a family meets them.
STAGE_SLUGS = ("request", "refused", "plan", "mediation", "appeal")


class StageStatus(enum.StrEnum):
    NOT_STARTED = "Not started"
    IN_PROGRESS = "In progress"
    DONE = "Done"


@dataclass(frozen=True)
class StageTask:
    journey: Journey
    status: StageStatus
    # The question the parent stopped at (in progress only).
    resume_step: str | None = None


def stage_tasks(*, finished: Iterable[str], drafts: Mapping[str, str | None]) -> list[StageTask]:
    """Each stage's status: done once its journey was submitted, in progress while a draft
    of it exists (`drafts` maps journey slug to the step the draft is at), else not started.
    A stage finished and then reopened counts as done: the letters are there."""
    done = set(finished)
    tasks = []
    for slug in STAGE_SLUGS:
        journey = JOURNEYS[slug]
        if slug in done:
            tasks.append(StageTask(journey, StageStatus.DONE))
        elif slug in drafts:
            tasks.append(StageTask(journey, StageStatus.IN_PROGRESS, drafts[slug]))
        else:
            tasks.append(StageTask(journey, StageStatus.NOT_STARTED))
    return tasks


def stage_label(slug: str) -> str:
    """The stage a case is at, for lists ("Asking for an assessment")."""
    journey = JOURNEYS.get(slug)
    return journey.title if journey is not None else "Case file loaded"


def days_left_words(due: date | None, *, today: date) -> str:
    """'3 days overdue', 'Due today', '1 day left', '' when nothing is due: the caseload's
    wording (journeys.caseload.selectors.time_left_label), starting a sentence."""
    return "" if due is None else capfirst(time_left_label(due=due, today=today))


@dataclass(frozen=True)
class LetterLink:
    kind: str
    title: str
    journey: str


def case_letters(
    case_file: Mapping[str, Any], extras_by_journey: Mapping[str, Any], *, extras_for
) -> list[LetterLink]:
    """The letters of every finished stage, once each (the first stage that offers a kind
    gives it), for download links. `extras_for(slug)` gives a journey's merged extras."""
    seen: set[str] = set()
    links = []
    for slug in STAGE_SLUGS:
        if slug not in extras_by_journey:
            continue
        for kind in JOURNEYS[slug].letters_for(case_file, extras_for(slug)):
            if kind not in seen:
                seen.add(kind)
                links.append(LetterLink(kind, REGISTRY[LetterKind(kind)].title, slug))
    return links


@dataclass(frozen=True)
class FactRow:
    key: str
    lines: tuple[str, ...]


@dataclass(frozen=True)
class FactSection:
    heading: str
    rows: tuple[FactRow, ...]


def _label(enum_class, value: str | None) -> str:
    try:
        return enum_class(value).label
    except ValueError:
        return value or ""


def _date(iso: str | None) -> str:
    """A case file's ISO date as people write it ("2018-05-14" -> "14 May 2018")."""
    if not iso:
        return ""
    try:
        return dateformat.format(date.fromisoformat(iso), "j F Y")
    except ValueError:
        return iso


def _row(key: str, *lines: str | None) -> FactRow | None:
    kept = tuple(line for line in lines if line)
    return FactRow(key, kept) if kept else None


def _section(heading: str, rows: Iterable[FactRow | None]) -> FactSection | None:
    kept = tuple(row for row in rows if row is not None)
    return FactSection(heading, kept) if kept else None


def case_facts(case_file: Mapping[str, Any]) -> list[FactSection]:
    """What the case file says, in summary-list sections, for read-only pages."""
    child = case_file.get("child", {})
    applicant = case_file.get("applicant", {})
    setting = child.get("setting", {})
    sections = [
        _section(
            "The child",
            [
                _row(
                    "Name",
                    " ".join(p for p in (child.get("first_name"), child.get("last_name")) if p),
                ),
                _row("Date of birth", _date(child.get("date_of_birth"))),
                _row(
                    "School or setting",
                    setting.get("name"),
                    _label(SettingKind, setting.get("kind")),
                ),
                _row("Diagnoses", *child.get("diagnoses", [])),
            ],
        ),
        _section(
            "The parent or carer",
            [
                _row(
                    "Name",
                    applicant.get("name"),
                    _label(Relationship, applicant.get("relationship")),
                ),
                _row("Address", *applicant.get("address", [])),
                _row("Email", applicant.get("email")),
                _row("Phone", applicant.get("phone")),
                _row("Council", case_file.get("local_authority", {}).get("name")),
            ],
        ),
        _section(
            "Needs",
            [
                _row(
                    _label(NeedArea, need.get("area")), need.get("description"), need.get("impact")
                )
                for need in case_file.get("needs", [])
            ],
        ),
        _section(
            "Support and evidence",
            [
                *(
                    _row("Support tried", item.get("description"), item.get("outcome"))
                    for item in case_file.get("support_tried", [])
                ),
                *(
                    _row(
                        _label(EvidenceKind, item.get("kind")) or "Evidence",
                        item.get("title"),
                        item.get("author"),
                        _date(item.get("date")),
                        item.get("key_points"),
                    )
                    for item in case_file.get("evidence", [])
                ),
                _row("The school's view", _label(SchoolView, case_file.get("school_view"))),
            ],
        ),
        _section(
            "What has happened",
            [
                *(
                    _row(_label(EventType, event.get("type")), _date(event.get("date")))
                    for event in case_file.get("events", [])
                ),
                _row(
                    "Council's decision",
                    _label(DecisionKind, case_file.get("decision", {}).get("kind")),
                    _date(case_file.get("decision", {}).get("date")),
                    *case_file.get("decision", {}).get("reasons_given", []),
                ),
            ],
        ),
    ]
    return [section for section in sections if section is not None]
