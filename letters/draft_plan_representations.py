"""The parent's comments on a draft EHC plan, to the council (reg 13(1); after a review, on
proposed amendments, reg 22(2)(c)). Pure (no Django); the law comes from journeys/rules/law.py.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from journeys.rules import deadlines, law
from journeys.rules.law import Law, LawEntry
from journeys.rules.vocabulary import EventType
from letters.appeals import _event_dates
from letters.context import require
from letters.parties import (
    MissingCaseData,
    Parties,
    long_date,
    parties_fields,
    parties_from_case,
    preferred_school_kind,
    short_date,
)
from letters.parties import mapping as _mapping
from letters.parties import text as _text
from letters.plan_wording import SectionFixes, _plan_sections, plan_fixes
from letters.voice import VoiceSection, voice_section


@dataclass(frozen=True)
class DraftPlanRepresentationsLetter(Parties):
    draft_received: str  # "3 February 2027"
    comments_due: str  # "Wednesday 17 February 2027"
    comments_late: bool  # the letter is dated after the last day
    after_review: bool  # proposed amendments after a review (reg 22), not a first draft (reg 13)
    comments_law: LawEntry  # reg 13(1)(a), or reg 22(2)(c) after a review
    # extras.plan_fixes, grouped; empty: the letter makes the general request about section F.
    section_fixes: tuple[SectionFixes, ...]
    current_section_f: str  # the draft's section F, quoted in the general request
    preferred_setting: str  # plan.preferred_setting
    school_law: LawEntry | None  # s.39 or s.9 EA 1996 by plan.preferred_setting_kind; None: unknown
    meeting_requested: bool  # extras.meeting_requested (first drafts only: reg 13(1)(a)(ii))
    meeting_law: LawEntry
    personal_budget_requested: bool  # extras.personal_budget_requested
    personal_budget_law: LawEntry
    specific_law: LawEntry  # Code 9.69
    secure_law: LawEntry  # s.42(2)
    voice: VoiceSection | None = None  # letters/voice.py: the child's voice, as given


DRAFT_PLAN_NEEDS = ("child.first_name", "applicant.name", "local_authority.name")


def build_draft_plan_representations(
    case: Mapping[str, Any], *, today: date, extras: Mapping[str, Any] | None = None
) -> DraftPlanRepresentationsLetter:
    """The parent's (or young person's) representations on a draft EHC plan, to the council.

    Needs a draft_plan_issued event (its date is the day the parent received the draft) and at
    least one of plan.sections B, F or I. The last day for comments is the engine's
    draft_plan_representations: received + 14 days. A draft that follows an annual review
    meeting is a proposal to amend, so the letter cites reg 22(2)(c), not reg 13(1)(a), and
    offers no reg 13 meeting. plan.preferred_setting is argued under s.39 or s.9 Education Act
    1996 according to plan.preferred_setting_kind, and asked for without either when the kind
    is not known. extras.personal_budget_requested asks for a personal budget (s.49).
    """
    extras = extras or {}
    require(case, "draft_plan_representations", DRAFT_PLAN_NEEDS)
    missing = []
    sections = _plan_sections(case)
    if not sections:
        missing.append("plan.sections (B, F or I)")
    received = _event_dates(case, EventType.DRAFT_PLAN_ISSUED)
    if not received:
        missing.append("events (draft_plan_issued)")
    if missing:
        raise MissingCaseData("draft_plan_representations", missing)
    parties = parties_from_case(
        case, today, kind="draft_plan_representations", exercises_right=True
    )
    draft_received = received[-1]
    after_review = any(
        day <= draft_received for day in _event_dates(case, EventType.ANNUAL_REVIEW_MEETING)
    )
    due = deadlines.draft_plan_representations(draft_received=draft_received)
    preferred = _text(_mapping(case.get("plan")).get("preferred_setting"))
    return DraftPlanRepresentationsLetter(
        **parties_fields(parties),
        draft_received=short_date(draft_received),
        comments_due=long_date(due.due),
        comments_late=today > due.due,
        after_review=after_review,
        comments_law=law.entry(
            Law.AMENDMENT_REPRESENTATIONS if after_review else Law.DRAFT_PLAN_REPRESENTATIONS
        ),
        section_fixes=plan_fixes(extras),
        current_section_f=sections.get("F", ""),
        preferred_setting=preferred,
        school_law=law.school_law(preferred_school_kind(case)) if preferred else None,
        meeting_requested=extras.get("meeting_requested") is True and not after_review,
        meeting_law=law.entry(Law.DRAFT_PLAN_MEETING),
        personal_budget_requested=extras.get("personal_budget_requested") is True,
        personal_budget_law=law.entry(Law.PERSONAL_BUDGET),
        specific_law=law.entry(Law.SPECIFIC_PROVISION),
        secure_law=law.entry(Law.SECURE_PROVISION),
        voice=voice_section(extras, parties.child),
    )
