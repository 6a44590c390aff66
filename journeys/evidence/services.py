"""Writing a case's evidence: keeping an uploaded document (and its place in the case file's
evidence list), deleting one, and building the evidence pack.

`evidence_pack_make` is the one builder: the background worker (tasks.py) and the
`evidence_pack` command both call it.
"""

from __future__ import annotations

import hashlib
import json
import logging
from dataclasses import dataclass
from datetime import date, timedelta

from django.db import IntegrityError, transaction
from django.utils import timezone

from journeys.cases.casefile import case_file_current, validate_case_file
from journeys.cases.evidence_files import evidence_file_name, evidence_file_store
from journeys.cases.services import (
    SEND7_EXTRAS,
    WITNESS_STATEMENT_EXTRAS,
    WORKING_DOCUMENT_EXTRAS,
    case_mark_active,
    case_page_answers_save,
    case_summary_refresh,
)
from journeys.documents.checks import DOCX, CleanDocument, DocumentRefused, pdf_reader
from journeys.documents.convert import ConversionUnavailable, document_pdf
from journeys.documents.pack import Pack, PackDocument, pack_build
from journeys.documents.store import blob_delete, blob_read, blob_save
from journeys.models import Case, EvidenceFile, EvidencePack
from journeys.rules.bundle import evidence_page_limit

logger = logging.getLogger(__name__)

# Part of every pack's inputs hash: a change to how packs are made builds them afresh.
PACK_BUILDER_VERSION = "1"
# A pack still waiting or "being built" this long after it was asked for lost its worker
# (killed, restarted): asking again queues it again. A real build takes seconds.
STALE_AFTER = timedelta(minutes=10)


@transaction.atomic
def evidence_file_add(
    *,
    case: Case,
    clean: CleanDocument,
    upload_name: str,
    title: str,
    author: str,
    document_date: date,
    evidence_kind: str,
    item_index: int | None = None,
) -> EvidenceFile:
    """Keep the document and name it in the case file: in the evidence item at `item_index`
    (its author, date and title as the parent confirmed them), or in a new item."""
    case = Case.objects.select_for_update().get(pk=case.pk)
    taken = {f.name for f in EvidenceFile.objects.filter(case=case)}
    name = evidence_file_name(wanted=upload_name, kind=clean.kind, taken=taken)
    kept = evidence_file_store(
        case=case, clean=clean, name=name, title=title, author=author, document_date=document_date
    )
    # If anything below fails, the transaction rolls the row back: the bytes must go too.
    try:
        items = case.case_file.get("evidence", [])
        if (
            item_index is not None
            and 0 <= item_index < len(items)
            and (items[item_index].get("file") in taken)
        ):
            item_index = None  # that item has its document: this one is another
        _name_in_case_file(
            case=case,
            name=name,
            title=title,
            author=author,
            document_date=document_date,
            evidence_kind=evidence_kind,
            item_index=item_index,
        )
    except Exception:
        blob_delete(kept.stored_as)
        raise
    return kept


def _name_in_case_file(
    *, case, name, title, author, document_date, evidence_kind, item_index
) -> None:
    items = list(case.case_file.get("evidence", []))
    described = {"title": title, "author": author, "date": document_date.isoformat()}
    described = {k: v for k, v in described.items() if v}
    if item_index is not None and 0 <= item_index < len(items):
        items[item_index] = {**items[item_index], **described, "file": name}
    else:
        items.append({"kind": evidence_kind, **described, "file": name})
    # Still a valid case file (CaseFileError otherwise: say 30 evidence items already).
    case.case_file = validate_case_file(case_file_current({**case.case_file, "evidence": items}))
    changed = (*case_summary_refresh(case=case), *case_mark_active(case=case))
    case.save(update_fields=["case_file", "updated_at", *changed])


@transaction.atomic
def evidence_file_delete(*, case: Case, evidence_file: EvidenceFile) -> None:
    """Delete the document for real: its stored bytes (once committed), its row, every pack
    built with it, and its name in the case file (the evidence item itself stays)."""
    case = Case.objects.select_for_update().get(pk=case.pk)
    for pack in EvidencePack.objects.filter(case=case):
        if str(evidence_file.pk) in pack.file_ids:
            pack.delete()
    name = evidence_file.name
    evidence_file.delete()
    items = [
        {k: v for k, v in item.items() if k != "file"} if item.get("file") == name else item
        for item in case.case_file.get("evidence", [])
    ]
    case.case_file = {**case.case_file, "evidence": items}
    changed = (*case_summary_refresh(case=case), *case_mark_active(case=case))
    case.save(update_fields=["case_file", "updated_at", *changed])


# -- the pack ----------------------------------------------------------------------------


@dataclass(frozen=True)
class SourceDocument:
    name: str
    kind: str
    content: bytes  # the clean copy (journeys/documents/checks.py)
    title: str
    author: str
    date: date


def pack_heading(case_file: dict) -> str:
    child = case_file.get("child", {})
    names = " ".join(p for p in (child.get("first_name"), child.get("last_name")) if p)
    return f"Evidence pack: {names}" if names else "Evidence pack"


def evidence_pack_make(
    *, case_file: dict, documents: list[SourceDocument], converted: dict | None = None
) -> Pack:
    """The pack of these documents, with the limit for the case's decision. Raises
    DocumentRefused naming a document that cannot be used, ConversionUnavailable when a
    Word document needs LibreOffice and it is not installed. `converted`, when given, is
    filled with each Word document's exact page count (by name)."""
    limit = evidence_page_limit((case_file.get("decision") or {}).get("kind"))
    pages = []
    for document in documents:
        pdf = document_pdf(kind=document.kind, content=document.content, name=document.name)
        if converted is not None and document.kind == DOCX:
            converted[document.name] = len(pdf_reader(pdf).pages)
        pages.append(
            PackDocument(
                title=document.title or document.name,
                date=document.date,
                author=document.author,
                pdf=pdf,
                name=document.name,
            )
        )
    return pack_build(documents=pages, limit=limit, heading=pack_heading(case_file))


def pack_summary(pack: Pack) -> dict:
    """The pack as the `evidence_pack` command prints it (CASE_FORMAT.md)."""
    return {
        "pages": pack.pages,
        "limit": pack.limit,
        "over_limit": pack.over_limit,
        "documents": [
            {
                "title": entry.title,
                "date": entry.date.isoformat(),
                "first_page": entry.first_page,
                "last_page": entry.last_page,
            }
            for entry in pack.documents
        ],
    }


def evidence_pack_inputs_hash(*, case: Case, files: list[EvidenceFile]) -> str:
    """What decides the pack's file: the clean copies, how each is described, the heading,
    the limit and the builder's version. The same inputs give the same hash."""
    described = sorted(
        [f.sha256, f.title, f.author, f.document_date.isoformat(), f.kind] for f in files
    )
    inputs = {
        "version": PACK_BUILDER_VERSION,
        "heading": pack_heading(case.case_file),
        "limit": evidence_page_limit((case.case_file.get("decision") or {}).get("kind")),
        "documents": described,
    }
    return hashlib.sha256(json.dumps(inputs, sort_keys=True).encode()).hexdigest()


def evidence_pack_request(*, case: Case, files: list[EvidenceFile]) -> EvidencePack:
    """The pack of these documents: one already built or being built from the same inputs,
    or a new one queued for the worker (this returns at once)."""
    from journeys.evidence.tasks import evidence_pack_build  # the task calls back into here

    inputs_hash = evidence_pack_inputs_hash(case=case, files=files)
    try:
        pack, created = EvidencePack.objects.get_or_create(
            case=case,
            inputs_hash=inputs_hash,
            defaults={"file_ids": [str(f.pk) for f in files]},
        )
    except IntegrityError:  # the same request at the same moment: the other one won
        pack, created = EvidencePack.objects.get(case=case, inputs_hash=inputs_hash), False
    stale = pack.created_at < timezone.now() - STALE_AFTER
    waiting = pack.status in (EvidencePack.Status.QUEUED, EvidencePack.Status.RUNNING)
    if not created and (pack.status == EvidencePack.Status.READY or (waiting and not stale)):
        return pack
    if not created:  # failed before (LibreOffice missing, say), or its worker died: again
        EvidencePack.objects.filter(pk=pack.pk).update(
            status=EvidencePack.Status.QUEUED, error="", finished_at=None, created_at=timezone.now()
        )
    evidence_pack_build.enqueue(pack_id=str(pack.pk))
    pack.refresh_from_db()
    return pack


def evidence_pack_run(*, pack_id: str) -> None:
    """Build a queued pack (the worker calls this): store the PDF, encrypted, and record its
    pages and index; or record, in plain words, why it could not be built."""
    claimed = EvidencePack.objects.filter(
        pk=pack_id, status__in=[EvidencePack.Status.QUEUED, EvidencePack.Status.FAILED]
    ).update(status=EvidencePack.Status.RUNNING)
    if not claimed:
        return  # built already, being built by another worker, or deleted
    pack = EvidencePack.objects.select_related("case").get(pk=pack_id)
    files = {str(f.pk): f for f in EvidenceFile.objects.filter(case=pack.case)}
    converted: dict[str, int] = {}
    try:
        chosen = [files[file_id] for file_id in pack.file_ids if file_id in files]
        if len(chosen) != len(pack.file_ids):
            raise DocumentRefused("A document chosen for the pack has been deleted")
        built = evidence_pack_make(
            converted=converted,
            case_file=pack.case.case_file,
            documents=[
                SourceDocument(
                    name=f.name,
                    kind=f.kind,
                    content=blob_read(f.stored_as),
                    title=f.title,
                    author=f.author,
                    date=f.document_date,
                )
                for f in chosen
            ],
        )
    except (DocumentRefused, ConversionUnavailable) as problem:
        EvidencePack.objects.filter(pk=pack_id).update(
            status=EvidencePack.Status.FAILED, error=str(problem)[:300], finished_at=timezone.now()
        )
        return
    except Exception:
        logger.exception("Building an evidence pack failed")
        EvidencePack.objects.filter(pk=pack_id).update(
            status=EvidencePack.Status.FAILED,
            error="Something went wrong while building the pack. Try again.",
            finished_at=timezone.now(),
        )
        raise
    for f in chosen:  # a Word document's pages are known now: the next count is exact
        if f.name in converted:
            EvidenceFile.objects.filter(pk=f.pk).update(pages=converted[f.name], pages_exact=True)
    stored_as = blob_save(folder=str(pack.case_id), content=built.pdf)
    pack.documents = pack_summary(built)["documents"]  # encrypted by the field, on save
    saved = EvidencePack.objects.filter(pk=pack_id).update(
        stored_as=stored_as,
        pages=built.pages,
        page_limit=built.limit,
        documents=EvidencePack._meta.get_field("documents").get_prep_value(pack.documents),
        status=EvidencePack.Status.READY,
        finished_at=timezone.now(),
    )
    if not saved:  # the pack (or its case) was deleted while it was being built
        blob_delete(stored_as)


def working_document_save(*, case: Case, evidence: dict[str, str], section_i: str) -> Case:
    """Keep the working document page's answers: for each sentence the family asked to change
    (its plan wording), the title of the document that supports it, and the wording they want
    in section I ("" for none). Replaces what was kept before; the letter reads it through
    cases.services.case_extras_for (WORKING_DOCUMENT_EXTRAS)."""
    case.extras = {
        **case.extras,
        WORKING_DOCUMENT_EXTRAS: {
            "working_document": {
                "evidence": {sentence: title for sentence, title in evidence.items() if title},
                "section_i": section_i.strip(),
            }
        },
    }
    case.save(update_fields=["extras"])
    return case


def witness_statement_save(*, case: Case, answers: dict) -> Case:
    """Keep the witness statement page's answers for the letter made from them."""
    return case_page_answers_save(
        case=case, page=WITNESS_STATEMENT_EXTRAS, key="witness_statement", answers=answers
    )


def more_pages_save(
    *, case: Case, files: list[EvidenceFile], pages: int, limit: int, reasons: dict[str, str]
) -> Case:
    """Keep what a request for more pages (form SEND7) is made from: every document chosen
    for the pack, with its author, date and pages, and the family's line for each document
    over the limit (`reasons`, by document id). Nothing is written for them."""
    answers = {
        "file_ids": [str(f.pk) for f in files],
        "pages": pages,
        "limit": limit,
        "documents": [
            {
                "title": f.title,
                "author": f.author,
                "date": f.document_date.isoformat(),
                "pages": f.pages,
                "why": reasons.get(str(f.pk), ""),
            }
            for f in files
        ],
    }
    return case_page_answers_save(case=case, page=SEND7_EXTRAS, key="send7", answers=answers)
