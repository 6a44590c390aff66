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


# -- young people (CASE_FORMAT.md version 2: the 31 August after the 16th birthday) ----------

from journeys.rules.eligibility import (  # noqa: E402
    end_of_compulsory_school_age,
    is_young_person,
    prepares_for_adulthood,
    school_year_by_age,
    year_number,
)

YOUNG_PERSON_SCENARIOS = [
    # born, on, young person?  (hand-computed)
    (date(2010, 8, 31), date(2026, 8, 30), False),  # 16 yesterday? no: 16 on 31 Aug 2026
    (date(2010, 8, 31), date(2026, 8, 31), False),  # 16 today, the year's last day
    (date(2010, 8, 31), date(2026, 9, 1), True),  # youngest of the year: young person now
    (date(2010, 9, 1), date(2026, 9, 1), False),  # 16 today, eldest of the next year
    (date(2010, 9, 1), date(2027, 8, 31), False),
    (date(2010, 9, 1), date(2027, 9, 1), True),
    (date(2008, 2, 29), date(2024, 2, 29), False),  # leap-day, 16 on a leap day
    (date(2008, 2, 29), date(2024, 8, 31), False),
    (date(2008, 2, 29), date(2024, 9, 1), True),
    (date(2012, 2, 29), date(2028, 9, 1), True),
    (date(2012, 2, 29), date(2028, 3, 1), False),  # 16 yesterday, still in Year 11
    (date(2009, 12, 25), date(2026, 6, 30), False),  # Year 11 in June: not yet
    (date(2009, 12, 25), date(2026, 11, 23), True),  # 16, in Year 12
    (date(2001, 11, 24), date(2026, 11, 23), True),  # 24
]


@pytest.mark.parametrize(("born", "on", "young"), YOUNG_PERSON_SCENARIOS)
def test_is_young_person(born, on, young):
    assert is_young_person(date_of_birth=born, on=on) is young


@pytest.mark.parametrize(
    ("born", "ends"),
    [
        (date(2010, 8, 31), date(2026, 8, 31)),
        (date(2010, 9, 1), date(2027, 8, 31)),
        (date(2008, 2, 29), date(2024, 8, 31)),
        (date(2010, 1, 1), date(2026, 8, 31)),
        (date(2010, 12, 31), date(2027, 8, 31)),
    ],
)
def test_end_of_compulsory_school_age_is_31_august_on_or_after_the_16th_birthday(born, ends):
    assert end_of_compulsory_school_age(date_of_birth=born) == ends


@given(born=st.dates(min_value=date(1950, 1, 1), max_value=date(2090, 12, 31)))
def test_compulsory_school_age_ends_on_31_august_within_a_year_of_the_16th_birthday(born):
    ends = end_of_compulsory_school_age(date_of_birth=born)
    assert (ends.month, ends.day) == (8, 31)
    assert age_on(date_of_birth=born, on=ends) == 16
    assert not is_young_person(date_of_birth=born, on=ends)
    assert is_young_person(date_of_birth=born, on=date(ends.year, 9, 1))


@given(
    born=st.dates(min_value=date(1990, 1, 1), max_value=date(2025, 12, 31)),
    on=st.dates(min_value=date(2000, 1, 1), max_value=date(2060, 12, 31)),
)
def test_a_young_person_is_at_least_16_and_an_under_16_never_is(born, on):
    if is_young_person(date_of_birth=born, on=on):
        assert age_on(date_of_birth=born, on=on) >= 16
    if age_on(date_of_birth=born, on=on) >= 17:
        assert is_young_person(date_of_birth=born, on=on)


# -- preparing for adulthood: from Year 9 -------------------------------------------------------

YEAR_SCENARIOS = [
    # born, on, national curriculum year
    (date(2012, 9, 1), date(2026, 9, 1), 9),  # eldest of Year 9 in 2026/27
    (date(2013, 8, 31), date(2026, 9, 1), 9),  # youngest of Year 9
    (date(2013, 9, 1), date(2026, 9, 1), 8),  # 13 today, but eldest of Year 8
    (date(2013, 8, 31), date(2026, 8, 31), 8),  # the last day of Year 8
    (date(2017, 5, 2), date(2026, 11, 23), 5),  # born May 2017: Year 5 in 2026/27
    (date(2012, 2, 29), date(2026, 3, 1), 9),  # leap-day birthday, Year 9 since September
    (date(2021, 10, 1), date(2026, 11, 23), 0),  # Reception
]


@pytest.mark.parametrize(("born", "on", "year"), YEAR_SCENARIOS)
def test_school_year_by_age(born, on, year):
    assert school_year_by_age(date_of_birth=born, on=on) == year


@pytest.mark.parametrize(
    ("text", "number"),
    [("Year 9", 9), ("year 14", 14), ("Reception", 0), ("Nursery", -1), ("", None),
     (None, None), ("Year", None), ("Key stage 3", None)],
)  # fmt: skip
def test_year_number(text, number):
    assert year_number(text) == number


@pytest.mark.parametrize(
    ("year_group", "born", "expected"),
    [
        ("Year 9", None, True),
        ("Year 8", date(2010, 1, 1), False),  # the year group the family gave decides
        ("Year 12", None, True),
        ("Reception", None, False),
        ("", date(2013, 8, 31), True),  # unknown year group: by age, Year 9
        (None, date(2013, 9, 1), False),  # by age, Year 8
        (None, None, False),  # nothing known: not asked
    ],
)
def test_prepares_for_adulthood_from_year_9(year_group, born, expected):
    on = date(2026, 9, 1)
    assert prepares_for_adulthood(year_group=year_group, date_of_birth=born, on=on) is expected
