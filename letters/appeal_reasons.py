"""The parent's (or young person's) "Reasons for appeal" to the First-tier Tribunal (SEND).
Pure (no Django). Every statement of law comes from journeys/rules/law.py; dates from the
deadlines engine through letters.appeals.

Health and social care recommendations: the Special Educational Needs and Disability
(First-tier Tribunal Recommendations Power) Regulations 2017 (SI 2017/1306); its explanatory
note limits them to appeals under s.51(2)(b) to (f) of the Act, never a refusal to assess. They
ran as a national trial from 3 April 2018 to 31 August 2021; on 20 July 2021 the government
confirmed that the powers continue ("extended appeals").
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from journeys.rules import law
from journeys.rules.decision_letter import (
    MISSING_SENTENCE,
    MissingItem,
    item_law,
    required_items,
)
from journeys.rules.law import Law, LawEntry, SchoolKind
from journeys.rules.vocabulary import DecisionKind, SettingKind
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
from letters.council_reasons import law_answer, topic_of
from letters.parties import (
    Parties,
    Person,
    parties_fields,
    parties_from_case,
    preferred_school_kind,
    setting_kind,
    short_date,
)
from letters.parties import mapping as _mapping
from letters.parties import text as _text
from letters.parties import texts as _texts
from letters.plan_wording import (
    SECTION_HEADINGS,
    SECTION_ORDER,
    SectionFixes,
    _plan_sections,
    plan_fixes,
)
from letters.voice import VoiceSection, views_only, voice_section

RECOMMENDATION_DECISIONS = frozenset(
    {
        DecisionKind.REFUSAL_TO_ISSUE_PLAN,
        DecisionKind.PLAN_CONTENTS,
        DecisionKind.REFUSAL_TO_AMEND,
        DecisionKind.CEASE_TO_MAINTAIN,
        DecisionKind.REFUSAL_TO_REASSESS,  # s.51(2)(d), inside (b) to (f)
    }
)
# Words in the case's needs or notes that show health or social care needs (whole words).
# Only used when the parent was not asked (see `asks_for_recommendations`).
HEALTH_OR_CARE_WORDS = re.compile(
    r"\b(therapy|therapies|therapist|health|healthcare|medical|medication|nhs|camhs|"
    r"paediatrician|nurse|nursing|social care|social worker|respite|short breaks?|care|carers?)"
    r"\b",
    re.IGNORECASE,
)
# Phrases that use those words without showing a health or social care need, taken out before
# matching: the plan's own name ("education, health and care"), and "mental health", as in
# "social, emotional and mental health", an area of special educational need (SEND Code of
# Practice 2015, para 6.32) written in sections B and F, not a health care section. A mental
# health service or professional is still a match (CAMHS, therapist, nurse, ...).
EHC_NAME = re.compile(r"\beducation\s*,?\s*health\s+(?:and|&)\s+care\b", re.IGNORECASE)
MENTAL_HEALTH = re.compile(r"\bmental[\s-]+health\b", re.IGNORECASE)
NOT_HEALTH_OR_CARE = (EHC_NAME, MENTAL_HEALTH)


@dataclass(frozen=True)
class ReasonAnswer:
    reason: str  # the council's reason, as in decision.reasons_given ("" for a parent's point)
    answer: str  # the parent's answer in their own words ("" when none was given)
    legal_point: str  # how the legal test answers it


@dataclass(frozen=True)
class Witness:
    name: str
    role: str
    evidence: str


@dataclass(frozen=True)
class AppealReasons(Parties):
    child_possessive: str
    appellant: str  # "I", or the parent or young person an advocate represents
    decision_kind: str  # DecisionKind value
    decision_label: str  # "Refusal to assess"
    decision_plain: str  # follows "the council's decision ..."
    decision_date: str
    # "section 51(2)(e) of the Children and Families Act 2014" for the decisions on a plan
    # already in place (refusal to amend, ceasing), whose right of appeal the letter names;
    # "" for the others (their letters are pinned as they were).
    appeal_right: str
    deadline: AppealDeadline
    # The "Why this appeal is late" section: whenever the time limit has passed on the
    # letter's date, or the journey says the appeal is late (r.5(3)(a), r.20(4)).
    late: bool
    late_reason: str  # extras.appeal.late_reason
    late_law: LawEntry
    # What the decision letter left out that the law requires, as cited sentences (issue 16):
    # grounds for the extension (r.5(3)(a)), from the decision-letter check the parent saved
    # for this decision (extras.decision_letter). Printed only when the appeal is late.
    letter_gaps: tuple[str, ...]
    five_pm_law: LawEntry
    legal_test_heading: str
    legal_test: tuple[str, ...]  # paragraphs
    reasons: tuple[ReasonAnswer, ...]  # decision.reasons_given with extras.reason_responses
    # Plan appeals: extras.plan_fixes by section, and the plan's own B and F (as `current`)
    # where the parent gave no fixes for them; in section order.
    plan_wording: tuple[SectionFixes, ...]
    asks_for_specific_wording: bool  # plan appeal: say what B/F/I must contain
    preferred_setting: str  # plan.preferred_setting (plan appeals)
    placement_law: LawEntry | None  # s.39 or s.9 EA 1996 by the school's kind; None: unknown
    grounds: tuple[str, ...]  # extras.appeal.grounds
    outcome_sought: tuple[str, ...]  # extras.outcome_sought, else the default for the decision
    health_and_care: tuple[str, ...]  # the recommendations paragraphs; empty when not asked
    witnesses: tuple[Witness, ...]  # extras.appeal.witnesses
    # Every bundle document, numbered as in the evidence index, each with what it shows: the
    # only place the letter states an evidence item's key points.
    evidence: tuple[BundleDocument, ...]
    # The case has evidence items of its own (beyond the decision letter, certificate, plan):
    # each reason and the other points then refer the reader to the "Evidence" section.
    own_evidence: bool
    voice: VoiceSection | None = None  # letters/voice.py: the child's voice, as given


APPEAL_REASONS_NEEDS = ("child.first_name", "applicant.name", "local_authority.name")


def _legal_test(
    kind: DecisionKind,
    child: Person,
    school: SchoolKind | None,
    setting: SettingKind | None,
    situation: law.Situation | None = None,
    outcomes_said: str = "",
) -> tuple[str, tuple[str, ...]]:
    """(heading, paragraphs): the legal test for this decision, stated once in the letter,
    every sentence of law from journeys.rules.law with its citation."""
    subject = child.subject
    needs = "need" if child.has == "have" else "needs"  # "I need", "they need", "she needs"
    plan_content = (
        law.entry(Law.PLAN_CONTENTS).cited,
        f"\u201c{law.entry(Law.SPECIFIC_PROVISION).statement.removesuffix('.')}\u201d "
        f"({law.cite(Law.SPECIFIC_PROVISION)}). Words such as \u201caccess to\u201d, "
        "\u201cregular\u201d or \u201cas needed\u201d do not tell anyone what must be "
        "provided, so nobody can tell whether it is being provided.",
    )
    if kind is DecisionKind.REFUSAL_TO_ASSESS:
        no_place = law.applies(Law.ASSESSMENT_NO_SCHOOL_PLACE, law.Situation(setting_kind=setting))
        return "The legal test", (
            law.entry(Law.ASSESSMENT_TEST).cited,
            law.entry(Law.ASSESSMENT_LOW_THRESHOLD).statement,
            *((law.entry(Law.ASSESSMENT_NO_SCHOOL_PLACE).cited,) if no_place else ()),
        )
    if kind is DecisionKind.REFUSAL_TO_ISSUE_PLAN:
        return "The legal test", (
            law.entry(Law.PLAN_NECESSARY).cited,
            "The assessment has now been done. The question is whether the provision "
            f"{subject} {needs} can in practice be made without a plan.",
        )
    if kind in (DecisionKind.PLAN_CONTENTS, DecisionKind.REFUSAL_TO_AMEND):
        return "What the plan must contain", plan_content
    if kind is DecisionKind.REFUSAL_TO_REASSESS:
        return "The legal test", (
            law.entry(Law.REASSESSMENT_REQUEST).cited,
            law.entry(Law.REASSESSMENT_REFUSAL_GROUNDS).cited,
            law.entry(Law.RIGHT_OF_APPEAL_REASSESSMENT).cited,
            "The question is whether a re-assessment is necessary: whether the needs, or the "
            "provision they call for, may have changed since the last assessment.",
        )
    if kind is DecisionKind.PLACEMENT_ONLY:
        school_law = law.school_law(school)
        return "The school or placement: the law", ((school_law.cited,) if school_law else ())
    # Ceasing: s.45(1), the plan kept until the appeal is decided (s.45(4)), and for a young
    # person aged 19 or over, Code 9.200 with what the family says the council said about
    # the outcomes (extras.cease.outcomes_said).
    at_19 = law.applies(Law.CEASE_OUTCOMES_AT_19, situation or law.Situation())
    outcomes = {
        "not_said": "The council has not said whether "
        f"{child.possessive_mid} education or training outcomes have been achieved.",
        "achieved": "The council says that "
        f"{child.possessive_mid} education or training outcomes have been achieved. That is "
        "disputed, for the reasons below.",
        "not_achieved": "The council says that "
        f"{child.possessive_mid} education or training outcomes have not all been achieved.",
    }
    return "The legal test", (
        law.entry(Law.CEASE_TEST).cited,
        law.entry(Law.CEASE_MAINTAIN_DURING_APPEAL).cited,
        *((law.entry(Law.CEASE_OUTCOMES_AT_19).cited,) if at_19 else ()),
        *((outcomes[outcomes_said],) if at_19 and outcomes_said in outcomes else ()),
        f"{child.name_possessive} plan is still necessary, for the reasons below.",
    )


def _norm(text: str) -> str:
    return " ".join(text.casefold().split())


def _reasons(
    case: Mapping[str, Any],
    extras: Mapping[str, Any],
    kind: DecisionKind,
) -> tuple[ReasonAnswer, ...]:
    """Each of the council's reasons with the parent's answer (matched by the reason's words);
    answers to reasons the case file does not record follow, so none is lost.

    No evidence is tied to a reason here: neither the case file nor the journeys' extras link
    a document to a reason (the family names the evidence, if at all, in their own answer,
    which is quoted). The letter states each document's key points once, under "Evidence",
    and each reason points there (`AppealReasons.own_evidence`). Before, the evidence whose
    words most overlapped a reason was printed in full under it: a link the family never
    made, and a letter of 30 reasons and 30 documents 1.8 million characters long."""
    responses = [r for r in extras.get("reason_responses") or () if isinstance(r, Mapping)]
    unused = list(range(len(responses)))
    pairs = []
    for reason in _texts(_mapping(case.get("decision")).get("reasons_given")):
        answer = ""
        for index in unused:
            if _norm(_text(responses[index].get("reason"))) == _norm(reason):
                answer = _text(responses[index].get("response"))
                unused.remove(index)
                break
        pairs.append((reason, answer))
    for index in unused:
        reason, answer = (
            _text(responses[index].get("reason")),
            _text(responses[index].get("response")),
        )
        if reason or answer:
            pairs.append((reason, answer))
    return tuple(
        ReasonAnswer(
            reason,
            answer,
            law_answer(topic_of(reason), kind) if reason else "",
        )
        for reason, answer in pairs
    )


def _mentions_health_or_care(case: Mapping[str, Any]) -> bool:
    texts = [_text(case.get("notes"))]
    for need in case.get("needs") or ():
        if isinstance(need, Mapping):
            texts += [_text(need.get("description")), _text(need.get("impact"))]
    for phrase in NOT_HEALTH_OR_CARE:
        texts = [phrase.sub(" ", text) for text in texts]
    return any(HEALTH_OR_CARE_WORDS.search(text) for text in texts if text)


def asks_for_recommendations(
    case: Mapping[str, Any], kind: DecisionKind, extras: Mapping[str, Any]
) -> bool:
    """The rule for the health and social care paragraph of the reasons for appeal.

    Never for an appeal where the Tribunal has no such power (RECOMMENDATION_DECISIONS:
    s.51(2)(b)-(f) less a placement-only appeal). Otherwise the parent's own answer decides
    when there is one: extras.appeal.health_or_care True asks for recommendations, False never
    does, whatever the needs and notes say. Only when the parent gave no answer (the key is
    absent, or not a yes/no, as in a letter rendered from a case file alone) does the case
    decide: its needs or notes use a health or care word (HEALTH_OR_CARE_WORDS), leaving out
    the plan's own name and "mental health" (NOT_HEALTH_OR_CARE).
    """
    if kind not in RECOMMENDATION_DECISIONS:
        return False
    answer = _mapping(extras.get("appeal")).get("health_or_care")
    if isinstance(answer, bool):
        return answer
    return _mentions_health_or_care(case)


def _health_and_care_paragraphs(child: Person, has_plan: bool) -> tuple[str, ...]:
    whose = child.possessive_mid
    plan = f"{whose} EHC plan" if has_plan else f"the EHC plan I am asking for {child.name_object}"
    return (
        f"{child.name_possessive} needs include health "
        "and social care needs as well as educational ones. I ask the Tribunal to make "
        "recommendations about the health care and social care needs and provision in "
        f"{plan} (sections C, D, G and H).",
        law.entry(Law.RECOMMENDATIONS).cited,
    )


def _default_outcome(
    kind: DecisionKind, child: Person, council: str, preferred: str, has_fixes: bool
) -> str:
    whose = child.possessive_mid
    named = f", and to name {preferred} in section I" if preferred else ""
    return {
        DecisionKind.REFUSAL_TO_ASSESS: f"To order {council} to carry out an EHC needs "
        f"assessment for {child.name_object}.",
        DecisionKind.REFUSAL_TO_ISSUE_PLAN: f"To order {council} to make and maintain an EHC "
        f"plan for {child.name_object}.",
        DecisionKind.PLAN_CONTENTS: f"To order {council} to amend {whose} plan "
        + (
            "as set out above"
            if has_fixes
            else "so that section B describes every need and section F specifies and "
            "quantifies the provision for each"
        )
        + named
        + ".",
        DecisionKind.PLACEMENT_ONLY: f"To order {council} to name "
        + (preferred if preferred else f"a school or other placement that can meet {whose} needs")
        + f" in section I of {whose} plan.",
        DecisionKind.REFUSAL_TO_AMEND: f"To order {council} to amend {whose} plan"
        + (
            " as set out above"
            if has_fixes
            else " so that it describes every need and specifies the provision for it"
        )
        + named
        + ".",
        DecisionKind.CEASE_TO_MAINTAIN: f"To order {council} to continue to maintain {whose} "
        "EHC plan.",
        DecisionKind.REFUSAL_TO_REASSESS: f"To order {council} to re-assess {whose} education, "
        "health and care needs.",
    }[kind]


def _witnesses(extras: Mapping[str, Any]) -> tuple[Witness, ...]:
    found = []
    for item in _mapping(extras.get("appeal")).get("witnesses") or ():
        if not isinstance(item, Mapping):
            continue
        witness = Witness(
            _text(item.get("name")), _text(item.get("role")), _text(item.get("evidence"))
        )
        if witness.name:
            found.append(witness)
    return tuple(found)


def _plan_wording(
    case: Mapping[str, Any], kind: DecisionKind, extras: Mapping[str, Any]
) -> tuple[SectionFixes, ...]:
    """The wording sought, section by section: the parent's fixes, and for a contents appeal
    each of B and F without fixes quoted from the plan (a placement appeal keeps only I)."""
    groups = {group.section: group for group in plan_fixes(extras)}
    if kind is DecisionKind.PLACEMENT_ONLY:
        return (groups["I"],) if "I" in groups else ()
    for key, text in _plan_sections(case).items():
        if key in ("B", "F") and key not in groups:
            groups[key] = SectionFixes(key, SECTION_HEADINGS[key], (), current=text)
    order = [s for s in SECTION_ORDER if s in groups] + [
        s for s in groups if s not in SECTION_ORDER
    ]
    return tuple(groups[s] for s in order)


def letter_gaps(
    case: Mapping[str, Any], kind: DecisionKind, extras: Mapping[str, Any]
) -> tuple[str, ...]:
    """The decision-letter check's missing items as cited sentences, when the check saved is
    of this case's decision (same kind, same date): a check of an earlier letter says nothing
    about this one. Codes that are not a requirement for this decision are dropped."""
    saved = _mapping(extras.get("decision_letter"))
    decision = _mapping(case.get("decision"))
    if saved.get("kind") != kind.value or saved.get("date") != decision.get("date"):
        return ()
    codes = {code for code in saved.get("missing") or () if isinstance(code, str)}
    return tuple(
        MissingItem(item, MISSING_SENTENCE[item], item_law(item, kind)).ground
        for item in required_items(kind)
        if item.value in codes
    )


def build_appeal_reasons(
    case: Mapping[str, Any], *, today: date, extras: Mapping[str, Any] | None = None
) -> AppealReasons:
    """The parent's "Reasons for appeal" to the First-tier Tribunal (SEND).

    Needs decision.kind and decision.date. The time limit is the engine's appeal_deadline with
    the latest mediation certificate issued on or after the decision. The legal test follows
    the decision: s.36(8) for a refusal to assess, s.37(1) for a refusal to issue a plan,
    s.37(2), reg 12 and Code 9.69 for the plan's contents, s.39 for the school, s.44(2), reg
    24 and s.51(2)(d) for a refusal to re-assess (issue 14). "Why this
    appeal is late" (r.5(3)(a)) only when extras.appeal.late is True. Health and social care
    recommendations: see `asks_for_recommendations`.
    """
    extras = extras or {}
    require(case, "appeal_reasons", APPEAL_REASONS_NEEDS)
    kind, decided = _decision(case, "appeal_reasons")
    parties = parties_from_case(case, today, kind="appeal_reasons", exercises_right=True)
    child = parties.child
    council = parties.council_name
    appeal = _mapping(extras.get("appeal"))
    plan = _mapping(case.get("plan"))
    school = preferred_school_kind(case)
    setting = setting_kind(case)
    born = _mapping(case.get("child")).get("date_of_birth")
    try:
        born_on = date.fromisoformat(born) if isinstance(born, str) else None
    except ValueError:
        born_on = None
    heading, test = _legal_test(
        kind,
        child,
        school,
        setting,
        law.Situation(decision=kind, aged_19_or_over=law.aged_19_or_over(born_on, today)),
        _text(_mapping(extras.get("cease")).get("outcomes_said")),
    )
    is_plan_appeal = kind in (
        DecisionKind.PLAN_CONTENTS,
        DecisionKind.PLACEMENT_ONLY,
        DecisionKind.REFUSAL_TO_AMEND,
    )
    wording = _plan_wording(case, kind, extras) if is_plan_appeal else ()
    preferred = _text(plan.get("preferred_setting")) if is_plan_appeal else ""
    outcome = _text(extras.get("outcome_sought"))
    documents = bundle_documents(case, child)
    evidence_count = sum(1 for item in case.get("evidence") or () if isinstance(item, Mapping))
    deadline = appeal_time_limit(case, kind, today=today)
    return AppealReasons(
        **parties_fields(parties),
        child_possessive=child.possessive_mid,
        appellant=parties.rights_holder,
        decision_kind=kind.value,
        decision_label=kind.label,
        decision_plain=decision_in_plain_words(kind, child),
        decision_date=short_date(decided),
        appeal_right=law.appeal_right_phrase(kind)
        if kind in (DecisionKind.REFUSAL_TO_AMEND, DecisionKind.CEASE_TO_MAINTAIN)
        else "",
        deadline=deadline,
        late=appeal.get("late") is True or deadline.passed,
        late_reason=_text(appeal.get("late_reason")),
        late_law=law.entry(Law.LATE_APPEAL),
        letter_gaps=letter_gaps(case, kind, extras),
        five_pm_law=law.entry(Law.APPEAL_BY_5PM),
        legal_test_heading=heading,
        legal_test=test,
        reasons=_reasons(case, extras, kind),
        plan_wording=wording,
        asks_for_specific_wording=kind
        in (DecisionKind.PLAN_CONTENTS, DecisionKind.REFUSAL_TO_AMEND),
        preferred_setting=preferred,
        placement_law=law.school_law(school) if preferred else None,
        grounds=_texts(appeal.get("grounds")),
        outcome_sought=(outcome,)
        if outcome
        else (_default_outcome(kind, child, council, preferred, any(g.fixes for g in wording)),),
        health_and_care=_health_and_care_paragraphs(child, kind in PLAN_DOCUMENT)
        if asks_for_recommendations(case, kind, extras)
        else (),
        witnesses=_witnesses(extras),
        evidence=documents,
        own_evidence=evidence_count > 0,
        voice=views_only(voice_section(extras, parties.child)),
    )
