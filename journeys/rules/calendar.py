"""Calendar arithmetic for statutory time limits: working days, England bank holidays, months.

Pure Python, no Django (tests/journeys/rules/test_purity.py enforces it). The counting rules
are those of ../shared/DOMAIN.md section 2:

- a *working day* is any day except a Saturday, a Sunday or a bank holiday in England. The
  bank holidays come from the `holidays` package (country GB, subdivision ENG), which includes
  Good Friday, Christmas Day and the substitute ("observed") days, e.g. Monday 27 and Tuesday
  28 December 2027 when Christmas falls at a weekend. There is no hand-written holiday list.
  This matches the Tribunal Rules 2008, rule 1(3): "any day except a Saturday or Sunday,
  Christmas Day, Good Friday or a bank holiday under section 1 of the Banking and Financial
  Dealings Act 1971".
- *n working days from an event* are counted from the day after the event.
- *n months* are calendar months by python-dateutil's `relativedelta`: the corresponding date,
  or the last day of the month when it has no such date (31 December + 2 months = 28 or 29
  February).

Bank holidays announced one-off by proclamation (e.g. 8 May 2023) are known only once the
`holidays` package has them; a future one-off cannot be foreseen.
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import lru_cache

import holidays
from dateutil.relativedelta import relativedelta

SATURDAY = 5
# The years a date may have, everywhere: the case file (journeys/cases/casefile.py) and every
# date box (journeys/forms/fields.py) take the same range, so a date typed on any page
# survives export and import, and deadlines counted years on stay in the calendar.
EARLIEST_YEAR, LATEST_YEAR = 1900, 2100
ONE_DAY = timedelta(days=1)


@lru_cache(maxsize=256)
def _england_bank_holidays(year: int) -> frozenset[date]:
    # One immutable set per year: safe to share between threads, and cheap to look up.
    return frozenset(holidays.country_holidays("GB", subdiv="ENG", years=year).keys())


def is_bank_holiday(day: date) -> bool:
    """True when `day` is a bank holiday in England, substitute days included."""
    return day in _england_bank_holidays(day.year)


def is_working_day(day: date) -> bool:
    """True unless `day` is a Saturday, a Sunday or a bank holiday in England."""
    return day.weekday() < SATURDAY and not is_bank_holiday(day)


def working_day_on_or_after(day: date) -> date:
    """Return `day` itself if it is a working day, else the next working day after it."""
    while not is_working_day(day):
        day += ONE_DAY
    return day


def first_working_day_after(day: date) -> date:
    """Return the first working day strictly after `day`."""
    return working_day_on_or_after(day + ONE_DAY)


def add_working_days(start: date, days: int) -> date:
    """Return the last of `days` working days counted from the day after `start`.

    `start` itself never counts, even when it is a working day: adviser told on Thursday
    2 April 2026, 3 working days → Thursday 9 April 2026 (Good Friday, the weekend and Easter
    Monday are skipped). Zero days returns `start`; a negative count is a programming error.
    """
    if days < 0:
        raise ValueError(f"cannot count {days} working days")
    day = start
    for _ in range(days):
        day = first_working_day_after(day)
    return day


def add_months(start: date, months: int) -> date:
    """Return `start` + `months` calendar months (month end when there is no such date)."""
    return start + relativedelta(months=months)
