"""Static files under the production configuration: collected once, served by WhiteNoise
from gunicorn with DEBUG off, hashed names cached for ever, compressed on request."""

import json
import re
from datetime import date
from pathlib import Path
from urllib.parse import urljoin

import pytest
from django.test import override_settings

from tests.security.conftest import ROOT

FOREVER = "max-age=315360000, public, immutable"


def stylesheet_url(site, name: str = "css/app") -> str:
    """The hashed address the start page links for static/<name>.css."""
    pattern = rf'href="(/static/{re.escape(name)}\.[0-9a-f]{{12}}\.css)"'
    match = re.search(pattern, site.get("/").text)
    assert match, f"the start page does not link a hashed {name}.css (manifest storage is off)"
    return match[1]


def test_pages_link_the_hashed_names_collectstatic_wrote(production_site):
    url = stylesheet_url(production_site)
    assert (production_site.static_root / url.removeprefix("/static/")).is_file()


def test_a_hashed_file_is_served_by_whitenoise_and_cached_for_ever(production_site):
    response = production_site.get(stylesheet_url(production_site))
    assert response.status == 200
    assert response.headers["Content-Type"].startswith("text/css")
    assert response.headers["Cache-Control"] == FOREVER
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert b".govuk-" in response.body or b".app-" in response.body


@pytest.mark.parametrize("encoding", ["gzip", "br"])
def test_compressed_copies_are_served_to_browsers_that_accept_them(production_site, encoding):
    url = stylesheet_url(production_site)
    response = production_site.get(url, Accept_Encoding=encoding)
    assert response.status == 200
    assert response.headers["Content-Encoding"] == encoding


def test_fonts_the_stylesheet_names_are_served(production_site):
    frontend = stylesheet_url(production_site, "vendor/govuk-frontend/govuk-frontend.min")
    css = production_site.get(frontend).text
    fonts = re.findall(r'url\("?(/static/fonts/Lato-[A-Za-z]+\.[0-9a-f]{12}\.ttf)"?\)', css)
    assert len(fonts) == 2, css[:300]
    for font in fonts:
        response = production_site.get(font)
        assert response.status == 200
        assert response.headers["Cache-Control"] == FOREVER


def test_a_missing_static_file_is_a_404(production_site):
    assert production_site.get("/static/css/nothing-here.css").status == 404


def test_letters_get_their_stylesheet_under_production_static_storage(collected_site):
    from letters.registry import letter_spec
    from letters.rendering import StaticFilesOnlyFetcher, html_to_pdf, letter_html

    folder, _ = collected_site
    case_file = json.loads((ROOT / "tests/fixtures/case_sam.json").read_text())
    spec = letter_spec("request_assessment")
    with override_settings(
        DEBUG=False,
        STATIC_ROOT=Path(folder / "static"),
        STORAGES={
            "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
            "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
        },
    ):
        letter = spec.build_context(case_file, today=date(2026, 6, 1), extras=None)
        html = letter_html(template=spec.template, letter=letter, title=spec.title, standalone=True)
        assert re.search(r"/static/css/letter\.[0-9a-f]{12}\.css", html)
        fetcher = StaticFilesOnlyFetcher()
        html_to_pdf(html, fetcher=fetcher)
    assert fetcher.refused == []
    assert any(path.startswith("/static/css/letter.") for path in fetcher.served)


def test_a_static_file_carries_every_security_header(production_site):
    """docs/security.md says "every response": static files are answered by WhiteNoise before
    django-csp and the other middleware run, so it adds them itself (issue 12, item 13)."""
    from tests.security.test_headers import CSP, HEADERS, policy

    frontend = stylesheet_url(production_site, "vendor/govuk-frontend/govuk-frontend.min")
    for url in (stylesheet_url(production_site), frontend):
        response = production_site.get(url)
        assert response.status == 200
        for name, value in HEADERS.items():
            assert response.headers[name] == value, (url, name)
        assert policy(response.headers["Content-Security-Policy"]) == CSP


def test_a_question_page_weighs_under_100_kb_compressed(production_site):
    """What a phone downloads for a question: the page, its stylesheets and the fonts they
    use for English text, as served (brotli where offered; WOFF2 is compressed already).
    bench/README.md "Page weight" records the parts (issue 12)."""
    from tests.security.test_headers import question_page

    page = question_page(production_site)
    weights = {"page": len(page.body)}  # sent uncompressed by Django: counted in full
    for url in re.findall(r'href="(/static/[^"]+\.css)"', page.text):
        css = production_site.get(url, Accept_Encoding="br, gzip")
        weights[url] = len(css.body)
        plain = production_site.get(url).text
        for font in re.findall(r'url\("?([^")]+\.woff2)"?\)', plain):
            font = urljoin(url, font)
            weights[font] = len(production_site.get(font).body)
    assert sum(1 for name in weights if name.endswith(".woff2")) == 2, weights
    assert sum(weights.values()) < 100_000, weights
