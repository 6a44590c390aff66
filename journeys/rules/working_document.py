"""The working document for a plan appeal: the final plan's wording beside the wording the
parent wants, each change marked the way the Tribunal's key asks.

Pure Python (no Django; tests/journeys/rules/test_purity.py). The key is the law entry
Law.WORKING_DOCUMENT_KEY (the Tribunal's guidance SEND23, as IPSEA and Essex SENDIASS print
it): the plan's wording in normal type, the parent's proposed additions in bold, the parent's
proposed deletions in bold struck through. This module says *what* changed, word by word;
the letter (letters/working_document.py) says how each change is printed.

Only the family's words are used: the plan's wording as they pasted it (case file
`plan.sections`), and the wording they asked for, sentence by sentence, in the plan journey
(extras `plan_fixes`). A sentence with no wording asked for is left as the plan has it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from enum import StrEnum

from journeys.rules.wording import split_sentences


class Change(StrEnum):
    """What happened to a run of words (Law.WORKING_DOCUMENT_KEY)."""

    SAME = "same"  # the plan's own wording: normal type
    ADDED = "added"  # the parent's proposed addition: bold
    DELETED = "deleted"  # the parent's proposed deletion: bold, struck through


@dataclass(frozen=True)
class Piece:
    change: Change
    text: str


# A word with the spaces after it, or the spaces a text starts with: joined again in order,
# the tokens give back the text exactly, and a changed word carries its own space.
_TOKEN = re.compile(r"^\s+|\S+\s*")


def _tokens(text: str) -> list[str]:
    return _TOKEN.findall(text)


def mark_changes(original: str, proposed: str) -> tuple[Piece, ...]:
    """The changes from `original` to `proposed`, word by word: runs of the plan's words kept,
    deleted and added, in reading order (a replaced run: its deletion before its addition).
    Neighbouring pieces never share a change; no piece is empty."""
    before, after = _tokens(original), _tokens(proposed)
    pieces: list[Piece] = []

    def add(change: Change, words: Sequence[str]) -> None:
        text = "".join(words)
        if text:  # opcodes alternate kept and changed runs, so neighbours never share one
            pieces.append(Piece(change, text))

    matcher = SequenceMatcher(None, before, after, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            add(Change.SAME, before[i1:i2])
        else:  # "replace", "delete" or "insert": one or both sides are empty for the last two
            add(Change.DELETED, before[i1:i2])
            add(Change.ADDED, after[j1:j2])
    return tuple(pieces)


def original_of(pieces: Iterable[Piece]) -> str:
    """The text before the changes: the kept and the deleted words."""
    return "".join(p.text for p in pieces if p.change != Change.ADDED)


def proposed_of(pieces: Iterable[Piece]) -> str:
    """The text with the changes made: the kept and the added words."""
    return "".join(p.text for p in pieces if p.change != Change.DELETED)


# -- the sections ---------------------------------------------------------------------------

SECTIONS = ("B", "F", "I")


@dataclass(frozen=True)
class Evidence:
    """The document the family said supports a proposed sentence, and its first page in the
    latest evidence pack (None when no pack is built or the document is not in it)."""

    title: str
    page: int | None = None

    @property
    def label(self) -> str:
        """ "Evidence pack, page 12: Speech and language report", or, with no page,
        "evidence: Speech and language report"."""
        if self.page is None:
            return f"evidence: {self.title}"
        return f"Evidence pack, page {self.page}: {self.title}"


@dataclass(frozen=True)
class Fix:
    """A sentence of the plan and the wording the parent wants instead ("" for none)."""

    original: str
    proposed: str
    evidence: Evidence | None = None


@dataclass(frozen=True)
class Row:
    """One row of a section's table: the plan's wording, the wording sought (as marks) and
    the evidence for it."""

    original: str
    pieces: tuple[Piece, ...]
    evidence: Evidence | None = None

    @property
    def changed(self) -> bool:
        return any(piece.change != Change.SAME for piece in self.pieces)

    @property
    def sought(self) -> str:
        return proposed_of(self.pieces)


@dataclass(frozen=True)
class Section:
    section: str  # "B", "F" or "I"
    rows: tuple[Row, ...]

    @property
    def changed(self) -> bool:
        return any(row.changed for row in self.rows)


def sentence_key(text: str) -> str:
    """The same sentence, whatever its spacing or capitals: how a fix finds its sentence."""
    return " ".join(text.split()).casefold()


def section_rows(text: str, fixes: Sequence[Fix]) -> tuple[Row, ...]:
    """The plan section `text` as rows, statement by statement (journeys.rules.wording's
    split_sentences, as the plan journey split it): a statement with wording asked for is a
    row of its own, marked; the statements between are kept together, unmarked, in one row.
    A fix whose sentence is not in the text (the plan was pasted again since) is a row of its
    own at the end, so nothing the parent asked for is lost. A fix with no wording asked for
    changes nothing."""
    wanted = {sentence_key(f.original): f for f in fixes if f.proposed.strip()}
    rows: list[Row] = []
    kept: list[str] = []
    used: set[str] = set()

    def flush() -> None:
        if kept:
            joined = " ".join(kept)
            rows.append(Row(joined, (Piece(Change.SAME, joined),)))
            kept.clear()

    for sentence in split_sentences(text):
        key = sentence_key(sentence)
        fix = wanted.get(key)
        if fix is None or key in used:
            kept.append(sentence)
            continue
        used.add(key)
        flush()
        rows.append(Row(sentence, mark_changes(sentence, fix.proposed.strip()), fix.evidence))
    flush()
    for key, fix in wanted.items():
        if key not in used:
            original = fix.original.strip()
            rows.append(Row(original, mark_changes(original, fix.proposed.strip()), fix.evidence))
    return tuple(rows)


def working_document(
    sections: dict[str, str], fixes: dict[str, Sequence[Fix]]
) -> tuple[Section, ...]:
    """Sections B, F and I, in that order, each as the plan has it with the changes asked
    for; a section the family has not pasted and asked nothing about is left out."""
    found = []
    for name in SECTIONS:
        rows = section_rows(sections.get(name, ""), fixes.get(name, ()))
        if rows:
            found.append(Section(name, rows))
    return tuple(found)
