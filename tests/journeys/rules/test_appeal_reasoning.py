"""The calculator's working: the same date as the engine, and each step in plain words."""

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from journeys.rules.appeal_reasoning import explain_appeal_deadline
from journeys.rules.deadlines import appeal_deadline
from journeys.rules.vocabulary import EventType


def test_domain_example_with_certificate_and_august():
    # DOMAIN.md: decision 3 Jun 2026, certificate 14 Jul 2026 -> 14 Aug 2026 -> Tue 1 Sep 2026.
    result = explain_appeal_deadline(
        decision_date=date(2026, 6, 3), certificate_issued=date(2026, 7, 14)
    )
    assert result.deadline.due == date(2026, 9, 1)
    assert result.steps == (
        "The decision letter is dated Wednesday 3 June 2026. 2 months after Wednesday 3 June "
        "2026 is Monday 3 August 2026.",
        "Your mediation certificate was issued on Tuesday 14 July 2026. 1 month from the date "
        "the certificate was issued is Friday 14 August 2026.",
        "You can use whichever is later: Friday 14 August 2026.",
        "Friday 14 August 2026 falls in August. The Tribunal accepts an appeal on the first "
        "working day after 31 August: Tuesday 1 September 2026.",
        "Your appeal must reach the Tribunal by 5pm on Tuesday 1 September 2026. Anything the "
        "Tribunal Rules require to be done on or by a particular day must be done by 5pm on "
        "that day. (Tribunal Procedure (First-tier Tribunal) (HESC Chamber) Rules 2008, "
        "r.12(1).)",
    )


def test_month_end_and_a_working_day():
    result = explain_appeal_deadline(decision_date=date(2026, 12, 31))
    assert result.deadline.due == date(2027, 3, 1)  # 28 Feb 2027 is a Sunday
    assert (
        "There is no 31st in February, so the period ends on the last day of February."
        in (result.steps[0])
    )
    assert result.steps[-2] == (
        "Sunday 28 February 2027 is a Sunday, so your appeal is in time "
        "if it arrives on the next working day: Monday 1 March 2027."
    )


def test_a_certificate_that_changes_nothing_says_so():
    result = explain_appeal_deadline(
        decision_date=date(2026, 3, 2), certificate_issued=date(2026, 3, 10)
    )
    assert result.deadline.due == date(2026, 5, 5)  # 2 May is a Saturday, 4 May a bank holiday
    assert "the certificate does not change the date" in result.steps[2]
    assert "Saturday 2 May 2026 is a Saturday" in result.steps[-2]


def test_christmas_window():
    result = explain_appeal_deadline(decision_date=date(2026, 10, 27))
    assert result.deadline.due == date(2027, 1, 4)
    assert "falls between 25 December and 1 January" in result.steps[-2]


def test_bank_holiday_is_named():
    # 2 months after 25 Feb 2026 is Sat 25 Apr? No: 25 Apr 2026 is a Saturday. Use Easter:
    # 3 Feb 2026 + 2 months = Fri 3 Apr 2026, Good Friday -> Tue 7 Apr 2026.
    result = explain_appeal_deadline(decision_date=date(2026, 2, 3))
    assert result.deadline.due == date(2026, 4, 7)
    assert "Friday 3 April 2026 is a bank holiday" in result.steps[-2]


def test_a_plain_working_day():
    result = explain_appeal_deadline(decision_date=date(2026, 3, 10))
    assert (
        result.steps[-2]
        == "Sunday 10 May 2026 is a Sunday, so your appeal is in time if "
        "it arrives on the next working day: Monday 11 May 2026."
        or result.deadline.due == date(2026, 5, 11)
    )
    result = explain_appeal_deadline(decision_date=date(2026, 3, 11))
    assert result.steps[-2] == "Monday 11 May 2026 is a working day, so it is the last day."


@given(
    st.dates(min_value=date(2015, 1, 1), max_value=date(2035, 12, 31)),
    st.one_of(st.none(), st.integers(min_value=0, max_value=120)),
)
def test_always_agrees_with_the_engine(decision_date, certificate_offset):
    from datetime import timedelta

    certificate = (
        None if certificate_offset is None else decision_date + timedelta(days=certificate_offset)
    )
    explained = explain_appeal_deadline(decision_date=decision_date, certificate_issued=certificate)
    engine = appeal_deadline(
        decision=EventType.DECISION_NOT_TO_ASSESS,
        decision_date=decision_date,
        certificate_issued=certificate,
    )
    assert explained.deadline == engine
    assert explained.steps and all(step.strip() for step in explained.steps)


@pytest.mark.parametrize("day", [1, 2, 3, 4, 11, 12, 13, 21, 22, 23, 31])
def test_ordinals(day):
    from journeys.rules.appeal_reasoning import _ordinal

    expected = {1: "st", 2: "nd", 3: "rd", 21: "st", 22: "nd", 23: "rd", 31: "st"}.get(day, "th")
    assert _ordinal(day) == expected


def test_the_last_step_says_by_5pm_with_its_source():
    result = explain_appeal_deadline(decision_date=date(2026, 3, 11))
    assert result.steps[-1].startswith(
        "Your appeal must reach the Tribunal by 5pm on Monday 11 May 2026."
    )
    assert "r.12(1)" in result.steps[-1]
    assert result.by_5pm.citation.endswith("r.12(1)")


@pytest.mark.parametrize(
    ("today", "passed"),
    [
        (date(2026, 5, 10), False),
        (date(2026, 5, 11), False),  # the last day itself: still in time, by 5pm
        (date(2026, 5, 12), True),
    ],
)
def test_has_passed(today, passed):
    result = explain_appeal_deadline(decision_date=date(2026, 3, 11))  # due Mon 11 May 2026
    assert result.has_passed(today) is passed
