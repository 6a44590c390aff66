"""Services for letters: build a letter from a case file and render it. Web and commands
both call these."""

from __future__ import annotations

import io
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.safestring import SafeString, mark_safe

from letters.cache import letter_file_cached, letter_file_lookup, letter_file_store
from letters.context import MissingCaseData
from letters.registry import LetterSpec, UnknownLetter, letter_spec
from letters.rendering import html_to_docx, html_to_pdf, letter_html

FORMATS = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "html": "text/html; charset=utf-8",
}


# Issue 12: the most letter text "Download everything" turns into PDF in one request.
# WeasyPrint's cost grows with the pages it lays out (some 3,800 characters a page, 30-40 ms
# a page on a 2-core server; bench/hostile.py): 60,000 characters are some 16 pages, and with
# the Word files the export stays about a second. The fixtures' letters hold 4,000-24,000
# together, so a family's export is whole; PDFs beyond it are named in the ZIP's README.txt.
PDF_TEXT_BUDGET = 60_000
# And the most text one letter may hold to be made into a file at all: a little more than a
# case file can hold, so only a letter that repeats the case's text many times over is
# refused, never a family's letter; the refusal costs what building the HTML did, some
# milliseconds. (Reasons for appeal once printed every piece of evidence under each of 30
# reasons: 1.8 million characters, 480 pages, from a valid case file of 62,000. They now state
# each document once: the most evidence a case may hold, with two long reasons and answers,
# makes some 87,000; tests/security/test_bounded_work.py.)
LETTER_TEXT_LIMIT = 120_000


class LetterTooLong(MissingCaseData):
    """A letter whose text is beyond LETTER_TEXT_LIMIT: not made into a PDF or Word file.
    A MissingCaseData, so every caller that leaves out a letter it cannot make leaves this
    one out too, never a server error; a download answers with a page that says why and
    what to do (letters.views, status 422)."""

    def __init__(self, kind: str, length: int) -> None:
        ValueError.__init__(
            self,
            f"the {kind} letter would hold {length:,} characters of text, "
            f"more than the {LETTER_TEXT_LIMIT:,} a letter may",
        )
        self.kind, self.fields, self.length = kind, [], length


def letter_text_length(html: str) -> int:
    """The characters of text a letter document holds (markup and spacing left out): what
    its PDF's layout cost grows with."""
    return len(" ".join(strip_tags(html).split()))


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
        _check_length(spec, html)
        author = _author(letter)
        produce = _producer(spec, html, author, fmt)
        content = (
            letter_file_cached(fmt=fmt, html=html, author=author, render=produce, case_id=case_id)
            if use_cache
            else produce()
        )
    return RenderedLetter(content, FORMATS[fmt], spec.filename(case_file, fmt, on=today))


def _check_length(spec: LetterSpec, html: str) -> None:
    length = letter_text_length(html)
    if length > LETTER_TEXT_LIMIT:
        raise LetterTooLong(spec.kind.value, length)


def _author(letter) -> str:
    return getattr(letter, "sender_name", "") or ""


def _producer(spec: LetterSpec, html: str, author: str, fmt: str):
    if fmt == "pdf":
        return lambda: html_to_pdf(html)
    return lambda: html_to_docx(html, title=spec.title, author=author)


@dataclass(frozen=True)
class ExportLetters:
    """The letter files of "Download everything", and those it left out."""

    files: tuple[RenderedLetter, ...]
    # (title, file name, too long to make at all) of each file not made: a PDF beyond the
    # budget can be downloaded on its own; a letter beyond LETTER_TEXT_LIMIT cannot.
    left_out: tuple[tuple[str, str, bool], ...]


def letters_for_export(
    *,
    kinds: Iterable[str],
    case_file: Mapping[str, Any],
    today: date,
    extras: Mapping[str, Any] | None = None,
    use_cache: bool = False,
    case_id=None,
    pdf_budget: int | None = None,
) -> ExportLetters:
    """Every letter of `kinds` that applies to the case, as Word and PDF, for one request.

    Each letter's document is made once for both files. A PDF comes from the letter cache
    when it is there (a letter downloaded today costs nothing again); otherwise it is rendered
    while the letters rendered so far hold at most `pdf_budget` characters (PDF_TEXT_BUDGET
    unless given), and listed in `left_out` once the budget is spent, so no export costs
    more than about a second (issue 12). Word files are cheap (a few milliseconds a page) and
    always made, except for a letter too long to make at all (LetterTooLong).
    """
    budget = PDF_TEXT_BUDGET if pdf_budget is None else pdf_budget
    files: list[RenderedLetter] = []
    left_out: list[tuple[str, str, bool]] = []
    spent = 0
    for kind in kinds:
        spec = letter_spec(kind)
        try:
            html, letter = _standalone_html(spec, case_file, today, extras)
        except MissingCaseData:
            continue  # this letter does not apply to the case (yet)
        author = _author(letter)
        pdf_name = spec.filename(case_file, "pdf", on=today)
        docx_name = spec.filename(case_file, "docx", on=today)
        size = letter_text_length(html)
        if size > LETTER_TEXT_LIMIT:
            left_out += [(spec.title, pdf_name, True), (spec.title, docx_name, True)]
            continue
        pdf = letter_file_lookup(fmt="pdf", html=html, author=author) if use_cache else None
        if pdf is None and spent + size <= budget:
            spent += size
            pdf = html_to_pdf(html)
            if use_cache:
                letter_file_store(fmt="pdf", html=html, author=author, content=pdf, case_id=case_id)
        if pdf is None:
            left_out.append((spec.title, pdf_name, False))
        else:
            files.append(RenderedLetter(pdf, FORMATS["pdf"], pdf_name))
        produce = _producer(spec, html, author, "docx")
        docx = (
            letter_file_cached(
                fmt="docx", html=html, author=author, render=produce, case_id=case_id
            )
            if use_cache
            else produce()
        )
        files.append(RenderedLetter(docx, FORMATS["docx"], docx_name))
    return ExportLetters(tuple(files), tuple(left_out))


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
        if letter_text_length(html) > LETTER_TEXT_LIMIT:
            continue  # not made as a file either (LetterTooLong): no megabyte page
        previews.append(LetterPreview(spec.kind.value, spec.title, mark_safe(html)))  # noqa: S308
    return previews


def letter_pdf_pages(
    *,
    kind: str,
    case_file: Mapping[str, Any],
    extras: Mapping[str, Any] | None = None,
    use_cache: bool = False,
    case_id=None,
) -> int:
    """The pages of a letter's real PDF, as it will be downloaded (the same renderer, and the
    same cached file when `use_cache`): what the witness statement page shows against the
    Practice Direction's limit before the family prints it. Raises as letter_render does."""
    from pypdf import PdfReader  # only the pages that count need it

    letter = letter_render(
        kind=kind,
        case_file=case_file,
        fmt="pdf",
        extras=extras,
        use_cache=use_cache,
        case_id=case_id,
    )
    return len(PdfReader(io.BytesIO(letter.content)).pages)
