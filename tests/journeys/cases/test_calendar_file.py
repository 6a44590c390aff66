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
    # Before a decision to assess, only the 6 weeks is a council duty (reg 10(1), 13(2) wait).
    assert [str(e["uid"]) for e in events] == [event_uid(CASE_ID, "decide_whether_to_assess")]
    first = events[0]
    assert first.decoded("dtstart") == date(2026, 12, 18)
    assert first.decoded("dtend") == date(2026, 12, 19)
    assert "Friday 18 December 2026" in str(first["summary"])
    assert "SEND Regulations 2014" in str(first["description"])
    triggers = sorted(a.decoded("trigger") for a in first.walk("VALARM"))
    assert triggers == [timedelta(days=-7), timedelta(days=-1)]


def test_a_decision_to_assess_adds_the_16_and_20_weeks():
    ics = calendar_for(
        [("request_received", "2026-11-06"), ("decision_to_assess", "2026-11-20")],
        today=date(2026, 11, 23),
    )
    assert [str(e["uid"]) for e in vevents(ics)] == [
        event_uid(CASE_ID, rule) for rule in ("notify_no_plan", "final_plan")
    ]


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


def test_the_appeal_event_title_says_by_5pm():
    # Decision Wed 4 Mar 2026 → 4 May 2026 bank holiday → Tue 5 May 2026, by 5pm (r.12(1)).
    events = vevents(calendar_for([("decision_not_to_assess", "2026-03-04")], date(2026, 3, 5)))
    (appeal,) = events
    assert str(appeal["summary"]) == (
        "Your appeal must reach the SEND Tribunal by 5pm on Tuesday 5 May 2026."
    )
    description = str(appeal["description"])
    assert "by 5pm on that day" in description and "r.12(1)" in description
    assert "unless an exception applies" not in description
    alarm_text = {str(a["description"]) for a in appeal.walk("VALARM")}
    assert alarm_text == {str(appeal["summary"])}


def test_only_the_6_16_and_20_weeks_list_the_exceptions():
    events = vevents(
        calendar_for(
            [("request_received", "2026-11-06"), ("mediation_requested", "2026-11-10")],
            today=date(2026, 11, 23),
        )
    )
    by_uid = {str(e["uid"]): str(e["description"]) for e in events}
    six_weeks = by_uid[event_uid(CASE_ID, "decide_whether_to_assess")]
    assert "unless an exception applies" in six_weeks and "at least 4 weeks" in six_weeks
    mediation = by_uid[event_uid(CASE_ID, "mediation_by")]
    assert "exception" not in mediation and "reg 37" in mediation
