"""The rendered-letter cache: the same letter is rendered once; a changed answer, date or
format is a new file; what is cached is encrypted."""

from __future__ import annotations

from datetime import date
from unittest import mock

import pytest
from django.core.cache import cache

from letters import rendering
from letters.services import letter_render
from tests.letters.pdf_text import pdf_text

TODAY = date(2026, 11, 25)


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()
    yield
    cache.clear()


def render(case_file, **kwargs):
    return letter_render(
        kind="request_assessment", case_file=case_file, today=TODAY, use_cache=True, **kwargs
    )


def test_the_same_letter_is_rendered_once(case_file):
    with (
        mock.patch.object(rendering, "html_to_pdf", wraps=rendering.html_to_pdf) as spy,
        mock.patch("letters.services.html_to_pdf", spy),
    ):
        first = render(case_file)
        second = render(case_file)
    assert spy.call_count == 1
    assert first.content == second.content
    assert case_file["local_authority"]["name"] in pdf_text(second.content)


def test_a_changed_answer_the_date_or_the_format_renders_again(case_file):
    with mock.patch("letters.services.html_to_pdf", wraps=rendering.html_to_pdf) as spy:
        render(case_file)
        changed = {**case_file, "local_authority": {"name": "Leeds City Council"}}
        assert "Leeds City Council" in pdf_text(render(changed).content)
        letter_render(
            kind="request_assessment", case_file=case_file, today=date(2026, 11, 26), use_cache=True
        )
    assert spy.call_count == 3
    docx = render(case_file, fmt="docx")
    assert docx.content.startswith(b"PK")


def test_what_is_cached_is_encrypted(case_file):
    render(case_file)
    keys = list(cache._cache.keys())  # locmem in tests: ":<version>:<key>"
    assert len(keys) == 1
    stored = cache.get(keys[0].split(":", 2)[2])
    assert not stored.startswith(b"%PDF")
    assert stored.startswith(b"gAAAAA")  # a Fernet token...
    from ehcp_site.crypto import fernet

    assert fernet().decrypt(stored).startswith(b"%PDF")  # ...of the PDF


def test_without_the_cache_every_call_renders(case_file):
    with mock.patch("letters.services.html_to_pdf", wraps=rendering.html_to_pdf) as spy:
        letter_render(kind="request_assessment", case_file=case_file, today=TODAY)
        letter_render(kind="request_assessment", case_file=case_file, today=TODAY)
    assert spy.call_count == 2
