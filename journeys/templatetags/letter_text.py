"""Filters for letter templates' text."""

from __future__ import annotations

import re

from django import template
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

register = template.Library()

# WeasyPrint lays out a table cell's unbroken run of characters slowly (seconds for a few
# thousand, growing with its length), even with overflow-wrap; a break opportunity every
# BREAK_EVERY characters makes it as quick as any text. <wbr> draws nothing and adds no
# character: the Word file (letters/docx.py) and the PDF's text keep the word whole.
BREAK_EVERY = 30
_LONG_RUN = re.compile(rf"\S{{{BREAK_EVERY + 1},}}")


@register.filter
def breakable(value) -> SafeString:
    """`value` escaped, with <wbr> every BREAK_EVERY characters of a longer unbroken run."""
    text = str(value)
    out: list[str] = []
    end = 0
    for match in _LONG_RUN.finditer(text):
        out.append(escape(text[end : match.start()]))
        run = match.group()
        out.append(
            "<wbr>".join(escape(run[i : i + BREAK_EVERY]) for i in range(0, len(run), BREAK_EVERY))
        )
        end = match.end()
    out.append(escape(text[end:]))
    return mark_safe("".join(out))  # noqa: S308 - every piece of text is escaped above
