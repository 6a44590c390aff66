"""A saved case arranged for people: its facts as summary rows and its next deadline in
words. Read by the case list and the case overview page, for the parent and for anyone they
share the case with (read-only for them). Its stages as a task list, and the letters they
make, are the wizard's (journeys/wizard/progress.py): they are the journeys.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.utils import dateformat
from django.utils.text import capfirst

from journeys.cases.labels import time_left_label
from journeys.rules.vocabulary import (
    DecisionKind,
    EventType,
    EvidenceKind,
    NeedArea,
    Relationship,
    Represented,
    SchoolView,
    SettingKind,
)


def days_left_words(due: date | None, *, today: date) -> str:
    """'3 days overdue', 'Due today', '1 day left', '' when nothing is due: the caseload's
    wording (journeys.cases.labels.time_left_label), starting a sentence."""
    return "" if due is None else capfirst(time_left_label(due=due, today=today))


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
    represents = case_file.get("represents", {})  # version 2: whose rights these are
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
            "The person the advocate acts for",
            [
                _row(
                    "Name",
                    represents.get("name"),
                    _label(Represented, represents.get("relationship")),
                ),
                _row("Address", *represents.get("address", [])),
                _row("Email", represents.get("email")),
                _row("Phone", represents.get("phone")),
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
