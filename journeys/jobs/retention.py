"""Applies the retention policy (journeys/rules/retention.py) to saved cases: emails the two
warnings and deletes what is due. Run daily by `manage.py purge_inactive_cases` (cron)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse

from journeys.models import Case, Draft
from journeys.rules.retention import (
    RetentionAction,
    RetentionState,
    abandoned_before,
    deletion_date,
    retention_action,
    warning_horizon,
)
from letters.cache import letter_files_forget


@dataclass
class RetentionReport:
    checked: int = 0
    first_warnings: int = 0
    second_warnings: int = 0
    deleted: int = 0
    abandoned_drafts: int = 0
    failed: list[str] = field(default_factory=list)


def warning_address(case: Case) -> str:
    """Where to warn: the account's address. A case without an account belonged to a
    browser session that expired long before: nobody could open it to keep it, so a warning
    would promise what the link cannot do (the policy deletes it on the date)."""
    return case.owner.email if case.owner is not None else ""


def _warn(case: Case, *, address: str, due: datetime, second: bool) -> None:
    # Fixed words and the date only: an email must not carry case content.
    link = settings.SITE_URL.rstrip("/") + reverse("journeys:case-overview", args=[case.id])
    send_mail(
        subject=("Last reminder: " if second else "")
        + "your EHCP case will be deleted if you do not use it",
        message=render_to_string(
            "journeys/email/retention_warning.txt",
            {"link": link, "due": due, "second": second, "signed_up": case.owner_id is not None},
        ),
        from_email=None,
        recipient_list=[address],
    )


def cases_retention_apply(*, now: datetime, months: int, dry_run: bool = False) -> RetentionReport:
    """Warn or delete each case the policy says to; returns what was done (or would be)."""
    report = RetentionReport()
    # Only cases within a warning's reach of their date are looked at.
    horizon = warning_horizon(now=now, months=months)
    candidates = Case.objects.filter(last_active_at__lte=horizon).select_related("owner")
    for case in candidates.only(
        "id",
        "owner__email",
        "email",
        "reminders_opt_in",
        "last_active_at",
        "retention_warnings_sent",
        "retention_warned_at",
    ):
        report.checked += 1
        address = warning_address(case)
        state = RetentionState(
            case.last_active_at,
            case.retention_warnings_sent,
            case.retention_warned_at,
            bool(address),
        )
        action = retention_action(state, now=now, months=months)
        if action is RetentionAction.KEEP:
            continue
        if action is RetentionAction.DELETE:
            if dry_run:
                report.deleted += 1
                continue
            with transaction.atomic():
                # Only if nobody used it since this run read it.
                deleted, _ = Case.objects.filter(
                    pk=case.pk, last_active_at=case.last_active_at
                ).delete()
                if deleted:
                    Draft.objects.filter(case_id=case.id).delete()
                    letter_files_forget(case_id=case.id)
                    report.deleted += 1
            continue
        second = action is RetentionAction.SECOND_WARNING
        if second:
            report.second_warnings += 1
        else:
            report.first_warnings += 1
        if dry_run:
            continue
        try:
            _warn(
                case,
                address=address,
                due=deletion_date(case.last_active_at, months=months),
                second=second,
            )
        except Exception:  # a failed email is retried on the next run
            report.failed.append(str(case.id))
            continue
        # update(), not save(): sending a warning is not activity.
        Case.objects.filter(pk=case.pk).update(
            retention_warnings_sent=2 if second else 1, retention_warned_at=now
        )
    report.abandoned_drafts = _drafts_purge(now=now, months=months, dry_run=dry_run)
    return report


def _drafts_purge(*, now: datetime, months: int, dry_run: bool) -> int:
    """Answers in progress that were never finished and not touched for the retention
    period go too (a finished case's drafts go with the case)."""
    stale = Draft.objects.filter(updated_at__lte=abandoned_before(now=now, months=months))
    return stale.count() if dry_run else stale.delete()[0]
