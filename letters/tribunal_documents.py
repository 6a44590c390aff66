"""Two documents for the Tribunal bundle (issue 16): a witness statement and a request for
more pages of evidence (form SEND7). Pure (no Django).

Both are made only from what the family told us: the case file, and the answers of the
witness statement page (extras `witness_statement`) or of the evidence pack's "ask for more
pages" page (extras `send7`, letters/extras.py). Without those answers the document is not
written (MissingCaseData): a statement is the witness's own words, and a request for more
pages needs the documents chosen and why each matters. Every legal sentence is a law entry.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from journeys.rules.bundle import evidence_limit_law, statement_paragraphs
from journeys.rules.law import Law, LawEntry, entry
from letters.appeals import _decision_kind, _iso
from letters.context import MissingCaseData, require
from letters.parties import mapping as _mapping
from letters.parties import parties_from_case, short_date

# The witness statement's sections, in order: the extras key and its heading. A heading
# names the child ("{child}"); the words under it are the witness's.
WITNESS_SECTIONS: tuple[tuple[str, str], ...] = (
    ("about", "Who I am and how I know {child}"),
    ("needs", "What {child} finds hard, day to day"),
    ("support", "The help {child} has had, and what happened"),
    ("outcome", "What I ask the Tribunal for, and why"),
)


def _text(value: Any) -> str:
    return " ".join(value.split()) if isinstance(value, str) else ""


@dataclass(frozen=True)
class StatementSection:
    heading: str
    paragraphs: tuple[tuple[int, str], ...]  # (number, text), numbered through the statement


@dataclass(frozen=True)
class WitnessStatement:
    letter_date: str
    sender_name: str  # the witness (the DOCX author)
    council_name: str
    child_full_name: str
    child_date_of_birth: str
    decision_label: str
    decision_date: str
    appeal_number: str
    witness_relationship: str  # the family's words: "Sam's mother"
    opening: tuple[tuple[int, str], ...]
    sections: tuple[StatementSection, ...]
    law_truth: LawEntry


def build_witness_statement(
    case: Mapping[str, Any], *, today: date, extras: Mapping[str, Any] | None = None
) -> WitnessStatement:
    """A witness statement in numbered paragraphs from the witness statement page's answers.

    Needs the child's first name, the council and extras `witness_statement` with a name, a
    relationship and at least one section written; refuses (MissingCaseData) otherwise.
    """
    require(case, "witness_statement", ("child.first_name", "local_authority.name"))
    answers = _mapping((extras or {}).get("witness_statement"))
    name, relationship = _text(answers.get("name")), _text(answers.get("relationship"))
    texts = _mapping(answers.get("sections"))
    written = {key: statement_paragraphs(texts.get(key) or "") for key, _ in WITNESS_SECTIONS}
    missing = [
        field
        for field, absent in (
            ("witness_statement.name", not name),
            ("witness_statement.relationship", not relationship),
            ("witness_statement.sections", not any(written.values())),
        )
        if absent
    ]
    if missing:
        raise MissingCaseData("witness_statement", missing)
    parties = parties_from_case(case, today, kind="witness_statement", exercises_right=False)
    decision = _mapping(case.get("decision"))
    kind = _decision_kind(decision)
    decided = _iso(decision.get("date"))
    about = f"{parties.child_full_name}" + (
        f", born {parties.child_date_of_birth}" if parties.child_date_of_birth else ""
    )
    against = f"the decision of {parties.council_name}" + (
        f" ({kind.label.lower()}" + (f", dated {short_date(decided)})" if decided else ")")
        if kind
        else ""
    )
    opening_texts = [
        f"My name is {name}. I am {relationship}.",
        f"I make this statement in the appeal about {about}, against {against}.",
    ]
    number = 0
    opening = []
    for sentence in opening_texts:
        number += 1
        opening.append((number, sentence))
    sections = []
    for key, heading in WITNESS_SECTIONS:
        if not written[key]:
            continue
        numbered = []
        for paragraph in written[key]:
            number += 1
            numbered.append((number, paragraph))
        sections.append(StatementSection(heading.format(child=parties.child.name), tuple(numbered)))
    return WitnessStatement(
        letter_date=parties.letter_date,
        sender_name=name,
        council_name=parties.council_name,
        child_full_name=parties.child_full_name,
        child_date_of_birth=parties.child_date_of_birth,
        decision_label=kind.label if kind else "",
        decision_date=short_date(decided) if decided else "",
        appeal_number=_text(answers.get("appeal_number")),
        witness_relationship=relationship,
        opening=tuple(opening),
        sections=tuple(sections),
        law_truth=entry(Law.WITNESS_STATEMENT_OF_TRUTH),
    )


@dataclass(frozen=True)
class PackDocument:
    title: str
    author: str
    date: str  # "10 March 2026", or ""
    pages: int | None
    why: str  # the family's one line; "" for a document within the limit


@dataclass(frozen=True)
class MorePagesRequest:
    letter_date: str
    sender_name: str
    council_name: str
    child_full_name: str
    child_date_of_birth: str
    decision_label: str
    decision_date: str
    pages: int
    limit: int
    over_by: int
    documents: tuple[PackDocument, ...]  # in date order
    reasons: tuple[PackDocument, ...]  # the documents over the limit, with the family's line
    law_more_pages: LawEntry
    law_limit: LawEntry


def _day(value: Any) -> date | None:
    return _iso(value)


def build_send7_request(
    case: Mapping[str, Any], *, today: date, extras: Mapping[str, Any] | None = None
) -> MorePagesRequest:
    """The text of a request for change (form SEND7) to send more evidence than the limit,
    from the evidence pack page's answers (extras `send7`): the documents chosen, their pages
    and the family's one line for each document over the limit.

    Refuses (MissingCaseData) without a decision (no limit), without those answers, or when
    the pages chosen are within the limit (there is nothing to ask).
    """
    require(case, "send7_request", ("child.first_name", "decision.kind", "local_authority.name"))
    answers = _mapping((extras or {}).get("send7"))
    decision = _mapping(case.get("decision"))
    law_limit = evidence_limit_law(decision.get("kind"))
    pages = answers.get("pages")
    raw_documents = answers.get("documents")
    if (
        law_limit is None
        or law_limit.figure is None
        or not isinstance(pages, int)
        or not isinstance(raw_documents, list)
        or pages <= law_limit.figure
    ):
        raise MissingCaseData("send7_request", ["send7"])
    documents = []
    for raw in raw_documents:
        item = _mapping(raw)
        day = _day(item.get("date"))
        count = item.get("pages")
        documents.append(
            (
                day or date.max,
                PackDocument(
                    title=_text(item.get("title")),
                    author=_text(item.get("author")),
                    date=short_date(day) if day else "",
                    pages=count if isinstance(count, int) else None,
                    why=_text(item.get("why")),
                ),
            )
        )
    ordered = tuple(doc for _, doc in sorted(documents, key=lambda row: row[0]))
    reasons = tuple(doc for doc in ordered if doc.why)
    if not reasons:
        raise MissingCaseData("send7_request", ["send7.documents.why"])
    parties = parties_from_case(case, today, kind="send7_request", exercises_right=False)
    kind = _decision_kind(decision)
    decided = _iso(decision.get("date"))
    return MorePagesRequest(
        letter_date=parties.letter_date,
        sender_name=parties.sender_name,
        council_name=parties.council_name,
        child_full_name=parties.child_full_name,
        child_date_of_birth=parties.child_date_of_birth,
        decision_label=kind.label if kind else "",
        decision_date=short_date(decided) if decided else "",
        pages=pages,
        limit=law_limit.figure,
        over_by=pages - law_limit.figure,
        documents=ordered,
        reasons=reasons,
        law_more_pages=entry(Law.BUNDLE_MORE_PAGES),
        law_limit=law_limit,
    )
