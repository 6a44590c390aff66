"""Reading a case file: from disk for the commands (one plain-English line on any failure),
and out of an uploaded ZIP for "Carry on from a case file"."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path
from typing import Any

from journeys.cases.casefile import CaseFileError, validate_case_file


def case_file_load(path: str) -> dict[str, Any]:
    """Return the validated case file at `path`; raise CaseFileError with a one-line reason."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise CaseFileError(f"{path}: no such file") from None
    except (OSError, UnicodeDecodeError) as error:
        raise CaseFileError(f"{path}: cannot be read ({error.__class__.__name__})") from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise CaseFileError(f"{path}: not valid JSON (line {error.lineno})") from None
    except RecursionError:
        raise CaseFileError(f"{path}: nested too deeply to be a case file") from None
    try:
        return validate_case_file(data)
    except CaseFileError as error:
        raise CaseFileError(f"{path}: {error}") from None
    except RecursionError:
        raise CaseFileError(f"{path}: nested too deeply to be a case file") from None


# The name "Download everything" gives the case file inside its ZIP (services.case_export_zip).
EXPORT_CASE_FILE = "case.json"


class NotACaseZip(ValueError):
    """A ZIP without a usable case.json (missing, too big, or not a ZIP after all)."""


def case_file_bytes_from_upload(content: bytes, *, max_bytes: int) -> bytes:
    """The case file's bytes from an upload: the file itself, or the case.json inside the
    ZIP that "Download everything" gives. Raises NotACaseZip with a plain-English reason.

    The size inside the ZIP is checked before anything is unpacked, and the read stops at
    `max_bytes`, so a small ZIP that unpacks to gigabytes is refused, not unpacked.
    """
    if not content.startswith(b"PK\x03\x04"):
        return content
    try:
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            try:
                entry = archive.getinfo(EXPORT_CASE_FILE)
            except KeyError:
                raise NotACaseZip(
                    f"The ZIP has no {EXPORT_CASE_FILE} in it. Upload the ZIP from "
                    "\u201cDownload everything\u201d, or the case.json inside it"
                ) from None
            if entry.file_size > max_bytes:
                raise NotACaseZip(f"The {EXPORT_CASE_FILE} in the ZIP is bigger than 1 MB")
            with archive.open(entry) as member:
                data = member.read(max_bytes + 1)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, RuntimeError):
        raise NotACaseZip("The ZIP file cannot be opened") from None
    if len(data) > max_bytes:
        raise NotACaseZip(f"The {EXPORT_CASE_FILE} in the ZIP is bigger than 1 MB")
    return data


# The documents in a "Download everything" ZIP (`files/<name>`, CASE_FORMAT.md): bounded
# before anything is unpacked, like case.json above.
FILES_FOLDER = "files/"
MAX_FILES = 200
MAX_FILE_BYTES = 20 * 1024 * 1024
MAX_FILES_TOTAL = 200 * 1024 * 1024


def files_from_export_zip(content: bytes) -> dict[str, bytes]:
    """The documents in the ZIP that "Download everything" gives, by file name ({} for a
    plain case file). Raises NotACaseZip when there are too many or they are too large."""
    if not content.startswith(b"PK\x03\x04"):
        return {}
    found: dict[str, bytes] = {}
    try:
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            entries = [
                e
                for e in archive.infolist()
                if e.filename.startswith(FILES_FOLDER) and not e.is_dir()
            ]
            if len(entries) > MAX_FILES:
                raise NotACaseZip(f"The ZIP holds more than {MAX_FILES} documents")
            if sum(e.file_size for e in entries) > MAX_FILES_TOTAL or any(
                e.file_size > MAX_FILE_BYTES for e in entries
            ):
                raise NotACaseZip("The documents in the ZIP are too large")
            for entry in entries:
                name = entry.filename[len(FILES_FOLDER) :]
                if not name or "/" in name or "\\" in name:
                    continue  # only files directly in files/, as the export writes them
                with archive.open(entry) as member:
                    found[name] = member.read(MAX_FILE_BYTES + 1)[:MAX_FILE_BYTES]
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, RuntimeError):
        raise NotACaseZip("The ZIP file cannot be opened") from None
    return found
