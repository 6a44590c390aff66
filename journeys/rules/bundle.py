"""The Tribunal's page limits for a family's bundle, from the decision appealed.

Pure Python (no Django). Source: Practice Direction No. 1 of 2025 (First-tier Tribunal,
Health, Education and Social Care Chamber), as the law entries in journeys.rules.law state
it; every number here is read from those entries (`LawEntry.figure`), so it lives in one
place. The evidence pack (issue 16) and the witness statement and working document pages
use these to count pages against the limit.
"""

from __future__ import annotations

from collections.abc import Mapping

from journeys.rules.law import Law, LawEntry, entry
from journeys.rules.vocabulary import DecisionKind


def _figure(key: Law) -> int:
    figure = entry(key).figure
    assert figure is not None, key  # every bundle entry but BUNDLE_MORE_PAGES has one
    return figure


WORKING_DOCUMENT_PAGES = _figure(Law.BUNDLE_WORKING_DOCUMENT)
EXPERT_REPORT_PAGES = _figure(Law.BUNDLE_EXPERT_REPORT)
EXPERT_SUMMARY_PAGES = _figure(Law.BUNDLE_EXPERT_SUMMARY)
WITNESS_STATEMENT_PAGES = _figure(Law.BUNDLE_WITNESS_STATEMENT)
MINIMUM_FONT_POINTS = _figure(Law.BUNDLE_FORMAT)

# Which of the two evidence limits each decision's appeal has. A refusal to issue a plan and
# an appeal about the plan's contents (sections B and F, with or without I) have the higher;
# a refusal to assess or re-assess, an appeal about the school only, and a decision to cease
# have the lower. A refusal to amend after a review does not say which sections are disputed,
# so it takes the lower limit: a pack within it complies whichever applies (the entry's
# safe_reading).
_EVIDENCE_LIMIT: dict[DecisionKind, Law] = {
    DecisionKind.REFUSAL_TO_ASSESS: Law.BUNDLE_EVIDENCE_LOWER,
    DecisionKind.REFUSAL_TO_REASSESS: Law.BUNDLE_EVIDENCE_LOWER,
    DecisionKind.REFUSAL_TO_ISSUE_PLAN: Law.BUNDLE_EVIDENCE_HIGHER,
    DecisionKind.PLAN_CONTENTS: Law.BUNDLE_EVIDENCE_HIGHER,
    DecisionKind.PLACEMENT_ONLY: Law.BUNDLE_EVIDENCE_LOWER,
    DecisionKind.REFUSAL_TO_AMEND: Law.BUNDLE_EVIDENCE_LOWER,
    DecisionKind.CEASE_TO_MAINTAIN: Law.BUNDLE_EVIDENCE_LOWER,
}


def evidence_limit_law(kind: DecisionKind | str | None) -> LawEntry | None:
    """The Practice Direction entry that sets each party's evidence limit for an appeal
    against `kind` (a case file's `decision.kind`), or None when there is no decision."""
    if kind is None or kind == "":
        return None
    return entry(_EVIDENCE_LIMIT[DecisionKind(kind)])


def evidence_page_limit(kind: DecisionKind | str | None) -> int | None:
    """Each party's evidence page limit for an appeal against `kind` (75 or 100), or None when
    the case has no decision (Practice Direction No. 1 of 2025, Schedule One)."""
    law = evidence_limit_law(kind)
    return None if law is None else law.figure


def over_limit(pages: int, kind: DecisionKind | str | None) -> bool:
    """Whether `pages` of evidence are more than the limit for `kind` (never, with no limit)."""
    limit = evidence_page_limit(kind)
    return limit is not None and pages > limit


def witness_statement_too_long(pages: int) -> bool:
    """Whether a witness statement of `pages` pages is over the Practice Direction's 10."""
    return pages > WITNESS_STATEMENT_PAGES


def statement_paragraphs(text: str) -> tuple[str, ...]:
    """The paragraphs of a family's answer, one for each line they wrote (blank lines and
    spacing dropped): the numbered paragraphs the Practice Direction asks for."""
    return tuple(" ".join(line.split()) for line in text.splitlines() if line.strip())


def longest_first(sections: Mapping[str, str]) -> tuple[tuple[str, int], ...]:
    """Each section of a statement with its words, the longest first (ties in the given
    order), leaving out empty ones: where shortening helps most."""
    counted = [(key, len(text.split())) for key, text in sections.items()]
    return tuple(sorted((row for row in counted if row[1]), key=lambda row: -row[1]))
