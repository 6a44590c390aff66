"""The child's own voice in a letter: a short section saying only what the family gave.

Pure (no Django). `voice_section` turns the extras `child_voice` and `adulthood`
(letters/extras.py) into a VoiceSection, or None when the family gave nothing, and
templates/letters/partials/child_voice.html prints it (the Word file is made from the same
HTML). Each piece is attributed as the family gave it: "In Sam's own words", "As I have heard
Sam say", or for a child who could not tell us in words, how the family knows what they like.
A young person writing for themselves speaks in the first person.

To add the section to a letter: give its dataclass the field
`voice: VoiceSection | None = None`, set it in the builder with
`voice=voice_section(extras, parties.child)`, and put
`{% include "letters/partials/child_voice.html" %}` where it belongs in the template.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any

from journeys.rules import law
from journeys.rules.law import Law, LawEntry
from journeys.rules.vocabulary import AdulthoodArea, VoiceSource
from letters.parties import Person, mapping, text


@dataclass(frozen=True)
class VoiceLine:
    lead: str  # "In Sam's own words:", "What Sam is good at and enjoys:"
    words: str  # the family's words, as given


@dataclass(frozen=True)
class VoiceSection:
    heading: str  # "Sam's views, strengths and hopes", or "My views, strengths and hopes"
    lines: tuple[VoiceLine, ...]  # the child's views, strengths, hopes: as given
    section_a_law: LawEntry | None  # reg 12(1)(a): shown with the lines
    adulthood: tuple[VoiceLine, ...]  # preparing for adulthood, area by area, as given
    adulthood_request: str  # asks for outcomes in those areas ("" when none was given)
    adulthood_law: LawEntry | None


def _views(voice: Mapping[str, Any], child: Person) -> list[VoiceLine]:
    views, how = text(voice.get("views")), text(voice.get("how_we_know"))
    try:
        source = VoiceSource(voice.get("source"))
    except ValueError:
        source = None
    lines = []
    if views and (child.writes_for_self or source is VoiceSource.OWN_WORDS):
        lead = (
            "In my own words:"
            if child.writes_for_self
            else f"In {child.name_possessive} own words:"
        )
        lines.append(VoiceLine(lead, views))
    elif views and source is VoiceSource.AS_HEARD:
        lines.append(VoiceLine(f"As I have heard {child.name} say:", views))
    # Views with no source, or a child who could not tell us but words under "views": the
    # family did not say whose words these are, so the letter does not either; the form
    # asks for the source whenever views are given.
    if how and not child.writes_for_self:
        lead = (
            f"{child.name} could not tell us in words; this is how we know what {child.name} likes:"
            if source is VoiceSource.COULD_NOT_TELL
            else f"This is how we know what {child.name} likes:"
        )
        lines.append(VoiceLine(lead, how))
    return lines


def voice_section(extras: Mapping[str, Any] | None, child: Person) -> VoiceSection | None:
    """The section for the child's voice and preparing for adulthood, or None when the family
    gave nothing (the letter then says nothing about either)."""
    extras = extras or {}
    voice = mapping(extras.get("child_voice"))
    lines = _views(voice, child)
    strengths, hopes = text(voice.get("strengths")), text(voice.get("hopes"))
    if strengths:
        lead = (
            "What I am good at and enjoy:"
            if child.writes_for_self
            else f"What {child.name} is good at and enjoys:"
        )
        lines.append(VoiceLine(lead, strengths))
    if hopes:
        lead = "What I hope for:" if child.writes_for_self else f"What {child.name} hopes for:"
        lines.append(VoiceLine(lead, hopes))
    given = mapping(extras.get("adulthood"))
    adulthood = tuple(
        VoiceLine(f"{area.label}:", text(given.get(area.value)))
        for area in AdulthoodArea
        if text(given.get(area.value))
    )
    if not lines and not adulthood:
        return None
    for_them = "me" if child.writes_for_self else child.object
    return VoiceSection(
        heading=(
            "My views, strengths and hopes"
            if child.writes_for_self
            else f"{child.name_possessive} views, strengths and hopes"
        ),
        lines=tuple(lines),
        section_a_law=law.entry(Law.PLAN_SECTION_A) if lines else None,
        adulthood=adulthood,
        adulthood_request=(
            f"Please make sure that the outcomes sought for {for_them} include each of these "
            f"areas, with the provision that will help {for_them} achieve them."
            if adulthood
            else ""
        ),
        adulthood_law=law.entry(Law.PREPARING_FOR_ADULTHOOD) if adulthood else None,
    )


def views_only(voice: VoiceSection | None) -> VoiceSection | None:
    """The child's views, strengths and hopes, as given, without the request for outcomes in
    preparing for adulthood, which is written to the council: for the Tribunal's reasons for
    appeal and the family's own notes for mediation."""
    if voice is None or not voice.lines:
        return None
    return replace(voice, adulthood=(), adulthood_request="", adulthood_law=None)
