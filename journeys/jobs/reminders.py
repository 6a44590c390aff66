"""Email reminders before each deadline: 14, 7 and 2 days before, each sent once.

Run by `manage.py send_reminders` from cron or a scheduled task (README). Only cases whose
parent gave an address and said yes are emailed. Each send is recorded (ReminderSent) before
the next, so re-running, or running twice at once, never sends the same reminder twice.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import date

from django.conf import settings
from django.core import signing
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string

from ehcp_site.shared_cache import with_shared_cache
from journeys.cases.services import case_mark_active
from journeys.cases.timeline import TimelineDeadline, case_timeline, complaint_working_days
from journeys.models import Case, ReminderSent
from journeys.rules.deadlines import Status

REMINDER_DAYS = (14, 7, 2)
STOP_SALT = "reminders-stop"
CONFIRM_SALT = "reminders-confirm"
CONFIRM_MAX_AGE = 60 * 60 * 24 * 7  # a confirmation link works for 7 days
logger = logging.getLogger(__name__)


@dataclass
class ReminderReport:
    cases_checked: int = 0
    sent: list[tuple[str, str, int]] = field(default_factory=list)  # (case id, rule, days)
    failed: list[tuple[str, str, int]] = field(default_factory=list)


def reminder_due(item: TimelineDeadline) -> int | None:
    """The reminder (14, 7 or 2 days) this deadline is owed now, or None.

    The nearest threshold not yet passed: a case saved 5 days before a date gets its 7-day
    reminder at once, then the 2-day one. A date already passed gets none.
    """
    if item.status not in (Status.UPCOMING, Status.DUE_TODAY) or item.days_left < 0:
        return None
    owed = [days for days in REMINDER_DAYS if item.days_left <= days]
    return min(owed) if owed else None


def stop_token(case: Case) -> str:
    return signing.dumps(str(case.id), salt=STOP_SALT)


def case_from_stop_token(token: str) -> Case | None:
    try:
        case_id = signing.loads(token, salt=STOP_SALT)
    except signing.BadSignature:
        return None
    return Case.objects.filter(pk=case_id).first()


def reminders_send(*, today: date) -> ReminderReport:
    """Send every reminder owed on `today`; return what was sent."""
    report = ReminderReport()
    # The address is encrypted, so "has one" is asked of each case, not of the database.
    for case in Case.objects.filter(reminders_opt_in=True).iterator():
        if not case.email:
            continue
        report.cases_checked += 1
        timeline = case_timeline(
            case.case_file, today=today, complaint_working_days=complaint_working_days(case.extras)
        )
        for item in timeline.open:
            days = reminder_due(item)
            recorded = _record_once(case, item, days) if days is not None else None
            if not recorded:
                continue
            try:
                _email(case, item, days)
            except Exception:
                # Not sent: forget this run's records so the next run tries again, and carry
                # on with every other parent. The log names the case, never its content.
                ReminderSent.objects.filter(pk__in=recorded).delete()
                # No traceback: an SMTP error can quote the address.
                logger.error("reminder for case %s not sent", case.id)
                report.failed.append((str(case.id), item.deadline.rule.value, days))
                continue
            report.sent.append((str(case.id), item.deadline.rule.value, days))
    return report


def _record_once(case: Case, item: TimelineDeadline, days: int) -> list[int]:
    """Record the reminder and the earlier thresholds it replaces.

    Returns the ids of the records this call made; empty if the reminder was already sent
    (the unique constraint decides, so two runs at once cannot both send it).
    """
    rule, due = item.deadline.rule.value, item.deadline.due
    try:
        with transaction.atomic():
            made = [ReminderSent.objects.create(case=case, rule=rule, due=due, days_before=days).pk]
    except IntegrityError:
        return []
    for skipped in (d for d in REMINDER_DAYS if d > days):
        record, created = ReminderSent.objects.get_or_create(
            case=case, rule=rule, due=due, days_before=skipped
        )
        if created:
            made.append(record.pk)
    return made


def _email(case: Case, item: TimelineDeadline, days: int) -> None:
    context = {
        "case": case,
        "item": item,
        "days": item.days_left,
        "name": case.case_file.get("applicant", {}).get("name", ""),
        "stop_url": f"{settings.SITE_URL}/reminders/stop/{stop_token(case)}/",
        "site_url": settings.SITE_URL,
    }
    when = (
        "today"
        if item.days_left == 0
        else f"in {item.days_left} day{'' if item.days_left == 1 else 's'}"
    )
    send_mail(
        subject=f"Reminder: a date in your EHCP case is {when}",
        message=render_to_string("journeys/email/reminder.txt", context),
        from_email=None,
        recipient_list=[case.email],
    )


# -- confirming the address: nobody gets reminders they did not ask for ------------------


def confirm_token(case: Case, email: str) -> str:
    return signing.dumps({"case": str(case.id), "email": email}, salt=CONFIRM_SALT)


def case_from_confirm_token(token: str) -> tuple[Case, str] | None:
    """The case and address a confirmation link is for, or None if forged or expired."""
    try:
        data = signing.loads(token, salt=CONFIRM_SALT, max_age=CONFIRM_MAX_AGE)
    except signing.BadSignature:
        return None
    case = Case.objects.filter(pk=data.get("case")).first()
    return (case, data.get("email", "")) if case else None


def send_confirmation(case: Case, email: str) -> None:
    """Email a link that starts reminders. Fixed words only: no case content, no names."""
    link = f"{settings.SITE_URL}/reminders/confirm/{confirm_token(case, email)}/"
    send_mail(
        subject="Confirm your EHCP date reminders",
        message=render_to_string("journeys/email/confirm_reminders.txt", {"link": link}),
        from_email=None,
        recipient_list=[email],
    )


# -- signing up and stopping: services the reminders page calls ----------------------------


CONFIRMATION_INTERVAL = 60 * 10  # at most one confirmation email per case every 10 minutes


def case_reminders_request(*, case: Case, email: str) -> bool:
    """Ask for reminders: keep the address and email it a confirmation link.

    Reminders start only when the link is opened (case_reminders_confirm), so nobody can sign
    someone else's address up. Returns False when a link was sent too recently to send again.
    """
    key = f"reminders-confirm:{case.id}"
    if not with_shared_cache(lambda cache: cache.add(key, True, CONFIRMATION_INTERVAL)):
        return False
    try:
        send_confirmation(case, email)
    except Exception:
        # Nothing was sent: the parent may try again at once.
        with_shared_cache(lambda cache: cache.delete(key))
        raise
    case.email = email
    case.reminders_opt_in = False
    case.save(
        update_fields=["email", "reminders_opt_in", "updated_at", *case_mark_active(case=case)]
    )
    return True


def case_reminders_confirm(*, case: Case, email: str) -> bool:
    """Start reminders if the link is for the address the case still has."""
    if not email or case.email != email:
        return False
    case.reminders_opt_in = True
    case.save(update_fields=["reminders_opt_in", "updated_at", *case_mark_active(case=case)])
    return True


def case_reminders_stop(*, case: Case) -> Case:
    case.reminders_opt_in = False
    case.save(update_fields=["reminders_opt_in", "updated_at", *case_mark_active(case=case)])
    return case
