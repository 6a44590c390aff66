"""journeys/forms/wording.py: every question page of every journey, for each audience."""

from __future__ import annotations

import re

import pytest
from django import forms

from journeys.forms.wording import Audience, Wording, speak_to, speak_to_form
from journeys.wizard.answers import form_for_step
from journeys.wizard.definition import JOURNEYS

AUDIENCES = [
    Wording(Audience.YOUNG_PERSON, "Sam", True),
    Wording(Audience.OTHER, "Sam", True),
    Wording(Audience.OTHER, "", True),
    Wording(Audience.OTHER, "James", False),
]
# What a rewrite must never leave: "you" with a third-person verb, or the child half-renamed.
BROKEN = re.compile(
    r"\b(?:[Dd]oes|[Ii]s|[Hh]as|[Ww]as) you\b|\byou (?:is|has|was|does|needs|finds|goes|gets)\b"
    r"|\byour child\b|\bYour child\b"
)


def page_words(form) -> list[str]:
    words = [getattr(form, name, "") for name in ("title", "hint", "caption")]
    items = form.forms if isinstance(form, forms.BaseFormSet) else [form]
    for item in items:
        for field in item.fields.values():
            words += [field.label or "", field.help_text or "", *field.error_messages.values()]
            words += [str(label) for _, label in getattr(field, "choices", ())]
    return [str(w) for w in words if w]


STEPS = [(journey, step) for journey in JOURNEYS.values() for step in journey.steps]


@pytest.mark.parametrize("wording", AUDIENCES, ids=lambda w: f"{w.audience}-{w.name or 'noname'}")
@pytest.mark.parametrize(("journey", "step"), STEPS, ids=[f"{j.slug}-{s.slug}" for j, s in STEPS])
def test_every_page_reads_right_for_every_audience(journey, step, wording):
    form = form_for_step(step, None, {})
    speak_to_form(form, wording)
    for words in page_words(form):
        assert not BROKEN.search(words), words


THEY = re.compile(r"\b(?:[Tt]hey|[Tt]heir|theirs|them|themselves)\b")


@pytest.mark.parametrize(("journey", "step"), STEPS, ids=[f"{j.slug}-{s.slug}" for j, s in STEPS])
def test_a_young_person_is_never_they_in_a_sentence_about_them(journey, step):
    """ "What are you good at, and what do they enjoy?" is wrong: in a sentence written about
    "your child", the young person reads "you" throughout."""
    written = page_words(form_for_step(step, None, {}))
    form = form_for_step(step, None, {})
    speak_to_form(form, Wording(Audience.YOUNG_PERSON, "Sam", True))
    for before, after in zip(written, page_words(form), strict=True):
        for sentence, rewritten in zip(
            re.split(r"(?<=[.?!])\s+", before), re.split(r"(?<=[.?!])\s+", after), strict=True
        ):
            if "our child" in sentence:
                assert not THEY.search(rewritten), rewritten


@pytest.mark.parametrize(
    ("text", "young_person", "other", "unnamed"),
    [
        ("What is your child's name?", "What is your name?", "What is Sam's name?",
         "What is the young person's name?"),
        ("Does your child have any diagnoses?", "Do you have any diagnoses?",
         "Does Sam have any diagnoses?", "Does the young person have any diagnoses?"),
        ("Your child's needs", "Your needs", "Sam's needs", "The young person's needs"),
        ("Where does your child go to school?", "Where do you go to school?",
         "Where does Sam go to school?", "Where does the young person go to school?"),
        ("If your child is not at a nursery", "If you are not at a nursery",
         "If Sam is not at a nursery", "If the young person is not at a nursery"),
        ("What support has your child had?", "What support have you had?",
         "What support has Sam had?", "What support has the young person had?"),
        ("Your child finds it hard", "You find it hard", "Sam finds it hard",
         "The young person finds it hard"),
        ("Enter your full name", "Enter your full name", "Enter your full name",
         "Enter your full name"),
        ("What is your child good at, and what do they enjoy? Your letters list them.",
         "What are you good at, and what do you enjoy? Your letters list them.",
         "What is Sam good at, and what do they enjoy? Your letters list them.",
         "What is the young person good at, and what do they enjoy? Your letters list them."),
        ("What would your child like to do for themselves?",
         "What would you like to do for yourself?",
         "What would Sam like to do for themselves?",
         "What would the young person like to do for themselves?"),
    ],
)  # fmt: skip
def test_speak_to(text, young_person, other, unnamed):
    assert speak_to(text, Wording(Audience.PARENT)) == text
    assert speak_to(text, Wording(Audience.YOUNG_PERSON, "Sam", True)) == young_person
    assert speak_to(text, Wording(Audience.OTHER, "Sam", True)) == other
    assert speak_to(text, Wording(Audience.OTHER, "", True)) == unnamed


def test_a_name_ending_in_s_takes_an_apostrophe_only():
    assert speak_to("your child's school", Wording(Audience.OTHER, "James")) == "James' school"
