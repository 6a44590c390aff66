"""`python manage.py evidence_pack --case FILE --files DIR --out PATH` (CASE_FORMAT.md):
the parent's evidence pack from the `evidence` items whose `file` is in DIR, built by the
same service as the web page's worker (journeys/evidence/services.evidence_pack_make)."""

import json
import sys
from datetime import date
from pathlib import Path

from django.core.management.base import BaseCommand

from journeys.cases.casefile import CaseFileError
from journeys.cases.casefile_io import case_file_load
from journeys.documents.checks import DocumentRefused, document_clean
from journeys.documents.convert import ConversionUnavailable
from journeys.evidence.services import SourceDocument, evidence_pack_make, pack_summary

# A document read from disk may be as large as the machine allows; the pack's own limits
# (pages, pixels) still apply.
LOCAL_MAX_BYTES = 512 * 1024 * 1024


class Command(BaseCommand):
    help = (
        "Build the evidence pack (index, date order, page numbers, bookmarks) from the case "
        "file's evidence items whose file is in DIR; print its pages and index as JSON."
    )

    def add_arguments(self, parser):
        parser.add_argument("--case", help="path to the case file (JSON)")
        parser.add_argument("--files", help="the folder holding the evidence files")
        parser.add_argument("--out", help="where to write the pack (PDF)")

    def handle(self, *args, **options):
        for name in ("case", "files", "out"):
            if not options[name]:
                self._fail(f"evidence_pack needs --{name}")
        try:
            case_file = case_file_load(options["case"])
        except CaseFileError as error:
            self._fail(str(error))
        folder = Path(options["files"])
        if not folder.is_dir():
            self._fail(f"{folder}: no such folder")
        documents = [
            self._document(folder, index, item)
            for index, item in enumerate(case_file.get("evidence", []))
            if item.get("file")
        ]
        try:
            pack = evidence_pack_make(case_file=case_file, documents=documents)
        except (DocumentRefused, ConversionUnavailable) as problem:
            self._fail(str(problem))
        try:
            Path(options["out"]).write_bytes(pack.pdf)
        except OSError as error:
            self._fail(f"{options['out']}: cannot be written ({error.__class__.__name__})")
        self.stdout.write(json.dumps(pack_summary(pack), indent=2, ensure_ascii=False))

    def _document(self, folder: Path, index: int, item: dict) -> SourceDocument:
        name = item["file"]
        path = folder / name
        try:
            content = path.read_bytes()
        except FileNotFoundError:
            self._fail(f"evidence.{index}.file {name}: not found in {folder}")
        except OSError as error:
            self._fail(f"evidence.{index}.file {name}: cannot be read ({error.__class__.__name__})")
        if not item.get("date"):
            self._fail(f"evidence.{index} ({name}) has no date: the pack is in date order")
        try:
            clean = document_clean(content, max_bytes=LOCAL_MAX_BYTES)
        except DocumentRefused as problem:
            self._fail(f"{name}: {problem}")
        return SourceDocument(
            name=name,
            kind=clean.kind,
            content=clean.content,
            title=item.get("title") or name,
            author=item.get("author", ""),
            date=date.fromisoformat(item["date"]),
        )

    def _fail(self, message: str) -> None:
        # The contract: exit 2 with one line on stderr, nothing on stdout.
        sys.stderr.write(f"evidence_pack: {' '.join(message.split())}\n")
        sys.exit(2)
