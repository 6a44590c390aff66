"""The .ics file parses, round-trips, alarms 7 and 1 days before, and keeps stable UIDs."""

from datetime import date, timedelta

from icalendar import Calendar

from journeys.cases.calendar_file import case_calendar, event_uid
from journeys.cases.timeline import case_timeline

CASE_ID = "7b1d2c9e-0000-4000-8000-000000000001"


def calendar_for(events, today):
    case = {"events": [{"type": t, "date": d} for t, d in events]}
    return case_calendar(
        case_id=CASE_ID, timeline=case_timeline(case, today=today), child_name="Sam"
    )


def vevents(ics: bytes):
    return [c for c in Calendar.from_ical(ics).walk() if c.name == "VEVENT"]


def test_upcoming_deadlines_become_all_day_events_with_two_alarms():
    ics = calendar_for([("request_received", "2026-11-06")], today=date(2026, 11, 23))
    events = vevents(ics)
    assert [str(e["uid"]) for e in events] == [
        event_uid(CASE_ID, rule)
        for rule in ("decide_whether_to_assess", "notify_no_plan", "final_plan")
    ]
    first = events[0]
    assert first.decoded("dtstart") == date(2026, 12, 18)
    assert first.decoded("dtend") == date(2026, 12, 19)
    assert "Friday 18 December 2026" in str(first["summary"])
    assert "SEND Regulations 2014" in str(first["description"])
    triggers = sorted(a.decoded("trigger") for a in first.walk("VALARM"))
    assert triggers == [timedelta(days=-7), timedelta(days=-1)]


def test_the_file_round_trips_through_the_parser():
    ics = calendar_for([("request_received", "2026-11-06")], today=date(2026, 11, 23))
    parsed = Calendar.from_ical(ics)
    assert Calendar.from_ical(parsed.to_ical()).to_ical() == parsed.to_ical()
    assert str(parsed["version"]) == "2.0"


def test_uids_are_stable_when_dates_change_so_events_update():
    before = vevents(calendar_for([("request_received", "2026-11-06")], today=date(2026, 11, 23)))
    after = vevents(calendar_for([("request_received", "2026-11-13")], today=date(2026, 11, 23)))
    assert [e["uid"] for e in before] == [e["uid"] for e in after]
    assert before[0].decoded("dtstart") != after[0].decoded("dtstart")


def test_past_and_met_deadlines_are_left_out():
    events = vevents(
        calendar_for(
            [("request_received", "2026-01-05"), ("decision_to_assess", "2026-02-01")],
            today=date(2026, 11, 23),
        )
    )
    assert events == []
