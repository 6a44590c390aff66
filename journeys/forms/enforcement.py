"""Question pages for enforcing the plan (issue 15): when the provision in the plan is not
made, and when a mediation agreement has not been carried out.

Page order and conditions are declared in journeys/wizard/definition.py (journeys
`not-delivered` and `mediation-agreement`). The letters read the provision and the delivery
log from the case file; these pages ask only what the case cannot hold: which step, which
parts of the plan, since when, by when, what compensatory provision, and the complaint's
dates and answer.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django import forms
from django.core.exceptions import ValidationError

from journeys.forms.base import QuestionForm
from journeys.forms.fields import DateField, choice, hint_with_example, not_in_future, text
from journeys.forms.stages import LONG_TEXT, YES_NO
from journeys.forms.transfers import ORDER_CHOICES
from journeys.rules.vocabulary import TribunalOrder

PROVISION = "The provision"
COMPLAINT = "Your complaint"
LETTER = "Your letter"
AGREEMENT = "The mediation agreement"

# The steps a family can take (extras enforce.step).
STEP_COMPLAINT = "complaint"
STEP_OMBUDSMAN = "ombudsman"
STEP_PRE_ACTION = "pre_action"
SECTIONS = ("F", "G", "H")
SECTION_CHOICES = [
    ("F", "Education: special educational provision (section F). The council must secure it."),
    ("G", "Health care (section G). The integrated care board must arrange it."),
    ("H", "Social care (section H). The council is responsible for it."),
]
# What the council alone answers for: the Ombudsman and judicial review here are about it.
COUNCIL_SECTIONS = ("F", "H")


class ProvisionRecordForm(QuestionForm):
    """What the case's record holds, filled in from the case file when the journey starts
    from a saved case (journeys/wizard/enforcement_cases.py): the sections that have items
    and how many sessions are logged. Shown as a summary; without a record it cannot be
    answered, and the page sends the family to record the provision first."""

    title = "What you have recorded"
    caption = PROVISION
    # Built like the pages that use earlier answers, so that check your answers asks it for
    # its own summary (`summary_rows`) instead of listing its hidden fields.
    uses_answers = True
    sections = forms.CharField(widget=forms.HiddenInput, required=False)
    logged = forms.IntegerField(widget=forms.HiddenInput, required=False, min_value=0)

    def __init__(self, *args, answers: Mapping[str, Any] | None = None, **kwargs):
        super().__init__(*args, **kwargs)

    def summary_rows(self, answer: Mapping[str, Any]) -> list[tuple[str, tuple[str, ...]]]:
        sections = ", ".join(answer.get("sections", []))
        logged = answer.get("logged") or 0
        return [
            (
                self.title,
                (
                    f"What the plan promises, in section{'s' if ',' in sections else ''} "
                    f"{sections}",
                    f"{logged} record{'s' if logged != 1 else ''} of what happened",
                ),
            )
        ]

    def clean(self):
        data = super().clean()
        sections = [s for s in (data.get("sections") or "").split(",") if s]
        if not sections or any(s not in SECTIONS for s in sections) or not data.get("logged"):
            raise ValidationError(
                "Record what the plan promises and what happened first", code="no_record"
            )
        data["sections"] = sections
        return data


class EnforceStepForm(QuestionForm):
    title = "What do you want to do?"
    caption = PROVISION
    step = choice(
        label=title,
        hint="Start with a complaint. If the council does not answer in time, or its answer "
        "does not put things right, you can go to the Ombudsman. A letter before claim for "
        "judicial review is the step where a solicitor comes in.",
        choices=[
            (STEP_COMPLAINT, "Complain that the provision is not being made"),
            (STEP_OMBUDSMAN, "Complain to the Local Government and Social Care Ombudsman"),
            (STEP_PRE_ACTION, "Send a letter before claim for judicial review"),
        ],
        required_message="Select what you want to do",
    )


class EnforceSectionsForm(QuestionForm):
    """Which parts of the plan the letter is about: only those the record has items in, and
    for the Ombudsman and judicial review only the council's (sections F and H)."""

    title = "Which provision is not being made?"
    caption = PROVISION
    uses_answers = True

    def __init__(self, *args, answers: Mapping[str, Any] | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        answers = answers or {}
        recorded = answers.get("provision-record", {}).get("sections") or list(SECTIONS)
        step = answers.get("enforce-step", {}).get("step")
        allowed = SECTIONS if step == STEP_COMPLAINT else COUNCIL_SECTIONS
        choices = [c for c in SECTION_CHOICES if c[0] in allowed and c[0] in recorded]
        if step == STEP_COMPLAINT:
            hint = (
                "Select all that apply. A complaint about health care goes to the integrated "
                "care board; the rest goes to the council."
            )
        elif choices:
            hint = "Select all that apply. This step is about what the council must provide."
        else:
            # Only health care is recorded: this step is not the way for it.
            hint = (
                "Your record holds only health care (section G). Complain to the integrated "
                "care board first; if its answer does not put things right, the Parliamentary "
                "and Health Service Ombudsman deals with the NHS. Go back and choose to "
                "complain."
            )
        self.fields["sections"] = forms.MultipleChoiceField(
            label=self.title,
            help_text=hint,
            choices=choices,
            widget=forms.CheckboxSelectMultiple,
            error_messages={
                "required": "Select the provision that is not being made",
                "invalid_choice": "Select the provision that is not being made",
            },
        )


class IcbNameForm(QuestionForm):
    title = "Which integrated care board arranges the health care in the plan?"
    caption = PROVISION
    icb_name = text(
        label=title,
        subject="The integrated care board",
        hint="It is named in section G of the plan, or on the NHS website for your area. For "
        "example, NHS Bristol, North Somerset and South Gloucestershire Integrated Care Board.",
        required_message="Enter the name of the integrated care board",
    )


class EnforceSinceForm(QuestionForm):
    title = "From what date should we count what was missed?"
    caption = PROVISION
    since = DateField(
        label=title,
        subject="The date to count from",
        help_text=hint_with_example(
            "For example, the start of this school year. We count each session the plan "
            "promises from this date to today.",
            days_ago=90,
        ),
        error_messages={"required": "Enter the date to count from"},
        validators=[not_in_future("The date to count from")],
    )


class EnforceStartByForm(QuestionForm):
    title = "By what date should the provision start?"
    caption = PROVISION
    start_by = DateField(
        label=title,
        subject="The date the provision should start",
        help_text="Give a date that is fair but firm, for example 2 weeks from now. For "
        "example, 7 12 2026.",
        error_messages={"required": "Enter the date the provision should start"},
    )


class CompensatoryForm(QuestionForm):
    title = "What would make up for the sessions that were missed?"
    caption = PROVISION
    compensatory = text(
        label=title,
        subject="What would make up for the missed sessions",
        hint="For example, 10 extra sessions of speech and language therapy before the summer. "
        "Leave it empty and the letter asks for compensatory provision without saying what.",
        max_length=LONG_TEXT,
        multiline=True,
    )


# The council's complaints procedure sets its time to answer (Law.PROVISION_COMPLAINT); the
# timeline counts the Ombudsman's date from it, and 20 working days when not known.
REPLY_WORKING_DAYS = dict(
    label="How many working days does the council's complaints procedure give it to "
    "answer? (optional)",
    help_text="It is on the council's website or in its reply. If you do not know, we use "
    "20 working days.",
    required=False,
    min_value=1,
    max_value=120,
    error_messages={
        "invalid": "Enter the number of working days as a number, like 20",
        "min_value": "Enter a number of working days of 1 or more",
        "max_value": "Enter a number of working days of 120 or fewer",
    },
)


class ComplaintPeriodForm(QuestionForm):
    """On the complaint path: the time the council's procedure gives it, so the timeline
    shows when the family can go to the Ombudsman."""

    title = "How long does the council have to answer a complaint?"
    caption = COMPLAINT
    reply_working_days = forms.IntegerField(**REPLY_WORKING_DAYS)


class ComplaintDetailsForm(QuestionForm):
    title = "Your complaint to the council"
    caption = COMPLAINT
    complaint_date = DateField(
        label="When did you complain to the council?",
        subject="The date of the complaint",
        help_text=hint_with_example(days_ago=40),
        error_messages={"required": "Enter the date you complained to the council"},
        validators=[not_in_future("The date of the complaint")],
    )
    complaint_reference = text(
        label="The council's reference for your complaint (optional)",
        subject="The reference",
        max_length=100,
    )
    reply_working_days = forms.IntegerField(**REPLY_WORKING_DAYS)


class ComplaintAnsweredForm(QuestionForm):
    title = "Has the council given its final answer to your complaint?"
    caption = COMPLAINT
    answered = choice(
        label=title,
        choices=YES_NO,
        required_message="Select yes if the council has given its final answer",
    )


class ComplaintResponseForm(QuestionForm):
    title = "The council's answer"
    caption = COMPLAINT
    response_date = DateField(
        label="What date is on the council's final answer?",
        subject="The date of the answer",
        help_text=hint_with_example(days_ago=10),
        error_messages={"required": "Enter the date of the council's answer"},
        validators=[not_in_future("The date of the answer")],
    )
    response_said = text(
        label="What did it say? (optional)",
        subject="What the council said",
        hint="In a few sentences, or copy the part that matters.",
        max_length=LONG_TEXT,
        multiline=True,
    )


class PreActionDetailsForm(QuestionForm):
    title = "Before a claim"
    caption = LETTER
    adr = choice(
        label="Are you willing to meet or talk to settle this without going to court, if it "
        "does not delay the provision?",
        choices=YES_NO,
        required_message="Select yes if you are willing to talk to settle this",
    )
    information_sought = text(
        label="What information or documents do you want the council to send? (optional)",
        subject="The information you want",
        hint="For example, the council's record of who is providing the therapy.",
        max_length=LONG_TEXT,
        multiline=True,
    )


class LetterDateForm(QuestionForm):
    title = "When will you send this letter?"
    caption = LETTER
    letter_date = DateField(
        label=title,
        subject="The date you send it",
        help_text="We record it on your timeline, so the dates that follow from it are right. "
        "For example, today's date.",
        error_messages={"required": "Enter the date you send the letter"},
    )


# -- a mediation agreement -----------------------------------------------------------------------

OTHER = "other"
AGREEMENT_CHOICES = [
    *[(value, label) for value, label in ORDER_CHOICES if value != TribunalOrder.DISMISSED],
    (OTHER, "Something else, for example to arrange a meeting or a piece of advice"),
]


class AgreementDetailsForm(QuestionForm):
    title = "The mediation agreement"
    caption = AGREEMENT
    agreement_date = DateField(
        label="What date is on the mediation agreement?",
        subject="The date of the agreement",
        help_text=hint_with_example(days_ago=30),
        error_messages={"required": "Enter the date of the mediation agreement"},
        validators=[not_in_future("The date of the agreement")],
    )
    agreement_requires = choice(
        label="What did the council agree to do?",
        hint="Choose the main thing. Things you could have appealed to the Tribunal have the "
        "same time limits as a Tribunal order; anything else must be done within 2 weeks.",
        choices=AGREEMENT_CHOICES,
        required_message="Select what the council agreed to do",
    )
    agreement_text = text(
        label="What does the agreement say? (optional)",
        subject="What the agreement says",
        max_length=LONG_TEXT,
        multiline=True,
    )
    agreed_by = DateField(
        label="Did you agree a different date in writing? If so, which? (optional)",
        subject="The date agreed",
        required=False,
        help_text="Only if the agreement gives its own date. For example, 30 1 2027.",
    )
