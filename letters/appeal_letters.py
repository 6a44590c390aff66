"""Pure builders for the draft-plan and appeal documents: a case file (and a journey's extras)
in, a frozen dataclass of everything the document says out. No Django here.

Four kinds (letters/registry.py): the parent's comments on a draft EHC plan, the reasons for an
appeal to the First-tier Tribunal (Special Educational Needs and Disability), the evidence index
for the Tribunal bundle, and the parent's checklist of what to send with the appeal. Every date
comes from journeys.rules.deadlines; every builder refuses (MissingCaseData, naming each missing
case-file path) rather than print a gap. Extras (letters/extras.py) only ever add to a document
that already reads well from the case file alone.

The law each document cites, and how it was checked (``search`` tool, corpus "pages"):

- SEND Regulations 2014 (SI 2014/1530), reg 13(1)(a) — legislation.gov.uk, text as made: the
  council must give the parent "at least 15 days, beginning with the day on which the draft
  plan was served", to "(i) make representations about the content of the draft plan, and to
  request that a particular school or other institution be named in the plan; and (ii) require
  the local authority to arrange a meeting between them and an officer of the local authority
  at which the draft plan can be discussed". So the right to a meeting is reg 13(1)(a)(ii), not
  a provision of section 38 of the Act.
- Children and Families Act 2014, s.38(2)(b) — legislation.gov.uk: notice of the right to
  "(i) make representations about the content of the draft plan, and (ii) request the authority
  to secure that a particular school or other institution within subsection (3) is named in the
  plan"; s.38(3) lists maintained schools and nurseries, Academies, further education
  institutions, non-maintained special schools and section 41 approved institutions.
- s.39 — the section text itself was not in the stored pages; its content is confirmed by the
  Act's explanatory notes (legislation.gov.uk, notes to s.39) and by IPSEA: s.39(2) the council
  must consult the requested school; s.39(3) it must name it; s.39(4) unless it is "unsuitable
  for the age, ability, aptitude or special educational needs" of the child, or attendance
  "would be incompatible with the efficient education of others, or the efficient use of
  resources" (IPSEA: "These criteria are set out in section 39(4) CAFA 2014").
- SEND Code of Practice 2015, para 9.69 (section F) — quoted in the Noddy Guide (Wolfe and
  Glenister, 2022): "Provision must be detailed and specific and should normally be quantified,
  for example, in terms of the type, hours and frequency of support and level of expertise,
  including where this support is secured through a Personal Budget".
- s.36(8) (the test to assess), s.37(1) (the duty to make a plan where one is necessary) and
  s.37(2) (a plan specifies the needs and the special educational provision) — legislation.gov.uk
  and Sendadvice Surrey; reg 12(1) (sections B, F and I) — legislation.gov.uk; s.45(1) (ceasing
  to maintain only if no longer responsible, or the plan is no longer necessary) — the Act's
  explanatory notes and IPSEA.
- Tribunal Rules 2008 (HESC), r.20(1)(c) — the time limit, computed by deadlines.appeal_deadline.
  The power to extend time is cited as r.5(3)(a) ("extend or shorten the time for complying
  with any rule, practice direction or direction"): that wording was read in the sister Social
  Entitlement Chamber Rules 2008 r.5(3)(a), and the HESC rules' Part 2 (legislation.gov.uk)
  opens with the identical r.5(1)-(2); the HESC paragraph (3)(a) itself was not in the stored
  page. IPSEA and Leeds SENDIASS confirm late appeals are accepted where the parent explains
  the delay.
- Health and social care recommendations: the Special Educational Needs and Disability
  (First-tier Tribunal Recommendations Power) Regulations 2017 (SI 2017/1306); its explanatory
  note (legislation.gov.uk) limits them to appeals under s.51(2)(b) to (f) of the Act — never a
  refusal to assess (s.51(2)(a)). They ran as a national trial from 3 April 2018 to 31 August
  2021; in July 2021 the government announced that the powers "will continue" (IPSEA, Tayntons,
  Medway and Gateshead local offers). Whether that makes them "permanent" is disputed (Special
  Needs Jungle), so letters say the powers continue, not that they are permanent.
- The appeal form: SEND35 for every appeal except a refusal to assess, which uses SEND35a
  (Sendadvice Surrey, Essex and Norfolk SENDIASS). No mediation certificate is needed for an
  appeal only about the school or type of school named in section I (Act s.55; SEND Advocacy).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from journeys.rules import deadlines
from journeys.rules.appeal_reasoning import explain_appeal_deadline
from journeys.rules.vocabulary import DecisionKind, EventType, Pronouns, Relationship
from letters.context import (
    MissingCaseData,
    Person,
    _evidence_title,
    _person,
    _writer_introduction,
    long_date,
    require,
    short_date,
)

# -- shared helpers ---------------------------------------------------------------------------


def _text(value: Any) -> str:
    """A free-text answer as a clean string: anything that is not text prints as nothing."""
    return value.strip() if isinstance(value, str) else ""


def _texts(values: Any) -> tuple[str, ...]:
    if not isinstance(values, list | tuple):
        return ()
    return tuple(t for t in (_text(v) for v in values) if t)


def _mapping(value: Any) -> Mapping[str, Any]:
    return value if isinstance(value, Mapping) else {}


def _iso(value: Any) -> date | None:
    try:
        return date.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        return None


def _event_dates(case: Mapping[str, Any], event: EventType) -> list[date]:
    found = []
    for item in case.get("events") or ():
        if isinstance(item, Mapping) and item.get("type") == event.value:
            day = _iso(item.get("date"))
            if day is not None:
                found.append(day)
    return sorted(found)


def _child(case: Mapping[str, Any]) -> Person:
    """The child in the right grammatical person; "they" when the case gives no pronouns."""
    child = case["child"]
    try:
        pronouns = Pronouns(child.get("pronouns"))
    except ValueError:
        pronouns = Pronouns.THEY
    relationship = case.get("applicant", {}).get("relationship")
    return _person(
        _text(child["first_name"]),
        pronouns,
        writing_about_self=relationship == Relationship.YOUNG_PERSON.value,
    )


def _possessive(child: Person) -> str:
    """'Sam's' or 'my', to use mid-sentence (Person.name_possessive is 'My' for oneself)."""
    return "my" if child.writes_for_self else child.name_possessive


def _introduction(case: Mapping[str, Any], child: Person) -> str:
    try:
        relationship = Relationship(case.get("applicant", {}).get("relationship"))
    except ValueError:
        return f"I am writing about {child.name_object}."
    return _writer_introduction(relationship, child)


def _full_name(case: Mapping[str, Any]) -> str:
    child = case["child"]
    return " ".join(p for p in (_text(child.get("first_name")), _text(child.get("last_name"))) if p)


def _birth_date(case: Mapping[str, Any]) -> str:
    born = _iso(case["child"].get("date_of_birth"))
    return short_date(born) if born else ""


def _sender(case: Mapping[str, Any]) -> dict[str, Any]:
    applicant = case["applicant"]
    return {
        "sender_name": _text(applicant["name"]),
        "sender_address": _texts(applicant.get("address")),
        "sender_email": _text(applicant.get("email")),
        "sender_phone": _text(applicant.get("phone")),
    }


# -- plan wording: the wording checker's flags in plain words ----------------------------------

SECTION_HEADINGS: dict[str, str] = {
    "B": "Section B: special educational needs",
    "F": "Section F: special educational provision",
    "I": "Section I: school or other placement",
}
SECTION_ORDER = ("B", "F", "I")

# The wording checker's flag codes ("<code>" or "vague:<phrase>"), in plain words.
FLAG_EXPLANATIONS: dict[str, str] = {
    "no_frequency": "It does not say how often the help will be given (for example, how many "
    "sessions a week).",
    "no_duration": "It does not say how long each session lasts, or for how many weeks or terms "
    "the help will continue.",
    "no_provider": "It does not say who will give the help (for example, a speech and language "
    "therapist, a specialist teacher or a trained teaching assistant).",
    "no_qualification": "It does not say what training, qualification or experience the person "
    "giving the help must have.",
    "no_review": "It does not say how and when progress will be checked, or who will review "
    "the help.",
}
VAGUE_EXPLANATION = (
    "It uses the vague words {words}, which do not commit anyone to providing anything "
    "definite: the help could be given rarely, or not at all, and the plan would still be met."
)
UNKNOWN_FLAG_EXPLANATION = (
    "The wording is not specific enough for anyone to know exactly what help will be given."
)

# SEND Code of Practice 2015, para 9.69 (quoted from the Noddy Guide; see the module docstring).
CODE_9_69 = (
    "Provision must be detailed and specific and should normally be quantified, for example, in "
    "terms of the type, hours and frequency of support and level of expertise, including where "
    "this support is secured through a Personal Budget"
)


def explain_flags(flags: Iterable[Any]) -> tuple[str, ...]:
    """Each flag code as one plain sentence, in the order given, without repeats; the vague
    phrases share one sentence, where the first of them came."""
    explained: list[str] = []
    vague: list[str] = []
    for flag in flags:
        code = _text(flag)
        if code.startswith("vague:") and code.removeprefix("vague:").strip():
            if not vague:
                explained.append(VAGUE_EXPLANATION)  # placeholder, filled in below
            phrase = code.removeprefix("vague:").strip()
            if phrase not in vague:
                vague.append(phrase)
            continue
        if not code:
            continue
        sentence = FLAG_EXPLANATIONS.get(code, UNKNOWN_FLAG_EXPLANATION)
        if sentence not in explained:
            explained.append(sentence)
    if vague:
        quoted = [f'"{phrase}"' for phrase in vague]
        words = quoted[0] if len(quoted) == 1 else f"{', '.join(quoted[:-1])} and {quoted[-1]}"
        explained[explained.index(VAGUE_EXPLANATION)] = VAGUE_EXPLANATION.format(words=words)
    return tuple(explained)


@dataclass(frozen=True)
class PlanFix:
    """One sentence of the plan the parent wants changed."""

    original: str  # the plan's current wording, as the parent pasted it ("" if not given)
    problems: tuple[str, ...]  # why it is not specific enough, in plain words
    proposed: str  # the wording the parent asks for ("" if not given)


@dataclass(frozen=True)
class SectionFixes:
    section: str  # "B", "F", "I", or the parent's own label
    heading: str
    fixes: tuple[PlanFix, ...]
    # Reasons for appeal only: the plan's wording of a section the parent has no fixes for,
    # answered with the general request for that section ("" otherwise).
    current: str = ""


def _section_key(value: Any) -> str:
    section = _text(value).upper().removeprefix("SECTION").strip()
    return section


def plan_fixes(extras: Mapping[str, Any]) -> tuple[SectionFixes, ...]:
    """extras.plan_fixes grouped by section (B, F, I first, then any other, in first-seen order).

    An item with neither original nor proposed wording says nothing and is left out.
    """
    groups: dict[str, list[PlanFix]] = {}
    for item in extras.get("plan_fixes") or ():
        if not isinstance(item, Mapping):
            continue
        original, proposed = _text(item.get("original")), _text(item.get("proposed"))
        if not original and not proposed:
            continue
        flags = item.get("flags") if isinstance(item.get("flags"), list | tuple) else ()
        fix = PlanFix(original, explain_flags(flags), proposed)
        groups.setdefault(_section_key(item.get("section")), []).append(fix)
    ordered = [s for s in SECTION_ORDER if s in groups] + [
        s for s in groups if s not in SECTION_ORDER
    ]
    return tuple(
        SectionFixes(
            section=s,
            heading=SECTION_HEADINGS.get(s, f"Section {s}" if s else "Other wording in the plan"),
            fixes=tuple(groups[s]),
        )
        for s in ordered
    )


def _plan_sections(case: Mapping[str, Any]) -> dict[str, str]:
    sections = _mapping(_mapping(case.get("plan")).get("sections"))
    return {key: _text(sections.get(key)) for key in SECTION_ORDER if _text(sections.get(key))}


# -- 1. comments on the draft plan (to the council) -------------------------------------------


@dataclass(frozen=True)
class DraftPlanRepresentationsLetter:
    letter_date: str
    sender_name: str
    sender_address: tuple[str, ...]
    sender_email: str
    sender_phone: str
    council_name: str
    child_full_name: str
    child_date_of_birth: str
    child: Person
    child_possessive: str  # "Sam's" or "my", mid-sentence
    writer_introduction: str
    draft_received: str  # "3 February 2027"
    comments_due: str  # "Wednesday 17 February 2027"
    comments_source: str  # "SEND Regulations 2014, reg 13(1)(a)"
    comments_late: bool  # the letter is dated after the last day
    # extras.plan_fixes, grouped; empty: the letter makes the general request about section F.
    section_fixes: tuple[SectionFixes, ...]
    current_section_f: str  # the draft's section F, quoted in the general request
    preferred_setting: str  # plan.preferred_setting
    meeting_requested: bool  # extras.meeting_requested
    code_9_69: str


DRAFT_PLAN_NEEDS = ("child.first_name", "applicant.name", "local_authority.name")


def build_draft_plan_representations(
    case: Mapping[str, Any], *, today: date, extras: Mapping[str, Any] | None = None
) -> DraftPlanRepresentationsLetter:
    """The parent's representations on a draft EHC plan, to the council.

    Needs a draft_plan_issued event (its date is the day the parent received the draft) and at
    least one of plan.sections B, F or I. The last day for comments is the engine's
    draft_plan_representations: received + 14 days (reg 13(1)(a): 15 days beginning with the
    day of service). Without extras.plan_fixes the letter asks for section F to be specified
    and quantified (Code 9.69); plan.preferred_setting becomes a request under s.38(2)(b)(ii)
    with the council's s.39 duty; extras.meeting_requested asks for the reg 13(1)(a)(ii)
    meeting. No Tribunal rule is cited: the letter only mentions the later right of appeal.
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
    child = _child(case)
    draft_received = received[-1]
    due = deadlines.draft_plan_representations(draft_received=draft_received)
    return DraftPlanRepresentationsLetter(
        letter_date=short_date(today),
        **_sender(case),
        council_name=_text(case["local_authority"]["name"]),
        child_full_name=_full_name(case),
        child_date_of_birth=_birth_date(case),
        child=child,
        child_possessive=_possessive(child),
        writer_introduction=_introduction(case, child),
        draft_received=short_date(draft_received),
        comments_due=long_date(due.due),
        comments_source=due.source,
        comments_late=today > due.due,
        section_fixes=plan_fixes(extras),
        current_section_f=sections.get("F", ""),
        preferred_setting=_text(_mapping(case.get("plan")).get("preferred_setting")),
        meeting_requested=extras.get("meeting_requested") is True,
        code_9_69=CODE_9_69,
    )


# -- the decision appealed and its time limit ---------------------------------------------------

# The event whose type the deadlines engine takes for each decision. No event type records a
# refusal to amend or a decision to cease yet (CASE_FORMAT.md); their time limit is the same
# r.20(1)(c) "special educational needs case" rule, so the engine is asked with the plan event.
ENGINE_EVENT: dict[DecisionKind, EventType] = {
    DecisionKind.REFUSAL_TO_ASSESS: EventType.DECISION_NOT_TO_ASSESS,
    DecisionKind.REFUSAL_TO_ISSUE_PLAN: EventType.DECISION_NOT_TO_ISSUE_PLAN,
    DecisionKind.PLAN_CONTENTS: EventType.FINAL_PLAN_ISSUED,
    DecisionKind.PLACEMENT_ONLY: EventType.FINAL_PLAN_ISSUED,
    DecisionKind.REFUSAL_TO_AMEND: EventType.FINAL_PLAN_ISSUED,
    DecisionKind.CEASE_TO_MAINTAIN: EventType.FINAL_PLAN_ISSUED,
}
# Decisions where the Tribunal may make health and social care recommendations: appeals under
# s.51(2)(b) to (f) (SI 2017/1306, explanatory note) — never a refusal to assess (s.51(2)(a)).
# An appeal only about section I is left out too: asking for recommendations about health or
# social care would make it more than a placement-only appeal (and then a mediation
# certificate is needed).
RECOMMENDATION_DECISIONS = frozenset(
    {
        DecisionKind.REFUSAL_TO_ISSUE_PLAN,
        DecisionKind.PLAN_CONTENTS,
        DecisionKind.REFUSAL_TO_AMEND,
        DecisionKind.CEASE_TO_MAINTAIN,
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


def decision_in_plain_words(kind: DecisionKind, child: Person, *, to_reader: bool = False) -> str:
    """What the council decided, to follow "the council's decision ...". In the applicant's
    first person ("for Sam", "for me"), or `to_reader`, speaking to them ("for Sam", "for you")."""
    if child.writes_for_self:
        whose, whom = ("your", "you") if to_reader else ("my", "me")
    else:
        whose, whom = child.name_possessive, child.name_object
    return {
        DecisionKind.REFUSAL_TO_ASSESS: "not to carry out an education, health and care (EHC) "
        f"needs assessment for {whom}",
        DecisionKind.REFUSAL_TO_ISSUE_PLAN: "not to issue an education, health and care (EHC) "
        f"plan for {whom} after the assessment",
        DecisionKind.PLAN_CONTENTS: f"about what {whose} final EHC plan says: the description "
        "of special educational needs (section B), the special educational provision "
        "(section F) and the school or other placement (section I)",
        DecisionKind.PLACEMENT_ONLY: "about the school or other placement named in section I "
        f"of {whose} final EHC plan, or that none is named",
        DecisionKind.REFUSAL_TO_AMEND: f"not to amend {whose} EHC plan after a review",
        DecisionKind.CEASE_TO_MAINTAIN: f"to stop maintaining {whose} EHC plan",
    }[kind]


@dataclass(frozen=True)
class AppealDeadline:
    due: str  # "Tuesday 1 September 2026"
    source: str
    certificate_issued: str  # "14 July 2026", or "" when no certificate is recorded
    passed: bool  # `today` is after the last day
    steps: tuple[str, ...]  # the working, in plain words (journeys.rules.appeal_reasoning)


def _certificate_date(case: Mapping[str, Any], decided: date) -> date | None:
    """The latest mediation certificate issued on or after the decision (an earlier one is
    about an earlier decision and does not count: deadlines._appeal)."""
    issued = [day for day in _event_dates(case, EventType.MEDIATION_CERTIFICATE_ISSUED)]
    issued = [day for day in issued if day >= decided]
    return issued[-1] if issued else None


def appeal_time_limit(
    case: Mapping[str, Any], kind: DecisionKind, *, today: date
) -> AppealDeadline:
    decided = date.fromisoformat(case["decision"]["date"])
    certificate = _certificate_date(case, decided)
    explained = explain_appeal_deadline(
        decision_date=decided, certificate_issued=certificate, decision=ENGINE_EVENT[kind]
    )
    return AppealDeadline(
        due=long_date(explained.deadline.due),
        source=explained.deadline.source,
        certificate_issued=short_date(certificate) if certificate else "",
        passed=today > explained.deadline.due,
        steps=explained.steps,
    )


def _decision(case: Mapping[str, Any], kind_name: str) -> tuple[DecisionKind, date]:
    """decision.kind and decision.date, or MissingCaseData naming what is absent or invalid."""
    decision = _mapping(case.get("decision"))
    kind = _decision_kind(decision)
    decided = _iso(decision.get("date"))
    if kind is None or decided is None:
        pairs = (("decision.kind", kind), ("decision.date", decided))
        raise MissingCaseData(kind_name, [path for path, value in pairs if value is None])
    return kind, decided


def _decision_kind(decision: Mapping[str, Any]) -> DecisionKind | None:
    try:
        return DecisionKind(decision.get("kind"))
    except ValueError:
        return None


# -- the Tribunal bundle: the documents, numbered -----------------------------------------------

# The plan as a bundle document, for appeals about a plan: (title, what it shows).
PLAN_DOCUMENT: dict[DecisionKind, tuple[str, str]] = {
    DecisionKind.PLAN_CONTENTS: (
        "Final EHC plan, with all its appendices",
        "The plan this appeal is about.",
    ),
    DecisionKind.PLACEMENT_ONLY: (
        "Final EHC plan, with all its appendices",
        "The plan this appeal is about.",
    ),
    DecisionKind.REFUSAL_TO_AMEND: (
        "Current EHC plan, with all its appendices",
        "The plan the council has decided not to amend.",
    ),
    DecisionKind.CEASE_TO_MAINTAIN: (
        "Current EHC plan, with all its appendices",
        "The plan the council has decided to stop.",
    ),
}


@dataclass(frozen=True)
class BundleDocument:
    number: int
    title: str
    author: str
    date: str  # "10 March 2026", or "" when undated
    shows: str  # one line of what it shows


def bundle_documents(case: Mapping[str, Any], child: Person) -> tuple[BundleDocument, ...]:
    """The decision letter, the mediation certificate (if any), the plan (plan appeals) and
    every evidence item, numbered from 1 in that order."""
    council = _text(_mapping(case.get("local_authority")).get("name"))
    decision = _mapping(case.get("decision"))
    kind = _decision_kind(decision)
    decided = _iso(decision.get("date"))
    # (title, what it shows, author, date)
    rows: list[tuple[str, str, str, date | None]] = [
        (
            f"Decision letter from {council}" if council else "The council's decision letter",
            f"The decision I am appealing: the council's decision "
            f"{decision_in_plain_words(kind, child)}."
            if kind
            else "The decision I am appealing.",
            council,
            decided,
        )
    ]
    certificate = _certificate_date(case, decided) if decided else None
    if decided is None:
        issued = _event_dates(case, EventType.MEDIATION_CERTIFICATE_ISSUED)
        certificate = issued[-1] if issued else None
    if certificate:
        rows.append(
            (
                "Mediation certificate",
                "That I contacted a mediation adviser before appealing.",
                "Mediation adviser",
                certificate,
            )
        )
    if kind in PLAN_DOCUMENT:
        plans = _event_dates(case, EventType.FINAL_PLAN_ISSUED)
        rows.append((*PLAN_DOCUMENT[kind], council, plans[-1] if plans else None))
    for item in case.get("evidence") or ():
        if not isinstance(item, Mapping):
            continue
        try:
            title = _text(_evidence_title(item))
        except ValueError:  # an unknown evidence kind and no title
            title = ""
        rows.append(
            (
                title or "Evidence",
                _text(item.get("key_points")),
                _text(item.get("author")),
                _iso(item.get("date")),
            )
        )
    return tuple(
        BundleDocument(number, title, author, short_date(day) if day else "", shows)
        for number, (title, shows, author, day) in enumerate(rows, start=1)
    )


# -- 2. reasons for appeal (the parent's statement to the Tribunal) ----------------------------


@dataclass(frozen=True)
class ReasonAnswer:
    reason: str  # the council's reason, as in decision.reasons_given ("" for a parent's point)
    answer: str  # the parent's answer in their own words ("" when none was given)
    legal_point: str  # how the legal test answers it
    evidence: tuple[BundleDocument, ...]  # the case's evidence on this point (see _on_point)


@dataclass(frozen=True)
class Witness:
    name: str
    role: str
    evidence: str


@dataclass(frozen=True)
class AppealReasons:
    letter_date: str
    sender_name: str
    council_name: str
    child_full_name: str
    child_date_of_birth: str
    child: Person
    child_possessive: str
    writer_introduction: str
    decision_kind: str  # DecisionKind value
    decision_label: str  # "Refusal to assess"
    decision_plain: str  # follows "the council's decision ..."
    decision_date: str
    deadline: AppealDeadline
    late: bool  # extras.appeal.late: the "Why this appeal is late" section
    late_reason: str  # extras.appeal.late_reason
    legal_test_heading: str
    legal_test: tuple[str, ...]  # paragraphs
    reasons: tuple[ReasonAnswer, ...]  # decision.reasons_given with extras.reason_responses
    # Plan appeals: extras.plan_fixes by section, and the plan's own B and F (as `current`)
    # where the parent gave no fixes for them; in section order.
    plan_wording: tuple[SectionFixes, ...]
    asks_for_specific_wording: bool  # plan appeal: say what B/F/I must contain
    preferred_setting: str  # plan.preferred_setting (plan appeals)
    placement_law: str
    grounds: tuple[str, ...]  # extras.appeal.grounds
    outcome_sought: tuple[str, ...]  # extras.outcome_sought, else the default for the decision
    health_and_care: tuple[str, ...]  # the recommendations paragraphs; empty when not asked
    witnesses: tuple[Witness, ...]  # extras.appeal.witnesses
    evidence: tuple[BundleDocument, ...]  # numbered as in the evidence index


APPEAL_REASONS_NEEDS = ("child.first_name", "applicant.name", "local_authority.name")


def _legal_test(kind: DecisionKind, child: Person) -> tuple[str, tuple[str, ...], str]:
    """(heading, paragraphs, one-line point each of the council's reasons is answered by)."""
    subject, obj, whose = child.subject, child.object, _possessive(child)
    has = child.has
    needs = "need" if has == "have" else "needs"  # "I need", "they need", "she needs"
    # The child's name takes "has" whatever the pronouns ("Rowan has"); oneself, "I have".
    name_has = "have" if child.writes_for_self else "has"
    plan_content = (
        "Section 37(2) of the Children and Families Act 2014 says an EHC plan must specify "
        f"{whose} special educational needs and the special educational provision "
        f"{subject} {needs}, and "
        "regulation 12(1) of the SEND Regulations 2014 requires the needs in section B, "
        "the provision in section F and the school or other placement in section I. "
        "Every need in section B must have provision in section F that meets it.",
        f"Paragraph 9.69 of the SEND Code of Practice (2015) says: \u201c{CODE_9_69}.\u201d "
        "Words such as \u201caccess to\u201d, \u201cregular\u201d or \u201cas needed\u201d "
        "do not tell anyone what must be provided, so they cannot be enforced.",
    )
    tests: dict[DecisionKind, tuple[str, tuple[str, ...], str]] = {
        DecisionKind.REFUSAL_TO_ASSESS: (
            "The legal test",
            (
                "Section 36(8) of the Children and Families Act 2014 says the council must "
                f"carry out an EHC needs assessment if {child.name} {name_has} or may have special "
                "educational needs, and it may be necessary for special educational provision "
                f"to be made for {obj} in accordance with an EHC plan.",
                "This is a low threshold. The question is only whether "
                f"{subject} may have special educational needs and whether a plan may be "
                "necessary, not whether either is certain: finding out is what the assessment "
                "is for.",
            ),
            "Under section 36(8) the question is only whether "
            f"{child.name} {name_has} or may have special educational needs and whether a plan "
            "may be necessary.",
        ),
        DecisionKind.REFUSAL_TO_ISSUE_PLAN: (
            "The legal test",
            (
                "Section 37(1) of the Children and Families Act 2014 says that where, in the "
                "light of an EHC needs assessment, it is necessary for special educational "
                f"provision to be made for {obj} in accordance with an EHC plan, the council "
                "must secure that a plan is prepared, and then maintain it.",
                "The assessment has now been done. The question is whether the provision "
                f"{subject} {needs} can in practice be made "
                "without a plan.",
            ),
            "Under section 37(1) the question is whether, in the light of the assessment, it "
            "is necessary for the provision to be made through an EHC plan.",
        ),
        DecisionKind.PLAN_CONTENTS: (
            "What the plan must contain",
            plan_content,
            "Section 37(2) and regulation 12 require the plan to specify every need and the "
            "provision for it; paragraph 9.69 of the Code says provision should normally be "
            "quantified.",
        ),
        DecisionKind.PLACEMENT_ONLY: (
            "The school or placement: the law",
            (
                "Section 39 of the Children and Families Act 2014 says that when a parent or "
                "young person asks for a school or college of a kind listed in section 38(3), "
                f"the council must name it unless it is unsuitable for {whose} age, ability, "
                f"aptitude or special educational needs, or {whose} attendance would be "
                "incompatible with the efficient education of others or the efficient use of "
                "resources (section 39(4)).",
            ),
            "Section 39(4) allows the council to refuse the school I asked for only for the "
            "reasons it lists.",
        ),
        DecisionKind.REFUSAL_TO_AMEND: (
            "What the plan must contain",
            plan_content,
            "Section 37(2) requires the plan to specify every need and the provision for it, "
            "as they are now.",
        ),
        DecisionKind.CEASE_TO_MAINTAIN: (
            "The legal test",
            (
                "Section 45(1) of the Children and Families Act 2014 allows the council to stop "
                "maintaining an EHC plan only if it is no longer responsible for "
                f"{obj}, or it decides that it is no longer necessary for the plan to be "
                "maintained.",
                f"{child.name_possessive} plan is still necessary, for the reasons below.",
            ),
            "Under section 45(1) the council may stop the plan only if it is no longer "
            "responsible or the plan is no longer necessary.",
        ),
    }
    return tests[kind]


def _norm(text: str) -> str:
    return " ".join(text.casefold().split())


# Words too common to show that a piece of evidence is about a reason.
_COMMON_WORDS = frozenset(
    {
        "about", "after", "also", "been", "before", "being", "cannot", "could", "does", "from",
        "have", "into", "more", "most", "need", "needs", "only", "other", "should", "some",
        "such", "than", "that", "their", "them", "then", "there", "these", "they", "this",
        "those", "very", "were", "what", "when", "which", "will", "with", "would", "your",
        "child", "school",
    }
)  # fmt: skip


def _words(text: str) -> set[str]:
    found = {word.removesuffix("'s") for word in re.findall(r"[a-z][a-z']{3,}", text.casefold())}
    return found - _COMMON_WORDS


def _on_point(
    text: str, evidence: tuple[BundleDocument, ...], child_name: str
) -> tuple[BundleDocument, ...]:
    """The evidence items whose title and summary share the most words with the reason and
    answer (leaving out the child's name and common words); every item when none shares a
    word, so each reason is answered with named evidence."""
    words = _words(text) - {child_name.casefold()}
    scores = [len(words & _words(f"{doc.title} {doc.shows}")) for doc in evidence]
    best = max(scores, default=0)
    if best == 0:
        return evidence
    return tuple(doc for doc, score in zip(evidence, scores, strict=True) if score == best)


def _reasons(
    case: Mapping[str, Any],
    extras: Mapping[str, Any],
    legal_point: str,
    evidence: tuple[BundleDocument, ...],
    child_name: str,
) -> tuple[ReasonAnswer, ...]:
    """Each of the council's reasons with the parent's answer (matched by the reason's words);
    answers to reasons the case file does not record follow, so none is lost. `evidence` is
    the case's own evidence items as numbered in the bundle."""
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
            reason, answer, legal_point, _on_point(f"{reason} {answer}", evidence, child_name)
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
    whose = _possessive(child)
    plan = f"{whose} EHC plan" if has_plan else f"the EHC plan I am asking for {child.name_object}"
    return (
        f"{child.name_possessive} needs include health "
        "and social care needs as well as educational ones. I ask the Tribunal to make "
        "recommendations about the health care and social care needs and provision in "
        f"{plan} (sections C, D, G and H).",
        "The Tribunal can do this when it hears an appeal about the education parts of a plan, "
        "under the Special Educational Needs and Disability (First-tier Tribunal "
        "Recommendations Power) Regulations 2017. These powers were tested in a national trial "
        "from April 2018 to August 2021, sometimes called the \u201csingle route of "
        "redress\u201d, and the government announced in 2021 that they would continue. The "
        "recommendations are not binding, but the council and the health services must "
        "consider them and respond.",
    )


def _default_outcome(
    kind: DecisionKind, child: Person, council: str, preferred: str, has_fixes: bool
) -> str:
    whose = _possessive(child)
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


def build_appeal_reasons(
    case: Mapping[str, Any], *, today: date, extras: Mapping[str, Any] | None = None
) -> AppealReasons:
    """The parent's "Reasons for appeal" to the First-tier Tribunal (SEND).

    Needs decision.kind and decision.date. The time limit is the engine's appeal_deadline with
    the latest mediation certificate issued on or after the decision. The legal test follows
    the decision: s.36(8) for a refusal to assess, s.37(1) for a refusal to issue a plan,
    s.37(2), reg 12 and Code 9.69 for the plan's contents, s.39 for the school. "Why this
    appeal is late" (r.5(3)(a)) only when extras.appeal.late is True. Health and social care
    recommendations: see `asks_for_recommendations`.
    """
    extras = extras or {}
    require(case, "appeal_reasons", APPEAL_REASONS_NEEDS)
    kind, decided = _decision(case, "appeal_reasons")
    child = _child(case)
    council = _text(case["local_authority"]["name"])
    appeal = _mapping(extras.get("appeal"))
    heading, test, point = _legal_test(kind, child)
    is_plan_appeal = kind in (
        DecisionKind.PLAN_CONTENTS,
        DecisionKind.PLACEMENT_ONLY,
        DecisionKind.REFUSAL_TO_AMEND,
    )
    wording = _plan_wording(case, kind, extras) if is_plan_appeal else ()
    preferred = _text(_mapping(case.get("plan")).get("preferred_setting")) if is_plan_appeal else ""
    outcome = _text(extras.get("outcome_sought"))
    documents = bundle_documents(case, child)
    evidence_count = sum(1 for item in case.get("evidence") or () if isinstance(item, Mapping))
    return AppealReasons(
        letter_date=short_date(today),
        sender_name=_text(case["applicant"]["name"]),
        council_name=council,
        child_full_name=_full_name(case),
        child_date_of_birth=_birth_date(case),
        child=child,
        child_possessive=_possessive(child),
        writer_introduction=_introduction(case, child),
        decision_kind=kind.value,
        decision_label=kind.label,
        decision_plain=decision_in_plain_words(kind, child),
        decision_date=short_date(decided),
        deadline=appeal_time_limit(case, kind, today=today),
        late=appeal.get("late") is True,
        late_reason=_text(appeal.get("late_reason")),
        legal_test_heading=heading,
        legal_test=test,
        reasons=_reasons(
            case,
            extras,
            point,
            documents[-evidence_count:] if evidence_count else (),
            _text(case["child"]["first_name"]),
        ),
        plan_wording=wording,
        asks_for_specific_wording=kind
        in (DecisionKind.PLAN_CONTENTS, DecisionKind.REFUSAL_TO_AMEND),
        preferred_setting=preferred,
        placement_law=(
            "I asked for this school or college to be named. Under section 39(3) and (4) of "
            "the Children and Families Act 2014 the council must name it unless it is "
            f"unsuitable for {_possessive(child)} age, ability, aptitude or special "
            f"educational needs, or {_possessive(child)} attendance would be incompatible with "
            "the efficient "
            "education of others or the efficient use of resources."
            if preferred
            else ""
        ),
        grounds=_texts(appeal.get("grounds")),
        outcome_sought=(outcome,)
        if outcome
        else (_default_outcome(kind, child, council, preferred, any(g.fixes for g in wording)),),
        health_and_care=_health_and_care_paragraphs(child, kind in PLAN_DOCUMENT)
        if asks_for_recommendations(case, kind, extras)
        else (),
        witnesses=_witnesses(extras),
        evidence=documents,
    )


# -- 3. the evidence index ----------------------------------------------------------------------


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
    decision = _mapping(case.get("decision"))
    kind = _decision_kind(decision)
    label = kind.label if kind else ""
    decided = _iso(decision.get("date"))
    return EvidenceIndex(
        letter_date=short_date(today),
        sender_name=_text(_mapping(case.get("applicant")).get("name")),
        council_name=_text(_mapping(case.get("local_authority")).get("name")),
        child_full_name=_full_name(case),
        child_date_of_birth=_birth_date(case),
        decision_label=label,
        decision_date=short_date(decided) if decided else "",
        documents=bundle_documents(case, _child(case)),
    )


# -- 4. what to send with the appeal (for the parent) -------------------------------------------


@dataclass(frozen=True)
class AppealChecklist:
    letter_date: str
    sender_name: str
    council_name: str
    child_full_name: str
    child: Person
    child_possessive: str
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


def build_appeal_checklist(
    case: Mapping[str, Any], *, today: date, extras: Mapping[str, Any] | None = None
) -> AppealChecklist:
    """The parent's checklist: the form (SEND35, or SEND35a for a refusal to assess), what to
    attach, the engine's deadline with its working, what to do if late, and where to send it.

    Needs decision.kind and decision.date. The mediation certificate is listed for every
    appeal except one only about section I (placement_only), which is told it is not needed.
    """
    extras = extras or {}
    require(case, "appeal_checklist", ("child.first_name",))
    kind, decided = _decision(case, "appeal_checklist")
    child = _child(case)
    deadline = appeal_time_limit(case, kind, today=today)
    refusal_to_assess = kind is DecisionKind.REFUSAL_TO_ASSESS
    plan_title = PLAN_DOCUMENT[kind][0] if kind in PLAN_DOCUMENT else ""
    appeal = _mapping(extras.get("appeal"))
    return AppealChecklist(
        letter_date=short_date(today),
        sender_name=_text(_mapping(case.get("applicant")).get("name")),
        council_name=_text(_mapping(case.get("local_authority")).get("name")),
        child_full_name=_full_name(case),
        child=child,
        child_possessive=_possessive(child),
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
    )
