"""File names for everything people download: a letter, the case ZIP, the calendar file.

Names keep letters from any script ("Łucja", "Siân", "مريم", "अनन्या") and drop only what a
file system cannot hold. Views send them with Django's content_disposition_header, which
writes such a name as RFC 6266 filename*=utf-8''... with an ASCII fallback.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from datetime import date

# What Windows, macOS or Linux refuse in a name (and the path separators), plus control
# characters; white space becomes a hyphen so the name survives being copied about.
_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f\x7f\s]+')
_HYPHENS = re.compile(r"-{2,}")


def download_name(words: Iterable[str | None], *, on: date | None = None, extension: str) -> str:
    """`words` (and the date) joined by hyphens, safe for any file system, e.g.
    download_name(["Siân", "Jones", "case"], on=date(2026, 5, 14), extension="zip") ->
    "Siân-Jones-case-2026-05-14.zip"."""
    parts = [unicodedata.normalize("NFC", word) for word in words if word]
    if on is not None:
        parts.append(on.isoformat())
    stem = _HYPHENS.sub("-", _UNSAFE.sub("-", "-".join(parts)))
    # No leading dot (a hidden file) or ".." and no trailing dot or hyphen (Windows drops it).
    stem = stem.replace("..", "-").strip(".-")[:150] or "download"
    return f"{stem}.{extension}"


def child_words(case_file) -> list[str]:
    """The child's first and last names from a case file, for naming its downloads."""
    child = case_file.get("child", {})
    return [child.get("first_name", ""), child.get("last_name", "")]
