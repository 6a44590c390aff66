"""journeys/templatetags/letter_text.py: text in letters, escaped, with break chances."""

from __future__ import annotations

import pytest

from journeys.templatetags.letter_text import BREAK_EVERY, breakable


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("Short words stay as they are.", "Short words stay as they are."),
        ("<b>&</b>", "&lt;b&gt;&amp;&lt;/b&gt;"),
        ("a" * BREAK_EVERY, "a" * BREAK_EVERY),
        ("a" * (BREAK_EVERY + 1), "a" * BREAK_EVERY + "<wbr>a"),
        (
            "see " + "<" * (BREAK_EVERY + 2) + " ok",
            "see " + "&lt;" * BREAK_EVERY + "<wbr>&lt;&lt; ok",
        ),
    ],
)
def test_breakable_escapes_and_offers_breaks_in_long_runs(value, expected):
    assert breakable(value) == expected


def test_the_text_is_unchanged_once_the_breaks_are_taken_out():
    value = "A " + "https://example.org/" * 20 + " & more"
    assert str(breakable(value)).replace("<wbr>", "").replace("&amp;", "&") == value
