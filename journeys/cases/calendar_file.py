"""The "Add to calendar" file: every upcoming deadline of a case as an iCalendar event.

Each event's UID is fixed by case and rule, so downloading the file again after a date
changes updates the event in the parent's calendar instead of adding a second one.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from icalendar import Alarm, Calendar, Event

from journeys.cases.timeline import Timeline, TimelineDeadline
from journeys.rules.deadlines import Status

PRODID = "-//EHCP Helper//Deadlines//EN"
UID_DOMAIN = "ehcp-helper.invalid"
ALARM_DAYS = (7, 1)


def event_uid(case_id, rule: str) -> str:
    """One id per date of a case (`Deadline.key`: the rule id, with the law entry where a rule
    gives two dates), so downloading again updates the event."""
    return f"{case_id}-{rule}@{UID_DOMAIN}"


def _description(item: TimelineDeadline) -> str:
    """The event's notes: the sentence (the appeal's says by 5pm), what to do, the source,
    and the exceptions only where the law gives them (the 6, 16 and 20 weeks)."""
    parts = [item.explanation, f"What to do: {item.what_to_do}"]
    if item.by_5pm is not None:
        parts.append(f"By 5pm: {item.by_5pm.statement} ({item.by_5pm.citation}.)")
    source = f"Source: {item.deadline.source}."
    if item.exceptions:
        source = (
            f"Source: {item.deadline.source}, unless an exception applies. The council can "
            "take longer only if: " + "; ".join(item.exceptions) + "."
        )
    parts.append(f"{source} This is information, not legal advice.")
    return "\n\n".join(parts)


def case_calendar(*, case_id, timeline: Timeline, child_name: str) -> bytes:
    """Return the .ics bytes for the case's upcoming deadlines (today's included)."""
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", f"EHCP dates for {child_name}")
    stamp = datetime.now(UTC).replace(microsecond=0)
    for item in timeline.open:
        if item.status not in (Status.UPCOMING, Status.DUE_TODAY):
            continue
        deadline = item.deadline
        event = Event()
        event.add("uid", event_uid(case_id, deadline.key))
        event.add("dtstamp", stamp)
        event.add("dtstart", deadline.due)
        event.add("dtend", deadline.due + timedelta(days=1))
        event.add("summary", item.explanation)
        event.add("description", _description(item))
        event.add("transp", "TRANSPARENT")
        for days in ALARM_DAYS:
            alarm = Alarm()
            alarm.add("action", "DISPLAY")
            alarm.add("description", item.explanation)
            alarm.add("trigger", timedelta(days=-days))
            event.add_component(alarm)
        calendar.add_component(event)
    return calendar.to_ical()
