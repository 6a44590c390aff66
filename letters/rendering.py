"""The one place that knows how a letter becomes a file.

Letter templates write renderer-neutral, semantic HTML (headings, paragraphs, lists, an
address block): the browser preview shows it, WeasyPrint turns it into a tagged PDF here,
and `html_to_docx` (letters/docx.py, re-exported here) walks the same standalone document
into a Word file with built-in heading and list styles, without touching any letter kind.
Neither fetches anything from the network.
"""

from __future__ import annotations

import mimetypes
import re
import threading
from pathlib import Path
from urllib.parse import urlsplit

from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import staticfiles_storage
from django.template.loader import render_to_string
from weasyprint import CSS, HTML
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import URLFetcher, URLFetcherResponse

from letters.docx import html_to_docx

__all__ = [
    "LETTER_ORIGIN",
    "RefusedFetch",
    "StaticFilesOnlyFetcher",
    "html_to_docx",
    "html_to_pdf",
    "letter_html",
]

# Letters resolve relative URLs against this origin, which exists nowhere: the fetcher below
# maps it to our own static files and refuses everything else, so a letter never fetches.
LETTER_ORIGIN = "https://letters.invalid"
STATIC_PREFIX = "/static/"
PDF_VARIANT = "pdf/ua-1"  # tagged, accessible PDF


class RefusedFetch(ValueError):
    """A letter asked for a URL that is not one of our static files."""


class StaticFilesOnlyFetcher(URLFetcher):
    """Serves /static/... files found by Django's staticfiles finders; refuses all else."""

    def __init__(self) -> None:
        super().__init__(allowed_protocols=("https",))
        self.refused: list[str] = []
        self.served: list[str] = []

    def fetch(self, url, headers=None):
        parts = urlsplit(url)
        path = parts.path
        if (
            f"{parts.scheme}://{parts.netloc}" != LETTER_ORIGIN
            or not path.startswith(STATIC_PREFIX)
            or ".." in path.split("/")
        ):
            self.refused.append(url)
            raise RefusedFetch(f"letters may not fetch {url}")
        name = path.removeprefix(STATIC_PREFIX)
        # In production {% static %} gives hashed names that only collectstatic's output holds.
        found = finders.find(name) or (
            staticfiles_storage.path(name) if staticfiles_storage.exists(name) else None
        )
        if not found:
            self.refused.append(url)
            raise RefusedFetch(f"no static file {path}")
        self.served.append(path)
        content_type = mimetypes.guess_type(path)[0] or "application/octet-stream"
        return URLFetcherResponse(
            url, body=Path(found).read_bytes(), headers={"Content-Type": content_type}
        )


def letter_html(*, template: str, letter, title: str, standalone: bool) -> str:
    """Render a letter kind's template: a whole document, or a fragment for the preview."""
    return render_to_string(
        template,
        {
            "letter": letter,
            "title": title,
            "base_template": "letters/base_letter.html"
            if standalone
            else "letters/base_preview.html",
            # The preview sits under the page's own h2, so its headings start lower.
            "title_level": 1 if standalone else None,
            "section_level": 2 if standalone else 3,
        },
    )


# The letter stylesheet's link, as letters/base_letter.html writes it ({% static %}: hashed in
# production, e.g. /static/css/letter.3f2a1b.css).
LETTER_STYLESHEET = re.compile(r'<link rel="stylesheet" href="(/static/css/letter[^"/]*\.css)">')
_shared = threading.local()


def _letter_stylesheet(href: str) -> tuple[CSS, FontConfiguration]:
    """The letter stylesheet, parsed once per thread, with its three fonts registered once in
    a font configuration kept with it. Made again for every letter, they were a quarter of a
    typical letter's render (issue 12): reading 2 MB of fonts into fontconfig each time."""
    kept = getattr(_shared, "stylesheet", None)
    if kept is None or kept[0] != href:
        font_config = FontConfiguration()
        css = CSS(
            url=f"{LETTER_ORIGIN}{href}",
            url_fetcher=StaticFilesOnlyFetcher(),
            font_config=font_config,
        )
        kept = _shared.stylesheet = (href, css, font_config)
    return kept[1], kept[2]


def html_to_pdf(html: str, *, fetcher: StaticFilesOnlyFetcher | None = None) -> bytes:
    """Return an A4, page-numbered, tagged PDF of a standalone letter document.

    The letter stylesheet is applied from the thread's parsed copy (_letter_stylesheet) in
    place of its link, the same rules in the same place. Given a `fetcher` (tests that watch
    every fetch), the document is rendered as written, its stylesheet fetched through it.
    """
    stylesheets, font_config = None, None
    link = LETTER_STYLESHEET.search(html) if fetcher is None else None
    if link:
        try:
            css, font_config = _letter_stylesheet(link.group(1))
        except Exception:  # the document is rendered as written: WeasyPrint then says why
            link = None
    if link:
        stylesheets = [css]
        html = html[: link.start()] + html[link.end() :]
    document = HTML(
        string=html,
        base_url=f"{LETTER_ORIGIN}/",
        url_fetcher=fetcher or StaticFilesOnlyFetcher(),
    )
    return document.write_pdf(
        stylesheets=stylesheets,
        font_config=font_config,
        pdf_variant=PDF_VARIANT,
        pdf_tags=True,
    )
