"""Reading a case's documents and packs. Every lookup is inside a case the caller already
got from cases.selectors.case_access_or_404 (who may see the case), and checks that the
document or pack belongs to that case (a file id from another case is a 404)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.http import Http404

from journeys.cases.services import (
    SEND7_EXTRAS,
    WITNESS_STATEMENT_EXTRAS,
    case_extras_for,
    case_page_answers,
)
from journeys.documents.store import blob_read
from journeys.evidence.planning import Chosen, PackPlan, pack_plan
from journeys.models import Case, EvidenceFile, EvidencePack
from journeys.rules.bundle import (
    WITNESS_STATEMENT_PAGES,
    evidence_page_limit,
    longest_first,
    witness_statement_too_long,
)
from letters.context import MissingCaseData
from letters.registry import LetterKind
from letters.services import LetterTooLong, letter_pdf_pages
from letters.tribunal_documents import WITNESS_SECTIONS


def evidence_file_list(*, case: Case) -> list[EvidenceFile]:
    """The case's documents, oldest date first."""
    return sorted(EvidenceFile.objects.filter(case=case), key=lambda f: (f.document_date, f.title))


def evidence_file_get_or_404(*, case: Case, file_id: uuid.UUID | str) -> EvidenceFile:
    found = EvidenceFile.objects.filter(case=case, pk=file_id).first()
    if found is None:
        raise Http404("No such document in this case")
    return found


def evidence_file_content(*, evidence_file: EvidenceFile) -> bytes:
    """The document's clean copy, decrypted."""
    return blob_read(evidence_file.stored_as)


def evidence_items_without_file(*, case: Case) -> list[tuple[int, dict]]:
    """The case file's evidence items that name no document yet, with their positions: the
    upload page offers to add each one, its author, date and title filled in."""
    names = {f.name for f in EvidenceFile.objects.filter(case=case)}
    return [
        (index, item)
        for index, item in enumerate(case.case_file.get("evidence", []))
        if item.get("file") not in names
    ]


def evidence_item_at(*, case: Case, index: int | None) -> dict | None:
    items = case.case_file.get("evidence", [])
    if index is None or not 0 <= index < len(items):
        return None
    return items[index]


def evidence_pack_get_or_404(*, case: Case, pack_id: uuid.UUID | str) -> EvidencePack:
    found = EvidencePack.objects.filter(case=case, pk=pack_id).first()
    if found is None:
        raise Http404("No such pack in this case")
    return found


def evidence_pack_content(*, pack: EvidencePack) -> bytes:
    return blob_read(pack.stored_as)


def evidence_pack_plan(*, case: Case, files: list[EvidenceFile]) -> PackPlan:
    """The pages a pack of these documents will have, against the limit for the appeal
    against the case's decision, and what to consider leaving out when over it."""
    return pack_plan(
        chosen=[
            Chosen(id=str(f.pk), title=f.title, pages=f.pages, exact=f.pages_exact) for f in files
        ],
        limit=evidence_page_limit((case.case_file.get("decision") or {}).get("kind")),
    )


def evidence_pack_latest_index(*, case: Case) -> list[dict]:
    """The index of the case's latest built pack (each document's title, date, first and
    last page), or [] when none is ready: the working document links a sentence to a page."""
    pack = (
        EvidencePack.objects.filter(case=case, status=EvidencePack.Status.READY)
        .order_by("-finished_at")
        .first()
    )
    return list(pack.documents) if pack is not None else []


# -- the witness statement and the request for more pages (issue 16) -----------------------


@dataclass(frozen=True)
class StatementCheck:
    """The witness statement's real PDF against the Practice Direction's 10 pages."""

    pages: int | None  # None: too long to make into a file at all (LetterTooLong)
    limit: int
    too_long: bool
    # (heading, words) of each section the witness wrote, the longest first: where to shorten.
    longest: tuple[tuple[str, int], ...]


def witness_statement_answers(*, case: Case) -> dict[str, Any]:
    return case_page_answers(case=case, page=WITNESS_STATEMENT_EXTRAS, key="witness_statement")


def witness_statement_check(*, case: Case) -> StatementCheck | None:
    """The page count of the case's witness statement, counted on the PDF the family will
    download (the same renderer and cache), or None when no statement has been written.
    Over the limit, its sections by length, so the family knows where to shorten."""
    answers = witness_statement_answers(case=case)
    try:
        pages: int | None = letter_pdf_pages(
            kind=LetterKind.WITNESS_STATEMENT.value,
            case_file=case.case_file,
            extras=case_extras_for(case),
            use_cache=settings.LETTER_FILE_CACHE,
            case_id=case.id,
        )
    except LetterTooLong:
        pages = None
    except MissingCaseData:
        return None
    too_long = pages is None or witness_statement_too_long(pages)
    child = (case.case_file.get("child") or {}).get("first_name", "")
    headings = {key: heading.format(child=child) for key, heading in WITNESS_SECTIONS}
    sections = answers.get("sections") or {}
    longest = longest_first({headings[key]: sections.get(key) or "" for key in headings})
    return StatementCheck(pages, WITNESS_STATEMENT_PAGES, too_long, longest)


def more_pages_answers(*, case: Case) -> dict[str, Any]:
    return case_page_answers(case=case, page=SEND7_EXTRAS, key="send7")
