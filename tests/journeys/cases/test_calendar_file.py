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


# -- version 2 (issue 14): every new date goes in the calendar --------------------------------

V2_CASE = {
    "format": "ehcp-case/2",
    "events": [
        {"type": "amendment_proposal_issued", "date": "2027-02-02"},
        {"type": "reassessment_requested", "date": "2027-02-01"},
        {"type": "tribunal_decision", "date": "2027-01-20", "order": "make_plan"},
        {"type": "provision_complaint_made", "date": "2027-01-28"},
        {"type": "pre_action_letter_sent", "date": "2027-02-01"},
    ],
    "delivery_log": [{"provision": "f1", "date": "2027-01-11", "delivered": "no"}],
}


def test_every_new_rule_has_its_date_in_the_calendar():
    timeline = case_timeline(V2_CASE, today=date(2027, 2, 3))
    events = vevents(case_calendar(case_id=CASE_ID, timeline=timeline, child_name="Sam"))
    by_uid = {str(e["uid"]): e.decoded("dtstart") for e in events}
    # Worked by hand: proposal Tue 2 Feb 2027 + 14 days and + 8 weeks; request Mon 1 Feb +
    # 15 days and + 14 weeks (from the request until the notice is recorded); order Wed 20
    # Jan + 5 and + 11 weeks; complaint Thu 28 Jan + 20 working days (Fri 29 Jan ... Thu 25
    # Feb); first missed session Mon 11 Jan + 3 months; letter Mon 1 Feb + 14 days.
    expected = {
        "amendment_representations": date(2027, 2, 16),
        "amended_plan_final": date(2027, 3, 30),
        "decide_whether_to_reassess": date(2027, 2, 16),
        "reassessment_final_plan": date(2027, 5, 10),
        "tribunal_order_compliance-tribunal_order_plan_draft": date(2027, 2, 24),
        "tribunal_order_compliance-tribunal_order_plan_final": date(2027, 4, 7),
        "provision_complaint_escalation": date(2027, 2, 25),
        "judicial_review_limit-judicial_review_time_limit": date(2027, 4, 11),
        "judicial_review_limit-pre_action_reply": date(2027, 2, 15),
    }
    assert by_uid == {event_uid(CASE_ID, key): due for key, due in expected.items()}
    # Each says who must do what by when, and where the rule comes from.
    summaries = " ".join(str(e["summary"]) for e in events)
    assert "Tuesday 30 March 2027" in summaries
    descriptions = " ".join(str(e["description"]) for e in events)
    for source in ("reg 22(3)", "reg 25(1)", "reg 27(2)", "reg 44(2)(c)", "r.54.5(1)"):
        assert source in descriptions


def test_the_annual_review_and_a_phase_transfer_are_in_the_calendar():
    case = {
        "format": "ehcp-case/2",
        "events": [
            {"type": "final_plan_issued", "date": "2026-05-20"},
            {"type": "phase_transfer_year", "date": "2027-09-01", "transfer": "post16"},
        ],
    }
    timeline = case_timeline(case, today=date(2026, 12, 1))
    events = vevents(case_calendar(case_id=CASE_ID, timeline=timeline, child_name="Sam"))
    assert {str(e["uid"]): e.decoded("dtstart") for e in events} == {
        event_uid(CASE_ID, "phase_transfer_plan"): date(2027, 3, 30),  # "before 31 March"
        event_uid(CASE_ID, "annual_review"): date(2027, 5, 19),  # day before the anniversary
    }
