import json
import re
import sys
from datetime import date

from django.core.management.base import BaseCommand
from django.utils import timezone

from journeys.cases.casefile import CaseFileError
from journeys.cases.casefile_io import case_file_load
from journeys.cases.timeline import case_deadlines, case_events
from journeys.rules.deadlines import deadline_status, explain

ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


class Command(BaseCommand):
    help = (
        "Print the statutory deadlines a case file's events start, as JSON "
        "(docs/case-format.md). --today fixes the day statuses are judged on."
    )

    def add_arguments(self, parser):
        parser.add_argument("--case", help="path to the case file (JSON)")
        parser.add_argument("--today", help="YYYY-MM-DD; defaults to today in Europe/London")

    def handle(self, *args, **options):
        if not options["case"]:
            self._fail("deadlines needs --case FILE")
        today = self._today(options["today"])
        try:
            case_file = case_file_load(options["case"])
        except CaseFileError as error:
            self._fail(str(error))
        # Only `events` drive the rules: `decision` describes a decision, it is not an event.
        # Version 2: a phase_transfer_year event's `transfer` picks reg 18(1)(a), (b) or
        # 18(2); a tribunal_decision's `order` what reg 44 requires; the first `delivery_log`
        # row not delivered starts judicial review's 3 months (from_event "delivery_log").
        # case_deadlines passes all three to the engine, so every version-2 rule is printed.
        events = case_events(case_file)
        report = [
            {
                "rule": deadline.rule.value,
                "due": deadline.due.isoformat(),
                "from_event": deadline.from_event.value,
                "status": deadline_status(deadline, today=today, events=events).value,
                "source": deadline.source,
                "explanation": explain(deadline),
            }
            for deadline in case_deadlines(case_file)  # sorted by due, then rule id
        ]
        self.stdout.write(json.dumps({"deadlines": report}, indent=2))

    def _today(self, value: str | None) -> date:
        if value is None:
            return timezone.localdate()
        try:
            if not ISO_DATE.fullmatch(value):
                raise ValueError
            return date.fromisoformat(value)
        except ValueError:
            self._fail(f"--today {value!r} is not a date in the form YYYY-MM-DD")

    def _fail(self, message: str) -> None:
        # The contract: exit 2 with one line on stderr, nothing on stdout.
        sys.stderr.write(f"deadlines: {message}\n")
        sys.exit(2)
