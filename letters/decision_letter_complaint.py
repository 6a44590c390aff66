"""A complaint to the council that its decision letter left out what the law requires it to say
(issue 16 item 5). Pure (no Django).

It reads the decision-letter check the family kept for the case's own decision (extras
`decision_letter`, saved from the check page by journeys.cases.services.case_letter_check_save)
and says each missing item as its own cited sentence (journeys.rules.decision_letter). Every
other sentence is the family's fact (the council, the decision and its date) or a law entry's
`cited`. No law entry says that a complaint leaves the time to appeal unaffected, or that the
family gives up no right by complaining, so the letter says neither.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from journeys.rules.decision_letter import NOTICE_LAW, LetterItem
from journeys.rules.law import Law, LawEntry, entry
from letters.appeal_reasons import letter_gaps
from letters.appeals import _decision, decision_in_plain_words
from letters.context import require
from letters.parties import (
    MissingCaseData,
    Parties,
    parties_fields,
    parties_from_case,
    short_date,
)
from letters.parties import mapping as _mapping

KIND = "decision_letter_complaint"
NEEDS = ("local_authority.name",)
CHECK_MISSING = (
    "the decision-letter check of this decision, kept from the check page (extras "
    "decision_letter: its kind and date must be the case's decision.kind and decision.date, "
    "with at least one missing item)"
)
_MEDIATION_ITEMS = frozenset(
    {
        LetterItem.MEDIATION_RIGHT,
        LetterItem.MEDIATION_CERTIFICATE,
        LetterItem.MEDIATION_ADVISER_CONTACT,
        LetterItem.MEDIATION_TIMESCALE,
    }
)


@dataclass(frozen=True)
class DecisionLetterComplaint(Parties):
    decision_date: str  # "20 February 2026"
    decision_plain: str  # follows "your decision ..."
    # What the law requires the letter to say: the notice's entry, and reg 32 when any of the
    # mediation information is missing.
    law: tuple[LawEntry, ...]
    grounds: tuple[str, ...]  # each missing item as a cited sentence


def build_decision_letter_complaint(
    case: Mapping[str, Any], *, today: date, extras: Mapping[str, Any] | None = None
) -> DecisionLetterComplaint:
    """The complaint that the decision letter of decision.date lacked what NOTICE_LAW[kind]
    (and SEND Regulations 2014 reg 32) require; MissingCaseData without a kept check of this
    decision that found something missing."""
    extras = extras or {}
    require(case, KIND, NEEDS)
    kind, decided = _decision(case, KIND)
    grounds = letter_gaps(case, kind, extras)
    if not grounds:
        raise MissingCaseData(KIND, [CHECK_MISSING])
    codes = set(_mapping(extras.get("decision_letter")).get("missing") or ())
    law = (entry(NOTICE_LAW[kind]),)
    if any(item.value in codes for item in _MEDIATION_ITEMS):
        law = (*law, entry(Law.MEDIATION_NOTICE_INFORMATION))
    parties = parties_from_case(case, today, kind=KIND, exercises_right=True)
    return DecisionLetterComplaint(
        **parties_fields(parties),
        decision_date=short_date(decided),
        decision_plain=decision_in_plain_words(kind, parties.child, to_reader=False),
        law=law,
        grounds=grounds,
    )


__all__ = ["build_decision_letter_complaint"]
