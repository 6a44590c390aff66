"""The renderer's fetcher: our own static files, and nothing else, ever."""

import io

import pytest
from pypdf import PdfReader

from letters.rendering import LETTER_ORIGIN, RefusedFetch, StaticFilesOnlyFetcher, html_to_pdf
from tests.letters.pdf_text import pdf_text


@pytest.mark.parametrize(
    "url",
    [
        "http://203.0.113.9/a.png",
        "https://example.org/static/css/letter.css",
        "file:///etc/passwd",
        f"{LETTER_ORIGIN}/etc/passwd",
        f"{LETTER_ORIGIN}/static/../../manage.py",
        f"{LETTER_ORIGIN}/static/no-such-file.css",
        "data:text/plain,hello",
        "ftp://203.0.113.9/x",
    ],
)
def test_refuses_anything_that_is_not_our_static_file(url):
    fetcher = StaticFilesOnlyFetcher()
    with pytest.raises((RefusedFetch, ValueError)):
        fetcher.fetch(url)


def test_serves_our_static_files_with_their_type():
    fetcher = StaticFilesOnlyFetcher()
    response = fetcher.fetch(f"{LETTER_ORIGIN}/static/css/letter.css")
    assert b"@page" in response.read()
    assert response.content_type == "text/css"
    assert fetcher.served == ["/static/css/letter.css"]


def test_a_document_asking_for_outside_urls_renders_without_them():
    fetcher = StaticFilesOnlyFetcher()
    html = (
        '<html lang="en"><head><title>t</title>'
        '<link rel="stylesheet" href="http://203.0.113.9/x.css"></head>'
        '<body><p>Hello</p><img src="http://203.0.113.9/y.png" alt="tracker"></body></html>'
    )
    content = html_to_pdf(html, fetcher=fetcher)
    assert "Hello" in pdf_text(content)
    assert fetcher.refused == ["http://203.0.113.9/x.css", "http://203.0.113.9/y.png"]


def test_letters_share_one_parsed_stylesheet_and_render_the_same():
    # letters/rendering.py applies letter.css from one parsed copy per thread (issue 12): the
    # same text in the same fonts as the document rendered as written, through a fetcher.
    from letters.rendering import LETTER_STYLESHEET, _letter_stylesheet

    html = (
        '<html lang="en"><head><title>t</title>'
        '<link rel="stylesheet" href="/static/css/letter.css"></head>'
        "<body><h1>Title</h1><p>Hello \u05e9\u05dc\u05d5\u05dd</p></body></html>"
    )
    assert LETTER_STYLESHEET.search(html)
    written = html_to_pdf(html, fetcher=StaticFilesOnlyFetcher())
    shared = html_to_pdf(html)
    assert pdf_text(shared) == pdf_text(written)
    assert fonts(shared) == fonts(written) == {"Lato", "Lato-Bold", "DejaVu-Sans-Letters"}
    href = "/static/css/letter.css"
    assert _letter_stylesheet(href)[0] is _letter_stylesheet(href)[0]


def fonts(pdf: bytes) -> set[str]:
    """The fonts a PDF's pages use, without their subset prefix ("ABCDEF+")."""
    pages = PdfReader(io.BytesIO(pdf)).pages
    return {
        str(font.get_object()["/BaseFont"]).lstrip("/").split("+")[-1]
        for page in pages
        for font in page["/Resources"]["/Font"].values()
    }
