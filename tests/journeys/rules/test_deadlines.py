"""The council's 6-week decision (SEND Regulations 2014, reg 4(1)), by hand and by property."""

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from journeys.rules.deadlines import DutyHolder, RuleId, add_weeks, decide_whether_to_assess
from journeys.rules.vocabulary import EventType

# (request received, decision due), computed by hand: event + 6 x 7 days, no roll-forward.
SIX_WEEK_SCENARIOS = [
    (date(2026, 11, 6), date(2026, 12, 18)),  # DOMAIN.md's own example (Friday to Friday)
    (date(2026, 11, 23), date(2027, 1, 4)),  # across Christmas and New Year: no pause
    (date(2026, 11, 15), date(2026, 12, 27)),  # due on a Sunday: stays a Sunday (council duty)
    (date(2028, 1, 18), date(2028, 2, 29)),  # lands on 29 February in a leap year
    (date(2027, 1, 18), date(2027, 3, 1)),  # the same span in a common year
    (date(2026, 2, 20), date(2026, 4, 3)),  # due on Good Friday 2026: not moved
    (date(2026, 12, 31), date(2027, 2, 11)),  # across the year end
]


@pytest.mark.parametrize(("received", "due"), SIX_WEEK_SCENARIOS)
def test_decision_due_six_weeks_after_receipt(received, due):
    deadline = decide_whether_to_assess(request_received=received)
    assert deadline.due == due
    assert deadline.rule is RuleId.DECIDE_WHETHER_TO_ASSESS
    assert deadline.from_event is EventType.REQUEST_RECEIVED
    assert deadline.duty_holder is DutyHolder.COUNCIL
    assert deadline.source == "SEND Regulations 2014, reg 4(1)"


@given(st.dates(min_value=date(2000, 1, 1), max_value=date(2099, 12, 31)))
def test_decision_is_always_42_days_later_on_the_same_weekday(received):
    due = decide_whether_to_assess(request_received=received).due
    assert due - received == timedelta(days=42)
    assert due.weekday() == received.weekday()


@given(st.dates(max_value=date(9000, 1, 1)), st.integers(min_value=0, max_value=520))
def test_add_weeks_never_goes_back(start, weeks):
    assert add_weeks(start, weeks) >= start
