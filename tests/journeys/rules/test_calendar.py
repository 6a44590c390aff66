"""Working days, England bank holidays and calendar months (journeys/rules/calendar.py)."""

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from journeys.rules.calendar import (
    add_months,
    add_working_days,
    first_working_day_after,
    is_bank_holiday,
    is_working_day,
    working_day_on_or_after,
)

D = date


@pytest.mark.parametrize(
    ("day", "bank_holiday"),
    [
        (D(2026, 4, 3), True),  # Good Friday
        (D(2026, 4, 6), True),  # Easter Monday
        (D(2026, 5, 4), True),  # early May
        (D(2026, 5, 25), True),  # spring
        (D(2026, 8, 31), True),  # summer (last Monday of August)
        (D(2026, 12, 25), True),  # Christmas Day, a Friday
        (D(2026, 12, 26), True),  # Boxing Day, a Saturday: still listed
        (D(2026, 12, 28), True),  # ... and its substitute, Monday
        (D(2027, 12, 27), True),  # Christmas 2027 is a Saturday: substitute Monday
        (D(2027, 12, 28), True),  # Boxing Day 2027 is a Sunday: substitute Tuesday
        (D(2028, 1, 3), True),  # New Year's Day 2028 is a Saturday: substitute Monday
        (D(2023, 5, 8), True),  # a one-off: the coronation
        (D(2026, 12, 24), False),  # Christmas Eve is not a bank holiday
        (D(2026, 11, 30), False),  # St Andrew's Day: Scotland only
        (D(2026, 7, 13), False),  # Battle of the Boyne (observed): Northern Ireland only
        (D(2026, 3, 17), False),  # St Patrick's Day: Northern Ireland only
        (D(2026, 8, 3), False),  # Scotland's summer holiday (first Monday of August)
    ],
)
def test_is_bank_holiday_in_england(day, bank_holiday):
    assert is_bank_holiday(day) is bank_holiday


@pytest.mark.parametrize(
    ("day", "working"),
    [
        (D(2026, 11, 6), True),  # Friday
        (D(2026, 11, 7), False),  # Saturday
        (D(2026, 11, 8), False),  # Sunday
        (D(2026, 11, 9), True),  # Monday
        (D(2026, 4, 3), False),  # Good Friday
        (D(2026, 12, 24), True),  # Christmas Eve, a Thursday
        (D(2027, 12, 28), False),  # a substitute bank holiday
        (D(2027, 12, 29), True),
    ],
)
def test_is_working_day(day, working):
    assert is_working_day(day) is working


@pytest.mark.parametrize(
    ("day", "on_or_after", "after"),
    [
        # (day, first working day on or after it, first working day strictly after it)
        (D(2026, 11, 6), D(2026, 11, 6), D(2026, 11, 9)),  # Friday → itself; Monday
        (D(2026, 11, 7), D(2026, 11, 9), D(2026, 11, 9)),  # Saturday → Monday either way
        (D(2026, 4, 2), D(2026, 4, 2), D(2026, 4, 7)),  # Thu before Easter → Tue 7 Apr
        (D(2026, 4, 3), D(2026, 4, 7), D(2026, 4, 7)),  # Good Friday → Tue 7 Apr
        (D(2027, 12, 24), D(2027, 12, 24), D(2027, 12, 29)),  # Fri 24 → Wed 29 (27, 28 BH)
        (D(2027, 12, 31), D(2027, 12, 31), D(2028, 1, 4)),  # Fri 31 → Tue 4 Jan (3 Jan BH)
        (D(2026, 8, 29), D(2026, 9, 1), D(2026, 9, 1)),  # Sat → Tue (31 Aug BH)
    ],
)
def test_next_working_days(day, on_or_after, after):
    assert working_day_on_or_after(day) == on_or_after
    assert first_working_day_after(day) == after


@pytest.mark.parametrize(
    ("start", "days", "result"),
    [
        (D(2026, 4, 2), 3, D(2026, 4, 9)),  # DOMAIN.md: Good Friday, weekend, Easter Monday
        (D(2026, 4, 2), 1, D(2026, 4, 7)),
        (D(2026, 11, 9), 3, D(2026, 11, 12)),  # Mon: Tue, Wed, Thu
        (D(2026, 11, 6), 3, D(2026, 11, 11)),  # Fri: Mon, Tue, Wed
        (D(2026, 11, 8), 1, D(2026, 11, 9)),  # Sun: Monday is day 1
        (D(2026, 11, 6), 5, D(2026, 11, 13)),  # a whole working week
        (D(2026, 11, 6), 10, D(2026, 11, 20)),  # two
        (D(2026, 12, 23), 3, D(2026, 12, 30)),  # 24, then 25 and 28 Dec BH: 29, 30
        (D(2027, 12, 23), 3, D(2027, 12, 30)),  # 24, then 27 and 28 Dec substitutes: 29, 30
        (D(2027, 12, 30), 3, D(2028, 1, 5)),  # 31, then 3 Jan substitute: 4, 5
        (D(2026, 8, 28), 1, D(2026, 9, 1)),  # Fri: 31 Aug BH → Tue 1 Sep
        (D(2026, 11, 6), 0, D(2026, 11, 6)),  # nothing to count
        (D(2026, 11, 7), 0, D(2026, 11, 7)),  # even on a weekend
    ],
)
def test_add_working_days(start, days, result):
    assert add_working_days(start, days) == result


def test_add_working_days_refuses_a_negative_count():
    with pytest.raises(ValueError, match="cannot count -1 working days"):
        add_working_days(D(2026, 11, 6), -1)


@pytest.mark.parametrize(
    ("start", "months", "result"),
    [
        (D(2026, 10, 31), 1, D(2026, 11, 30)),  # DOMAIN.md: no 31 November
        (D(2026, 12, 31), 2, D(2027, 2, 28)),  # common year
        (D(2027, 12, 31), 2, D(2028, 2, 29)),  # leap year
        (D(2026, 8, 31), 1, D(2026, 9, 30)),
        (D(2026, 7, 31), 1, D(2026, 8, 31)),
        (D(2028, 2, 29), 12, D(2029, 2, 28)),  # a leap day a year on
        (D(2028, 2, 29), 48, D(2032, 2, 29)),  # ... four years on
        (D(2026, 6, 3), 2, D(2026, 8, 3)),  # the corresponding date
        (D(2026, 11, 15), 2, D(2027, 1, 15)),  # across the year end
        (D(2027, 9, 1), -12, D(2026, 9, 1)),  # backwards
    ],
)
def test_add_months(start, months, result):
    assert add_months(start, months) == result


DATES = st.dates(min_value=D(1990, 1, 1), max_value=D(2099, 12, 1))


@given(DATES, st.integers(min_value=1, max_value=30))
def test_working_days_land_on_a_working_day_and_count_exactly(start, days):
    end = add_working_days(start, days)
    assert is_working_day(end)
    counted = sum(
        is_working_day(D.fromordinal(n)) for n in range(start.toordinal() + 1, end.toordinal() + 1)
    )
    assert counted == days


@given(DATES)
def test_working_day_on_or_after_is_the_nearest(day):
    found = working_day_on_or_after(day)
    assert is_working_day(found) and found >= day
    assert not any(
        is_working_day(D.fromordinal(n)) for n in range(day.toordinal(), found.toordinal())
    )
    assert 0 <= (found - day).days <= 4  # Christmas and a weekend: the longest gap


@given(DATES, st.integers(min_value=0, max_value=36))
def test_add_months_keeps_the_day_or_clamps_to_month_end(start, months):
    end = add_months(start, months)
    assert (end.year * 12 + end.month) - (start.year * 12 + start.month) == months
    # Either the same day of the month, or the month's last day when it is shorter.
    assert end.day == start.day or (end.day < start.day and (end + timedelta(days=1)).day == 1)
