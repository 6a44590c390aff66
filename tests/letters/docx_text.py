"""Reading a rendered DOCX back with python-docx, as Word (or a screen reader) would get it."""

from __future__ import annotations

import io
import re

from docx import Document
from docx.document import Document as DocxDocument
from docx.table import Table
from docx.text.paragraph import Paragraph


def docx_document(content: bytes) -> DocxDocument:
    return Document(io.BytesIO(content))


def _blocks(parent) -> list[Paragraph | Table]:
    """Paragraphs and tables of the body (or a cell) in document order."""
    return list(parent.iter_inner_content())


def _table_paragraphs(table: Table) -> list[tuple[str, str]]:
    found: list[tuple[str, str]] = []
    for row in table.rows:
        seen = set()
        for cell in row.cells:
            if id(cell._tc) in seen:  # a merged cell is listed once per grid column
                continue
            seen.add(id(cell._tc))
            for block in _blocks(cell):
                if isinstance(block, Table):
                    found.extend(_table_paragraphs(block))
                else:
                    found.append((block.style.name, block.text))
    return found


def docx_paragraphs(content: bytes) -> list[tuple[str, str]]:
    """(style name, text) of every paragraph in reading order, table cells included.

    A line break inside a paragraph reads as "\\n".
    """
    found: list[tuple[str, str]] = []
    for block in _blocks(docx_document(content)):
        if isinstance(block, Table):
            found.extend(_table_paragraphs(block))
        else:
            found.append((block.style.name, block.text))
    return found


def docx_text(content: bytes) -> str:
    """All text (table cells included), white space folded so sentences can be searched."""
    return re.sub(r"\s+", " ", " ".join(text for _, text in docx_paragraphs(content))).strip()
