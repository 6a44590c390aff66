"""Who the EHC needs assessment route is for, as pure functions of dates."""

from __future__ import annotations

from datetime import date

# Children and Families Act 2014, s.83(2): a "young person" is over compulsory school age
# but under 25; the assessment duty in s.36 covers children and young people only.
ASSESSMENT_AGE_LIMIT = 25


def age_on(*, date_of_birth: date, on: date) -> int:
    """Return the person's age in whole years on the date `on` (birthday counted on the day)."""
    had_birthday = (on.month, on.day) >= (date_of_birth.month, date_of_birth.day)
    return on.year - date_of_birth.year - (0 if had_birthday else 1)


def is_within_assessment_age(*, date_of_birth: date, on: date) -> bool:
    """True when someone born on `date_of_birth` is under 25 on `on`.

    Source: Children and Families Act 2014, s.83(2) (definition of "young person") with s.36.
    """
    return age_on(date_of_birth=date_of_birth, on=on) < ASSESSMENT_AGE_LIMIT


# -- young people: over compulsory school age ------------------------------------------------

# CASE_FORMAT.md "Version 2": a case is about a young person once "the 31 August after their
# 16th birthday has passed". The Act's "young person" (s.83(2)) is a person over compulsory
# school age, which ends in the school year a child turns 16 (Education Act 1996 s.8 and the
# Education (School Leaving Date) Order 1997: the last Friday in June of that school year).
# We follow the case-file contract, the school year's end (31 August): until then the parent
# still holds the rights as well as the child, so a letter written by the parent in July is
# never written without the right to write it. Checked: SEND Regulations 2014 Schedule 3
# (legislation.gov.uk) reads the young person's rights in s.36(1), s.51(1) and s.55 as the
# alternative person's where the young person lacks capacity (reg 64(1)(b)).
COMPULSORY_SCHOOL_AGE_ENDS = 16


def _school_year_of_birth_ends(date_of_birth: date) -> int:
    """The calendar year of the 31 August that closes the school year of this birth date
    (1 September to 31 August): a birthday on 31 August is the youngest of its year, one on
    1 September the eldest of the next."""
    return date_of_birth.year + (0 if (date_of_birth.month, date_of_birth.day) <= (8, 31) else 1)


def end_of_compulsory_school_age(*, date_of_birth: date) -> date:
    """The 31 August (on or after the 16th birthday) after which the person is a young person.

    Source: Children and Families Act 2014, s.83(2); CASE_FORMAT.md version 2. Counted from the
    school year of birth, so 29 February needs no special case.
    """
    return date(_school_year_of_birth_ends(date_of_birth) + COMPULSORY_SCHOOL_AGE_ENDS, 8, 31)


def is_young_person(*, date_of_birth: date, on: date) -> bool:
    """True when, on `on`, the rights are the young person's own: the 31 August after their
    16th birthday has passed (Children and Families Act 2014, s.83(2), s.36(1), s.51(1)).

    The upper limit (under 25) is `is_within_assessment_age`'s.
    """
    return on > end_of_compulsory_school_age(date_of_birth=date_of_birth)


# -- preparing for adulthood: from Year 9 ----------------------------------------------------

# SEND Code of Practice 2015, chapter 8 ("from Year 9 at the latest"); SEND Regulations 2014,
# reg 20(6) and 21(6): a review from Year 9 considers the provision that prepares for adulthood
# and independent living. National curriculum Year N holds the children who were N + 4 on the
# 31 August before the school year began (Year 1: five; Year 9: thirteen).
PREPARING_FOR_ADULTHOOD_FROM_YEAR = 9
YEAR_OFFSET = 4


def school_year_by_age(*, date_of_birth: date, on: date) -> int:
    """The national curriculum year a child of this age is in on `on` (Reception is 0).

    Source: Education Act 1996 s.8 with the school year of 1 September to 31 August.
    """
    starts = on.year if on.month >= 9 else on.year - 1
    return age_on(date_of_birth=date_of_birth, on=date(starts, 8, 31)) - YEAR_OFFSET


def year_number(year_group: str | None) -> int | None:
    """ "Year 9" -> 9, "Reception" -> 0, "Nursery" -> -1; None when not given or not known."""
    text = (year_group or "").strip().casefold()
    if text == "reception":
        return 0
    if text == "nursery":
        return -1
    number = text.removeprefix("year").strip()
    return int(number) if text.startswith("year") and number.isdigit() else None


def prepares_for_adulthood(*, year_group: str | None, date_of_birth: date | None, on: date) -> bool:
    """True from Year 9: the year group when the family gave one, else the year the child's
    age puts them in (SEND Code of Practice 2015, chapter 8; SEND Regulations 2014 reg 20(6)).

    A child held back or moved up a year is in the year group the family says.
    """
    year = year_number(year_group)
    if year is None and date_of_birth is not None:
        year = school_year_by_age(date_of_birth=date_of_birth, on=on)
    return year is not None and year >= PREPARING_FOR_ADULTHOOD_FROM_YEAR
