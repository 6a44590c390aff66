"""Dates on a timeline that contradict each other (journeys.rules.events), as a table."""

from datetime import date

import pytest

from journeys.rules.events import event_contradiction, recorded_events
from journeys.rules.vocabulary import EventType as E

REQUEST = (E.REQUEST_RECEIVED, date(2026, 1, 12))
AGREED = (E.DECISION_TO_ASSESS, date(2026, 2, 20))


@pytest.mark.parametrize(
    ("recorded", "event", "on", "message"),
    [
        # nothing recorded: anything goes
        ([], E.REQUEST_RECEIVED, date(2026, 1, 12), None),
        ([], E.FINAL_PLAN_ISSUED, date(2026, 1, 12), None),
        # the same event on the same date again is recorded once, not refused
        ([REQUEST], E.REQUEST_RECEIVED, date(2026, 1, 12), None),
        # a second "council received the request"
        ([REQUEST], E.REQUEST_RECEIVED, date(2026, 3, 1), "already recorded (12 January 2026)"),
        # a request after something that follows it
        (
            [(E.DRAFT_PLAN_ISSUED, date(2026, 1, 5))],
            E.REQUEST_RECEIVED,
            date(2026, 1, 12),
            "You recorded \u201cA draft plan was sent\u201d on 5 January 2026",
        ),
        ([(E.DRAFT_PLAN_ISSUED, date(2026, 3, 5))], E.REQUEST_RECEIVED, date(2026, 1, 12), None),
        # a final plan, a draft plan, a decision before the request
        ([REQUEST], E.FINAL_PLAN_ISSUED, date(2026, 1, 2), "before the council received"),
        ([REQUEST], E.DRAFT_PLAN_ISSUED, date(2026, 1, 11), "before the council received"),
        ([REQUEST], E.DECISION_NOT_TO_ASSESS, date(2025, 12, 1), "before the council received"),
        ([REQUEST], E.DECISION_TO_ASSESS, date(2026, 1, 11), "before the council received"),
        ([REQUEST], E.DECISION_TO_ASSESS, date(2026, 1, 12), None),  # the same day is possible
        ([REQUEST], E.FINAL_PLAN_ISSUED, date(2026, 6, 1), None),
        # events that are not about the request are not compared with it
        ([REQUEST], E.ANNUAL_REVIEW_MEETING, date(2025, 1, 1), None),
        # no plan after assessing: not before the decision to assess
        (
            [REQUEST, AGREED],
            E.DECISION_NOT_TO_ISSUE_PLAN,
            date(2026, 2, 1),
            "after the council agreed to assess (20 February 2026)",
        ),
        ([REQUEST, AGREED], E.DECISION_NOT_TO_ISSUE_PLAN, date(2026, 5, 1), None),
        ([REQUEST], E.DECISION_NOT_TO_ISSUE_PLAN, date(2026, 5, 1), None),
    ],
)
def test_contradictions(recorded, event, on, message):
    found = event_contradiction(event=event, on=on, recorded=recorded)
    if message is None:
        assert found is None
    else:
        assert message in found


def test_a_case_files_events_as_pairs():
    assert recorded_events([{"type": "request_received", "date": "2026-01-12"}]) == [REQUEST]
