"""The documents kept with a case, as the case itself sees them: storing a clean copy,
handing them over in "Download everything" (`files/`), bringing them back from such a ZIP,
and making sure a document's bytes go when its row goes (the case deleted, the account
deleted, the retention job, or the document on its own).

Uploading one, with its place in the evidence list, and building packs is the evidence
room's (journeys/evidence); this is what the case's own services need.
"""

from __future__ import annotations

import hashlib
import re
from datetime import date
from pathlib import PurePosixPath

from django.db import transaction
from django.utils.text import get_valid_filename

from journeys.documents.checks import EXTENSIONS, CleanDocument, DocumentRefused, document_clean
from journeys.documents.store import blob_delete, blob_read, blob_save
from journeys.models import Case, EvidenceFile, EvidencePack

EXPORT_FOLDER = "files"
NAME_LENGTH = 100


def evidence_file_name(*, wanted: str, kind: str, taken: set[str]) -> str:
    """A file name for `evidence[].file`: the uploaded name without folders, made safe,
    with the extension of what the file really is, unique in the case."""
    stem = PurePosixPath(wanted.replace("\\", "/")).stem
    try:
        stem = get_valid_filename(stem)
    except Exception:  # Django refuses a name that is empty once made safe
        stem = ""
    stem = re.sub(r"[^\w.-]+", "-", stem).strip(".-")[:NAME_LENGTH] or "document"
    extension = EXTENSIONS[kind]
    name, number = f"{stem}.{extension}", 1
    while name in taken:
        number += 1
        name = f"{stem}-{number}.{extension}"
    return name


def evidence_file_store(
    *, case: Case, clean: CleanDocument, name: str, title: str, author: str, document_date: date
) -> EvidenceFile:
    """Keep a clean copy (encrypted) under `name` with the case."""
    stored_as = blob_save(folder=str(case.pk), content=clean.content)
    return EvidenceFile.objects.create(
        case=case,
        name=name,
        title=title,
        author=author,
        document_date=document_date,
        kind=clean.kind,
        size=len(clean.content),
        pages=clean.pages if clean.pages is not None else clean.pages_estimate,
        pages_exact=clean.pages is not None,
        sha256=hashlib.sha256(clean.content).hexdigest(),
        stored_as=stored_as,
    )


def evidence_files_for_export(*, case: Case) -> list[tuple[str, bytes]]:
    """Each document as (`files/<name>`, its bytes), for "Download everything"."""
    return [
        (f"{EXPORT_FOLDER}/{f.name}", blob_read(f.stored_as))
        for f in EvidenceFile.objects.filter(case=case)
    ]


def evidence_files_import(*, case: Case, files: dict[str, bytes]) -> list[str]:
    """Bring back the documents the case file names from a "Download everything" ZIP (`files`:
    name -> bytes). Each goes through the same checks as an upload. Returns the names that
    could not be kept (not in the ZIP, or refused); the case file still names them, as it
    was given, and the evidence page offers to add each one again."""
    refused = []
    for item in case.case_file.get("evidence", []):
        name = item.get("file")
        if name is None:
            continue
        try:
            if name not in files:
                raise DocumentRefused("not in the ZIP")
            if not item.get("date"):
                raise DocumentRefused("no date")
            clean = document_clean(files[name])
        except DocumentRefused:
            refused.append(name)
            continue
        evidence_file_store(
            case=case,
            clean=clean,
            name=name,
            title=item.get("title") or name,
            author=item.get("author", ""),
            document_date=date.fromisoformat(item["date"]),
        )
    return refused


def stored_blob_forget(*, sender, instance, **kwargs) -> None:
    """post_delete of EvidenceFile and EvidencePack: the stored bytes go once the delete is
    committed. A signal, not a service, because rows also go by cascade (the case, the
    account, the retention job) and the file must never outlive any of them."""
    name = instance.stored_as
    if name:
        transaction.on_commit(lambda: blob_delete(name))


def evidence_storage_connect() -> None:
    """Called once from journeys/apps.py."""
    from django.db.models.signals import post_delete

    post_delete.connect(stored_blob_forget, sender=EvidenceFile, dispatch_uid="evidence-file")
    post_delete.connect(stored_blob_forget, sender=EvidencePack, dispatch_uid="evidence-pack")
