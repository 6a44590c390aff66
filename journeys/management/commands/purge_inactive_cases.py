from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from journeys.jobs.retention import cases_retention_apply


class Command(BaseCommand):
    help = (
        "Delete cases nobody has used for DJANGO_RETENTION_MONTHS (default 24), after two "
        "email warnings (30 and 7 days before). Safe to run daily from cron."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="Say what would be done; change nothing."
        )

    def handle(self, *args, **options):
        months = settings.RETENTION_MONTHS
        report = cases_retention_apply(
            now=timezone.now(), months=months, dry_run=options["dry_run"]
        )
        verb = "Would send" if options["dry_run"] else "Sent"
        self.stdout.write(
            f"Checked {report.checked} case(s) inactive for nearly {months} months or more. "
            f"{verb} {report.first_warnings} first warning(s) and {report.second_warnings} "
            f"second warning(s); {'would delete' if options['dry_run'] else 'deleted'} "
            f"{report.deleted} case(s) and {report.abandoned_drafts} unfinished draft(s)."
        )
        if report.failed:
            raise CommandError(
                f"{len(report.failed)} warning(s) could not be sent; they will be retried"
            )
