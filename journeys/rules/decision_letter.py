"""The decision-letter checker: what the law says the council's letter must contain, and which
of those things the letter the family pasted appears to be missing.

Pure Python (no Django). The requirements are the law entries of journeys.rules.law:
Children and Families Act 2014 s.36(5) and SEND Regulations 2014 reg 5(3) (a refusal to
assess), s.36(9) and reg 10(3) (no plan after an assessment), reg 14(2) and 22(5) (a final or
amended plan), reg 22(4) and (5) (no amendment after a review), reg 31(3) (ceasing), reg 25
(no re-assessment), and reg 32 (the mediation information each of them must include).

How it reads a letter, and its limits: the text is split into lines and sentences, and each
requirement is a set of phrase patterns that must occur together in one sentence (or, for
contact details, within three neighbouring lines). It finds *whether a letter mentions* a
thing, never whether what it says is right or enough: "the reasons are attached" counts as
reasons, a wrong time limit counts as a time limit. A sentence that denies the right of
appeal ("there is no right of appeal") never counts as giving it. So a missing item is a
strong sign (the words are not there at all) and a found item is only "mentioned": the page
says so, and asks the family to read the letter again before relying on a missing item.

Each missing item carries its law entries, so it can become a ground in a late-appeal request
(Tribunal Rules r.5(3)(a): the Tribunal may extend time where the letter lacked this
information) and a point in a complaint.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from journeys.rules.law import Law, LawEntry, cite_all, entry
from journeys.rules.vocabulary import DecisionKind


class LetterItem(StrEnum):
    """Each thing a decision letter must contain, in the order a letter usually gives them."""

    REASONS = "reasons"
    RIGHT_OF_APPEAL = "right_of_appeal"
    APPEAL_TIME_LIMIT = "appeal_time_limit"
    MEDIATION_RIGHT = "mediation_right"  # reg 32(a)
    MEDIATION_CERTIFICATE = "mediation_certificate"  # reg 32(b)
    MEDIATION_ADVISER_CONTACT = "mediation_adviser_contact"  # reg 32(c)
    MEDIATION_TIMESCALE = "mediation_timescale"  # reg 32(d)
    DISAGREEMENT_RESOLUTION = "disagreement_resolution"
    INFORMATION_ADVICE = "information_advice"


# What the letter lacks, said neutrally so the sentence reads the same in a parent's, a young
# person's or an advocate's letter.
MISSING_SENTENCE: dict[LetterItem, str] = {
    LetterItem.REASONS: "The decision letter does not give the council's reasons for the decision.",
    LetterItem.RIGHT_OF_APPEAL: "The decision letter does not say that the decision can be "
    "appealed to the First-tier Tribunal (Special Educational Needs and Disability).",
    LetterItem.APPEAL_TIME_LIMIT: "The decision letter does not give the time limit for appealing.",
    LetterItem.MEDIATION_RIGHT: "The decision letter does not say that mediation can be asked for.",
    LetterItem.MEDIATION_CERTIFICATE: "The decision letter does not say that a mediation "
    "certificate is needed before appealing.",
    LetterItem.MEDIATION_ADVISER_CONTACT: "The decision letter does not give contact details "
    "for the mediation adviser.",
    LetterItem.MEDIATION_TIMESCALE: "The decision letter does not give the time limit for "
    "contacting the mediation adviser.",
    LetterItem.DISAGREEMENT_RESOLUTION: "The decision letter does not say where to find "
    "disagreement resolution services.",
    LetterItem.INFORMATION_ADVICE: "The decision letter does not say where to find information "
    "and advice about special educational needs, such as the local SEND information, advice "
    "and support service (SENDIASS).",
}

# What the letter mentions, for the page's list of what was found.
ITEM_LABEL: dict[LetterItem, str] = {
    LetterItem.REASONS: "the council's reasons",
    LetterItem.RIGHT_OF_APPEAL: "the right to appeal to the SEND Tribunal",
    LetterItem.APPEAL_TIME_LIMIT: "the time limit for appealing",
    LetterItem.MEDIATION_RIGHT: "that you can ask for mediation",
    LetterItem.MEDIATION_CERTIFICATE: "that a mediation certificate is needed before appealing",
    LetterItem.MEDIATION_ADVISER_CONTACT: "contact details for the mediation adviser",
    LetterItem.MEDIATION_TIMESCALE: "the time limit for contacting the mediation adviser",
    LetterItem.DISAGREEMENT_RESOLUTION: "disagreement resolution services",
    LetterItem.INFORMATION_ADVICE: "where to get information and advice (such as SENDIASS)",
}

# The entry that requires each decision's notice to say these things.
NOTICE_LAW: dict[DecisionKind, Law] = {
    DecisionKind.REFUSAL_TO_ASSESS: Law.REFUSAL_NOTICE_CONTENTS,
    DecisionKind.REFUSAL_TO_ISSUE_PLAN: Law.NO_PLAN_NOTICE_CONTENTS,
    DecisionKind.PLAN_CONTENTS: Law.FINAL_PLAN_NOTICE_CONTENTS,
    DecisionKind.PLACEMENT_ONLY: Law.FINAL_PLAN_NOTICE_CONTENTS,
    DecisionKind.REFUSAL_TO_AMEND: Law.NOT_AMEND_NOTICE_CONTENTS,
    DecisionKind.CEASE_TO_MAINTAIN: Law.CEASE_NOTICE_CONTENTS,
    DecisionKind.REFUSAL_TO_REASSESS: Law.REASSESSMENT_NOTICE_CONTENTS,
}

# Reasons are required where the law entry read says so (s.36(5), s.36(9), reg 22(4)); a
# final plan is its own decision, and reg 31 and (as far as could be read) reg 25 list none.
_NEEDS_REASONS = frozenset(
    {
        DecisionKind.REFUSAL_TO_ASSESS,
        DecisionKind.REFUSAL_TO_ISSUE_PLAN,
        DecisionKind.REFUSAL_TO_AMEND,
    }
)

_MEDIATION_ITEMS = frozenset(
    {
        LetterItem.MEDIATION_RIGHT,
        LetterItem.MEDIATION_CERTIFICATE,
        LetterItem.MEDIATION_ADVISER_CONTACT,
        LetterItem.MEDIATION_TIMESCALE,
    }
)

# Decisions whose letter usually comes with a plan, where an appeal only about the school
# named needs no mediation certificate (Children and Families Act 2014 s.55).
_PLAN_LETTERS = frozenset({DecisionKind.PLAN_CONTENTS, DecisionKind.PLACEMENT_ONLY})

# Fewer words than this and the text is probably only part of the letter.
SHORT_LETTER_WORDS = 60


def required_items(kind: DecisionKind) -> tuple[LetterItem, ...]:
    """The things a letter notifying `kind` must contain, in LetterItem order (the law:
    NOTICE_LAW[kind] and SEND Regulations 2014 reg 32)."""
    return tuple(
        item
        for item in LetterItem
        if item is not LetterItem.REASONS or DecisionKind(kind) in _NEEDS_REASONS
    )


def item_law(item: LetterItem, kind: DecisionKind) -> tuple[LawEntry, ...]:
    """The entries that require `item` in a letter notifying `kind`: the notice's own entry,
    and reg 32 for the mediation information."""
    notice = entry(NOTICE_LAW[DecisionKind(kind)])
    if item in _MEDIATION_ITEMS:
        return (notice, entry(Law.MEDIATION_NOTICE_INFORMATION))
    return (notice,)


@dataclass(frozen=True)
class MissingItem:
    code: LetterItem
    sentence: str  # plain English, neutral voice: "The decision letter does not ..."
    law: tuple[LawEntry, ...]

    @property
    def citation(self) -> str:
        """Every provision that requires the item, cited once."""
        return cite_all(*(law.key for law in self.law))

    @property
    def ground(self) -> str:
        """The sentence with its citations before the full stop, as a late-appeal request or
        a complaint states it: "... for appealing (SEND Regulations 2014, reg 5(3))."."""
        return f"{self.sentence.removesuffix('.')} ({self.citation})."


class NoteCode(StrEnum):
    SCHOOL_ONLY_NO_CERTIFICATE = "school_only_no_certificate"
    DENIES_APPEAL = "denies_appeal"
    SHORT_TEXT = "short_text"


@dataclass(frozen=True)
class Note:
    """Something worth knowing that is not a missing legal requirement."""

    code: NoteCode
    sentence: str
    law: LawEntry | None = None


@dataclass(frozen=True)
class LetterCheck:
    decision: DecisionKind
    required: tuple[LetterItem, ...]
    found: tuple[LetterItem, ...]  # mentioned in the letter (not checked for accuracy)
    missing: tuple[MissingItem, ...]
    notes: tuple[Note, ...]

    @property
    def complete(self) -> bool:
        """Whether the letter mentions everything the law requires it to."""
        return not self.missing

    @property
    def missing_codes(self) -> tuple[LetterItem, ...]:
        return tuple(item.code for item in self.missing)

    @property
    def found_labels(self) -> tuple[str, ...]:
        return tuple(ITEM_LABEL[item] for item in self.found)

    @property
    def grounds(self) -> tuple[str, ...]:
        """Each missing item as a cited sentence: the grounds for a late-appeal request
        (Tribunal Rules r.5(3)(a)) and the points of a complaint."""
        return tuple(item.ground for item in self.missing)


# -- reading the text ---------------------------------------------------------------------

_QUOTES = str.maketrans(
    {"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-", "\u2014": "-"}
)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


def _units(text: str) -> tuple[str, ...]:
    """The letter as lower-case sentences, each line split at its sentence ends."""
    units: list[str] = []
    for line in text.translate(_QUOTES).lower().splitlines():
        line = " ".join(line.split())
        units.extend(part for part in _SENTENCE_END.split(line) if part)
    return tuple(units)


def _windows(units: tuple[str, ...], size: int) -> tuple[str, ...]:
    """Every run of 1 to `size` neighbouring units, joined: adding a unit at either end of the
    letter never removes a window, so adding text never makes an item go missing."""
    return tuple(
        " ".join(units[start : start + length])
        for start in range(len(units))
        for length in range(1, size + 1)
        if start + length <= len(units)
    )


def _holds(regex: str, window: str) -> bool:
    if regex.startswith("!"):
        return re.search(regex[1:], window) is None
    return re.search(regex, window) is not None


@dataclass(frozen=True)
class _Pattern:
    """A requirement is met by a window in which every regex of any one alternative occurs
    (a regex written "!..." must not occur), and no `unless` regex does."""

    alternatives: tuple[tuple[str, ...], ...]
    window: int = 1
    unless: tuple[str, ...] = ()

    def found_in(self, units: tuple[str, ...]) -> bool:
        return any(
            all(_holds(regex, window) for regex in alternative)
            and not any(re.search(regex, window) for regex in self.unless)
            for window in _windows(units, self.window)
            for alternative in self.alternatives
        )


_TRIBUNAL = r"(tribunal|sendist|send tribunal|first-tier)"
_PERIOD = (
    r"(\b(two|2|one|1)\s*(calendar\s+)?months?\b|\b\d+\s*(working\s+)?(days|weeks)\b"
    r"|\bby \d{1,2}(st|nd|rd|th)? [a-z]+ \d{4}|\bby \d{1,2}/\d{1,2}/\d{2,4})"
)
_CONTACT = (
    r"(\b0\d{2,4}[\s-]?\d{3,4}[\s-]?\d{3,4}\b|\+44|[\w.+-]+@[\w-]+\.[\w.]+"
    r"|www\.|https?://|\.(co\.uk|org\.uk|gov\.uk|org|com)\b)"
)
# A sentence that denies the right never counts as giving it (and is noted).
_DENIAL = (
    r"(\bno (right of|right to|)\s*appeal|\bnot (have )?(a |the |any )?right (of|to) appeal"
    r"|(cannot|can ?not|can't|unable to|not able to) appeal|not appealable|no appeal)"
)

PATTERNS: dict[LetterItem, _Pattern] = {
    LetterItem.REASONS: _Pattern(
        (
            (r"\bbecause\b",),
            (r"\breasons?\b",),
            (
                r"\b(panel|we|council|authority|local authority)\b.{0,60}\b(considered|felt|"
                r"concluded|agreed|found|decided|believe|consider|is satisfied|are satisfied|"
                r"was satisfied|were satisfied)\b.{0,20}\bthat\b",
            ),
            (r"\b(can|could|will) (be|continue to be) met\b",),
            (r"\bthe evidence (shows|suggests|indicates|provided shows)\b",),
        ),
        # "your reasons for appealing" are not the council's reasons.
        unless=(r"\b(your|their) reasons\b", r"reasons? for (appeal|your appeal|appealing)"),
    ),
    LetterItem.RIGHT_OF_APPEAL: _Pattern(
        (
            (r"right (of|to) appeal",),
            (r"\bappeal", _TRIBUNAL),
            (
                r"\b(you|parents?|young person|carers?)\b.{0,40}\b(can|may|are entitled to|is "
                r"entitled to|have the right to|has the right to)\s+(also\s+)?appeal",
            ),
        ),
        unless=(_DENIAL,),
    ),
    LetterItem.APPEAL_TIME_LIMIT: _Pattern(
        (
            (r"\bwhichever is (the )?later\b",),
            (r"\b(one|1) month\b.{0,80}\bcertificate\b",),
            # A period in a sentence about mediation is usually the mediation's own.
            (r"\b(appeal|tribunal|sendist)", _PERIOD, r"!mediat"),
        ),
    ),
    LetterItem.MEDIATION_RIGHT: _Pattern(
        (
            (
                r"\b(right to|can|may|able to|entitled to|request|ask for|go to|take part in|"
                r"choose|consider|pursue|want|wish to have)\b.{0,40}\bmediation\b",
            ),
            (
                r"\bmediation\b.{0,40}\b(is|are) (free|voluntary|optional|available|impartial|"
                r"independent|confidential)\b",
            ),
        ),
    ),
    LetterItem.MEDIATION_CERTIFICATE: _Pattern(
        (
            (r"\bcertificate\b", r"\bmediat"),
            (
                r"\b(must|need to|needs to|required to|have to|has to|should)\b.{0,30}"
                r"\b(contact|speak to|consider|talk to)\b.{0,30}\bmediation",
            ),
        ),
    ),
    LetterItem.MEDIATION_ADVISER_CONTACT: _Pattern(
        ((r"\bmediat", _CONTACT),),
        window=3,
    ),
    LetterItem.MEDIATION_TIMESCALE: _Pattern(
        (
            (
                r"\bmediat",
                r"\b(contact|request|ask|tell|inform|let|arrange|speak|call|get in touch)",
                _PERIOD,
            ),
        ),
    ),
    LetterItem.DISAGREEMENT_RESOLUTION: _Pattern(
        (
            (r"\b(disagreement|dispute) resolution\b",),
            (r"\bdrs\b",),
            (r"\bresolv(e|ing) (a |any |your )?(disagreements?|disputes?)\b",),
        ),
    ),
    LetterItem.INFORMATION_ADVICE: _Pattern(
        (
            (r"\bsendiass?\b",),
            (r"\biass\b",),
            (r"\bias service\b",),
            (r"\binformation,? advice and support\b",),
            (r"\binformation and advice\b",),
            (r"\bparent partnership\b",),
            (r"\bipsea\b",),
        ),
    ),
}

_SCHOOL_ONLY = _Pattern(
    (
        (
            r"\b(only|solely)\b.{0,80}\b(school|setting|college|placement|section i|institution)\b",
            r"\b(mediat|certificate)",
        ),
        (
            r"\bnot (need|have|required) to\b.{0,60}\b(mediat|certificate)",
            r"\b(school|setting|college|placement|section i|institution)\b",
        ),
    ),
)
_DENIES = _Pattern(((_DENIAL,),))


def check_decision_letter(text: str, kind: DecisionKind | str) -> LetterCheck:
    """What the letter notifying `kind` mentions and lacks of what the law requires
    (NOTICE_LAW[kind] and SEND Regulations 2014 reg 32), with notes worth knowing."""
    decision = DecisionKind(kind)
    units = _units(text)
    required = required_items(decision)
    found = tuple(item for item in required if PATTERNS[item].found_in(units))
    missing = tuple(
        MissingItem(item, MISSING_SENTENCE[item], item_law(item, decision))
        for item in required
        if item not in found
    )
    notes: list[Note] = []
    if len(text.split()) < SHORT_LETTER_WORDS:
        notes.append(
            Note(
                NoteCode.SHORT_TEXT,
                "This is very short for a decision letter. If you pasted only part of it, "
                "paste all of it, including anything enclosed with it about appeals and "
                "mediation, and check again.",
            )
        )
    if _DENIES.found_in(units):
        notes.append(
            Note(
                NoteCode.DENIES_APPEAL,
                "The letter seems to say that the decision cannot be appealed. This decision "
                "can be appealed to the SEND Tribunal.",
                entry(Law.RIGHT_OF_APPEAL),
            )
        )
    if decision in _PLAN_LETTERS and not _SCHOOL_ONLY.found_in(units):
        notes.append(
            Note(
                NoteCode.SCHOOL_ONLY_NO_CERTIFICATE,
                "The letter does not say that an appeal only about the school or college "
                "named in the plan (or that none is named) needs no mediation certificate.",
                entry(Law.MEDIATION_BEFORE_APPEAL),
            )
        )
    return LetterCheck(decision, required, found, missing, tuple(notes))
