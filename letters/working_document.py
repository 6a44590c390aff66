"""The working document for a plan appeal: sections B, F and I as the final plan says them,
beside the wording the family wants, the changes marked with the Tribunal's key. Pure (no
Django); the marks come from journeys/rules/working_document.py, the key and the page limit
from journeys/rules/law.py.

Read from the case file: `plan.sections` (the plan's wording, as the family pasted it). From
the extras (letters/extras.py): `plan_fixes` (the wording asked for, sentence by sentence, in
the plan journey), `working_document` (the document the family said supports each sentence,
and any wording they want in section I), and `evidence_pack` (the latest built pack's index,
added by the working document page: each document's first page). Without a pack, a sentence's
evidence is named by its title alone.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from journeys.rules import law
from journeys.rules.law import Law, LawEntry
from journeys.rules.vocabulary import DecisionKind
from journeys.rules.working_document import (
    Evidence,
    Fix,
    Section,
    sentence_key,
    working_document,
)
from letters.context import require
from letters.parties import MissingCaseData, parties_from_case
from letters.parties import mapping as _mapping
from letters.parties import text as _text
from letters.plan_wording import SECTION_HEADINGS, _plan_sections

# What each mark means, in the Tribunal's key (Law.WORKING_DOCUMENT_KEY), in its order: the
# style names the template and the Word file draw, the meaning as the key says it.
KEY: tuple[tuple[str, str], ...] = (
    ("normal", "The final plan's wording"),
    ("agreed", "Changes both parties agree"),
    ("parent_added", "Wording the parent or young person proposes to add"),
    ("parent_deleted", "Wording the parent or young person proposes to delete"),
    ("council_added", "Wording the council proposes to add"),
    ("council_deleted", "Wording the council proposes to delete"),
)


@dataclass(frozen=True)
class SectionTable:
    heading: str
    section: Section


@dataclass(frozen=True)
class WorkingDocument:
    letter_date: str
    sender_name: str
    # Who appeals (s.51(1)): the person an advocate represents, else the writer ("" unknown).
    appellant_name: str
    council_name: str
    child_full_name: str
    child_date_of_birth: str
    sections: tuple[SectionTable, ...]
    changed: bool  # the family asked for at least one change
    key: tuple[tuple[str, str], ...]
    key_law: LawEntry
    limit_law: LawEntry  # 25 pages (Practice Direction No. 1 of 2025)


def pack_pages(extras: Mapping[str, Any]) -> dict[str, int]:
    """Each document's first page in the latest built pack, by title (the first of a title)."""
    pages: dict[str, int] = {}
    documents = _mapping(extras.get("evidence_pack")).get("documents")
    for document in documents if isinstance(documents, list) else ():
        document = _mapping(document)
        title, page = _text(document.get("title")), document.get("first_page")
        if title and isinstance(page, int) and not isinstance(page, bool):
            pages.setdefault(title, page)
    return pages


def _evidence(title: str, pages: Mapping[str, int]) -> Evidence | None:
    return Evidence(title, pages.get(title)) if title else None


def working_document_fixes(
    sections: Mapping[str, str], extras: Mapping[str, Any]
) -> dict[str, list[Fix]]:
    """The changes the family asked for, by section, each with the evidence they linked."""
    chosen = _mapping(_mapping(extras.get("working_document")).get("evidence"))
    links = {sentence_key(str(k)): _text(v) for k, v in chosen.items()}
    pages = pack_pages(extras)
    fixes: dict[str, list[Fix]] = {}
    for item in extras.get("plan_fixes") or ():
        item = _mapping(item)
        section = _text(item.get("section")).upper()
        original, proposed = _text(item.get("original")), _text(item.get("proposed"))
        if section in ("B", "F", "I") and original and proposed:
            evidence = _evidence(links.get(sentence_key(original), ""), pages)
            fixes.setdefault(section, []).append(Fix(original, proposed, evidence))
    wanted_i = _text(_mapping(extras.get("working_document")).get("section_i"))
    if wanted_i and sections.get("I"):
        # Section I is asked for whole (the school or placement), not sentence by sentence.
        whole = " ".join(sections["I"].split())
        evidence = _evidence(links.get(sentence_key(whole), ""), pages)
        fixes["I"] = [Fix(whole, wanted_i, evidence)]
    return fixes


# The appeals a working document is for: about what the plan says (s.51(2)(c)), or against a
# decision not to amend it after a review (s.51(2)(e)). Before a final plan there is nothing to
# appeal, and a draft plan's wording is commented on by letter (draft_plan_representations).
PLAN_APPEALS = frozenset(
    {DecisionKind.PLAN_CONTENTS, DecisionKind.PLACEMENT_ONLY, DecisionKind.REFUSAL_TO_AMEND}
)


def build_working_document(
    case: Mapping[str, Any], *, today: date, extras: Mapping[str, Any] | None = None
) -> WorkingDocument:
    """The working document. Needs child.first_name, a decision appealed about the plan
    (PLAN_APPEALS) and at least one of plan.sections B, F or I; with no wording asked for, it
    sets out the sections unmarked and says so."""
    extras = extras or {}
    require(case, "working_document", ("child.first_name",))
    missing = []
    if _mapping(case.get("decision")).get("kind") not in PLAN_APPEALS:
        missing.append("decision.kind (an appeal about the plan)")
    sections = _plan_sections(case)
    if not sections:
        missing.append("plan.sections (B, F or I)")
    if missing:
        raise MissingCaseData("working_document", missing)
    parties = parties_from_case(case, today, kind="working_document", exercises_right=False)
    fixes = working_document_fixes(sections, extras)
    if "I" in fixes:
        sections = {**sections, "I": ""}  # replaced whole: its one row is the fix's
    found = working_document(sections, fixes)
    return WorkingDocument(
        letter_date=parties.letter_date,
        sender_name=parties.sender_name,
        appellant_name=parties.represents.name if parties.represents else parties.sender_name,
        council_name=parties.council_name,
        child_full_name=parties.child_full_name,
        child_date_of_birth=parties.child_date_of_birth,
        sections=tuple(SectionTable(SECTION_HEADINGS[s.section], s) for s in found),
        changed=any(s.changed for s in found),
        key=KEY,
        key_law=law.entry(Law.WORKING_DOCUMENT_KEY),
        limit_law=law.entry(Law.BUNDLE_WORKING_DOCUMENT),
    )
