"""Dates on a case's timeline that cannot all be true (issue 10, section 3).

Pure Python (no Django). The timeline's add-date form asks `event_contradiction` before it
records a date, and shows the message beside the date field. Only contradictions that the
process itself rules out are refused: everything about a request comes after the council
received it (Children and Families Act 2014 s.36(1): the process starts with the request),
and a request is received once (a new request is a new case). An amended plan can follow a
final plan, so a draft after a final plan is not a contradiction.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date
from typing import Any

from journeys.rules.vocabulary import EventType

# What happens to a request after the council receives it: none can come before it.
AFTER_REQUEST: frozenset[EventType] = frozenset(
    {
        EventType.DECISION_TO_ASSESS,
        EventType.DECISION_NOT_TO_ASSESS,
        EventType.DECISION_NOT_TO_ISSUE_PLAN,
        EventType.DRAFT_PLAN_ISSUED,
        EventType.FINAL_PLAN_ISSUED,
    }
)

# A decision not to issue a plan is made after assessing (reg 10(1)): after the decision
# to assess, never before it.
AFTER_AGREEING: frozenset[EventType] = frozenset({EventType.DECISION_NOT_TO_ISSUE_PLAN})


def recorded_events(events: Iterable[Mapping[str, Any]]) -> list[tuple[EventType, date]]:
    """A case file's `events` as (type, date) pairs."""
    return [(EventType(e["type"]), date.fromisoformat(e["date"])) for e in events]


def _day(value: date) -> str:
    return f"{value.day} {value:%B %Y}"


def _first_before(
    events: list[tuple[EventType, date]], kinds: frozenset[EventType], day: date
) -> tuple[EventType, date] | None:
    return min(
        ((kind, when) for kind, when in events if kind in kinds and when < day),
        key=lambda pair: pair[1],
        default=None,
    )


def event_contradiction(
    *, event: EventType, on: date, recorded: Iterable[tuple[EventType, date]]
) -> str | None:
    """Why `event` on `on` cannot be true beside the `recorded` events, or None if it can.

    The message is for the parent, shown beside the date; recording the same event on the
    same date again is never a contradiction (it is recorded once)."""
    events = [(kind, when) for kind, when in recorded if (kind, when) != (event, on)]
    received = [when for kind, when in events if kind == EventType.REQUEST_RECEIVED]
    if event == EventType.REQUEST_RECEIVED:
        if received:
            return (
                f"The date the council received the request is already recorded "
                f"({_day(received[0])}). If that date is wrong, remove it first"
            )
        earlier = _first_before(events, AFTER_REQUEST, on)
        if earlier is not None:
            kind, when = earlier
            return (
                f"The council must receive the request before anything it decides about it. "
                f"You recorded \u201c{kind.label}\u201d on {_day(when)}"
            )
        return None
    if event in AFTER_REQUEST and received and on < min(received):
        return (
            f"This date is before the council received the request ({_day(min(received))}). "
            f"Check the date on the letter"
        )
    if event in AFTER_AGREEING:
        agreed = [when for kind, when in events if kind == EventType.DECISION_TO_ASSESS]
        if agreed and on < min(agreed):
            return (
                f"A decision not to issue a plan comes after the council agreed to assess "
                f"({_day(min(agreed))}). Check the date on the letter"
            )
    return None
