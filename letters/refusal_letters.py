"""Letters after a refusal: asking the council to reconsider, contacting the mediation adviser,
and a one-page summary to take into mediation.

Pure builders (no Django), as in letters.context: a case file and optional extras
(letters/extras.py) in, a frozen dataclass out. Each refuses with MissingCaseData naming what
is missing rather than print a gap. Every date comes from journeys.rules.deadlines, except the
reply-by date of the reconsideration request, which is a period the parent chooses
(REPLY_WORKING_DAYS), not a legal time limit.

The law each letter cites, checked against the legislation text where it could be read:

- Children and Families Act 2014, s.36(8) (legislation.gov.uk, and IPSEA on Cambridgeshire CC
  v FL-J [2016] UKUT 225 (AAC)): the council must secure an EHC needs assessment if "(a) the
  child or young person has or may have special educational needs, and (b) it may be
  necessary for special educational provision to be made for the child or young person in
  accordance with an EHC plan". s.36(5): a refusal must give the reasons.
- s.37(1) (legislation.gov.uk, as enacted): "Where, in the light of an EHC needs assessment, it
  is necessary for special educational provision to be made for a child or young person in
  accordance with an EHC plan— (a) the local authority must secure that an EHC plan is prepared
  for the child or young person, and (b) once an EHC plan has been prepared, it must maintain
  the plan."
- s.51(2) (legislation.gov.uk): the right of appeal against (a) a decision not to secure an
  assessment, (b) a decision, following an assessment, that a plan is not necessary, and
  (c) the contents of a plan, including the school named.
- s.55: before appealing (except only about the school or type of school named, or that none
  is named) the parent must obtain a mediation certificate (IPSEA, "Mediation for placement
  appeals", April 2022; the reg 32(b) text refers to "a certificate in accordance with
  section 55(4) or (5)").
- SEND Regulations 2014 reg 33 (legislation.gov.uk, as made): the parent "must contact the
  mediation adviser within 2 months after written notice of the local authority's decision was
  sent, and inform the mediation adviser that he or she wishes to appeal and ... whether they
  wish to pursue mediation".
- reg 34(1): the adviser's certificate within 3 working days of being told the parent does
  not wish to pursue mediation (opening words read on legislation.gov.uk; the 3 working days
  confirmed by IPSEA's FAQ, Essex SENDIASS and SEND Advice Surrey). Date from
  deadlines.mediation_certificate_without_mediation.
- reg 37: the council must arrange mediation within 30 days of being told the parent wants it
  (IPSEA "The mediation process"; the regulation number as the deadlines engine cites it).
  Date from deadlines.mediation_by.
- The appeal deadline: deadlines.appeal_deadline (Tribunal Rules 2008 r.20(1)(c) and r.12).

The reconsideration request for a refusal to issue a plan never cites s.36 (that is the
assessment stage), and no letter here cites reg 13 (draft plans).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from journeys.rules import deadlines, law
from journeys.rules.calendar import add_working_days
from journeys.rules.law import Law, LawEntry
from journeys.rules.vocabulary import (
    DECISION_EVENTS,
    DecisionKind,
    EventType,
    NeedArea,
    SchoolView,
    SettingKind,
)
from letters.appeals import _event_dates
from letters.context import Evidence, _evidence_title, require
from letters.council_reasons import Topic, law_answer, topic_of
from letters.parties import (
    MissingCaseData,
    Parties,
    Person,
    author_name,
    long_date,
    parties_fields,
    parties_from_case,
    setting_kind,
    short_date,
)
from letters.parties import text as _text
from letters.voice import VoiceSection, views_only, voice_section

# The period the reconsideration request asks the council to reply in (DOMAIN.md section 4:
# "a short stated period, e.g. 10 working days"). A request, not a statutory time limit.
REPLY_WORKING_DAYS = 10

REFUSALS = (DecisionKind.REFUSAL_TO_ASSESS, DecisionKind.REFUSAL_TO_ISSUE_PLAN)
# Decisions a mediation adviser letter can be about: those the deadlines engine can date.
MEDIATION_DECISIONS = tuple(DECISION_EVENTS)


# -- shared pieces ----------------------------------------------------------------------------


@dataclass(frozen=True)
class AppealTime:
    """The parent's appeal deadline, from the engine, in the words a letter needs."""

    deadline: str  # "Monday 20 April 2026"
    source: str  # the engine's source
    counted_from: str  # "2 months after the decision letter of 20 February 2026, ..."
    passed: bool  # the deadline is before the letter's date
    right_of_appeal: str  # "section 51(2)(a) of the Children and Families Act 2014"

    @property
    def mediation_law(self) -> LawEntry:
        return law.entry(Law.MEDIATION_BEFORE_APPEAL)

    @property
    def late_law(self) -> LawEntry:
        return law.entry(Law.LATE_APPEAL)

    @property
    def five_pm_law(self) -> LawEntry:
        return law.entry(Law.APPEAL_BY_5PM)


def _sentence(value: str) -> str:
    """`value` with a capital first letter and closing punctuation, for a list item."""
    value = value.strip()
    if not value:
        return ""
    value = value[0].upper() + value[1:]
    ending = value.rstrip("\"'\u201d)")
    return value if ending and ending[-1] in ".!?" else f"{value}."


def _decision(
    case: Mapping[str, Any], kind: str, needs: tuple[str, ...], allowed: Iterable[DecisionKind]
) -> tuple[DecisionKind, date]:
    """The decision the letter is about; MissingCaseData if absent or of the wrong kind."""
    require(case, kind, needs)
    allowed = tuple(allowed)
    raw = case["decision"]["kind"]
    decision_kind = next((k for k in allowed if k.value == raw), None)
    if decision_kind is None:
        choices = " or ".join(k.value for k in allowed)
        raise MissingCaseData(kind, [f"decision.kind: {choices}"])
    return decision_kind, date.fromisoformat(case["decision"]["date"])


def _latest_event(case: Mapping[str, Any], event: EventType, *, on_or_after: date) -> date | None:
    days = [day for day in _event_dates(case, event) if day >= on_or_after]
    return max(days) if days else None


def _appeal_time(
    case: Mapping[str, Any], decision_kind: DecisionKind, decided_on: date, today: date
) -> AppealTime:
    # A certificate dated before the decision is about an earlier decision (as in the engine).
    certificate = _latest_event(
        case, EventType.MEDIATION_CERTIFICATE_ISSUED, on_or_after=decided_on
    )
    deadline = deadlines.appeal_deadline(
        decision=DECISION_EVENTS[decision_kind],
        decision_date=decided_on,
        certificate_issued=certificate,
    )
    if deadline.from_event is EventType.MEDIATION_CERTIFICATE_ISSUED:
        counted_from = (
            f"1 month after the mediation certificate of {short_date(deadline.event_date)}, "
            "which is later than 2 months after the decision letter"
        )
    else:
        counted_from = f"2 months after the decision letter of {short_date(decided_on)}"
    return AppealTime(
        deadline=long_date(deadline.due),
        source=law.appeal_deadline_citation(),
        counted_from=counted_from,
        passed=deadline.due < today,
        right_of_appeal=law.appeal_right_phrase(decision_kind),
    )


def _evidence(case: Mapping[str, Any], kinds: frozenset[str] | None = None) -> tuple[Evidence, ...]:
    """The case's evidence items (only `kinds`, if given), as the request letter shows them."""
    return tuple(
        Evidence(
            _evidence_title(item),
            author_name(item.get("author"), case),
            short_date(date.fromisoformat(item["date"])) if item.get("date") else "",
            _sentence(_text(item.get("key_points"))),
        )
        for item in case.get("evidence", [])
        if kinds is None or item.get("kind") in kinds
    )


def _need_label(need: Mapping[str, Any]) -> str:
    area = need.get("area")
    return next((a.label for a in NeedArea if a.value == area), "Needs")


def _decision_sentence(kind: DecisionKind, parties: Parties, decided_on: date) -> str:
    """One sentence naming the decision, for a reader other than the council."""
    who, when = parties.child.name_object, short_date(decided_on)
    council = parties.council_name
    return {
        DecisionKind.REFUSAL_TO_ASSESS: f"On {when}, {council} decided not to carry out an "
        f"EHC needs assessment for {who}.",
        DecisionKind.REFUSAL_TO_ISSUE_PLAN: f"On {when}, {council} decided, after an EHC needs "
        f"assessment, not to issue an EHC plan for {who}.",
        DecisionKind.PLAN_CONTENTS: f"On {when}, {council} issued the final EHC plan for {who}, "
        "and I disagree with what it says.",
        DecisionKind.PLACEMENT_ONLY: f"On {when}, {council} issued the final EHC plan for "
        f"{who}, and I disagree with the school or college it names (section I), or that it "
        "names none.",
    }[kind]


def _derived_issues(
    kind: DecisionKind, parties: Parties, reasons: Iterable[str]
) -> tuple[str, ...]:
    """The issues for mediation when the parent has not written their own: the decision
    itself, then each reason the council gave."""
    who, council = parties.child.name_object, parties.council_name
    possessive = parties.child.possessive_mid
    first = {
        DecisionKind.REFUSAL_TO_ASSESS: f"Whether {council} should carry out an EHC needs "
        f"assessment for {who}.",
        DecisionKind.REFUSAL_TO_ISSUE_PLAN: f"Whether {council} should issue an EHC plan for "
        f"{who}.",
        DecisionKind.PLAN_CONTENTS: f"What the final EHC plan says about {possessive} needs "
        "(section B) and the provision to meet them (section F).",
        DecisionKind.PLACEMENT_ONLY: "The school or college named in section I of the final "
        "EHC plan.",
    }[kind]
    return (first, *(f"The council's reason: \u201c{reason}\u201d" for reason in reasons))


def _default_outcome(kind: DecisionKind, parties: Parties) -> str:
    who, council = parties.child.name_object, parties.council_name
    possessive = parties.child.possessive_mid
    return {
        DecisionKind.REFUSAL_TO_ASSESS: f"{council} agrees to carry out an EHC needs "
        f"assessment for {who}.",
        DecisionKind.REFUSAL_TO_ISSUE_PLAN: f"{council} agrees to issue an EHC plan for {who}.",
        DecisionKind.PLAN_CONTENTS: f"{council} amends the final EHC plan so that it describes "
        f"{possessive} needs fully, and the provision in section F says who will do what, "
        "how often and for how long.",
        DecisionKind.PLACEMENT_ONLY: f"{council} names in section I the school or college I "
        "have asked for.",
    }[kind]


def _reasons_given(case: Mapping[str, Any]) -> list[str]:
    return [r for r in (_text(x) for x in case["decision"].get("reasons_given", [])) if r]


def _extras(extras: Mapping[str, Any] | None) -> Mapping[str, Any]:
    return extras if isinstance(extras, Mapping) else {}


# -- reconsideration_request -------------------------------------------------------------------


TOPIC_EVIDENCE: dict[Topic, frozenset[str] | None] = {
    Topic.HEALTH_MATTER: frozenset(
        {"speech_language_therapist", "occupational_therapist", "paediatrician", "camhs"}
    ),
    Topic.UNIVERSAL: frozenset({"school_report", "sen_support_plan", "educational_psychologist"}),
    Topic.DIAGNOSIS: frozenset(
        {
            "paediatrician",
            "camhs",
            "educational_psychologist",
            "speech_language_therapist",
            "occupational_therapist",
        }
    ),
    Topic.EVIDENCE: None,
    Topic.SEN_SUPPORT: frozenset(
        {
            "sen_support_plan",
            "school_report",
            "attendance_record",
            "exclusion_record",
            "educational_psychologist",
            "speech_language_therapist",
            "occupational_therapist",
        }
    ),
    Topic.PROGRESS: frozenset(
        {
            "school_report",
            "attendance_record",
            "exclusion_record",
            "camhs",
            "parent_diary",
            "educational_psychologist",
        }
    ),
    Topic.OTHER: None,
}


def _legal_answer(
    topic: Topic, kind: DecisionKind, child: Person, *, advice_beyond_resources: bool
) -> str:
    """The law that answers a reason of this topic (letters.council_reasons); for a refusal to
    issue a plan, a reason about SEN support is also answered with what the advice says about
    the school's resources, but only when the parent confirmed it."""
    answer = law_answer(topic, kind)
    if (
        topic is Topic.SEN_SUPPORT
        and kind is DecisionKind.REFUSAL_TO_ISSUE_PLAN
        and advice_beyond_resources
    ):
        beyond = (
            f"The advice describes provision beyond what {child.possessive_mid} school has "
            "been able to make from its own resources."
        )
        return f"{beyond} {answer}".strip()
    return answer


def _support_facts(case: Mapping[str, Any]) -> tuple[str, ...]:
    facts = []
    for item in case.get("support_tried", []):
        description = _text(item.get("description"))
        if not description:
            continue
        since = item.get("since")
        when = f" (since {short_date(date.fromisoformat(since))})" if since else ""
        outcome = _text(item.get("outcome"))
        what_happened = f" What happened: {_sentence(outcome)}" if outcome else ""
        facts.append(f"{_sentence(description + when)}{what_happened}")
    return tuple(facts)


def _need_facts(case: Mapping[str, Any], *, impact_only: bool = False) -> tuple[str, ...]:
    facts = []
    for need in case.get("needs", []):
        description, impact = _text(need.get("description")), _text(need.get("impact"))
        words = (
            _sentence(impact)
            if impact_only and impact
            else " ".join(p for p in (_sentence(description), _sentence(impact)) if p)
        )
        if words:
            facts.append(f"{_need_label(need)}: {words}")
    return tuple(facts)


def _facts(topic: Topic, case: Mapping[str, Any], school_supported: str) -> tuple[str, ...]:
    if topic is Topic.SEN_SUPPORT:
        support = _support_facts(case)
        return (*support, school_supported) if school_supported else support
    return _need_facts(case, impact_only=topic is Topic.PROGRESS)


@dataclass(frozen=True)
class ReasonAnswer:
    reason: str  # the council's reason, as given ("" when the council gave none)
    response: str  # the parent's answer in their own words (extras.reason_responses), or ""
    legal_answer: str  # the legal test applied to this reason
    facts: tuple[str, ...]  # from the case file: support tried, or needs and their impact
    evidence: tuple[Evidence, ...]  # the evidence items that answer this reason


@dataclass(frozen=True)
class LegalTest:
    statement: str  # the test, quoted in plain words, with its citation
    plain: str  # what it means here


@dataclass(frozen=True)
class ReconsiderationLetter(Parties):
    decision_kind: str  # refusal_to_assess | refusal_to_issue_plan
    decision_date: str  # "20 February 2026"
    decision_phrase: str  # "not to carry out an EHC needs assessment for Oliver"
    legal_test: LegalTest
    reasons_given: bool  # the council gave reasons (or the parent named some)
    no_reasons: str  # what the letter says when the council gave none
    reasons: tuple[ReasonAnswer, ...]
    further_points: tuple[str, ...]  # the parent's answers not tied to one reason
    what_changed: str  # extras.what_changed, or ""
    outcome_sought: str  # extras.outcome_sought, in the parent's words, or ""
    default_outcome: str  # what the letter asks for without outcome_sought
    reply_by: str
    reply_working_days: int
    appeal: AppealTime
    enclosures: tuple[str, ...]
    voice: VoiceSection | None = None  # letters/voice.py: the child's voice, as given


RECONSIDERATION_NEEDS = (
    "decision.kind",
    "decision.date",
    "child.first_name",
    "applicant.name",
    "local_authority.name",
)


def _key(text: str) -> str:
    return " ".join(text.split()).casefold().strip(" .")


def _legal_test(kind: DecisionKind, child: Person, setting: SettingKind | None) -> LegalTest:
    """The legal test for the decision, stated once in the letter (journeys.rules.law)."""
    if kind is DecisionKind.REFUSAL_TO_ASSESS:
        no_place = law.applies(Law.ASSESSMENT_NO_SCHOOL_PLACE, law.Situation(setting_kind=setting))
        return LegalTest(
            statement=law.entry(Law.ASSESSMENT_TEST).cited,
            plain=" ".join(
                (
                    law.entry(Law.ASSESSMENT_LOW_THRESHOLD).statement,
                    *((law.entry(Law.ASSESSMENT_NO_SCHOOL_PLACE).cited,) if no_place else ()),
                )
            ),
        )
    return LegalTest(
        statement=law.entry(Law.PLAN_NECESSARY).cited,
        plain="The question is what special educational provision the assessment shows "
        f"{child.possessive_mid} needs call for, and whether it is necessary for that provision "
        "to be made in accordance with a plan, so that it is set out, specific and secured.",
    )


def build_reconsideration_request(
    case: Mapping[str, Any], *, today: date, extras: Mapping[str, Any] | None = None
) -> ReconsiderationLetter:
    """The parent's request that the council reconsider a refusal to assess (answered with
    the low threshold of s.36(8)) or a refusal to issue a plan (s.37(1)).

    Each reason in decision.reasons_given is answered with the parent's own response
    (extras.reason_responses, matched on the reason's text), the evidence in the case file that
    bears on it, and the legal test. The reply-by date is REPLY_WORKING_DAYS working days after
    the letter; the appeal deadline is the engine's.
    """
    kind, decided_on = _decision(case, "reconsideration_request", RECONSIDERATION_NEEDS, REFUSALS)
    extras = _extras(extras)
    parties = parties_from_case(case, today, kind="reconsideration_request", exercises_right=True)
    child = parties.child
    advice_beyond = extras.get("advice_beyond_school_resources") is True

    responses: dict[str, str] = {}
    further: list[str] = []
    named_in_responses: list[str] = []
    for item in extras.get("reason_responses") or ():
        if not isinstance(item, Mapping):
            continue
        reason, response = _text(item.get("reason")), _text(item.get("response"))
        if not response:
            continue
        if reason:
            responses.setdefault(_key(reason), response)
            named_in_responses.append(reason)
        else:
            further.append(response)

    reasons = _reasons_given(case)
    known = {_key(r) for r in reasons}
    for reason in named_in_responses:
        if _key(reason) not in known:
            reasons.append(reason)
            known.add(_key(reason))

    school_supported = (
        f"{child.name_possessive} school supported the request for an EHC needs assessment."
        if case.get("school_view") == SchoolView.SUPPORTS.value
        else ""
    )

    shown: set[Evidence] = set()

    def answer(reason: str) -> ReasonAnswer:
        topic = topic_of(reason)
        evidence = _evidence(case, TOPIC_EVIDENCE[topic]) or _evidence(case)
        # An item already quoted for an earlier reason is named again without its key points.
        named = tuple(replace(item, key_points="") if item in shown else item for item in evidence)
        shown.update(evidence)
        response = responses.get(_key(reason), "") if reason else ""
        legal = _legal_answer(topic, kind, child, advice_beyond_resources=advice_beyond)
        # The parent's own answer replaces the needs restated from the case file; the support
        # already tried still answers a reason about SEN support.
        facts = _facts(topic, case, school_supported)
        if response and topic is not Topic.SEN_SUPPORT:
            facts = ()
        return ReasonAnswer(
            reason=reason,
            response=response,
            legal_answer=(
                f"I do not agree. {legal}".strip() if reason and topic is Topic.OTHER else legal
            ),
            facts=facts,
            evidence=named,
        )

    if kind is DecisionKind.REFUSAL_TO_ASSESS:
        phrase = f"not to carry out an EHC needs assessment for {child.name_object}"
        no_reasons = (
            "Your letter did not give reasons I could respond to. "
            f"{law.entry(Law.REFUSAL_NOTICE_CONTENTS).cited} Please send the reasons in "
            "writing. In the meantime, this is why the test is met."
        )
        default_outcome = f"agree to carry out an EHC needs assessment for {child.name_object}"
    else:
        phrase = f"not to issue an EHC plan for {child.name_object} after the EHC needs assessment"
        no_reasons = (
            "Your letter did not give reasons I could respond to. Please send me your reasons "
            "in writing. In the meantime, this is why a plan is necessary."
        )
        default_outcome = f"agree to issue an EHC plan for {child.name_object}"

    return ReconsiderationLetter(
        **parties_fields(parties),
        decision_kind=kind.value,
        decision_date=short_date(decided_on),
        decision_phrase=phrase,
        legal_test=_legal_test(kind, child, setting_kind(case)),
        reasons_given=bool(reasons),
        no_reasons=no_reasons,
        reasons=tuple(answer(r) for r in reasons) if reasons else (answer(""),),
        further_points=tuple(further),
        what_changed=_text(extras.get("what_changed")),
        outcome_sought=_text(extras.get("outcome_sought")),
        default_outcome=default_outcome,
        reply_by=long_date(add_working_days(today, REPLY_WORKING_DAYS)),
        reply_working_days=REPLY_WORKING_DAYS,
        appeal=_appeal_time(case, kind, decided_on, today),
        enclosures=tuple(item.title for item in _evidence(case)),
        voice=voice_section(extras, child),
    )


# -- mediation_adviser --------------------------------------------------------------------------


@dataclass(frozen=True)
class MediationAdviserLetter(Parties):
    mediation_law: LawEntry
    mediation_contact_law: LawEntry
    certificate_only_law: LawEntry
    mediation_arranged_law: LawEntry
    five_pm_law: LawEntry
    adviser_name: str  # extras.mediation.adviser_name, or "Mediation adviser"
    decision_kind: str
    decision_sentence: str  # "On 20 February 2026, Kent County Council decided not to ..."
    certificate_needed: bool  # False only for an appeal about the school named alone
    wants_mediation: bool  # extras.mediation.wants_mediation, else a recorded mediation_requested
    issues: tuple[str, ...]  # extras.mediation.issues, else derived from the decision
    issues_are_parents: bool  # the issues are the parent's own words
    # Without mediation: the adviser's certificate (reg 34), counted from when told.
    certificate_due: str
    certificate_told: str  # "If you receive this letter on 2 March 2026," (then "that is by")
    certificate_source: str
    # With mediation: the council's 30 days (reg 37), counted from when it is told.
    mediation_by: str
    mediation_told: str  # "If the council receives its copy of this letter on ...,"
    mediation_source: str
    appeal: AppealTime
    contact: str  # how to reach the parent, or "" when the case gives no way


MEDIATION_NEEDS = (
    "decision.kind",
    "decision.date",
    "child.first_name",
    "applicant.name",
    "local_authority.name",
)


def _mediation_extras(extras: Mapping[str, Any]) -> Mapping[str, Any]:
    value = extras.get("mediation")
    return value if isinstance(value, Mapping) else {}


def _issues(
    mediation: Mapping[str, Any], kind: DecisionKind, parties: Parties, case: Mapping[str, Any]
) -> tuple[tuple[str, ...], bool]:
    own = tuple(t for t in (_text(x) for x in mediation.get("issues") or ()) if t)
    if own:
        return own, True
    return _derived_issues(kind, parties, _reasons_given(case)), False


def _contact(parties: Parties) -> str:
    ways = []
    if parties.sender_email:
        ways.append(f"by email at {parties.sender_email}")
    if parties.sender_phone:
        ways.append(f"by phone on {parties.sender_phone}")
    if parties.sender_address:
        ways.append("by post at the address above")
    if not ways:
        return ""
    if len(ways) > 1:
        ways[-1] = f"or {ways[-1]}"
    return f"You can reach me {(', ' if len(ways) > 2 else ' ').join(ways)}."


def _recorded_or_today(event_day: date | None, today: date) -> tuple[date, bool]:
    """The day a clock starts: a recorded event up to today, else the letter's date."""
    if event_day is not None and event_day <= today:
        return event_day, True
    return today, False


def build_mediation_adviser(
    case: Mapping[str, Any], *, today: date, extras: Mapping[str, Any] | None = None
) -> MediationAdviserLetter:
    """The parent's letter to the mediation adviser (s.55; reg 33): the decision, the intention
    to appeal, and either a request for the certificate only (reg 34: within 3 working days) or
    for mediation (reg 37: the council arranges it within 30 days), with the issues.

    The certificate and mediation dates count from the recorded `mediation_adviser_contacted` /
    `mediation_requested` event when there is one on or after the decision and not after the
    letter, otherwise from the letter's date (the letter says so). An appeal only about the
    school named needs no certificate, so without mediation there is nothing to ask for.
    """
    kind, decided_on = _decision(case, "mediation_adviser", MEDIATION_NEEDS, MEDIATION_DECISIONS)
    extras = _extras(extras)
    mediation = _mediation_extras(extras)
    requested = _latest_event(case, EventType.MEDIATION_REQUESTED, on_or_after=decided_on)
    # The parent's answer if the journey asked; otherwise a recorded request for mediation.
    # Without either, the letter cannot say whether they want mediation, so it is not written
    # (issue 10, finding 5: never declare a choice the family did not make).
    wants = mediation.get("wants_mediation")
    if not isinstance(wants, bool):
        if requested is None:
            raise MissingCaseData(
                "mediation_adviser",
                [
                    "extras.mediation.wants_mediation (whether you want mediation, or only "
                    "the certificate)"
                ],
            )
        wants = True
    certificate_needed = kind is not DecisionKind.PLACEMENT_ONLY
    if not certificate_needed and not wants:
        raise MissingCaseData(
            "mediation_adviser",
            [
                "extras.mediation.wants_mediation (an appeal only about the school named needs "
                "no mediation certificate, so this letter is only for asking for mediation)"
            ],
        )
    parties = parties_from_case(case, today, kind="mediation_adviser", exercises_right=True)
    issues, own = _issues(mediation, kind, parties, case)

    contacted = _latest_event(case, EventType.MEDIATION_ADVISER_CONTACTED, on_or_after=decided_on)
    certificate_from, recorded = _recorded_or_today(contacted, today)
    certificate = deadlines.mediation_certificate_without_mediation(
        adviser_contacted=certificate_from
    )
    certificate_told = (
        f"Counting from {short_date(certificate_from)}, when I first contacted you,"
        if recorded
        else f"If you receive this letter on {short_date(today)},"
    )
    mediation_from, recorded = _recorded_or_today(requested, today)
    mediation_by = deadlines.mediation_by(mediation_requested=mediation_from)
    mediation_told = (
        f"Counting from {short_date(mediation_from)}, when I told the council that I want "
        "mediation,"
        if recorded
        else f"If the council receives its copy of this letter on {short_date(today)},"
    )

    return MediationAdviserLetter(
        **parties_fields(parties),
        mediation_law=law.entry(Law.MEDIATION_BEFORE_APPEAL),
        mediation_contact_law=law.entry(Law.MEDIATION_CONTACT),
        certificate_only_law=law.entry(Law.MEDIATION_CERTIFICATE_ONLY),
        mediation_arranged_law=law.entry(Law.MEDIATION_ARRANGED),
        five_pm_law=law.entry(Law.APPEAL_BY_5PM),
        adviser_name=_text(mediation.get("adviser_name")) or "Mediation adviser",
        decision_kind=kind.value,
        decision_sentence=_decision_sentence(kind, parties, decided_on),
        certificate_needed=certificate_needed,
        wants_mediation=wants,
        issues=issues,
        issues_are_parents=own,
        certificate_due=long_date(certificate.due),
        certificate_told=certificate_told,
        certificate_source=certificate.source,
        mediation_by=long_date(mediation_by.due),
        mediation_told=mediation_told,
        mediation_source=mediation_by.source,
        appeal=_appeal_time(case, kind, decided_on, today),
        contact=_contact(parties),
    )


# -- mediation_summary --------------------------------------------------------------------------


@dataclass(frozen=True)
class KeyDate:
    what: str
    when: str
    source: str


@dataclass(frozen=True)
class MediationSummary:
    letter_date: str
    sender_name: str
    council_name: str
    child_full_name: str
    child_date_of_birth: str
    decision_sentence: str
    issues: tuple[str, ...]
    outcome: str  # extras.outcome_sought, or a default for the decision
    evidence: tuple[Evidence, ...]  # key_points cut to one line
    dates: tuple[KeyDate, ...]
    # letters/voice.py: the child's views, strengths and hopes, as given (without the request
    # for outcomes in preparing for adulthood, which is written to the council).
    voice: VoiceSection | None = None


# Short enough that an evidence item's line fits on one line of the page.
# The longest first sentence the one-page summary shows whole; a longer one is left out rather
# than cut mid-sentence (finding 12): the document itself is named, with its author and date.
ONE_LINE = 160


def _one_line(text: str) -> str:
    """The first sentence of `text` when it is at most ONE_LINE characters, else ""."""
    first = re.split(r"(?<=[.!?])\s", text.strip(), maxsplit=1)[0]
    return first if len(first) <= ONE_LINE else ""


def build_mediation_summary(
    case: Mapping[str, Any], *, today: date, extras: Mapping[str, Any] | None = None
) -> MediationSummary:
    """One page for the parent to take into mediation: who, the decision, the issues, what the
    parent wants, the child's own views (when given), the key evidence and the dates that
    matter (the appeal deadline, and the council's 30 days to arrange mediation when
    `mediation_requested` is recorded)."""
    kind, decided_on = _decision(case, "mediation_summary", MEDIATION_NEEDS, MEDIATION_DECISIONS)
    extras = _extras(extras)
    parties = parties_from_case(case, today, kind="mediation_summary", exercises_right=False)
    issues, _ = _issues(_mediation_extras(extras), kind, parties, case)
    appeal = _appeal_time(case, kind, decided_on, today)
    dates = [
        KeyDate(
            "the usual last day for my appeal to reach the Tribunal, now passed: I can ask the "
            "Tribunal to accept a late appeal"
            if appeal.passed
            else "the last day for my appeal to reach the Tribunal",
            appeal.deadline,
            appeal.source,
        )
    ]
    requested = _latest_event(case, EventType.MEDIATION_REQUESTED, on_or_after=decided_on)
    if requested is not None:
        by = deadlines.mediation_by(mediation_requested=requested)
        dates.insert(
            0,
            KeyDate(
                f"the council must arrange mediation (I asked on {short_date(requested)})",
                long_date(by.due),
                by.source,
            ),
        )
    return MediationSummary(
        letter_date=parties.letter_date,
        sender_name=parties.sender_name,
        council_name=parties.council_name,
        child_full_name=parties.child_full_name,
        child_date_of_birth=parties.child_date_of_birth,
        decision_sentence=_decision_sentence(kind, parties, decided_on),
        issues=issues,
        outcome=_text(extras.get("outcome_sought")) or _default_outcome(kind, parties),
        evidence=tuple(
            Evidence(item.title, item.author, item.date, _one_line(item.key_points))
            for item in _evidence(case)
        ),
        dates=tuple(dates),
        voice=views_only(voice_section(extras, parties.child)),
    )
