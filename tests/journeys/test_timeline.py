"""The timeline arranges the engine's deadlines for people: order, status and what to do."""

from datetime import date

from journeys.cases.guidance import GUIDANCE
from journeys.rules.deadlines import Status
from journeys.cases.timeline import case_events, case_timeline


def case_with(*events):
    return {"events": [{"type": t, "date": d} for t, d in events]}


def test_a_request_received_gives_the_three_council_dates():
    timeline = case_timeline(
        case_with(("request_received", "2026-11-06")), today=date(2026, 11, 23)
    )
    rules = [item.deadline.rule.value for item in timeline.open]
    assert rules == ["decide_whether_to_assess", "notify_no_plan", "final_plan"]
    first = timeline.open[0]
    assert first.deadline.due == date(2026, 12, 18)
    assert first.status is Status.UPCOMING and first.days_left == 25
    assert first.explanation == (
        "The council must tell you whether it will carry out an assessment by "
        "Friday 18 December 2026."
    )
    assert first.what_to_do == GUIDANCE["decide_whether_to_assess"].before
    assert not timeline.council_is_late


def test_overdue_council_duties_come_first_with_what_to_do_if_missed():
    timeline = case_timeline(
        case_with(("request_received", "2026-09-01")), today=date(2026, 11, 23)
    )
    first = timeline.open[0]
    assert first.deadline.rule.value == "decide_whether_to_assess"
    assert first.status is Status.OVERDUE
    assert first.council_is_late and timeline.council_is_late
    assert "chaser letter" in first.what_to_do
    assert [i.status for i in timeline.open][:1] == [Status.OVERDUE]


def test_a_met_duty_moves_to_done():
    timeline = case_timeline(
        case_with(("request_received", "2026-09-01"), ("decision_to_assess", "2026-10-10")),
        today=date(2026, 11, 23),
    )
    assert [i.deadline.rule.value for i in timeline.met] == ["decide_whether_to_assess"]
    assert "decide_whether_to_assess" not in [i.deadline.rule.value for i in timeline.open]


def test_events_are_listed_oldest_first_with_labels():
    case = case_with(("decision_to_assess", "2026-10-10"), ("request_received", "2026-09-01"))
    timeline = case_timeline(case, today=date(2026, 11, 23))
    assert [(e.type.value, e.date) for e in timeline.events] == [
        ("request_received", date(2026, 9, 1)),
        ("decision_to_assess", date(2026, 10, 10)),
    ]
    assert timeline.events[0].label == "The council received the request for an assessment"
    assert case_events({}) == []


def test_every_rule_has_guidance():
    from journeys.rules.deadlines import RuleId

    assert set(GUIDANCE) == {rule.value for rule in RuleId}
