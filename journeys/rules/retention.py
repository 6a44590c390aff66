"""When an inactive case is warned about and deleted (issue 6, "Retention").

UK GDPR Article 5(1)(e) (storage limitation): personal data is kept "for no longer than is
necessary". A case nobody has used for the retention period (24 months by default) is
deleted, after two emails that give the parent time to keep it by opening it:

- the first warning 30 days before the deletion date;
- the second 7 days before it, and at least 7 days after the first;
- deletion on the date, and at least 7 days after the second warning (so a cron job that
  stopped for a while never deletes without the full notice).

A case with no address to warn (made without an account and without confirmed reminders)
is deleted on the date: nobody can reach it any more, since the browser session that owned
it expired long before.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import datetime, timedelta

from dateutil.relativedelta import relativedelta

FIRST_WARNING_BEFORE = timedelta(days=30)
SECOND_WARNING_BEFORE = timedelta(days=7)
MINIMUM_NOTICE = timedelta(days=7)


class RetentionAction(enum.Enum):
    KEEP = "keep"
    FIRST_WARNING = "first warning"
    SECOND_WARNING = "second warning"
    DELETE = "delete"


@dataclass(frozen=True)
class RetentionState:
    last_active_at: datetime
    warnings_sent: int
    warned_at: datetime | None
    has_address: bool


def deletion_date(last_active_at: datetime, *, months: int) -> datetime:
    """The moment an untouched case is due to be deleted (UK GDPR Art 5(1)(e))."""
    return last_active_at + relativedelta(months=months)


def retention_action(state: RetentionState, *, now: datetime, months: int) -> RetentionAction:
    """What the retention command does to one case today (UK GDPR Art 5(1)(e))."""
    due = deletion_date(state.last_active_at, months=months)
    since_warning = now - state.warned_at if state.warned_at is not None else None
    noticed = since_warning is not None and since_warning >= MINIMUM_NOTICE
    if not state.has_address:
        return RetentionAction.DELETE if now >= due else RetentionAction.KEEP
    if state.warnings_sent == 0:
        return (
            RetentionAction.FIRST_WARNING
            if now >= due - FIRST_WARNING_BEFORE
            else (RetentionAction.KEEP)
        )
    if state.warnings_sent == 1:
        if now >= due - SECOND_WARNING_BEFORE and noticed:
            return RetentionAction.SECOND_WARNING
        return RetentionAction.KEEP
    return RetentionAction.DELETE if now >= due and noticed else RetentionAction.KEEP


def warning_horizon(*, now: datetime, months: int) -> datetime:
    """Cases last used before this moment are within a warning's reach (UK GDPR Art 5(1)(e))."""
    return now - relativedelta(months=months) + FIRST_WARNING_BEFORE


def abandoned_before(*, now: datetime, months: int) -> datetime:
    """Answers in progress untouched since this moment are deleted (UK GDPR Art 5(1)(e))."""
    return now - relativedelta(months=months)
