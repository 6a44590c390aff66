"""Reading a rendered PDF back, as a person (or a screen reader) would get it."""

from __future__ import annotations

import io
import re

from pypdf import PdfReader


def pdf_reader(content: bytes) -> PdfReader:
    return PdfReader(io.BytesIO(content))


def pdf_text(content: bytes) -> str:
    """All text, with runs of white space folded so sentences can be searched across lines."""
    reader = pdf_reader(content)
    text = "\n".join(page.extract_text() for page in reader.pages)
    return re.sub(r"\s+", " ", text)


def text_positions_outside_page(content: bytes) -> list[tuple[int, float, str]]:
    """Every text run whose start lies outside its page's width: the layout broke."""
    outside: list[tuple[int, float, str]] = []
    for number, page in enumerate(pdf_reader(content).pages, start=1):
        width = float(page.mediabox.width)

        def visit(text, cm, tm, font, size, number=number, width=width):
            x = cm[0] * tm[4] + cm[2] * tm[5] + cm[4]
            if text.strip() and not (0 <= x <= width):
                outside.append((number, x, text[:40]))

        page.extract_text(visitor_text=visit)
    return outside
