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
