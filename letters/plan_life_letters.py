"""Letters for the rest of a plan's life (issue 14): the family's contribution to an annual
review, representations on proposed amendments, and a response to a proposal to cease the
plan. Pure (no Django). Every statement of law comes from journeys/rules/law.py; every other
sentence is what the family told us (case file, or extras: letters/extras.py).

After a decision not to amend or to cease, the family's letters are the appeal documents
(letters.appeal_reasons, evidence_index, appeal_checklist) for those decision kinds.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from journeys.rules import deadlines, law
from journeys.rules.law import Law, LawEntry
from journeys.rules.vocabulary import DecisionKind, EventType
from letters.appeals import _event_dates, _iso
from letters.context import _evidence_title, require
from letters.council_reasons import law_answer, topic_of
from letters.parties import (
    MissingCaseData,
    Parties,
    Person,
    author_name,
    long_date,
    parties_fields,
    parties_from_case,
    preferred_school_kind,
    short_date,
)
from letters.parties import mapping as _mapping
from letters.parties import text as _text
from letters.parties import texts as _texts
from letters.plan_wording import SECTION_HEADINGS, SECTION_ORDER, SectionFixes, plan_fixes
from letters.voice import VoiceSection, voice_section

NEEDS = ("child.first_name", "applicant.name", "local_authority.name")
ON_TRACK_WORDS = {"yes": "On track", "partly": "Partly on track", "no": "Not on track"}


def _capitalised(words: str) -> str:
    return words[:1].upper() + words[1:]


def _whose(parties: Parties) -> str:
    """'My' or 'Grace Okafor's': whose letter it is, to open a heading."""
    return _capitalised(parties.rights_holder_possessive)


def _about(child: Person) -> str:
    """'Sam's' or 'my': whose plan or review, inside a sentence."""
    return child.possessive_mid


@dataclass(frozen=True)
class EvidenceLine:
    title: str
    author: str
    date: str
    shows: str


def _evidence(case: Mapping[str, Any]) -> tuple[EvidenceLine, ...]:
    found = []
    for item in case.get("evidence") or ():
        if not isinstance(item, Mapping):
            continue
        try:
            title = _text(_evidence_title(item))
        except ValueError:
            title = ""
        day = _iso(item.get("date"))
        found.append(
            EvidenceLine(
                title or "Evidence",
                author_name(item.get("author"), case),
                short_date(day) if day else "",
                _text(item.get("key_points")),
            )
        )
    return tuple(found)


# -- the annual review: the family's contribution -----------------------------------------------


@dataclass(frozen=True)
class OutcomeLine:
    outcome: str
    on_track: str  # "On track", "Partly on track", "Not on track", or ""
    comment: str


@dataclass(frozen=True)
class SectionChange:
    heading: str
    change: str
    request: str = ""  # what the family asks of that section, where they gave no wording


def _section_request(key: str, about: str) -> str:
    return {
        "B": f"Please make sure that this section describes every one of {about} special "
        "educational needs, as the advice and reports show them.",
        "F": "Please specify and quantify every provision in this section: the type of help, "
        "who will give it and with what training or qualifications, how many hours or "
        "sessions, how often and for how long.",
    }.get(key, "")


@dataclass(frozen=True)
class ReviewContribution(Parties):
    heading: str  # "My contribution to Sam's annual review"
    about: str  # "Sam's" or "my"
    since: str  # "5 January 2026"
    since_review: bool  # `since` is the last review meeting, not the plan's date
    meeting_date: str  # "14 March 2027", or "" when not known
    meeting_held: bool
    review_due: str  # the engine's annual_review: the last day of the 12 months
    review_law: LawEntry  # s.44(1)
    views_law: LawEntry  # s.19
    decision_law: LawEntry  # reg 20(10)
    gone_well: str
    not_gone_well: str
    outcomes: tuple[OutcomeLine, ...]
    provision_delivered: str
    secure_law: LawEntry  # s.42(2)
    changes: tuple[SectionChange, ...]
    section_fixes: tuple[SectionFixes, ...]
    specific_law: LawEntry  # Code 9.69
    voice: VoiceSection | None = None  # letters/voice.py: the child's voice, as given


def _since(case: Mapping[str, Any], meeting: date | None) -> tuple[date, bool] | None:
    """The plan's date or the last review before this year's meeting: (date, is a review)."""
    dated = [(day, False) for day in _event_dates(case, EventType.FINAL_PLAN_ISSUED)]
    dated += [(day, True) for day in _event_dates(case, EventType.ANNUAL_REVIEW_MEETING)]
    earlier = [pair for pair in dated if meeting is None or pair[0] < meeting]
    return max(earlier, default=None)


def build_review_contribution(
    case: Mapping[str, Any], *, today: date, extras: Mapping[str, Any] | None = None
) -> ReviewContribution:
    """The family's written contribution to the annual review, to send before the meeting.

    Needs a final_plan_issued or annual_review_meeting event (the plan's date or the last
    review). extras.review carries the meeting date and the family's answers; a case file
    alone gives a short letter that asks for the review and states the law.
    """
    extras = extras or {}
    require(case, "review_contribution", NEEDS)
    review = _mapping(extras.get("review"))
    meeting = _iso(review.get("meeting_date"))
    since = _since(case, meeting)
    if since is None:
        raise MissingCaseData(
            "review_contribution", ["events (final_plan_issued or annual_review_meeting)"]
        )
    parties = parties_from_case(case, today, kind="review_contribution", exercises_right=False)
    child = parties.child
    since_day, since_review = since
    due = deadlines.annual_review(
        from_event=EventType.ANNUAL_REVIEW_MEETING if since_review else EventType.FINAL_PLAN_ISSUED,
        event_date=since_day,
    )
    changes_given = _mapping(review.get("changes"))
    outcomes = []
    for item in review.get("outcomes") or ():
        if isinstance(item, Mapping) and _text(item.get("outcome")):
            outcomes.append(
                OutcomeLine(
                    _text(item.get("outcome")).rstrip(" ."),
                    ON_TRACK_WORDS.get(_text(item.get("on_track")), ""),
                    _text(item.get("comment")),
                )
            )
    whose_review = "my" if child.writes_for_self else child.name_possessive
    return ReviewContribution(
        **parties_fields(parties),
        heading=f"{_whose(parties)} contribution to {whose_review} annual review",
        about=_about(child),
        since=short_date(since_day),
        since_review=since_review,
        meeting_date=short_date(meeting) if meeting else "",
        meeting_held=review.get("meeting_held") is True,
        review_due=long_date(due.due),
        review_law=law.entry(Law.ANNUAL_REVIEW),
        views_law=law.entry(Law.VIEWS_WISHES_FEELINGS),
        decision_law=law.entry(Law.REVIEW_DECISION),
        gone_well=_text(review.get("gone_well")),
        not_gone_well=_text(review.get("not_gone_well")),
        outcomes=tuple(outcomes),
        provision_delivered=_text(review.get("provision_delivered")),
        secure_law=law.entry(Law.SECURE_PROVISION),
        changes=tuple(
            SectionChange(SECTION_HEADINGS[key], _text(changes_given.get(key)))
            for key in SECTION_ORDER
            if _text(changes_given.get(key))
        ),
        section_fixes=plan_fixes(extras),
        specific_law=law.entry(Law.SPECIFIC_PROVISION),
        voice=voice_section(extras, parties.child),
    )


# -- proposed amendments: the family's representations --------------------------------------


@dataclass(frozen=True)
class AmendmentRepresentations(Parties):
    about: str  # "Sam's" or "my"
    proposal_sent: str  # "3 February 2027"
    representations_due: str  # "Wednesday 17 February 2027"
    late: bool  # the letter is dated after the last day
    representations_law: LawEntry  # reg 22(2)(c)
    final_due: str  # 8 weeks after the proposal
    final_law: LawEntry  # reg 22(3)
    section_fixes: tuple[SectionFixes, ...]
    proposed_sections: tuple[SectionChange, ...]  # sections pasted with no fixes, quoted
    amendments_wanted: str  # extras.amendments_wanted
    preferred_setting: str
    school_law: LawEntry | None  # s.39 or s.9 EA 1996; None when the kind is not known
    specific_law: LawEntry
    secure_law: LawEntry
    voice: VoiceSection | None = None  # letters/voice.py: the child's voice, as given


# "At least 15 days beginning with the day on which" the proposal was sent (SEND Regulations
# 2014, reg 22(2)(c), DOMAIN.md 1.5): the sending day is day 1, so the last day is 14 days on,
# counted as the engine counts the same words in reg 13(1) (draft_plan_representations).
REPRESENTATION_DAYS = 14
# "As soon as practicable and in any event within 8 weeks" of the proposal (reg 22(3)).
FINAL_WEEKS = 8


def build_amendment_representations(
    case: Mapping[str, Any], *, today: date, extras: Mapping[str, Any] | None = None
) -> AmendmentRepresentations:
    """The family's representations on the council's proposed amendments, within the 15 days
    of reg 22(2)(c), with the last day and the 8 weeks for the final plan (reg 22(3)).

    Needs an amendment_proposal_issued event. A school is asked for when plan.preferred_setting
    is given, argued under s.39 or s.9 EA 1996 by plan.preferred_setting_kind.
    """
    extras = extras or {}
    require(case, "amendment_representations", NEEDS)
    proposals = _event_dates(case, EventType.AMENDMENT_PROPOSAL_ISSUED)
    if not proposals:
        raise MissingCaseData("amendment_representations", ["events (amendment_proposal_issued)"])
    parties = parties_from_case(case, today, kind="amendment_representations", exercises_right=True)
    sent = proposals[-1]
    due = sent + timedelta(days=REPRESENTATION_DAYS)
    fixes = plan_fixes(extras)
    fixed = {group.section for group in fixes}
    sections = _mapping(_mapping(case.get("plan")).get("sections"))
    preferred = _text(_mapping(case.get("plan")).get("preferred_setting"))
    return AmendmentRepresentations(
        **parties_fields(parties),
        about=_about(parties.child),
        proposal_sent=short_date(sent),
        representations_due=long_date(due),
        late=today > due,
        representations_law=law.entry(Law.AMENDMENT_REPRESENTATIONS),
        final_due=long_date(deadlines.add_weeks(sent, FINAL_WEEKS)),
        final_law=law.entry(Law.AMENDED_PLAN_FINAL),
        section_fixes=fixes,
        proposed_sections=tuple(
            SectionChange(
                SECTION_HEADINGS[key],
                _text(sections.get(key)),
                _section_request(key, _about(parties.child)),
            )
            for key in SECTION_ORDER
            if _text(sections.get(key)) and key not in fixed
        ),
        amendments_wanted=_text(extras.get("amendments_wanted")),
        preferred_setting=preferred,
        school_law=law.school_law(preferred_school_kind(case)) if preferred else None,
        specific_law=law.entry(Law.SPECIFIC_PROVISION),
        secure_law=law.entry(Law.SECURE_PROVISION),
        voice=voice_section(extras, parties.child),
    )


# -- a proposal to cease the plan: the family's response --------------------------------------


@dataclass(frozen=True)
class ReasonAnswered:
    reason: str
    answer: str
    legal_point: str


@dataclass(frozen=True)
class CeaseResponse(Parties):
    about: str  # "Sam's" or "my"
    letter_sent: str  # the date on the council's letter
    reasons: tuple[ReasonAnswered, ...]
    cease_test: LawEntry  # s.45(1)
    maintain_law: LawEntry  # s.45(4): maintained until any appeal is decided
    views_law: LawEntry  # s.19
    # Code 9.200, only for a young person aged 19 or over on the letter's date.
    outcomes_law: LawEntry | None
    outcomes_said: str  # extras.cease.outcomes_said: achieved / not_achieved / not_said / ""
    outcome_sought: str
    evidence: tuple[EvidenceLine, ...]
    voice: VoiceSection | None = None  # letters/voice.py: the child's voice, as given


def _reasons(reasons: tuple[str, ...], extras: Mapping[str, Any]) -> tuple[ReasonAnswered, ...]:
    said = {
        " ".join(_text(r.get("reason")).casefold().split()): _text(r.get("response"))
        for r in extras.get("reason_responses") or ()
        if isinstance(r, Mapping)
    }
    return tuple(
        ReasonAnswered(
            reason,
            said.get(" ".join(reason.casefold().split()), ""),
            law_answer(topic_of(reason), DecisionKind.CEASE_TO_MAINTAIN),
        )
        for reason in reasons
    )


def situation_for(case: Mapping[str, Any], today: date) -> law.Situation:
    """The law's situation for a plan the council would cease: the young person's age."""
    born = _iso(_mapping(case.get("child")).get("date_of_birth"))
    return law.Situation(
        decision=DecisionKind.CEASE_TO_MAINTAIN, aged_19_or_over=law.aged_19_or_over(born, today)
    )


def build_cease_response(
    case: Mapping[str, Any], *, today: date, extras: Mapping[str, Any] | None = None
) -> CeaseResponse:
    """The family's response to the council's proposal to cease to maintain the plan.

    Needs a cease_considered event (the council's letter). The reasons are extras.cease.reasons
    (or decision.reasons_given), each with the family's answer. States s.45(1), that the plan
    must be maintained until any appeal is decided (s.45(4)), and for a young person aged 19
    or over, Code 9.200 (outcomes achieved), with what the family says the council said.
    """
    extras = extras or {}
    require(case, "cease_response", NEEDS)
    considered = _event_dates(case, EventType.CEASE_CONSIDERED)
    if not considered:
        raise MissingCaseData("cease_response", ["events (cease_considered)"])
    parties = parties_from_case(case, today, kind="cease_response", exercises_right=True)
    cease = _mapping(extras.get("cease"))
    reasons = _texts(cease.get("reasons")) or _texts(
        _mapping(case.get("decision")).get("reasons_given")
    )
    situation = situation_for(case, today)
    outcomes_law = (
        law.entry(Law.CEASE_OUTCOMES_AT_19)
        if law.applies(Law.CEASE_OUTCOMES_AT_19, situation)
        else None
    )
    return CeaseResponse(
        **parties_fields(parties),
        about=_about(parties.child),
        letter_sent=short_date(considered[-1]),
        reasons=_reasons(reasons, extras),
        cease_test=law.entry(Law.CEASE_TEST),
        maintain_law=law.entry(Law.CEASE_MAINTAIN_DURING_APPEAL),
        views_law=law.entry(Law.VIEWS_WISHES_FEELINGS),
        outcomes_law=outcomes_law,
        outcomes_said=_text(cease.get("outcomes_said")) if outcomes_law else "",
        outcome_sought=_text(extras.get("outcome_sought")),
        evidence=_evidence(case),
        voice=voice_section(extras, parties.child),
    )
