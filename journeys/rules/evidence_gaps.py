"""The evidence-gap checker: for each area of need the family described, and each point in
dispute, which items of the case's evidence speak to it, and what would help where none do.

Pure Python (no Django). It reads the case file's `needs`, `evidence` and
`decision.reasons_given` (../shared/CASE_FORMAT.md). The four areas of need are the SEND Code
of Practice 2015's (chapter 6); the suggestion to ask the council to seek advice rests on
SEND Regulations 2014 reg 6(1) (journeys.rules.law ASSESSMENT_ADVICE), and a reason that a
diagnosis is missing is answered by Children and Families Act 2014 s.20(1)
(DIAGNOSIS_NOT_NEEDED).

How it matches, and its limits: an evidence item speaks to a need when its kind belongs to the
need's area (a speech and language therapy report to communication, an occupational therapy
report to sensory and physical needs), or when its title or key points use one of the area's
words ("sensory", "handwriting", "anxiety") or a longer word from the family's own description
of the need. It matches words, not meaning: a report that mentions "anxiety" in passing counts,
and a report that describes the need in other words is missed. So the page says "these items
mention this need", never "this need is proved", and a gap means "nothing in your list seems
to cover this", which the family can check against the reports themselves.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from journeys.rules.law import Law, LawEntry, entry
from journeys.rules.vocabulary import EvidenceKind, NeedArea, Pronouns, Relationship


class Strength(StrEnum):
    """The best evidence that speaks to a need, strongest first."""

    PROFESSIONAL = "professional"  # a report from a therapist, psychologist or doctor
    SCHOOL = "school"  # the school's own records
    FAMILY = "family"  # the family's diary or notes
    NONE = "none"


PROFESSIONAL_KINDS = frozenset(
    {
        EvidenceKind.EDUCATIONAL_PSYCHOLOGIST,
        EvidenceKind.SPEECH_LANGUAGE_THERAPIST,
        EvidenceKind.OCCUPATIONAL_THERAPIST,
        EvidenceKind.CAMHS,
        EvidenceKind.PAEDIATRICIAN,
    }
)
SCHOOL_KINDS = frozenset(
    {
        EvidenceKind.SCHOOL_REPORT,
        EvidenceKind.SEN_SUPPORT_PLAN,
        EvidenceKind.ATTENDANCE_RECORD,
        EvidenceKind.EXCLUSION_RECORD,
    }
)

# The areas a kind of evidence speaks to by its nature; any other area needs its words.
KIND_AREAS: dict[EvidenceKind, frozenset[NeedArea]] = {
    EvidenceKind.EDUCATIONAL_PSYCHOLOGIST: frozenset({NeedArea.COGNITION_LEARNING, NeedArea.SEMH}),
    EvidenceKind.SPEECH_LANGUAGE_THERAPIST: frozenset({NeedArea.COMMUNICATION_INTERACTION}),
    EvidenceKind.OCCUPATIONAL_THERAPIST: frozenset({NeedArea.SENSORY_PHYSICAL}),
    EvidenceKind.CAMHS: frozenset({NeedArea.SEMH}),
    EvidenceKind.ATTENDANCE_RECORD: frozenset({NeedArea.SEMH}),
    EvidenceKind.EXCLUSION_RECORD: frozenset({NeedArea.SEMH}),
}

# Word stems that place a sentence in an area (lower case, matched at a word start).
AREA_WORDS: dict[NeedArea, tuple[str, ...]] = {
    NeedArea.COMMUNICATION_INTERACTION: (
        "speech",
        "language",
        "communicat",
        "social interaction",
        "social communication",
        "eye contact",
        "conversation",
        "instructions",
        "receptive",
        "expressive",
        "autis",
        "asd",
        "asc",
        "verbal",
        "non-verbal",
        "stammer",
        "mutism",
        "vocabulary",
        "echolal",
    ),
    NeedArea.COGNITION_LEARNING: (
        "reading",
        "writing",
        "spelling",
        "maths",
        "numeracy",
        "literacy",
        "phonics",
        "dyslexi",
        "dyscalcul",
        "memory",
        "processing",
        "attainment",
        "cognit",
        "learning difficult",
        "learning disabilit",
        "reasoning",
        "comprehension",
    ),
    NeedArea.SEMH: (
        "anxi",
        "emotion",
        "mental health",
        "behaviour",
        "meltdown",
        "self-harm",
        "self harm",
        "attendance",
        "school refusal",
        "school avoidance",
        "exclu",
        "adhd",
        "attention",
        "low mood",
        "depress",
        "trauma",
        "regulat",
        "distress",
        "friendship",
        "wellbeing",
        "panic",
    ),
    NeedArea.SENSORY_PHYSICAL: (
        "sensory",
        "noise",
        "noisy",
        "touch",
        "texture",
        "motor",
        "handwriting",
        "coordination",
        "co-ordination",
        "dyspraxi",
        "dcd",
        "hearing",
        "deaf",
        "visual",
        "vision",
        "sight",
        "mobility",
        "physical",
        "toilet",
        "continence",
        "balance",
        "fatigue",
        "hypermobil",
        "cerebral palsy",
        "wheelchair",
        "occupational therap",
    ),
}

AREA_PHRASE: dict[NeedArea, str] = {
    NeedArea.COMMUNICATION_INTERACTION: "communication needs",
    NeedArea.COGNITION_LEARNING: "learning needs",
    NeedArea.SEMH: "social, emotional and mental health needs",
    NeedArea.SENSORY_PHYSICAL: "sensory and physical needs",
}

# What would help, per area: {obj} "her" / "me", {poss} "her" / "my".
AREA_SUGGESTION: dict[NeedArea, str] = {
    NeedArea.COMMUNICATION_INTERACTION: "ask the school to refer {obj} to speech and language "
    "therapy, or ask the council to seek that advice as part of an EHC needs assessment.",
    NeedArea.COGNITION_LEARNING: "ask the school to ask its educational psychologist to see "
    "{obj}, or ask the council to seek educational psychology advice as part of an EHC needs "
    "assessment.",
    NeedArea.SEMH: "ask {poss} GP or the school about a referral to CAMHS, or ask the council "
    "to seek psychological advice as part of an EHC needs assessment.",
    NeedArea.SENSORY_PHYSICAL: "ask the school to refer {obj} to occupational therapy, or ask "
    "the council to seek that advice as part of an EHC needs assessment.",
}

# Words in an author or title that make an "other" item a professional's report.
_PROFESSIONAL_AUTHOR = re.compile(
    r"\b(dr|doctor|consultant|therapist|therapy|psycholog\w*|psychiatr\w*|paediatric\w*|"
    r"physiotherap\w*|audiolog\w*|specialist teacher|teacher of the deaf|nurse|clinic\w*)\b"
)

_STOPWORDS = frozenset(
    [
        "about",
        "above",
        "after",
        "again",
        "against",
        "among",
        "because",
        "before",
        "being",
        "below",
        "between",
        "could",
        "during",
        "every",
        "from",
        "have",
        "having",
        "into",
        "itself",
        "might",
        "needs",
        "other",
        "their",
        "there",
        "these",
        "they",
        "thing",
        "things",
        "those",
        "through",
        "under",
        "until",
        "very",
        "what",
        "when",
        "where",
        "which",
        "while",
        "with",
        "within",
        "without",
        "would",
        "your",
        "school",
        "child",
        "children",
        "really",
        "always",
        "never",
        "often",
        "finds",
        "struggles",
        "lessons",
        "class",
        "classroom",
        "other",
        "others",
        "because",
        "sometimes",
    ]
)


def _stems(text: str) -> frozenset[str]:
    """The longer words of `text`, cut to their first 5 letters (so "noise" and "noises"
    meet, "reading" and "reads" do not): a crude match, on purpose predictable."""
    words = re.findall(r"[a-z]+", text.lower())
    return frozenset(word[:5] for word in words if len(word) >= 5 and word not in _STOPWORDS)


def _has_area_word(area: NeedArea, text: str) -> bool:
    lowered = text.lower()
    return any(re.search(rf"\b{re.escape(stem)}", lowered) for stem in AREA_WORDS[area])


@dataclass(frozen=True)
class EvidenceRef:
    """One item of the case's evidence list, as the pages show it."""

    index: int  # its place in the case file's `evidence` list
    title: str
    author: str
    date: str
    kind: EvidenceKind | None
    strength: Strength


@dataclass(frozen=True)
class NeedCoverage:
    area: NeedArea
    description: str  # the family's words
    evidence: tuple[EvidenceRef, ...]
    strength: Strength
    gap: str | None  # what would help, when no professional has reported on it
    law: LawEntry | None  # the law behind the suggestion (reg 6(1))


@dataclass(frozen=True)
class PointCoverage:
    point: str  # the council's reason, or a point the family disputes
    evidence: tuple[EvidenceRef, ...]
    gap: str | None
    law: LawEntry | None


@dataclass(frozen=True)
class EvidenceGaps:
    needs: tuple[NeedCoverage, ...]
    points: tuple[PointCoverage, ...]

    @property
    def gap_count(self) -> int:
        return sum(item.gap is not None for item in (*self.needs, *self.points))


@dataclass(frozen=True)
class _Words:
    obj: str  # "her", "them", or "you" (the young person reading the page)
    poss: str  # "her", "their", "your"


def _words(pronouns: Pronouns, *, writing_about_self: bool) -> _Words:
    if writing_about_self:
        # The page speaks to the young person: "no professional has reported on your ...".
        return _Words("you", "your")
    return {
        Pronouns.HE: _Words("him", "his"),
        Pronouns.SHE: _Words("her", "her"),
        Pronouns.THEY: _Words("them", "their"),
    }[pronouns]


def _text(value: Any) -> str:
    return value.strip() if isinstance(value, str) else ""


def _kind(value: Any) -> EvidenceKind | None:
    try:
        return EvidenceKind(value)
    except ValueError:
        return None


def _strength(item: Mapping[str, Any], kind: EvidenceKind | None) -> Strength:
    if kind in PROFESSIONAL_KINDS:
        return Strength.PROFESSIONAL
    if kind in SCHOOL_KINDS:
        return Strength.SCHOOL
    author_and_title = f"{_text(item.get('author'))} {_text(item.get('title'))}".lower()
    if kind is EvidenceKind.OTHER and _PROFESSIONAL_AUTHOR.search(author_and_title):
        return Strength.PROFESSIONAL
    return Strength.FAMILY


def _refs(case: Mapping[str, Any]) -> tuple[tuple[EvidenceRef, str], ...]:
    """Each evidence item with the text it is matched on (title and key points)."""
    refs = []
    items = case.get("evidence") or []
    for index, item in enumerate(items):
        if not isinstance(item, Mapping):
            continue
        kind = _kind(item.get("kind"))
        ref = EvidenceRef(
            index=index,
            title=_text(item.get("title")) or (kind.label if kind else "Untitled evidence"),
            author=_text(item.get("author")),
            date=_text(item.get("date")),
            kind=kind,
            strength=_strength(item, kind),
        )
        refs.append((ref, f"{_text(item.get('title'))}. {_text(item.get('key_points'))}"))
    return tuple(refs)


_ORDER = (Strength.PROFESSIONAL, Strength.SCHOOL, Strength.FAMILY)


def _best(evidence: Sequence[EvidenceRef]) -> Strength:
    return next(
        (level for level in _ORDER if any(ref.strength is level for ref in evidence)),
        Strength.NONE,
    )


def need_coverage(
    area: NeedArea,
    description: str,
    refs: Sequence[tuple[EvidenceRef, str]],
    words: _Words,
) -> NeedCoverage:
    """Which evidence speaks to one need, and what would help where no professional has
    reported on it (SEN Code of Practice 2015 ch. 6; SEND Regulations 2014 reg 6(1))."""
    own_words = _stems(description)
    evidence = tuple(
        ref
        for ref, text in refs
        if (ref.kind is not None and area in KIND_AREAS.get(ref.kind, frozenset()))
        or _has_area_word(area, text)
        or bool(own_words & _stems(text))
    )
    strength = _best(evidence)
    if strength is Strength.PROFESSIONAL:
        return NeedCoverage(area, description, evidence, strength, None, None)
    who = {
        Strength.SCHOOL: "Only the school's records mention this",
        Strength.FAMILY: "Only your own notes mention this",
        Strength.NONE: "Nothing in the evidence list mentions this yet",
    }[strength]
    suggestion = AREA_SUGGESTION[area].format(obj=words.obj, poss=words.poss)
    gap = (
        f"{who}: no professional has reported on {words.poss} {AREA_PHRASE[area]}. To "
        f"change that, {suggestion}"
    )
    return NeedCoverage(area, description, evidence, strength, gap, entry(Law.ASSESSMENT_ADVICE))


# A council's reasons fall into a few kinds; each has evidence that answers it.
_POINT_TOPICS: tuple[tuple[str, str, Law | None], ...] = (
    (
        r"diagnos",
        "A diagnosis is not needed: the legal tests are about needs and the help they call "
        "for. Add evidence of {poss_name} needs, from a professional or the school.",
        Law.DIAGNOSIS_NOT_NEEDED,
    ),
    (
        r"progress|attainment|catch|behind|expected|levels?\b",
        "Ask the school for {poss} attainment over time (standardised scores, or reading and "
        "maths levels term by term), which shows how much progress has really been made.",
        None,
    ),
    (
        r"support|intervention|graduated|resources|budget|provision|met (by|from|within)",
        "Ask the school for its SEN support plans and their reviews: what was tried, for how "
        "long, and what happened.",
        None,
    ),
    (
        r"attend|absen|refus|avoid",
        "Ask the school for {poss} attendance record, and note the days missed and why.",
        None,
    ),
)
_GENERIC_POINT = (
    "Nothing in the evidence list seems to answer this. Look for a report or record that "
    "shows otherwise, and add it to the list."
)


def point_coverage(
    point: str, refs: Sequence[tuple[EvidenceRef, str]], words: _Words, name: str
) -> PointCoverage:
    """Which evidence speaks to one point in dispute, and what would help where none does."""
    lowered = point.lower()
    topic = next((topic for topic in _POINT_TOPICS if re.search(topic[0], lowered)), None)
    point_words = _stems(point)
    evidence = tuple(
        ref
        for ref, text in refs
        if bool(point_words & _stems(text))
        or (topic is not None and re.search(topic[0], text.lower()) is not None)
    )
    # "Needs no diagnosis" is said whatever the evidence, so the family is never led to
    # chase one.
    if evidence and (topic is None or topic[2] is None):
        return PointCoverage(point, evidence, None, None)
    if topic is None:
        return PointCoverage(point, evidence, _GENERIC_POINT, None)
    gap = topic[1].format(poss=words.poss, poss_name=name)
    law = entry(topic[2]) if topic[2] is not None else None
    return PointCoverage(point, evidence, gap, law)


def evidence_gaps(case: Mapping[str, Any], *, points: Sequence[str] | None = None) -> EvidenceGaps:
    """For each need the case describes and each point in dispute (by default the council's
    `decision.reasons_given`), the evidence that speaks to it and what would help where none
    does (SEND Code of Practice 2015 ch. 6; SEND Regulations 2014 reg 6(1))."""
    child = case.get("child") if isinstance(case.get("child"), Mapping) else {}
    applicant = case.get("applicant") if isinstance(case.get("applicant"), Mapping) else {}
    try:
        pronouns = Pronouns(child.get("pronouns"))
    except ValueError:
        pronouns = Pronouns.THEY
    writing_about_self = applicant.get("relationship") == Relationship.YOUNG_PERSON
    words = _words(pronouns, writing_about_self=writing_about_self)
    first_name = _text(child.get("first_name"))
    if writing_about_self:
        name = "your"
    elif first_name:
        name = f"{first_name}'" if first_name.endswith("s") else f"{first_name}'s"
    else:
        name = words.poss
    refs = _refs(case)
    needs = []
    for need in case.get("needs") or []:
        if not isinstance(need, Mapping):
            continue
        try:
            area = NeedArea(need.get("area"))
        except ValueError:
            continue
        description = " ".join(
            part for part in (_text(need.get("description")), _text(need.get("impact"))) if part
        )
        needs.append(need_coverage(area, description, refs, words))
    if points is None:
        decision = case.get("decision") if isinstance(case.get("decision"), Mapping) else {}
        points = [point for point in decision.get("reasons_given") or [] if isinstance(point, str)]
    covered = tuple(
        point_coverage(point.strip(), refs, words, name) for point in points if point.strip()
    )
    return EvidenceGaps(tuple(needs), covered)
