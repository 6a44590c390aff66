"""Question pages for the stages after a request: a refusal, a plan, mediation, an appeal.

Page order and conditions are declared in journeys/wizard/definition.py. A form whose questions
depend on earlier answers (one box per reason the council gave, one set of questions per
vague sentence in a plan) sets `uses_answers = True` and receives `answers` (the journey's
cleaned answers so far) from the generic view and from re-validation alike.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import replace
from typing import Any

from django import forms
from django.core.exceptions import ValidationError

from journeys.forms.base import QuestionForm, repeatable
from journeys.forms.fields import DateField, choice, hint_with_example, not_in_future, text
from journeys.rules import law
from journeys.rules.law import Law, SchoolKind
from journeys.rules.vocabulary import DecisionKind
from journeys.rules.wording import FlagCode, check_text, specific_wording
from journeys.rules.wording import check_needs_text as wording_check_needs_text

DECISION = "The decision"
PLAN = "The plan"
MEDIATION = "Mediation"
APPEAL = "Your appeal"
LONG_TEXT = 3000
YES_NO = [("yes", "Yes"), ("no", "No")]


def lines(value: str) -> list[str]:
    return [line.strip() for line in value.splitlines() if line.strip()]


def text_key(value: str) -> str:
    """A field-name suffix fixed by the text it belongs to, not by its position.

    Answers to "each reason" or "each vague sentence" are stored under these keys, so when a
    parent edits the list, an answer stays with its own reason or sentence (an edited one gets
    an empty box) instead of sliding onto its neighbour.
    """
    return hashlib.sha256(" ".join(value.lower().split()).encode()).hexdigest()[:12]


def decision_date_field(
    subject: str = "The decision letter date", label: str = "What date is on the decision letter?"
) -> DateField:
    """The date on a decision letter. On a page of its own the label is the page's heading:
    give the page's title as `label` where it is worded otherwise, so the two agree."""
    return DateField(
        label=label,
        subject=subject,
        help_text=hint_with_example("Use the date printed on the letter, not the day it arrived."),
        error_messages={"required": "Enter the date on the decision letter"},
        validators=[not_in_future(subject)],
    )


# -- refusal --------------------------------------------------------------------------------

REFUSAL_KINDS = [
    (DecisionKind.REFUSAL_TO_ASSESS.value, "It refused to carry out an EHC needs assessment"),
    (
        DecisionKind.REFUSAL_TO_ISSUE_PLAN.value,
        "It assessed my child but refused to issue an EHC plan",
    ),
]

COMMON_REASONS = [
    "Needs can be met from the school's own resources (SEN support)",
    "There is not enough evidence of special educational needs",
    "The school has not followed the graduated approach for long enough",
    "My child is making progress",
    "My child does not have a diagnosis",
    "There is not enough evidence from professionals",
]


class RefusalKindForm(QuestionForm):
    title = "What did the council refuse?"
    caption = DECISION
    decision_kind = choice(
        label=title,
        choices=REFUSAL_KINDS,
        required_message="Select what the council refused",
    )


class DecisionDateForm(QuestionForm):
    title = "What date is on the decision letter?"
    caption = DECISION
    decision_date = decision_date_field()


class RefusalReasonsForm(QuestionForm):
    title = "What reasons did the council give?"
    caption = DECISION
    hint = "Look at the decision letter. Select all that apply, and add any others."
    common = forms.MultipleChoiceField(
        label="Reasons in the letter",
        choices=[(r, r) for r in COMMON_REASONS],
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    other = text(
        label="Other reasons (optional)",
        subject="Other reasons",
        hint="Put each reason on its own line, in the council's words if you can.",
        max_length=LONG_TEXT,
        multiline=True,
    )

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("common") and not lines(cleaned.get("other", "")):
            # On the first field, so the error summary links to it and it shows there.
            self.add_error("common", "Select or add at least one reason the council gave")
        return cleaned


def refusal_reasons(answers: Mapping[str, Any]) -> list[str]:
    given = answers.get("refusal-reasons", {})
    return [*given.get("common", []), *lines(given.get("other", ""))]


def appeal_reasons(answers: Mapping[str, Any]) -> list[str]:
    return lines(answers.get("appeal-points", {}).get("points", ""))


class ReasonResponsesForm(QuestionForm):
    """One box for each reason the council gave: the parent's answer to it."""

    title = "What would you say to each reason?"
    caption = DECISION
    hint = (
        "Say why you disagree, and which evidence shows it. Short, specific points work best. "
        "You can leave a reason blank."
    )
    uses_answers = True
    reasons_from = staticmethod(refusal_reasons)
    MAX_REASONS = 15
    # Always the question as the heading, with the hint: a box is labelled with the council's
    # words, so even with one reason its label must not become the page's heading.
    is_single_question = False

    def __init__(self, *args, answers: Mapping[str, Any] | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        reasons = dict.fromkeys(self.reasons_from(answers or {}))  # once each, in order
        for reason in list(reasons)[: self.MAX_REASONS]:
            name = f"response_{text_key(reason)}"
            self.fields[name] = text(
                label=f"The council said: \u201c{reason}\u201d",
                subject="Your answer",
                max_length=LONG_TEXT,
                multiline=True,
            )
            self.fields[name].reason = reason

    def clean(self):
        cleaned = super().clean()
        # The answer the case builders read: each reason with the parent's reply, in order.
        cleaned["responses"] = [
            {"reason": field.reason, "response": cleaned.get(name, "")}
            for name, field in self.fields.items()
            if name.startswith("response_")
        ]
        return cleaned


NOT_SURE = "not_sure"


class AdviceBeyondResourcesForm(QuestionForm):
    title = (
        "Does the advice from professionals describe support beyond what the school can "
        "provide from its own resources?"
    )
    caption = DECISION
    beyond = choice(
        label=title,
        hint="For example, a report recommends therapy, a specialist teacher or a level of "
        "adult support the school says it cannot fund. Your letter says this only if you "
        "say yes.",
        choices=[("yes", "Yes"), ("no", "No"), (NOT_SURE, "I am not sure")],
        required_message="Select yes, no or not sure",
    )


class WhatChangedForm(QuestionForm):
    title = "Is there anything new, or anything the council did not consider?"
    caption = DECISION
    what_changed = text(
        label=title,
        subject="What has changed",
        hint="For example, a new report, a change at school, or evidence the council did not "
        "mention in its letter. Leave it empty if there is nothing.",
        max_length=LONG_TEXT,
        multiline=True,
    )


class OutcomeForm(QuestionForm):
    title = "What do you want the council to do?"
    caption = DECISION
    outcome = text(
        label=title,
        subject="What you want",
        hint="For example, \u201cagree to carry out an EHC needs assessment\u201d. Leave it "
        "empty and the letter will ask for what the law says should happen.",
        max_length=1000,
        multiline=True,
    )


# -- plan -----------------------------------------------------------------------------------

PLAN_STAGES = [("draft", "A draft plan"), ("final", "A final plan")]


class PlanStageForm(QuestionForm):
    title = "Is it a draft plan or a final plan?"
    caption = PLAN
    plan_stage = choice(
        label=title,
        hint="A draft plan usually comes with a letter asking for your comments within 15 "
        "days. A final plan comes with information about your right to appeal.",
        choices=PLAN_STAGES,
        required_message="Select whether it is a draft or a final plan",
    )


class PlanDateForm(QuestionForm):
    title = "When did you receive the plan?"
    caption = PLAN
    plan_date = DateField(
        label=title,
        subject="The date",
        help_text=hint_with_example(
            "For a draft, the day it reached you: your 15 days start then. For a final "
            "plan, the date on its covering letter.",
            days_ago=10,
        ),
        error_messages={"required": "Enter the date you received the plan"},
        validators=[not_in_future("The date")],
    )


def _section_form(letter: str, title: str, hint: str, required: bool) -> type[QuestionForm]:
    class SectionForm(QuestionForm):
        caption = PLAN

    SectionForm.title = title
    SectionForm.base_fields = {
        "text": text(
            label=title,
            subject=f"Section {letter}",
            required_message=f"Paste or type section {letter} of the plan" if required else "",
            hint=hint,
            max_length=20000,
            multiline=True,
        )
    }
    SectionForm.__name__ = SectionForm.__qualname__ = f"PlanSection{letter}Form"
    return SectionForm


PlanSectionBForm = _section_form(
    "B",
    "Paste section B: your child's special educational needs",
    "Copy it from the plan, or type the parts you disagree with. Leave it empty if you agree "
    "with section B.",
    required=False,
)
PlanSectionFForm = _section_form(
    "F",
    "Paste section F: the special educational provision",
    "Copy the whole section if you can. We will check each sentence for vague wording.",
    required=True,
)
PlanSectionIForm = _section_form(
    "I",
    "Paste section I: the school or college named",
    "Leave it empty if no school or college is named.",
    required=False,
)


class PreferredSettingForm(QuestionForm):
    title = "Which school or college do you want named in the plan?"
    caption = PLAN
    preferred_setting = text(
        label=title,
        subject="The school or college",
        hint="Leave it empty if you are happy with the one named.",
        max_length=200,
    )


class PreferredSettingKindForm(QuestionForm):
    title = "What kind of school or college is it?"
    caption = PLAN
    preferred_setting_kind = choice(
        label=title,
        hint="This decides which law your letter uses to ask for it. Some independent "
        "schools and colleges are approved by the Department for Education to take children "
        "and young people with EHC plans: they are on the \u201csection 41 approved "
        "list\u201d, published on GOV.UK. If you are not sure, check the list or ask the "
        "school.",
        choices=SchoolKind.choices(),
        required_message="Select what kind of school or college it is",
    )


class MeetingForm(QuestionForm):
    title = "Do you want a meeting with the council about the draft plan?"
    caption = PLAN
    meeting = choice(
        label=title,
        hint="You have the right to ask for a meeting with a council officer to discuss the draft.",
        choices=YES_NO,
        required_message="Select yes if you want a meeting",
    )


class PersonalBudgetForm(QuestionForm):
    title = "Do you want to ask for a personal budget?"
    caption = PLAN
    personal_budget = choice(
        label=title,
        hint=(
            "A personal budget is an amount of money for some of the provision in the plan, "
            "which you can help decide how to spend. " + law.entry(Law.PERSONAL_BUDGET).cited
        ),
        choices=YES_NO,
        required_message="Select yes if you want to ask for a personal budget",
    )


# -- mediation and appeal: the decision ---------------------------------------------------

APPEALABLE = [
    (DecisionKind.REFUSAL_TO_ASSESS.value, "A refusal to carry out an EHC needs assessment"),
    (DecisionKind.REFUSAL_TO_ISSUE_PLAN.value, "A refusal to issue an EHC plan"),
    (DecisionKind.PLAN_CONTENTS.value, "What the final plan says (sections B, F or I)"),
    (DecisionKind.PLACEMENT_ONLY.value, "Only the school or college named in the plan"),
]
# Not yet offered: a refusal to amend after a review, and a decision to stop the plan. Their
# decision letters start no event in the case file's vocabulary (CASE_FORMAT.md), so the
# engine cannot date their appeal yet.


class AppealableDecisionForm(QuestionForm):
    title = "Which decision do you disagree with?"
    caption = DECISION
    decision_kind = choice(
        label=title,
        choices=APPEALABLE,
        required_message="Select the decision you disagree with",
    )


class MediationNotNeededForm(QuestionForm):
    """An information page: no question, only what the parent needs to know."""

    title = "You do not need a mediation certificate"
    caption = MEDIATION
    hint = (
        "If your appeal is only about the school or college named in the plan, or that none is "
        "named, you can appeal straight away without contacting a mediation adviser "
        "(Children and Families Act 2014, section 55). You can still choose mediation if you "
        "think it would help."
    )


class AdviserContactedForm(QuestionForm):
    title = "Have you contacted the mediation adviser yet?"
    caption = MEDIATION
    contacted = choice(
        label=title,
        hint="The council's decision letter names the mediation adviser.",
        choices=YES_NO,
        required_message="Select yes if you have contacted the mediation adviser",
    )


class AdviserContactedDateForm(QuestionForm):
    title = "When did you contact the mediation adviser?"
    caption = MEDIATION
    contacted_date = DateField(
        label=title,
        subject="The date",
        help_text=hint_with_example(days_ago=20),
        error_messages={"required": "Enter the date you contacted the adviser"},
        validators=[not_in_future("The date")],
    )


class WantsMediationForm(QuestionForm):
    title = "Do you want to go to mediation?"
    caption = MEDIATION
    wants_mediation = choice(
        label=title,
        hint="Mediation is a meeting with the council and an independent mediator. It is "
        "optional: you can ask only for the certificate you need to appeal.",
        choices=[
            ("yes", "Yes, I want mediation"),
            ("no", "No, I only want the certificate so I can appeal"),
        ],
        required_message="Select whether you want mediation",
    )


class MediationRequestedDateForm(QuestionForm):
    title = "When did you tell the council you want mediation?"
    caption = MEDIATION
    requested_date = DateField(
        label=title,
        subject="The date",
        required=False,
        help_text=hint_with_example(
            "The council must arrange mediation within 30 days of hearing from you. "
            "Leave this empty if you have not told it yet.",
            days_ago=20,
        ),
        validators=[not_in_future("The date")],
    )


class MediationIssuesForm(QuestionForm):
    title = "What do you want to talk about at mediation?"
    caption = MEDIATION
    issues = text(
        label=title,
        subject="The issues",
        required_message="Enter at least one thing to talk about",
        hint="Put each issue on its own line, for example \u201cthe speech and language "
        "therapy in section F\u201d.",
        max_length=LONG_TEXT,
        multiline=True,
    )


class AdviserNameForm(QuestionForm):
    title = "What is the name of the mediation service?"
    caption = MEDIATION
    adviser_name = text(
        label=title,
        subject="The name",
        hint="It is in the council's decision letter. Leave it empty if you do not know.",
        max_length=200,
    )


class CertificateDateForm(QuestionForm):
    title = "When was your mediation certificate issued?"
    caption = APPEAL
    uses_answers = True  # to check the certificate against the decision letter's date
    certificate_date = DateField(
        label=title,
        subject="The certificate date",
        required=False,
        help_text=hint_with_example(
            "Leave it empty if you do not have a certificate yet.", days_ago=20
        ),
        validators=[not_in_future("The certificate date")],
    )

    def __init__(self, *args, answers: Mapping[str, Any] | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.decision_date = (answers or {}).get("which-decision-date", {}).get("decision_date")

    def clean_certificate_date(self):
        certificate = self.cleaned_data["certificate_date"]
        if certificate and self.decision_date and certificate < self.decision_date:
            raise ValidationError(
                "The certificate date must be the same as or after the decision letter date",
                code="before_decision",
            )
        return certificate


class LateAppealForm(QuestionForm):
    title = "Why is your appeal late?"
    caption = APPEAL
    late_reason = text(
        label=title,
        subject="Why it is late",
        required_message="Explain why the appeal is late",
        hint="The usual time limit has passed, but the Tribunal can accept a late appeal. Say "
        "why, for example if the decision letter did not tell you about your right to appeal.",
        max_length=LONG_TEXT,
        multiline=True,
    )


class AppealPointsForm(QuestionForm):
    title = "What did the council decide or say that you disagree with?"
    caption = APPEAL
    points = text(
        label=title,
        subject="What you disagree with",
        required_message="Enter at least one thing you disagree with",
        hint="Put each point on its own line, for example each reason in the decision letter, "
        "or each part of the plan you want changed.",
        max_length=LONG_TEXT,
        multiline=True,
    )


class AppealResponsesForm(ReasonResponsesForm):
    title = "What would you say to each point?"
    caption = APPEAL
    reasons_from = staticmethod(appeal_reasons)


class WitnessItemForm(forms.Form):
    summary_labels = {"name": "Name", "role": "Role", "evidence": "What they will say"}
    name = text(
        label="Name",
        subject="The name",
        required_message="Enter the witness's name",
        max_length=200,
    )
    role = text(
        label="Who are they?",
        subject="Who they are",
        required_message="Say who the witness is",
        hint="For example, class teacher, or independent speech and language therapist.",
        max_length=200,
    )
    evidence = text(
        label="What will they tell the Tribunal?",
        subject="What they will say",
        required_message="Say what the witness will tell the Tribunal",
        max_length=1000,
        multiline=True,
    )


WitnessFormSet = repeatable(
    WitnessItemForm,
    title="Who will speak for your child at the hearing?",
    item_name="Witness",
    caption=APPEAL,
    hint="Witnesses are people who know your child, such as a teacher or therapist. Leave it "
    "blank if you do not know yet: you can tell the Tribunal later.",
)


class HealthCareForm(QuestionForm):
    title = "Does your appeal also involve health or social care needs?"
    caption = APPEAL
    health_or_care = choice(
        label=title,
        hint="For example therapies, medical needs, or care and respite. The Tribunal can "
        "make recommendations about these parts of the plan too.",
        choices=YES_NO,
        required_message="Select yes if health or social care needs are involved",
    )


class AppealOutcomeForm(OutcomeForm):
    title = "What do you want the Tribunal to order?"
    caption = APPEAL
    outcome = text(
        label=title,
        subject="What you want",
        hint="For example, \u201corder the council to carry out an assessment\u201d, or "
        "\u201cname Hillside School in section I\u201d. Leave it empty for the usual order.",
        max_length=1000,
        multiline=True,
    )


class PlanFixesForm(QuestionForm):
    """For each vague sentence in section F: what the evidence recommends, in parts.

    The wording checker (journeys.rules.wording) finds the sentences and says what each one
    lacks; the parent's answers become specific wording (who, what, how often, for how long,
    reviewed how). Every box is optional: a sentence left blank is still reported as vague.
    """

    title = "Make the provision in section F specific"
    caption = PLAN
    hint = (
        "Provision in section F must say who will do what, how often, for how long, and how it "
        "will be reviewed (SEND Code of Practice, paragraph 9.69). Use what your reports "
        "recommend. Leave a sentence blank to only ask the council to make it specific."
    )
    uses_answers = True
    MAX_SENTENCES = 12
    PARTS = (
        ("who", "Who should provide it?", "For example, a speech and language therapist."),
        ("what", "What should they do?", "For example, 1:1 language therapy."),
        ("how_often", "How often?", "For example, 3 times a week."),
        ("how_long", "For how long each time?", "For example, 30 minutes."),
        ("reviewed", "How will progress be reviewed?", "For example, every 6 weeks."),
    )

    def __init__(self, *args, answers: Mapping[str, Any] | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        section_f = (answers or {}).get("plan-section-f", {}).get("text", "")
        reports = {text_key(r.sentence): r for r in vague_sentences(section_f)}
        self.reports = list(reports.values())[: self.MAX_SENTENCES]
        for report in self.reports:
            for part, label, hint in self.PARTS:
                field = text(label=label, subject=label.rstrip("?"), hint=hint, max_length=300)
                self.fields[f"{part}_{text_key(report.sentence)}"] = field

    def summary_rows(self, answer) -> list[tuple[str, tuple[str, ...]]]:
        """Check-your-answers rows: each vague sentence and the wording asked for."""
        return [
            (
                f"Sentence {number}",
                (
                    f"Now: {fix['original']}",
                    f"Asking for: {fix['proposed']}"
                    if fix["proposed"]
                    else "Asking the council to make it specific",
                ),
            )
            for number, fix in enumerate(answer.get("fixes", []), start=1)
        ]

    def reword(self, rewrite) -> None:
        """The checker's explanations are written to a parent ("your child"): rewritten by
        journeys.forms.wording.speak_to_form for whoever is filling the journey in."""
        self.reports = [
            replace(
                report,
                flags=tuple(
                    replace(flag, explanation=rewrite(flag.explanation)) for flag in report.flags
                ),
            )
            for report in self.reports
        ]

    def groups(self):
        """(sentence report, its bound fields) for the template, in plan order."""
        return [
            (report, [self[f"{part}_{text_key(report.sentence)}"] for part, _, _ in self.PARTS])
            for report in self.reports
        ]

    def clean(self):
        cleaned = super().clean()
        fixes = []
        for report in self.reports:
            key = text_key(report.sentence)
            parts = {part: cleaned.get(f"{part}_{key}", "") for part, _, _ in self.PARTS}
            fixes.append(
                {
                    "section": "F",
                    "original": report.sentence,
                    "flags": [flag_code(flag) for flag in report.defects],
                    "proposed": specific_wording(**parts) if any(parts.values()) else "",
                }
            )
        cleaned["fixes"] = fixes
        return cleaned


def vague_sentences(section_text: str):
    """The sentences of a plan section the wording checker flags, in order."""
    return [report for report in check_text(section_text) if report.defects]


def flag_code(flag) -> str:
    """The flag as letters/extras.py spells it: "vague:<phrase>" for a vague term,
    "<code>:<phrase>" for another flag that found words ("vague_need:at times"), else the
    check's code ("no_frequency")."""
    if flag.code == FlagCode.VAGUE_TERM:
        return f"vague:{flag.phrase.lower()}"
    if flag.phrase:
        return f"{flag.code.value}:{flag.phrase.lower()}"
    return flag.code.value


class PlanNeedsFixesForm(QuestionForm):
    """For each sentence in section B the checker flags: what it should say instead.

    Needs described vaguely ("some difficulties", "at times") let provision in section F be
    vague too. Every box is optional: a sentence left blank is still reported.
    """

    title = "Make the needs in section B specific"
    caption = PLAN
    hint = (
        "Section B should describe all of your child's needs clearly, so that section F can "
        "set out the provision for each one. Use what your reports say. Leave a sentence "
        "blank to only ask the council to make it specific."
    )
    uses_answers = True
    MAX_SENTENCES = 12

    def __init__(self, *args, answers: Mapping[str, Any] | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        section_b = (answers or {}).get("plan-section-b", {}).get("text", "")
        flagged = [report for report in wording_check_needs_text(section_b) if report.flags]
        reports = {text_key(r.sentence): r for r in flagged}
        self.reports = list(reports.values())[: self.MAX_SENTENCES]
        for number, report in enumerate(self.reports, start=1):
            field = text(
                label=f"What should sentence {number} say instead?",
                subject="What it should say",
                # The sentence, and what the checker found vague in it.
                hint=" ".join(
                    [f"Now: \u201c{report.sentence}\u201d", *(f.explanation for f in report.flags)]
                ),
                max_length=LONG_TEXT,
                multiline=True,
            )
            self.fields[f"instead_{text_key(report.sentence)}"] = field

    def summary_rows(self, answer) -> list[tuple[str, tuple[str, ...]]]:
        return [
            (
                f"Section B, sentence {number}",
                (
                    f"Now: {fix['original']}",
                    f"Asking for: {fix['proposed']}"
                    if fix["proposed"]
                    else "Asking the council to make it specific",
                ),
            )
            for number, fix in enumerate(answer.get("fixes", []), start=1)
        ]

    def clean(self):
        cleaned = super().clean()
        cleaned["fixes"] = [
            {
                "section": "B",
                "original": report.sentence,
                "flags": [flag_code(flag) for flag in report.flags],
                "proposed": cleaned.get(f"instead_{text_key(report.sentence)}", ""),
            }
            for report in self.reports
        ]
        return cleaned
