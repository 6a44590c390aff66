"""A numbered index of the Tribunal bundle. Pure (no Django)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from letters.appeals import BundleDocument, _decision_kind, _iso, bundle_documents
from letters.context import require
from letters.parties import mapping as _mapping
from letters.parties import parties_from_case, short_date


@dataclass(frozen=True)
class EvidenceIndex:
    letter_date: str
    sender_name: str
    council_name: str
    child_full_name: str
    child_date_of_birth: str
    decision_label: str  # "Refusal to assess", or "" when the case records no decision
    decision_date: str
    documents: tuple[BundleDocument, ...]


def build_evidence_index(
    case: Mapping[str, Any], *, today: date, extras: Mapping[str, Any] | None = None
) -> EvidenceIndex:
    """A numbered index of the Tribunal bundle: the decision letter first, then the mediation
    certificate (if one is recorded), the plan (plan appeals) and every evidence item.

    Needs only child.first_name; with no evidence it still lists the decision letter.
    """
    require(case, "evidence_index", ("child.first_name",))
    parties = parties_from_case(case, today, kind="evidence_index", exercises_right=False)
    decision = _mapping(case.get("decision"))
    kind = _decision_kind(decision)
    label = kind.label if kind else ""
    decided = _iso(decision.get("date"))
    return EvidenceIndex(
        letter_date=parties.letter_date,
        sender_name=parties.sender_name,
        council_name=parties.council_name,
        child_full_name=parties.child_full_name,
        child_date_of_birth=parties.child_date_of_birth,
        decision_label=label,
        decision_date=short_date(decided) if decided else "",
        documents=bundle_documents(case, parties.child),
    )
