"""Question pages for the later life of a plan (issue 14): a move to a new school or college
(phase transfer), a request to re-assess, and what the Tribunal ordered.

Page order and conditions are declared in journeys/wizard/definition.py. Forms reused from the
other stages (the preferred school and its kind, the evidence, the council's reasons) are
subclassed here only where their words must fit this journey.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.functional import lazy
from django.utils.text import format_lazy

from journeys.forms import request as request_forms
from journeys.forms import stages as stage_forms
from journeys.forms.base import CheckAnswersForm, QuestionForm
from journeys.forms.fields import DateField, choice, hint_with_example, not_in_future, text
from journeys.rules import law
from journeys.rules.law import Law
from journeys.rules.vocabulary import Transfer, TribunalOrder

MOVE = "The move"
CHANGES = "What has changed"
TRIBUNAL = "The Tribunal's decision"
LONG_TEXT = stage_forms.LONG_TEXT

# -- phase transfer ----------------------------------------------------------------------------

TRANSFER_CHOICES = [
    (Transfer.SCHOOL.value, "To a new school: for example from nursery to primary school, or "
     "from primary to secondary school"),
    (Transfer.POST16.value, "From secondary school to a college, sixth form or other post-16 "
     "place"),
    (Transfer.BETWEEN_POST16.value, "From one college or post-16 place to another"),
]  # fmt: skip


class TransferKindForm(QuestionForm):
    title = "Which move is coming up?"
    caption = MOVE
    transfer = choice(
        label=title,
        hint="The law sets a different date for each kind of move by which the council must "
        "name the next school or college in the plan.",
        choices=TRANSFER_CHOICES,
        required_message="Select which move is coming up",
    )


# How many school years ahead a move can be asked about: the plan is reviewed for a move
# "within 12 months of a transfer" (reg 18(1)), so a family planning early sees the next few.
YEARS_AHEAD = 3


def move_years(today) -> list[tuple[str, str]]:
    """The Septembers a move can still happen in, from this year's (until it has passed)."""
    first = today.year if (today.month, today.day) < (9, 1) else today.year + 1
    return [(str(year), f"September {year}") for year in range(first, first + YEARS_AHEAD + 1)]


def _move_years_now() -> list[tuple[str, str]]:
    return move_years(timezone.localdate())


class TransferYearForm(QuestionForm):
    title = "When will the move happen?"
    caption = MOVE
    # Callable choices: the Septembers still to come are worked out each time the page (or
    # check your answers) is shown, never frozen when the server starts.
    year = choice(
        label=title,
        hint="Moves between school phases and to post-16 places happen in September.",
        choices=_move_years_now,
        required_message="Select when the move will happen",
    )


class TransferDateForm(QuestionForm):
    title = "On what date will the move happen?"
    caption = MOVE
    move_date = DateField(
        label=title,
        subject="The date of the move",
        help_text=format_lazy(
            "The first day at the new college or post-16 place. For example, 8 1 {}.",
            lazy(lambda: str(timezone.localdate().year + 1), str)(),
        ),
        error_messages={"required": "Enter the date of the move"},
    )

    def clean_move_date(self):
        value = self.cleaned_data["move_date"]
        if value < timezone.localdate():
            raise forms.ValidationError(
                "The date of the move must be today or in the future", code="past"
            )
        return value


class TransferSettingForm(stage_forms.PreferredSettingForm):
    """The setting the family wants named for the move (required here: it is the request)."""

    title = "Which school or college do you want named in the plan for the move?"
    caption = MOVE
    preferred_setting = text(
        label=title,
        subject="The school or college",
        required_message="Enter the name of the school or college",
        hint="Its full name, as the school or college writes it.",
        max_length=200,
    )


class TransferSettingKindForm(stage_forms.PreferredSettingKindForm):
    caption = MOVE


class TransferWhyForm(QuestionForm):
    title = "Why does this school or college suit your child?"
    caption = MOVE
    why = text(
        label=title,
        subject="Why it suits",
        required_message="Say why the school or college suits your child",
        hint="Which of your child's needs it can meet and how, in your own words. For example, "
        "small classes, a speech and language therapist on site, or a quiet space at breaks.",
        max_length=LONG_TEXT,
        multiline=True,
    )


# -- re-assessment -----------------------------------------------------------------------------


class ReassessmentChangesForm(QuestionForm):
    title = "What has changed since the last assessment?"
    caption = CHANGES
    hint = (
        "Answer the parts that apply, in your own words. A re-assessment looks at your child's "
        "needs afresh, so say what is different now."
    )
    needs = text(
        label="Your child's needs (optional)",
        subject="What has changed in their needs",
        hint="For example, new difficulties, or needs that have grown.",
        max_length=LONG_TEXT,
        multiline=True,
    )
    setting = text(
        label="Their school, college or other setting (optional)",
        subject="What has changed in their setting",
        hint="For example, a move, a reduced timetable, or time out of school.",
        max_length=LONG_TEXT,
        multiline=True,
    )
    diagnoses = text(
        label="New diagnoses (optional)",
        subject="New diagnoses",
        hint="For example, a diagnosis of autism made after the last assessment.",
        max_length=LONG_TEXT,
        multiline=True,
    )
    advice = text(
        label="New advice from professionals (optional)",
        subject="New advice",
        hint="For example, a new report recommending therapy the plan does not include.",
        max_length=LONG_TEXT,
        multiline=True,
    )

    def clean(self):
        cleaned = super().clean()
        if not any((cleaned.get(name) or "").strip() for name in CHANGE_FIELDS):
            self.add_error("needs", "Say what has changed in at least one part")
        return cleaned


CHANGE_FIELDS = ("needs", "setting", "diagnoses", "advice")


class ReassessmentEvidenceFormSet(request_forms.EvidenceFormSet):
    """The evidence page, in words true for a re-assessment (the request page says that no
    evidence is needed to ask for an assessment; here, evidence of change is what counts)."""

    hint = (
        "Reports, letters and records that show what has changed since the last assessment. "
        "You do not have to send any, but evidence of the change is the strongest support "
        "for a re-assessment. You can add more than one."
    )


REASSESSMENT_STATUS = [
    ("not_asked", "No, I have not asked yet"),
    ("asked", "Yes, and I am waiting for the council's answer"),
    ("refused", "Yes, and the council refused"),
]


class ReassessmentAskedForm(QuestionForm):
    title = "Have you already asked the council to re-assess?"
    caption = CHANGES
    status = choice(
        label=title,
        hint=law.entry(Law.REASSESSMENT_DECISION).cited,
        choices=REASSESSMENT_STATUS,
        required_message="Select whether you have already asked",
    )


class ReassessmentRequestedDateForm(QuestionForm):
    title = "When did the council receive your request?"
    caption = CHANGES
    requested_date = DateField(
        label=title,
        subject="The date the council received it",
        help_text=hint_with_example("If you emailed it, the day you sent it."),
        error_messages={"required": "Enter the date the council received your request"},
        validators=[not_in_future("The date the council received it")],
    )


REASSESSMENT_REASONS = [
    "Less than 6 months have passed since the last assessment",
    "The needs have not changed",
    "The changes can be dealt with at an annual review",
    "The plan already meets the needs",
    "There is not enough new evidence",
]


class ReassessmentRefusalReasonsForm(stage_forms.RefusalReasonsForm):
    """The council's reasons for refusing to re-assess (refusal_reasons reads them)."""

    common = forms.MultipleChoiceField(
        label="Reasons in the letter",
        choices=[(r, r) for r in REASSESSMENT_REASONS],
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )


# -- Tribunal orders ---------------------------------------------------------------------------

HOW_DECIDED = [
    ("decided", "The Tribunal decided the appeal"),
    ("unopposed", "The council told the Tribunal it would not oppose the appeal"),
]


class TribunalHowForm(QuestionForm):
    title = "How did the appeal end?"
    caption = TRIBUNAL
    how = choice(
        label=title,
        hint="If the council withdrew its opposition before a hearing, choose the second "
        "answer. " + law.entry(Law.UNOPPOSED_APPEAL).cited,
        choices=HOW_DECIDED,
        required_message="Select how the appeal ended",
    )


class TribunalDecisionDateForm(QuestionForm):
    title = "What date is on the Tribunal's decision?"
    caption = TRIBUNAL
    decision_date = DateField(
        label=title,
        subject="The date of the decision",
        help_text=hint_with_example(
            "Use the date printed on the decision, not the day it arrived."
        ),
        error_messages={"required": "Enter the date on the Tribunal's decision"},
        validators=[not_in_future("The date of the decision")],
    )


class UnopposedDateForm(QuestionForm):
    title = "On what date did the council tell the Tribunal it would not oppose the appeal?"
    caption = TRIBUNAL
    decision_date = DateField(
        label=title,
        subject="The date the council told the Tribunal",
        help_text=hint_with_example(
            "It is on the council's letter or email, or on the Tribunal's letter telling you."
        ),
        error_messages={"required": "Enter the date the council told the Tribunal"},
        validators=[not_in_future("The date the council told the Tribunal")],
    )


ORDER_CHOICES = [
    (TribunalOrder.ASSESS.value, "Carry out an EHC needs assessment"),
    (TribunalOrder.REASSESS.value, "Carry out a re-assessment"),
    (TribunalOrder.MAKE_PLAN.value, "Make and maintain an EHC plan"),
    (TribunalOrder.AMEND_PLAN.value, "Change what the plan says (sections B, F or I)"),
    (TribunalOrder.CHANGE_SCHOOL_ONLY.value, "Change only the school or college named"),
    (TribunalOrder.CONTINUE_PLAN.value, "Keep the plan (not stop it)"),
    (TribunalOrder.DISMISSED.value, "Nothing: the appeal was dismissed"),
]


class TribunalOrderForm(QuestionForm):
    """What the council must now do. An appeal the council did not oppose cannot have been
    dismissed, so that answer is offered only when the Tribunal decided."""

    title = "What must the council do now?"
    caption = TRIBUNAL
    uses_answers = True

    def __init__(self, *args, answers: Mapping[str, Any] | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        unopposed = (answers or {}).get("tribunal-how", {}).get("how") == "unopposed"
        choices = [c for c in ORDER_CHOICES if not (unopposed and c[0] == TribunalOrder.DISMISSED)]
        self.fields["order"] = choice(
            label=self.title,
            hint="Look at the order, or the council's notice. Choose the main thing it says.",
            choices=choices,
            required_message="Select what the council must do",
        )


class TribunalOrderTextForm(QuestionForm):
    title = "What did the order say?"
    caption = TRIBUNAL
    order_text = text(
        label="What did the order say? (optional)",
        subject="What the order said",
        hint="In your own words or copied from the order: for example, the school it named or "
        "the provision it added. Leave it empty if you prefer.",
        max_length=LONG_TEXT,
        multiline=True,
    )


class CheckAnswersNoLetterForm(CheckAnswersForm):
    """Check your answers, for a journey that writes no letter of its own."""

    heading = "Check your answers"
    next_heading = "Now see what happens next"
    next_text = (
        "When you continue, we will show what the council must do and by when, from these "
        "answers. Nothing is sent to the council or the Tribunal."
    )
    submit_label = "Continue"
