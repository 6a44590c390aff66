"""Services for letters: build a letter from a case file and render it. Web and commands
both call these."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.utils import timezone
from django.utils.safestring import SafeString, mark_safe

from letters.cache import letter_file_cached
from letters.context import MissingCaseData
from letters.registry import LetterSpec, UnknownLetter, letter_spec
from letters.rendering import html_to_docx, html_to_pdf, letter_html

FORMATS = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "html": "text/html; charset=utf-8",
}


@dataclass(frozen=True)
class RenderedLetter:
    content: bytes
    content_type: str
    filename: str


@dataclass(frozen=True)
class LetterPreview:
    kind: str
    title: str
    html: SafeString


def _standalone_html(
    spec: LetterSpec, case_file: Mapping[str, Any], today: date, extras: Mapping[str, Any] | None
) -> tuple[str, Any]:
    """The whole letter document every file format is made from, and its context."""
    letter = spec.build_context(case_file, today=today, extras=extras)
    html = letter_html(template=spec.template, letter=letter, title=spec.title, standalone=True)
    return html, letter


def letter_render(
    *,
    kind: str,
    case_file: Mapping[str, Any],
    fmt: str = "pdf",
    today: date | None = None,
    extras: Mapping[str, Any] | None = None,
    use_cache: bool = False,
    case_id=None,
) -> RenderedLetter:
    """Render one letter. Raises UnknownLetter (kind or format) or MissingCaseData.

    `extras` are a journey's answers beyond the case file (letters/extras.py). With
    `use_cache` (downloads), a file made from exactly the same letter before is served from
    the cache (letters/cache.py) instead of being rendered again; `case_id` lists it under
    its case, so deleting the case deletes it.
    """
    if fmt not in FORMATS:
        raise UnknownLetter(f"unknown format {fmt!r} (known: {', '.join(FORMATS)})")
    spec = letter_spec(kind)
    today = today or timezone.localdate()
    html, letter = _standalone_html(spec, case_file, today, extras)
    if fmt == "html":
        content = html.encode("utf-8")
    else:
        author = getattr(letter, "sender_name", "") or ""
        produce = (
            (lambda: html_to_pdf(html))
            if fmt == "pdf"
            else (lambda: html_to_docx(html, title=spec.title, author=author))
        )
        content = (
            letter_file_cached(fmt=fmt, html=html, author=author, render=produce, case_id=case_id)
            if use_cache
            else produce()
        )
    return RenderedLetter(content, FORMATS[fmt], spec.filename(case_file, fmt, on=today))


def letter_previews(
    *,
    kinds: Iterable[str],
    case_file: Mapping[str, Any],
    today: date | None = None,
    extras: Mapping[str, Any] | None = None,
) -> list[LetterPreview]:
    """The letters of a finished journey as HTML fragments for the confirmation page."""
    previews = []
    for kind in kinds:
        spec = letter_spec(kind)
        try:
            letter = spec.build_context(
                case_file, today=today or timezone.localdate(), extras=extras
            )
        except MissingCaseData:
            # A letter that does not apply to this case yet is left out, never a broken page.
            continue
        # Autoescaped by the template engine, so the fragment is safe to place in a page.
        html = letter_html(
            template=spec.template, letter=letter, title=spec.title, standalone=False
        )
        previews.append(LetterPreview(spec.kind.value, spec.title, mark_safe(html)))  # noqa: S308
    return previews
