"""Age and the assessment age limit (Children and Families Act 2014, s.83(2))."""

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from journeys.rules.eligibility import age_on, is_within_assessment_age

AGE_SCENARIOS = [
    (date(2017, 5, 2), date(2026, 5, 1), 8),  # the day before a birthday
    (date(2017, 5, 2), date(2026, 5, 2), 9),  # on the birthday
    (date(2016, 2, 29), date(2025, 2, 28), 8),  # leap-day birthday, common year
    (date(2016, 2, 29), date(2025, 3, 1), 9),
    (date(2016, 2, 29), date(2028, 2, 29), 12),
    (date(2026, 11, 23), date(2026, 11, 23), 0),  # born today
]


@pytest.mark.parametrize(("born", "on", "age"), AGE_SCENARIOS)
def test_age_on(born, on, age):
    assert age_on(date_of_birth=born, on=on) == age


@pytest.mark.parametrize(
    ("born", "on", "eligible"),
    [
        (date(2001, 11, 24), date(2026, 11, 23), True),  # 24, one day before turning 25
        (date(2001, 11, 23), date(2026, 11, 23), False),  # 25 today: no longer under 25
        (date(1990, 1, 1), date(2026, 11, 23), False),
        (date(2020, 1, 1), date(2026, 11, 23), True),
    ],
)
def test_assessment_is_for_people_under_25(born, on, eligible):
    assert is_within_assessment_age(date_of_birth=born, on=on) is eligible


@given(st.dates(min_value=date(1900, 1, 1)), st.dates(min_value=date(1900, 1, 1)))
def test_age_never_negative_once_born_and_grows_by_one_a_year(born, on):
    if on < born:
        return
    age = age_on(date_of_birth=born, on=on)
    assert age >= 0
    if (on.month, on.day) != (2, 29) and on.year < 9999:
        assert age_on(date_of_birth=born, on=on.replace(year=on.year + 1)) == age + 1
