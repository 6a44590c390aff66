"""Retention: two warnings, then deletion; never without the full notice."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from journeys.rules.retention import (
    RetentionAction,
    RetentionState,
    abandoned_before,
    deletion_date,
    retention_action,
    warning_horizon,
)

ACTIVE = datetime(2024, 11, 25, 12, 0, tzinfo=UTC)
DUE = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)  # 24 months later
DAY = timedelta(days=1)

KEEP, FIRST, SECOND, DELETE = (
    RetentionAction.KEEP,
    RetentionAction.FIRST_WARNING,
    RetentionAction.SECOND_WARNING,
    RetentionAction.DELETE,
)


def state(warnings=0, warned_at=None, has_address=True):
    return RetentionState(ACTIVE, warnings, warned_at, has_address)


def test_a_case_is_within_a_warnings_reach_30_days_before_its_date():
    # Last used at ACTIVE, deleted at DUE: it is looked at from DUE - 30 days on.
    assert warning_horizon(now=DUE - 30 * DAY, months=24) == ACTIVE
    assert warning_horizon(now=DUE, months=24) == ACTIVE + 30 * DAY


def test_answers_in_progress_are_abandoned_after_the_retention_period():
    assert abandoned_before(now=DUE, months=24) == ACTIVE


def test_the_deletion_date_counts_calendar_months():
    assert deletion_date(ACTIVE, months=24) == DUE
    assert deletion_date(datetime(2024, 2, 29, tzinfo=UTC), months=12) == datetime(
        2025, 2, 28, tzinfo=UTC
    )


@pytest.mark.parametrize(
    ("case", "given", "now", "expected"),
    [
        ("fresh", state(), ACTIVE + DAY, KEEP),
        ("31 days before", state(), DUE - 31 * DAY, KEEP),
        ("30 days before: first warning", state(), DUE - 30 * DAY, FIRST),
        ("first sent, 8 days before", state(1, DUE - 30 * DAY), DUE - 8 * DAY, KEEP),
        ("7 days before: second warning", state(1, DUE - 30 * DAY), DUE - 7 * DAY, SECOND),
        ("second sent, on the date", state(2, DUE - 7 * DAY), DUE, DELETE),
        ("second sent, a day before", state(2, DUE - 7 * DAY), DUE - DAY, KEEP),
        # Cron was down: the first warning goes late, and each later step waits 7 days.
        ("late first warning", state(), DUE + 40 * DAY, FIRST),
        ("second too soon after first", state(1, DUE + 40 * DAY), DUE + 46 * DAY, KEEP),
        ("second 7 days after first", state(1, DUE + 40 * DAY), DUE + 47 * DAY, SECOND),
        ("delete too soon after second", state(2, DUE + 47 * DAY), DUE + 53 * DAY, KEEP),
        ("delete 7 days after second", state(2, DUE + 47 * DAY), DUE + 54 * DAY, DELETE),
        ("no address, before the date", state(has_address=False), DUE - DAY, KEEP),
        ("no address, on the date", state(has_address=False), DUE, DELETE),
    ],
)
def test_scenarios(case, given, now, expected):
    assert retention_action(given, now=now, months=24) is expected, case


@given(
    warnings=st.integers(0, 2),
    warned_days=st.one_of(st.none(), st.integers(-800, 800)),
    now_days=st.integers(0, 1500),
)
def test_never_deleted_without_two_warnings_a_week_apart_or_before_the_date(
    warnings, warned_days, now_days
):
    warned_at = ACTIVE + warned_days * DAY if warned_days is not None else None
    now = ACTIVE + now_days * DAY
    action = retention_action(state(warnings, warned_at), now=now, months=24)
    if action is DELETE:
        assert warnings == 2 and now >= DUE and now - warned_at >= 7 * DAY
