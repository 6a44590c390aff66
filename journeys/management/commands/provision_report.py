import json
import re
import sys
from datetime import date

from django.core.management.base import BaseCommand
from django.utils import timezone

from journeys.cases.casefile import CaseFileError
from journeys.cases.casefile_io import case_file_load
from journeys.cases.provision import first_log_date, provision_shortfall
from journeys.rules.provision import report_json

ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


class Command(BaseCommand):
    help = (
        "Print the shortfall of a case file's provision between two dates, as JSON "
        "(docs/case-format.md). --from defaults to the first log row, --to to today."
    )

    def add_arguments(self, parser):
        parser.add_argument("--case", help="path to the case file (JSON)")
        parser.add_argument(
            "--from", dest="start", help="YYYY-MM-DD; the first log row if not given"
        )
        parser.add_argument(
            "--to", dest="end", help="YYYY-MM-DD; today (Europe/London) if not given"
        )

    def handle(self, *args, **options):
        if not options["case"]:
            self._fail("provision_report needs --case FILE")
        end = self._date("--to", options["end"]) or timezone.localdate()
        start = self._date("--from", options["start"])
        try:
            case_file = case_file_load(options["case"])
        except CaseFileError as error:
            self._fail(str(error))
        start = start or first_log_date(case_file) or end
        if end < start:
            self._fail(f"--to {end.isoformat()} is before --from {start.isoformat()}")
        # The same function the tracker page calls; a file carries no family term dates, so
        # the typical English school year is used (the output names it).
        found = provision_shortfall(case_file=case_file, extras={}, start=start, end=end)
        self.stdout.write(json.dumps(report_json(found), indent=2))

    def _date(self, flag: str, value: str | None) -> date | None:
        if value is None:
            return None
        try:
            if not ISO_DATE.fullmatch(value):
                raise ValueError
            return date.fromisoformat(value)
        except ValueError:
            self._fail(f"{flag} {value!r} is not a date in the form YYYY-MM-DD")

    def _fail(self, message: str) -> None:
        # The contract: exit 2 with one line on stderr, nothing on stdout.
        sys.stderr.write(f"provision_report: {message}\n")
        sys.exit(2)
