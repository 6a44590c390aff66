"""The Tribunal's page limits for a party's evidence (Practice Direction No. 1 of 2025, Health,
Education and Social Care Chamber: bundles).

MINIMAL, to be replaced: the branch writing the Practice Direction's law entries (`chk`)
owns this module and its citation in journeys/rules/law.py; this is the one place the
evidence pack reads the limit from, with the same name and signature.
"""

from __future__ import annotations

from journeys.rules.vocabulary import DecisionKind

# 75 pages: refusal to assess or re-assess, section I only, ceasing to maintain.
# 100 pages: refusal to issue a plan and appeals about the plan's contents (sections B and F).
_LIMITS: dict[DecisionKind, int] = {
    DecisionKind.REFUSAL_TO_ASSESS: 75,
    DecisionKind.REFUSAL_TO_REASSESS: 75,
    DecisionKind.PLACEMENT_ONLY: 75,
    DecisionKind.CEASE_TO_MAINTAIN: 75,
    DecisionKind.REFUSAL_TO_ISSUE_PLAN: 100,
    DecisionKind.PLAN_CONTENTS: 100,
    DecisionKind.REFUSAL_TO_AMEND: 100,
}


def evidence_page_limit(decision_kind: DecisionKind | str | None) -> int | None:
    """The most pages of evidence one party may file for an appeal against this decision
    (Practice Direction No. 1 of 2025), or None without a decision."""
    if decision_kind is None:
        return None
    return _LIMITS[DecisionKind(decision_kind)]
