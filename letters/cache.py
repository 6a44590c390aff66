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


def letter_file_cached(*, fmt: str, html: str, author: str, render: Callable[[], bytes]) -> bytes:
    """The file for this letter from the cache, or rendered now and kept for a day."""
    key = letter_cache_key(fmt=fmt, html=html, author=author)
    try:
        stored = cache.get(key)
    except Exception as error:
        # The cache is down (Redis unreachable): the letter is rendered as if uncached.
        cache_down_report(error, then="rendering letters without the cache until it is back")
        return render()
    if stored is not None:
        try:
            return fernet().decrypt(stored)
        except InvalidToken:
            pass  # written under a retired key: render again
    content = render()
    try:
        cache.set(key, fernet().encrypt(content), TIMEOUT)
    except Exception as error:
        cache_down_report(error, then="rendering letters without the cache until it is back")
    return content
