"""The wording checker's flags in plain words, and the parent's proposed wording grouped by
section of the plan. Pure (no Django); used by the draft-plan representations and the reasons
for appeal. The Code of Practice paragraph it quotes comes from journeys/rules/law.py."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from letters.parties import mapping as _mapping
from letters.parties import text as _text

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


# Flags that carry the words they found ("<code>:<phrase>"), in plain words; {phrase} is
# the plan's own words. Their sources are in journeys.rules.wording's FLAG_RULES table.
PHRASE_EXPLANATIONS: dict[str, str] = {
    "vague_need": "It describes the need with the words \u201c{phrase}\u201d, which do not say "
    "how often it happens or what effect it has, so no provision can be planned to meet it.",
    "left_to_discretion": "It leaves the help to someone\u2019s discretion "
    "(\u201c{phrase}\u201d), so the plan does not say what must be provided.",
    "funding_not_provision": "It names funding (\u201c{phrase}\u201d) instead of the help "
    "itself: the plan must say what provision is made, not how much money is given.",
    "council_may_change": "It lets the council change the help on its own "
    "(\u201c{phrase}\u201d), although a plan can only change after a review or a "
    "re-assessment, with a right of appeal.",
    "unnamed_approach": "It mentions \u201c{phrase}\u201d without saying which programme or "
    "approach, so nobody can check it is being delivered.",
}


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
        # A review statement is a suggestion, not a defect (SEND Code of Practice 2015, 9.69
        # asks for type, hours, frequency and expertise, not a review): not listed as a fault.
        if not code or code == "no_review":
            continue
        name, _, phrase = code.partition(":")
        if name in PHRASE_EXPLANATIONS:
            sentence = PHRASE_EXPLANATIONS[name].format(phrase=phrase.strip() or name)
            if sentence not in explained:
                explained.append(sentence)
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
