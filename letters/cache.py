"""The rendered-letter cache: a PDF or DOCX is rendered again only when the letter changes.

A letter's file is fully decided by its HTML (made from the answers, the extras and the
date), the letter styles and fonts, and the renderers. The cache key is a hash of all of
them, so a changed answer, a new day's date or a deployed template change each give a new
key; nothing has to be invalidated by hand. Entries live in Django's cache (Redis or the
database in production, docs/deploy.md) encrypted with the field-encryption keys, because a
letter holds everything the family wrote.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from functools import cache as memoise
from importlib.metadata import version
from pathlib import Path

from cryptography.fernet import InvalidToken
from django.conf import settings
from django.core.cache import cache

from ehcp_site.crypto import fernet
from ehcp_site.shared_cache import cache_down_report

TIMEOUT = 60 * 60 * 24  # a letter is dated: tomorrow's is a different file anyway


@memoise
def renderer_fingerprint() -> str:
    """What, besides the HTML, shapes the file: the letter styles and fonts we ship and the
    versions of the renderers."""
    digest = hashlib.sha256()
    for name in ("weasyprint", "python-docx", "pydyf"):
        digest.update(f"{name}={version(name)};".encode())
    static = Path(settings.BASE_DIR) / "static"
    for path in sorted([*static.glob("css/letter*.css"), *static.glob("fonts/**/*")]):
        if path.is_file():
            digest.update(path.name.encode())
            digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()[:16]


def letter_cache_key(*, fmt: str, html: str, author: str) -> str:
    content = f"{fmt}\0{author}\0{renderer_fingerprint()}\0{html}".encode()
    return "letter-file:" + hashlib.sha256(content).hexdigest()


def _case_index_key(case_id) -> str:
    return f"letter-files-of:{case_id}"


def letter_files_forget(*, case_id) -> None:
    """Delete every file cached for this case (called when the case or its account is
    deleted: a family's letters must not outlive their case, even encrypted)."""
    index = _case_index_key(case_id)
    try:
        keys = cache.get(index) or []
        cache.delete_many([*keys, index])
    except Exception as error:
        cache_down_report(error, then="deleted cases' letters stay cached until they expire")


def _remember(case_id, key: str) -> None:
    index = _case_index_key(case_id)
    keys = cache.get(index) or []
    if key not in keys:
        cache.set(index, [*keys, key], TIMEOUT)


class _Down:
    """The cache could not be read: render, and do not try to write either."""


DOWN = _Down()


def _lookup(key: str) -> bytes | _Down | None:
    try:
        stored = cache.get(key)
    except Exception as error:
        # The cache is down (Redis unreachable): the letter is rendered as if uncached.
        cache_down_report(error, then="rendering letters without the cache until it is back")
        return DOWN
    if stored is None:
        return None
    try:
        return fernet().decrypt(stored)
    except InvalidToken:
        return None  # written under a retired key: render again


def letter_file_lookup(*, fmt: str, html: str, author: str) -> bytes | None:
    """The file for this letter if the cache holds it, else None (also when the cache is
    down: the caller renders as if uncached)."""
    found = _lookup(letter_cache_key(fmt=fmt, html=html, author=author))
    return None if found is DOWN else found


def letter_file_store(*, fmt: str, html: str, author: str, content: bytes, case_id=None) -> None:
    """Keep a rendered file for a day, listed under `case_id` (so letter_files_forget can
    delete it with the case)."""
    key = letter_cache_key(fmt=fmt, html=html, author=author)
    try:
        if case_id is not None:
            _remember(case_id, key)  # first, so no file is ever cached unlisted
        cache.set(key, fernet().encrypt(content), TIMEOUT)
    except Exception as error:
        cache_down_report(error, then="rendering letters without the cache until it is back")


def letter_file_cached(
    *, fmt: str, html: str, author: str, render: Callable[[], bytes], case_id=None
) -> bytes:
    """The file for this letter from the cache, or rendered now and kept for a day (listed
    under `case_id`, so letter_files_forget can delete it with the case)."""
    found = _lookup(letter_cache_key(fmt=fmt, html=html, author=author))
    if isinstance(found, bytes):
        return found
    content = render()
    if found is None:  # not when the cache is down: one failed round trip is enough
        letter_file_store(fmt=fmt, html=html, author=author, content=content, case_id=case_id)
    return content
