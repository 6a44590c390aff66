"""The parent's checklist of what to send with an appeal. Pure (no Django)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from journeys.rules import law
from journeys.rules.law import Law, LawEntry
from journeys.rules.vocabulary import DecisionKind
from letters.appeals import (
    PLAN_DOCUMENT,
    AppealDeadline,
    BundleDocument,
    _decision,
    appeal_time_limit,
    bundle_documents,
    decision_in_plain_words,
)
from letters.context import require
from letters.parties import Person, parties_from_case, short_date
from letters.parties import mapping as _mapping


@dataclass(frozen=True)
class AppealChecklist:
    letter_date: str
    sender_name: str
    council_name: str
    child_full_name: str
    child: Person
    child_possessive: str
    # The reader, when an advocate prepares the appeal for someone: "Grace Okafor's"; "" when
    # the reader is the appellant ("your appeal").
    appellant: str
    decision_kind: str
    decision_plain: str
    decision_date: str
    form_name: str  # "SEND35" or "SEND35a"
    form_use: str  # what that form is for
    deadline: AppealDeadline
    late: bool  # extras.appeal.late, or the last day has passed
    certificate_needed: bool  # False only for an appeal about section I alone
    plan_document: str  # "the final EHC plan, with all its appendices", or "" (no plan)
    evidence: tuple[BundleDocument, ...]
    has_reasons_from_parent: bool  # extras give answers or grounds to copy into the form
    five_pm_law: LawEntry
    late_law: LawEntry
    mediation_law: LawEntry
    mediation_contact_law: LawEntry
    certificate_only_law: LawEntry
    who_appeals_law: LawEntry


def build_appeal_checklist(
    case: Mapping[str, Any], *, today: date, extras: Mapping[str, Any] | None = None
) -> AppealChecklist:
    """The checklist: the form (SEND35, or SEND35a for a refusal to assess), what to attach,
    the engine's deadline (by 5pm, r.12(1)) with its working, what to do if late, and where to
    send it. Written to the appellant ("you"); prepared by an advocate, it names the parent or
    young person whose appeal it is (s.51(1)).

    Needs decision.kind and decision.date. The mediation certificate is listed for every
    appeal except one only about section I (placement_only), which is told it is not needed.
    """
    extras = extras or {}
    require(case, "appeal_checklist", ("child.first_name",))
    kind, decided = _decision(case, "appeal_checklist")
    parties = parties_from_case(case, today, kind="appeal_checklist", exercises_right=True)
    child = parties.child
    deadline = appeal_time_limit(case, kind, today=today)
    refusal_to_assess = kind is DecisionKind.REFUSAL_TO_ASSESS
    plan_title = PLAN_DOCUMENT[kind][0] if kind in PLAN_DOCUMENT else ""
    appeal = _mapping(extras.get("appeal"))
    return AppealChecklist(
        letter_date=parties.letter_date,
        sender_name=parties.sender_name,
        council_name=parties.council_name,
        child_full_name=parties.child_full_name,
        child=child,
        child_possessive=child.possessive_mid,
        appellant=parties.rights_holder_possessive if parties.represents else "",
        decision_kind=kind.value,
        decision_plain=decision_in_plain_words(kind, child, to_reader=True),
        decision_date=short_date(decided),
        form_name="SEND35a" if refusal_to_assess else "SEND35",
        form_use="the form for an appeal against a refusal to carry out an EHC needs assessment"
        if refusal_to_assess
        else "the form for every other appeal about an EHC needs assessment or plan",
        deadline=deadline,
        late=appeal.get("late") is True or deadline.passed,
        certificate_needed=kind is not DecisionKind.PLACEMENT_ONLY,
        plan_document=f"the {plan_title[0].lower()}{plan_title[1:]}" if plan_title else "",
        evidence=bundle_documents(case, child),
        has_reasons_from_parent=bool(
            extras.get("reason_responses") or appeal.get("grounds") or extras.get("plan_fixes")
        ),
        five_pm_law=law.entry(Law.APPEAL_BY_5PM),
        late_law=law.entry(Law.LATE_APPEAL),
        mediation_law=law.entry(Law.MEDIATION_BEFORE_APPEAL),
        mediation_contact_law=law.entry(Law.MEDIATION_CONTACT),
        certificate_only_law=law.entry(Law.MEDIATION_CERTIFICATE_ONLY),
        who_appeals_law=law.entry(Law.WHO_APPEALS),
    )
