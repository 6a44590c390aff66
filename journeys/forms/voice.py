"""The child's own voice, and preparing for adulthood: optional question pages any journey
can add (journeys/wizard/definition.py: VOICE_STEPS, ADULTHOOD_STEPS).

Section 19 of the Children and Families Act 2014 puts the child's views, wishes and feelings
first. Every page here is optional: a parent can continue with nothing entered, and then no
letter says anything about it. What is entered is kept as the extras `child_voice` and
`adulthood` (letters/extras.py) and printed by letters/voice.py, attributed as the family
gave it: in the child's own words, as the parent heard them, or how the family knows what a
child who cannot tell us in words likes.

Pages are written to a parent about "your child"; journeys/forms/wording.py rewrites them for
a young person ("you") or someone acting for one.
"""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError

from journeys.forms.base import QuestionForm
from journeys.forms.fields import text
from journeys.rules.law import Law, entry
from journeys.rules.vocabulary import AdulthoodArea, Relationship, VoiceSource

VOICE = "Your child's views"
ADULTHOOD = "Preparing for adulthood"
VOICE_TEXT = 1500


def _writes_for_self(answers) -> bool:
    """The young person is filling the journey in: their views are their own words."""
    return (answers or {}).get("your-details", {}).get("relationship") == Relationship.YOUNG_PERSON


class ChildViewsForm(QuestionForm):
    """Optional: what the child thinks, and how the family knows it."""

    title = "What are your child's views?"
    caption = VOICE
    hint = (
        "This page is optional: leave it blank and continue if you prefer. "
        + entry(Law.VIEWS_WISHES_FEELINGS).cited
    )
    uses_answers = True

    source = forms.ChoiceField(
        label="Whose words will you give?",
        widget=forms.RadioSelect,
        choices=[
            (VoiceSource.OWN_WORDS.value, "Your child's own words: you wrote down what they "
             "said, wrote or signed"),
            (VoiceSource.AS_HEARD.value, "What you have heard your child say"),
            (VoiceSource.COULD_NOT_TELL.value, "Your child could not tell us in words"),
        ],
        required=False,
    )  # fmt: skip
    views = text(
        label="What does your child say about school, the help they get and what matters to them?",
        subject="Their views",
        hint="Write it as they said it, if you can.",
        max_length=VOICE_TEXT,
        multiline=True,
    )
    how_we_know = text(
        label="If your child could not tell you in words: how do you know what they like "
        "and do not like?",
        subject="How you know",
        hint="For example, how they show they are happy or upset, what they choose, and what "
        "calms them.",
        max_length=VOICE_TEXT,
        multiline=True,
    )

    def __init__(self, *args, answers=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.writes_for_self = _writes_for_self(answers)
        if self.writes_for_self:
            # A young person's views are in their own words: no one else to attribute them to.
            del self.fields["source"], self.fields["how_we_know"]
            self.fields[
                "views"
            ].label = (
                "What do you think about your education, the help you get and what matters to you?"
            )
            # One question, so its label is the page's heading: the page's title says the
            # same, and the field carries the page's hint (that it is optional, and s.19).
            self.fields["views"].help_text = self.hint
            self.title = self.fields["views"].label

    def clean(self):
        cleaned = super().clean()
        if self.writes_for_self:
            cleaned["source"] = VoiceSource.OWN_WORDS.value if cleaned.get("views") else ""
            cleaned["how_we_know"] = ""
        elif cleaned.get("views") and not cleaned.get("source"):
            self.add_error(
                "source",
                ValidationError(
                    "Select whose words these are: your child's own, or what you have heard "
                    "them say",
                    code="required",
                ),
            )
        return cleaned


class ChildStrengthsForm(QuestionForm):
    """Optional: what the child is good at and enjoys, and what they hope for."""

    title = "What is your child good at, and what do they hope for?"
    caption = VOICE
    hint = "This page is optional: leave it blank and continue if you prefer."
    strengths = text(
        label="What is your child good at, and what do they enjoy?",
        subject="What they are good at",
        hint="For example, at home, at school, with friends or in their hobbies.",
        max_length=VOICE_TEXT,
        multiline=True,
    )
    hopes = text(
        label="What does your child hope for?",
        subject="What they hope for",
        hint="For example, this year, at their next school or college, or when they are grown up.",
        max_length=VOICE_TEXT,
        multiline=True,
    )


class PreparingForAdulthoodForm(QuestionForm):
    """Optional, from Year 9: the four areas of preparing for adulthood (Code chapter 8)."""

    title = "Preparing for adulthood"
    caption = ADULTHOOD
    hint = (
        "This page is optional: answer any part that matters now, or leave it blank. "
        + entry(Law.PREPARING_FOR_ADULTHOOD).cited
    )
    employment = text(
        label=f"{AdulthoodArea.EMPLOYMENT.label}: what does your child hope to do?",
        subject=AdulthoodArea.EMPLOYMENT.label,
        hint="For example, a college course, an apprenticeship, a supported internship or a job.",
        max_length=VOICE_TEXT,
        multiline=True,
    )
    independent_living = text(
        label=f"{AdulthoodArea.INDEPENDENT_LIVING.label}: what would your child like to "
        "do for themselves?",
        subject=AdulthoodArea.INDEPENDENT_LIVING.label,
        hint="For example, travelling alone, cooking, managing money, or where they would "
        "like to live.",
        max_length=VOICE_TEXT,
        multiline=True,
    )
    community = text(
        label=f"{AdulthoodArea.COMMUNITY.label}: what matters to your child?",
        subject=AdulthoodArea.COMMUNITY.label,
        hint="For example, keeping friends, clubs, volunteering, or getting about locally.",
        max_length=VOICE_TEXT,
        multiline=True,
    )
    health = text(
        label=f"{AdulthoodArea.HEALTH.label}: what help does your child need?",
        subject=AdulthoodArea.HEALTH.label,
        hint="For example, managing their own health appointments or medication, or moving "
        "to adult health services.",
        max_length=VOICE_TEXT,
        multiline=True,
    )
