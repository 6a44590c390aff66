from datetime import date

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from journeys.jobs.reminders import reminders_send


class Command(BaseCommand):
    help = (
        "Email reminders 14, 7 and 2 days before each deadline to parents who asked for them. "
        "Safe to run as often as you like (cron: daily): each reminder is sent once."
    )

    def add_arguments(self, parser):
        parser.add_argument("--today", help="YYYY-MM-DD; defaults to today in Europe/London")

    def handle(self, *args, **options):
        try:
            today = date.fromisoformat(options["today"]) if options["today"] else None
        except ValueError:
            raise CommandError(
                f"--today must be a date like 2026-11-23, not {options['today']!r}"
            ) from None
        report = reminders_send(today=today or timezone.localdate())
        self.stdout.write(
            f"Checked {report.cases_checked} case(s); sent {len(report.sent)} reminder(s)."
        )
        if report.failed:
            # Cron mails a failing job's output to its owner; the next run retries them.
            raise CommandError(
                f"{len(report.failed)} reminder(s) could not be sent; they will be retried"
            )
