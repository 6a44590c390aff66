"""A case's timeline: what has happened, and what is due, by whom, with what to do next.

Every date comes from journeys.rules.deadlines; this module only arranges them for people
(the timeline page, the calendar file, reminders and the chaser letter all read it).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from journeys.cases.guidance import GUIDANCE
from journeys.rules.deadlines import (
    Deadline,
    DutyHolder,
    Status,
    deadline_status,
    deadlines_for_events,
    explain,
)
from journeys.rules.vocabulary import EventType

OPEN_STATUSES = frozenset({Status.UPCOMING, Status.DUE_TODAY, Status.OVERDUE})


@dataclass(frozen=True)
class TimelineEvent:
    type: EventType
    date: date

    @property
    def label(self) -> str:
        return self.type.label


@dataclass(frozen=True)
class TimelineDeadline:
    deadline: Deadline
    status: Status
    explanation: str
    what_to_do: str
    days_left: int

    @property
    def council_is_late(self) -> bool:
        return self.status is Status.OVERDUE and self.deadline.duty_holder is DutyHolder.COUNCIL


@dataclass(frozen=True)
class Timeline:
    events: tuple[TimelineEvent, ...]
    open: tuple[TimelineDeadline, ...]  # overdue first, then by date
    met: tuple[TimelineDeadline, ...]

    @property
    def council_is_late(self) -> bool:
        return any(item.council_is_late for item in self.open)


def case_events(case_file: Mapping[str, Any]) -> list[tuple[EventType, date]]:
    """The case file's events as (type, date), oldest first."""
    return sorted(
        (
            (EventType(e["type"]), date.fromisoformat(e["date"]))
            for e in case_file.get("events", [])
        ),
        key=lambda pair: (pair[1], pair[0].value),
    )


def next_open_deadline(case_file: Mapping[str, Any]) -> Deadline | None:
    """The earliest deadline no recorded event has met yet (overdue or not), or None.

    Kept on the case for lists and the caseload dashboard; whether it is overdue depends on
    the day it is read, so that is worked out when the page is shown.
    """
    events = case_events(case_file)
    still_open = [
        deadline
        for deadline in deadlines_for_events(events)
        if deadline_status(deadline, today=date.max, events=events) is not Status.MET
    ]
    return min(still_open, key=lambda d: (d.due, d.rule.value), default=None)


def case_timeline(case_file: Mapping[str, Any], *, today: date) -> Timeline:
    """Build the timeline of a case file as it stands on `today`."""
    events = case_events(case_file)
    items = []
    for deadline in deadlines_for_events(events):
        status = deadline_status(deadline, today=today, events=events)
        guidance = GUIDANCE[deadline.rule.value]
        items.append(
            TimelineDeadline(
                deadline=deadline,
                status=status,
                explanation=explain(deadline),
                what_to_do=guidance.if_missed if status is Status.OVERDUE else guidance.before,
                days_left=(deadline.due - today).days,
            )
        )
    open_items = sorted(
        (i for i in items if i.status in OPEN_STATUSES),
        key=lambda i: (i.status is not Status.OVERDUE, i.deadline.due, i.deadline.rule.value),
    )
    met = tuple(i for i in items if i.status is Status.MET)
    return Timeline(
        events=tuple(TimelineEvent(t, d) for t, d in events), open=tuple(open_items), met=met
    )
