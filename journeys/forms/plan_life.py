"""Question pages for the rest of a plan's life (issue 14): the annual review, proposed
amendments, a refusal to amend, and ceasing the plan.

Page order and conditions are declared in journeys/wizard/definition.py. The plan's sections
and the wording checker's pages (PlanSectionBForm, PlanFixesForm, PlanNeedsFixesForm ...) and
the school request (PreferredSettingForm, PreferredSettingKindForm) are the plan journey's own,
imported from journeys/forms/stages.py and reused under the same step slugs.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django import forms
from django.core.exceptions import ValidationError

from journeys.forms.base import QuestionForm, repeatable
from journeys.forms.fields import DateField, choice, hint_with_example, not_in_future, text
from journeys.forms.request import EvidenceItemForm
from journeys.forms.stages import (
    LONG_TEXT,
    YES_NO,
    AppealOutcomeForm,
    ReasonResponsesForm,
    decision_date_field,
    lines,
)
from journeys.rules import law
from journeys.rules.law import Law

REVIEW = "The annual review"
AMENDMENTS = "The proposed changes"
DECISION = "The decision"
CEASING = "Stopping the plan"


# -- the annual review ----------------------------------------------------------------------

PLAN_MADE = "made"
PLAN_REVIEWED = "reviewed"


class ReviewPlanDateForm(QuestionForm):
    title = "When was the plan made, or last reviewed?"
    caption = REVIEW
    last_date = DateField(
        label="Date",
        subject="The date",
        help_text=hint_with_example(
            "The date of the final plan, or of the last annual review meeting.", days_ago=300
        ),
        error_messages={"required": "Enter the date the plan was made or last reviewed"},
        validators=[not_in_future("The date")],
    )
    date_is = choice(
        label="Is that the date of the plan or of its last review?",
        choices=[
            (PLAN_MADE, "The date the final plan was issued"),
            (PLAN_REVIEWED, "The date of the last annual review meeting"),
        ],
        required_message="Select whether it is the date of the plan or of its last review",
    )


class ReviewMeetingHeldForm(QuestionForm):
    title = "Has this year's review meeting happened yet?"
    caption = REVIEW
    held = choice(
        label=title,
        hint="If it has not, your contribution is ready to send before it. If it has, we also "
        "ask what the council decided.",
        choices=YES_NO,
        required_message="Select yes if the review meeting has happened",
    )


class ReviewMeetingDateForm(QuestionForm):
    """The meeting's date: required and not in the future once it has happened; optional
    (and may be ahead) before it."""

    title = "When is the review meeting?"
    caption = REVIEW
    uses_answers = True
    meeting_date = DateField(
        label=title,
        subject="The meeting date",
        required=False,
        help_text="For example, 14 3 2027. Leave it empty if you do not know yet.",
    )

    def __init__(self, *args, answers: Mapping[str, Any] | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.held = (answers or {}).get("review-meeting-held", {}).get("held") == "yes"
        if self.held:
            field = self.fields["meeting_date"]
            field.label = "When was the review meeting?"
            field.required = True
            field.help_text = hint_with_example(days_ago=20)
            field.error_messages["required"] = "Enter the date of the review meeting"
            field.validators.append(not_in_future("The meeting date"))


class ReviewGoneWellForm(QuestionForm):
    title = "What has gone well since the plan was made or last reviewed?"
    caption = REVIEW
    gone_well = text(
        label=title,
        subject="What has gone well",
        hint="For example, progress, things your child now enjoys, support that works. Leave it "
        "empty if you would rather not say.",
        max_length=LONG_TEXT,
        multiline=True,
    )


class ReviewNotGoneWellForm(QuestionForm):
    title = "What has not gone well?"
    caption = REVIEW
    not_gone_well = text(
        label=title,
        subject="What has not gone well",
        hint="For example, support that stopped, times of distress, missed school, or needs "
        "the plan does not describe.",
        max_length=LONG_TEXT,
        multiline=True,
    )


ON_TRACK = [("yes", "Yes, on track"), ("partly", "Partly"), ("no", "No, not on track")]
ON_TRACK_WORDS = {"yes": "on track", "partly": "partly on track", "no": "not on track"}


class OutcomeItemForm(forms.Form):
    summary_labels = {"outcome": "Outcome", "on_track": "On track?", "comment": "Why"}
    outcome = text(
        label="The outcome, as the plan words it",
        subject="The outcome",
        required_message="Enter the outcome",
        hint="Section E of the plan lists the outcomes.",
        max_length=1000,
        multiline=True,
    )
    on_track = choice(
        label="Is it on track?",
        choices=ON_TRACK,
        required_message="Select whether the outcome is on track",
    )
    comment = text(
        label="Why do you say so? (optional)",
        subject="Why",
        max_length=1000,
        multiline=True,
    )


ReviewOutcomesFormSet = repeatable(
    OutcomeItemForm,
    title="Is each outcome in the plan on track?",
    item_name="Outcome",
    caption=REVIEW,
    hint="Add the outcomes you want to comment on. Leave it blank to skip this question.",
)


class ReviewProvisionForm(QuestionForm):
    title = "What help has actually been given?"
    caption = REVIEW
    delivered = text(
        label=title,
        subject="The help given",
        hint="Compare it with section F of the plan: for example, \u201conly 4 of the 12 "
        "speech and language therapy sessions took place this term\u201d.",
        max_length=LONG_TEXT,
        multiline=True,
    )


class ReviewChangesForm(QuestionForm):
    title = "What should change in the plan?"
    caption = REVIEW
    hint = "Leave a box empty if that section should stay as it is."
    change_b = text(
        label="Section B: needs",
        subject="Changes to section B",
        hint="Needs that have changed, or that the plan does not describe.",
        max_length=LONG_TEXT,
        multiline=True,
    )
    change_f = text(
        label="Section F: the help your child must get",
        subject="Changes to section F",
        hint="Say who should give what help, how often and for how long.",
        max_length=LONG_TEXT,
        multiline=True,
    )
    change_i = text(
        label="Section I: the school or college",
        subject="Changes to section I",
        hint="For example, a move to another school or college.",
        max_length=1000,
        multiline=True,
    )


def _optional_section_f(name: str, title: str, caption: str, hint: str) -> type[QuestionForm]:
    """Section F, optional here (the plan journey requires it), under the plan journey's slug
    "plan-section-f": a parent who pastes it gets the wording checker's questions
    (stages.PlanFixesForm) about each vague sentence."""
    form = type(QuestionForm)(  # Django's declarative-fields metaclass
        name,
        (QuestionForm,),
        {
            "title": title,
            "caption": caption,
            "text": text(
                label=title, subject="Section F", hint=hint, max_length=20000, multiline=True
            ),
        },
    )
    return form


CHECKER_HINT = (
    "We check each sentence for vague wording such as \u201caccess to\u201d or \u201cas "
    "needed\u201d, and ask what it should say instead."
)
ReviewSectionFForm = _optional_section_f(
    "ReviewSectionFForm",
    "Paste section F of the plan, if you want us to check its wording",
    REVIEW,
    f"{CHECKER_HINT} Leave it empty to skip.",
)
AmendedSectionFForm = _optional_section_f(
    "AmendedSectionFForm",
    "Paste section F as the council proposes it",
    AMENDMENTS,
    f"{CHECKER_HINT} Leave it empty if the council proposes no change to section F.",
)


REVIEW_DECISIONS = [
    ("keep", "To keep the plan as it is"),
    ("amend", "To change (amend) the plan"),
    ("cease", "To stop the plan"),
    ("not_told", "I have not been told yet"),
]


class ReviewDecisionForm(QuestionForm):
    title = "What did the council decide after the review?"
    caption = REVIEW
    decision = choice(
        label=title,
        hint=law.entry(Law.REVIEW_DECISION).cited,
        choices=REVIEW_DECISIONS,
        required_message="Select what the council decided",
    )


class ReviewDecisionDateForm(QuestionForm):
    title = "What date is on the council's decision letter?"
    caption = REVIEW
    uses_answers = True
    decision_date = decision_date_field(label=title)

    def __init__(self, *args, answers: Mapping[str, Any] | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.meeting = (answers or {}).get("review-meeting-date", {}).get("meeting_date")

    def clean_decision_date(self):
        decided = self.cleaned_data["decision_date"]
        if decided and self.meeting and decided < self.meeting:
            raise ValidationError(
                "The decision date must be the same as or after the review meeting",
                code="before_meeting",
            )
        return decided


# -- proposed amendments --------------------------------------------------------------------


class ProposalDateForm(QuestionForm):
    title = "What date did the council send its proposed changes?"
    caption = AMENDMENTS
    proposal_date = DateField(
        label=title,
        subject="The date",
        help_text=hint_with_example(
            "Use the date on the letter that came with the proposed changes. "
            + law.entry(Law.AMENDMENT_REPRESENTATIONS).cited,
            days_ago=5,
        ),
        error_messages={"required": "Enter the date the proposed changes were sent"},
        validators=[not_in_future("The date")],
    )


class AmendmentsWantedForm(QuestionForm):
    title = "What else do you want the council to change?"
    caption = AMENDMENTS
    wanted = text(
        label=title,
        subject="What you want",
        hint="For example, a change the council did not propose, or a proposed change you "
        "want taken out. Leave it empty if you have said everything.",
        max_length=LONG_TEXT,
        multiline=True,
    )


class WantsSchoolForm(QuestionForm):
    title = "Do you want to ask for a particular school or college to be named?"
    caption = AMENDMENTS
    wants_school = choice(
        label=title,
        hint="You can ask for one in your reply to the proposed changes.",
        choices=YES_NO,
        required_message="Select yes if you want to ask for a particular school or college",
    )


# -- a decision (not to amend, or to cease) and its reasons ---------------------------------


class NotAmendedDateForm(QuestionForm):
    title = "What date is on the council's letter saying it will not change the plan?"
    caption = DECISION
    decision_date = decision_date_field(label=title)


class CouncilReasonsForm(QuestionForm):
    title = "What reasons did the council give?"
    caption = DECISION
    reasons = text(
        label=title,
        subject="The reasons",
        required_message="Enter at least one reason the council gave",
        hint="Put each reason on its own line, in the council's words if you can.",
        max_length=LONG_TEXT,
        multiline=True,
    )


def council_reasons(answers: Mapping[str, Any]) -> list[str]:
    return lines(answers.get("council-reasons", {}).get("reasons", ""))


class CouncilReasonAnswersForm(ReasonResponsesForm):
    title = "What would you say to each reason?"
    caption = DECISION
    reasons_from = staticmethod(council_reasons)


PlanLifeEvidenceFormSet = repeatable(
    EvidenceItemForm,
    title="What evidence do you have?",
    item_name="Evidence",
    caption=DECISION,
    hint="Reports, letters and records that show what your child needs now, such as the "
    "latest review report or a therapist's report. Your letters list them. You can add more "
    "than one, or leave it blank.",
)


class PlanLifeOutcomeForm(AppealOutcomeForm):
    title = "What do you want to happen?"
    caption = DECISION
    outcome = text(
        label=title,
        subject="What you want",
        hint="For example, \u201camend section F to give weekly speech and language "
        "therapy\u201d. Leave it empty and your letters ask for what the law says should "
        "happen.",
        max_length=1000,
        multiline=True,
    )


# -- ceasing the plan -----------------------------------------------------------------------

CEASE_CONSIDERED = "considered"
CEASE_DECIDED = "decided"


class CeaseStageForm(QuestionForm):
    title = "What has the council told you?"
    caption = CEASING
    cease_stage = choice(
        label=title,
        choices=[
            (CEASE_CONSIDERED, "It is thinking about stopping the plan, and asks for my views"),
            (CEASE_DECIDED, "It has decided to stop the plan"),
        ],
        required_message="Select what the council has told you",
    )


class CeaseDateForm(QuestionForm):
    title = "What date is on the council's letter?"
    caption = CEASING
    cease_date = DateField(
        label=title,
        subject="The letter date",
        help_text=hint_with_example("Use the date printed on the letter."),
        error_messages={"required": "Enter the date on the council's letter"},
        validators=[not_in_future("The letter date")],
    )


OUTCOMES_SAID_ACHIEVED = "achieved"
OUTCOMES_SAID_NOT = "not_achieved"
OUTCOMES_NOT_SAID = "not_said"


class OutcomesAchievedForm(QuestionForm):
    title = "Has the council said whether the outcomes in the plan have been achieved?"
    caption = CEASING
    outcomes = choice(
        label=title,
        hint=law.entry(Law.CEASE_OUTCOMES_AT_19).cited,
        choices=[
            (OUTCOMES_SAID_ACHIEVED, "Yes, it says they have been achieved"),
            (OUTCOMES_SAID_NOT, "It says they have not all been achieved"),
            (OUTCOMES_NOT_SAID, "It has not said"),
        ],
        required_message="Select what the council has said about the outcomes",
    )
