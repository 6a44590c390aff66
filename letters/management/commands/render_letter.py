import sys
from pathlib import Path

from django.core.management.base import BaseCommand

from journeys.cases.casefile import CaseFileError
from journeys.cases.casefile_io import case_file_load
from letters.context import MissingCaseData
from letters.registry import LetterKind, UnknownLetter
from letters.services import FORMATS, letter_render


class Command(BaseCommand):
    help = "Render a letter from a case file (docs/case-format.md). --list prints the kinds."

    def add_arguments(self, parser):
        parser.add_argument("kind", nargs="?", help="the letter kind, e.g. request_assessment")
        parser.add_argument("--case", help="path to the case file (JSON)")
        parser.add_argument("--out", help="where to write the letter")
        parser.add_argument("--format", default="pdf", choices=sorted(FORMATS))
        parser.add_argument("--list", action="store_true", help="print the kinds, one a line")

    def handle(self, *args, **options):
        if options["list"]:
            for kind in LetterKind:
                self.stdout.write(kind.value)
            return
        if not (options["kind"] and options["case"] and options["out"]):
            self._fail("render_letter needs KIND, --case FILE and --out PATH (or --list)")
        try:
            case_file = case_file_load(options["case"])
            letter = letter_render(kind=options["kind"], case_file=case_file, fmt=options["format"])
        except (CaseFileError, MissingCaseData) as error:
            self._fail(str(error))
        except UnknownLetter as error:
            self._fail(error.args[0])
        try:
            Path(options["out"]).write_bytes(letter.content)
        except OSError as error:
            self._fail(f"{options['out']}: cannot be written ({error.strerror})")

    def _fail(self, message: str) -> None:
        # The contract: exit 2 with one line on stderr, nothing on stdout.
        sys.stderr.write(f"render_letter: {message}\n")
        sys.exit(2)
