"""Every journey, declared once as data: its steps in order, when each shows, and detours.

The one generic view (journeys/wizard/views.py) serves any journey here. Nothing else decides page
order; tests/journeys/wizard/test_definition.py pins the visible sequence for given answers.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.utils import timezone

from journeys.cases.casefile import case_from_request_answers, request_step_data_from_case
from journeys.cases.timeline import overdue_council_duties
from journeys.forms import enforcement as enforcement_forms
from journeys.forms import plan_life as plan_life_forms
from journeys.forms import request as request_forms
from journeys.forms import stages as stage_forms
from journeys.forms import start as start_forms
from journeys.forms import transfers as transfer_forms
from journeys.forms import voice as voice_forms
from journeys.forms.base import CheckAnswersForm
from journeys.rules.vocabulary import DecisionKind, EventType
from journeys.wizard import (
    conditions,
    enforcement_cases,
    plan_life_cases,
    stage_cases,
    transfer_cases,
)

Predicate = Callable[[Mapping[str, Any]], bool]
LetterPredicate = Callable[[Mapping[str, Any], Mapping[str, Any]], bool]
CHECK_ANSWERS = "check-answers"


@dataclass(frozen=True)
class Step:
    slug: str
    form_class: type
    show_if: Predicate | None = None

    def shows_for(self, answers: Mapping[str, Any]) -> bool:
        return self.show_if is None or self.show_if(answers)


@dataclass(frozen=True)
class Detour:
    """After `after` is answered and `when` holds, leave the journey for the page `to`.

    `to` is a URL name; it is reversed with the answer named by `with_answer` (if any) as its
    only argument, e.g. the nation for the other-nations page.
    """

    after: str
    when: Predicate
    to: str
    with_answer: tuple[str, str] | None = None


@dataclass(frozen=True)
class Journey:
    slug: str
    title: str
    steps: tuple[Step, ...]
    detours: tuple[Detour, ...] = ()
    # Letters offered on the confirmation page: (kind, when) pairs, `when` a predicate over
    # (case file, extras) or None for always (kinds: letters/registry.py).
    letters: tuple[tuple[str, LetterPredicate | None], ...] = ()
    # Where a finished journey leaves to, as a function of its answers (the triage uses it);
    # None means the journey's own confirmation page.
    next_page: Callable[[Mapping[str, Any]], tuple[str, tuple[str, ...]]] | None = None
    # Turns the finished answers into a case file (journeys/cases/casefile.py).
    build_case: Callable[[Mapping[str, Any]], dict[str, Any]] | None = None
    # And back: a case file as the wizard's stored data per step.
    case_to_step_data: Callable[[Mapping[str, Any]], dict[str, Any]] | None = None
    # Answers the case file cannot hold, kept beside it for the letters (letters/extras.py).
    build_extras: Callable[[Mapping[str, Any]], dict[str, Any]] | None = None
    # Words that depend on the journey, not the question: a shared step's hint where the
    # form's own would not fit here (by step slug; e.g. the evidence step's), and what
    # check-your-answers says happens next (who the letters go to, and that we send nothing).
    hints: Mapping[str, str] = field(default_factory=dict, compare=False)
    check_answers_note: str = (
        "When you continue, we will write your letters from these answers. You can read "
        "them, change your answers, and download them on the next page. We send nothing "
        "for you: you send each letter yourself."
    )
    slugs: frozenset[str] = field(init=False)

    def __post_init__(self) -> None:
        slugs = [step.slug for step in self.steps]
        if len(set(slugs)) != len(slugs):
            raise ValueError(f"journey {self.slug} repeats a step slug")
        object.__setattr__(self, "slugs", frozenset(slugs))

    @property
    def first_step(self) -> str:
        return self.steps[0].slug

    def step(self, slug: str) -> Step:
        return next(step for step in self.steps if step.slug == slug)

    def visible_steps(self, answers: Mapping[str, Any]) -> list[str]:
        """Return the slugs of the steps shown for these answers, in order."""
        return [step.slug for step in self.steps if step.shows_for(answers)]

    def detour_after(self, slug: str, answers: Mapping[str, Any]) -> Detour | None:
        return next((d for d in self.detours if d.after == slug and d.when(answers)), None)

    def extras_from(self, answers: Mapping[str, Any]) -> dict[str, Any]:
        """Everything a finished journey keeps beside its case file: its own extras, and the
        child's voice and preparing for adulthood wherever the journey asked them
        (VOICE_STEPS, ADULTHOOD_STEPS), so a journey that adds those steps needs nothing
        more."""
        extras = dict(self.build_extras(answers)) if self.build_extras else {}
        extras.update(stage_cases.voice_extras(answers))
        return extras

    def letters_for(self, case_file: Mapping[str, Any], extras: Mapping[str, Any]) -> list[str]:
        """The letter kinds this finished journey offers for this case."""
        return [kind for kind, when in self.letters if when is None or when(case_file, extras)]


def _stage_destination(answers: Mapping[str, Any]) -> tuple[str, tuple[str, ...]]:
    """Each stage of the triage starts its own journey (journeys named after the stage)."""
    return "journeys:new", (answers["stage"]["stage"],)


TRIAGE = Journey(
    slug="start",
    title="Get started",
    steps=(
        Step("country", start_forms.CountryForm),
        Step("stage", start_forms.StageForm),
    ),
    detours=(
        Detour(
            after="country",
            when=conditions.lives_outside_england,
            to="pages:other-nation",
            with_answer=("country", "country"),
        ),
    ),
    next_page=_stage_destination,
)

# Every journey asks first who is filling it in, so each page after speaks to the right person
# from the child's name on ("What is your name?" to a young person, "your child" to a parent,
# the young person by name to anyone acting for them: journeys/forms/wording.py).
# When an advocate fills it in: whose rights these are (only the parent or the young person
# asks, appeals or holds a certificate: Act s.51(1), s.55). Case file `represents`.
WHO_IS_FILLING_IN = (
    Step("your-details", request_forms.YourDetailsForm),
    Step("your-contact", request_forms.YourContactForm),
    Step("represents-details", request_forms.RepresentsDetailsForm, conditions.is_advocate),
    Step("represents-contact", request_forms.RepresentsContactForm, conditions.is_advocate),
)
# When the date of birth says the rights are a young person's (over compulsory school age)
# and a parent or carer fills it in: on what basis they act for them (their agreement, or
# reg 64 where they lack capacity). Case file `acting_for_young_person`. Asked straight after
# the date of birth.
ACTING_FOR_YOUNG_PERSON = (
    Step(
        "acting-for-young-person",
        request_forms.ActingForYoungPersonForm,
        conditions.acts_for_young_person,
    ),
)

# The child's own voice (Act s.19), optional, in any journey that leads to a letter about the
# child: add `*VOICE_STEPS,` to its steps and `{% include "letters/partials/child_voice.html" %}`
# to its letter (letters/voice.py says how). Kept as the extras `child_voice` (and `adulthood`)
# by Journey.extras_from, whatever the journey.
VOICE_STEPS = (
    Step("child-views", voice_forms.ChildViewsForm),
    Step("child-strengths", voice_forms.ChildStrengthsForm),
)
# From Year 9 (the year group given, else by age): preparing for adulthood, optional.
ADULTHOOD_STEPS = (
    Step(
        "preparing-for-adulthood",
        voice_forms.PreparingForAdulthoodForm,
        conditions.prepares_for_adulthood,
    ),
)

REQUEST_ASSESSMENT = Journey(
    slug="request",
    title="Ask for an EHC needs assessment",
    hints={
        "evidence": "Reports, letters and records you can send with the request. You do not "
        "need any to ask for an assessment, but evidence helps. You can add more than one."
    },
    check_answers_note="When you continue, we will write your letter from these answers. You "
    "can read it, change your answers, and download it on the next page. Nothing is sent to "
    "the council: you send the letter yourself.",
    steps=(
        *WHO_IS_FILLING_IN,
        Step("child-name", request_forms.ChildNameForm),
        Step("child-pronouns", request_forms.ChildPronounsForm),
        Step("child-date-of-birth", request_forms.ChildDateOfBirthForm),
        *ACTING_FOR_YOUNG_PERSON,
        Step("child-setting", request_forms.ChildSettingForm),
        Step("setting-details", request_forms.SettingDetailsForm, conditions.attends_a_setting),
        Step("child-diagnoses", request_forms.ChildDiagnosesForm),
        Step("local-authority", request_forms.LocalAuthorityForm),
        Step("need-areas", request_forms.NeedAreasForm),
        Step(
            "need-communication",
            request_forms.NeedCommunicationForm,
            conditions.has_communication_need,
        ),
        Step("need-cognition", request_forms.NeedCognitionForm, conditions.has_cognition_need),
        Step("need-semh", request_forms.NeedSemhForm, conditions.has_semh_need),
        Step("need-sensory", request_forms.NeedSensoryForm, conditions.has_sensory_need),
        Step("support-tried", request_forms.SupportTriedFormSet, conditions.attends_a_setting),
        Step("support-now", request_forms.SupportNowFormSet, conditions.has_no_school_place),
        Step("evidence", request_forms.EvidenceFormSet),
        Step("school-view", request_forms.SchoolViewForm, conditions.attends_a_setting),
        *VOICE_STEPS,
        *ADULTHOOD_STEPS,
        Step("anything-else", request_forms.AnythingElseForm),
        Step(CHECK_ANSWERS, CheckAnswersForm),
    ),
    letters=(("request_assessment", None),),
    build_case=case_from_request_answers,
    case_to_step_data=request_step_data_from_case,
)

# -- the stages after a request ---------------------------------------------------------------

# Every stage journey opens with these: who is filling it in, who the child is, which council.
# When a parent continues a saved case, they arrive already answered from its case file.
ABOUT = (
    *WHO_IS_FILLING_IN,
    Step("child-name", request_forms.ChildNameForm),
    Step("child-pronouns", request_forms.ChildPronounsForm),
    Step("child-date-of-birth", request_forms.ChildDateOfBirthForm),
    *ACTING_FOR_YOUNG_PERSON,
    Step("local-authority", request_forms.LocalAuthorityForm),
)


def _is_final_plan_case(case_file: Mapping[str, Any], extras: Mapping[str, Any]) -> bool:
    return case_file.get("decision", {}).get("kind") == "plan_contents"


def _is_draft_plan_case(case_file: Mapping[str, Any], extras: Mapping[str, Any]) -> bool:
    return not _is_final_plan_case(case_file, extras)


def _wants_mediation_case(case_file: Mapping[str, Any], extras: Mapping[str, Any]) -> bool:
    return bool(extras.get("mediation", {}).get("wants_mediation"))


def _needs_adviser_letter(case_file: Mapping[str, Any], extras: Mapping[str, Any]) -> bool:
    """A placement-only appeal needs no certificate: write only if mediation is wanted."""
    placement_only = case_file.get("decision", {}).get("kind") == "placement_only"
    return not placement_only or _wants_mediation_case(case_file, extras)


REFUSAL = Journey(
    slug="refused",
    title="Challenge a refusal",
    hints={
        "evidence": "Reports, letters and records that answer the council's reasons, "
        "especially any written since its decision. We list them in your letters. You can add "
        "more than one."
    },
    check_answers_note="When you continue, we will write your letters from these answers: "
    "a request to reconsider, a letter to the mediation adviser, your reasons for appeal and "
    "an index of your evidence. You can read them, change your answers, and download them on "
    "the next page. We send nothing for you: you send each one yourself, to the council, the "
    "mediation adviser or the Tribunal.",
    steps=(
        *ABOUT,
        Step("child-setting", request_forms.ChildSettingForm),
        Step("refusal-kind", stage_forms.RefusalKindForm),
        Step("decision-date", stage_forms.DecisionDateForm),
        Step("refusal-reasons", stage_forms.RefusalReasonsForm),
        Step("reason-responses", stage_forms.ReasonResponsesForm),
        Step(
            "advice-beyond-resources",
            stage_forms.AdviceBeyondResourcesForm,
            conditions.asks_about_school_resources,
        ),
        Step("what-changed", stage_forms.WhatChangedForm),
        Step("evidence", request_forms.EvidenceFormSet),
        Step("school-view", request_forms.SchoolViewForm, conditions.attends_a_setting),
        *VOICE_STEPS,
        *ADULTHOOD_STEPS,
        Step("wants-mediation", stage_forms.WantsMediationForm),
        Step("outcome", stage_forms.OutcomeForm),
        Step(CHECK_ANSWERS, CheckAnswersForm),
    ),
    letters=(
        ("reconsideration_request", None),
        ("mediation_adviser", None),  # says what the parent chose (wants-mediation)
        ("appeal_reasons", None),
        ("evidence_index", None),
    ),
    build_case=stage_cases.refusal_case,
    build_extras=stage_cases.refusal_extras,
)

PLAN = Journey(
    slug="plan",
    title="Respond to a draft or final plan",
    check_answers_note="When you continue, we will write from these answers: your comments "
    "on a draft plan, or for a final plan your reasons for appeal. You can read them, change "
    "your answers, and download them on the next page. We send nothing for you: you send "
    "your comments to the council, or your appeal to the Tribunal, yourself.",
    steps=(
        *ABOUT,
        Step("plan-stage", stage_forms.PlanStageForm),
        Step("plan-date", stage_forms.PlanDateForm),
        Step("plan-section-b", stage_forms.PlanSectionBForm),
        Step("plan-needs-fixes", stage_forms.PlanNeedsFixesForm, conditions.plan_has_vague_needs),
        Step("plan-section-f", stage_forms.PlanSectionFForm),
        Step("plan-fixes", stage_forms.PlanFixesForm, conditions.plan_has_vague_provision),
        Step("plan-section-i", stage_forms.PlanSectionIForm),
        Step("preferred-setting", stage_forms.PreferredSettingForm),
        Step(
            "preferred-setting-kind",
            stage_forms.PreferredSettingKindForm,
            conditions.has_preferred_setting,
        ),
        *VOICE_STEPS,
        *ADULTHOOD_STEPS,
        Step("meeting", stage_forms.MeetingForm, conditions.is_draft_plan),
        Step("personal-budget", stage_forms.PersonalBudgetForm, conditions.is_draft_plan),
        Step(CHECK_ANSWERS, CheckAnswersForm),
    ),
    letters=(
        ("draft_plan_representations", _is_draft_plan_case),
        ("appeal_reasons", _is_final_plan_case),
        ("evidence_index", _is_final_plan_case),
        ("appeal_checklist", _is_final_plan_case),
    ),
    build_case=stage_cases.plan_case,
    build_extras=stage_cases.plan_extras,
)

MEDIATION = Journey(
    slug="mediation",
    title="Mediation",
    check_answers_note="When you continue, we will write what your answers need: a letter to "
    "the mediation adviser, and a one-page summary if you want mediation. You can read them, "
    "change your answers, and download them on the next page. Nothing is sent to the "
    "mediation adviser or the council: you send them yourself.",
    steps=(
        *ABOUT,
        Step("which-decision", stage_forms.AppealableDecisionForm),
        Step("which-decision-date", stage_forms.DecisionDateForm),
        Step(
            "mediation-not-needed", stage_forms.MediationNotNeededForm, conditions.is_placement_only
        ),
        Step("adviser-contacted", stage_forms.AdviserContactedForm),
        Step(
            "adviser-contacted-date",
            stage_forms.AdviserContactedDateForm,
            conditions.adviser_contacted,
        ),
        Step("wants-mediation", stage_forms.WantsMediationForm),
        Step(
            "mediation-requested-date",
            stage_forms.MediationRequestedDateForm,
            conditions.wants_mediation,
        ),
        Step("mediation-issues", stage_forms.MediationIssuesForm, conditions.wants_mediation),
        # The child's voice goes into the one-page summary for mediation, so it is asked only
        # when mediation is wanted (the letter to the adviser is a short notice without it).
        *(Step(step.slug, step.form_class, conditions.wants_mediation) for step in VOICE_STEPS),
        Step("adviser-name", stage_forms.AdviserNameForm),
        Step(CHECK_ANSWERS, CheckAnswersForm),
    ),
    letters=(
        ("mediation_adviser", _needs_adviser_letter),
        ("mediation_summary", _wants_mediation_case),
    ),
    build_case=stage_cases.mediation_case,
    build_extras=stage_cases.mediation_extras,
)

APPEAL = Journey(
    slug="appeal",
    title="Appeal to the SEND Tribunal",
    hints={
        "evidence": "Reports, letters and records that support your appeal. We list them in "
        "an index of your evidence for the Tribunal. You can add more than one."
    },
    check_answers_note="When you continue, we will write your reasons for appeal, an index "
    "of your evidence and a checklist for the appeal form from these answers. You can read "
    "them, change your answers, and download them on the next page. Nothing is sent to the "
    "Tribunal or the council: you send your appeal yourself.",
    steps=(
        *ABOUT,
        Step("which-decision", stage_forms.AppealableDecisionForm),
        Step("which-decision-date", stage_forms.DecisionDateForm),
        Step(
            "certificate-date",
            stage_forms.CertificateDateForm,
            conditions.needs_mediation_certificate,
        ),
        Step("appeal-late", stage_forms.LateAppealForm, conditions.appeal_is_late),
        Step("appeal-points", stage_forms.AppealPointsForm),
        Step("appeal-responses", stage_forms.AppealResponsesForm),
        Step(
            "preferred-setting",
            stage_forms.PreferredSettingForm,
            conditions.names_a_school_in_appeal,
        ),
        Step(
            "preferred-setting-kind",
            stage_forms.PreferredSettingKindForm,
            conditions.asks_school_kind_in_appeal,
        ),
        Step("evidence", request_forms.EvidenceFormSet),
        Step("witnesses", stage_forms.WitnessFormSet),
        Step("health-care", stage_forms.HealthCareForm, conditions.may_involve_health_or_care),
        *VOICE_STEPS,
        Step("outcome", stage_forms.AppealOutcomeForm),
        Step(CHECK_ANSWERS, CheckAnswersForm),
    ),
    letters=(
        ("appeal_reasons", None),
        ("evidence_index", None),
        ("appeal_checklist", None),
    ),
    build_case=stage_cases.appeal_case,
    build_extras=stage_cases.appeal_extras,
)

JOURNEYS: dict[str, Journey] = {
    j.slug: j for j in (TRIAGE, REQUEST_ASSESSMENT, REFUSAL, PLAN, MEDIATION, APPEAL)
}

# -- the rest of a plan's life (issue 14) ------------------------------------------------------


def _council_is_late(case_file: Mapping[str, Any], extras: Mapping[str, Any]) -> bool:
    """A council duty from the deadlines engine is overdue today: offer the chaser."""
    return bool(overdue_council_duties(case_file, today=timezone.localdate()))


def _reassessment_not_refused(case_file: Mapping[str, Any], extras: Mapping[str, Any]) -> bool:
    return case_file.get("decision", {}).get("kind") != DecisionKind.REFUSAL_TO_REASSESS


def _reassessment_refused(case_file: Mapping[str, Any], extras: Mapping[str, Any]) -> bool:
    return not _reassessment_not_refused(case_file, extras)


def _reassessment_to_ask(case_file: Mapping[str, Any], extras: Mapping[str, Any]) -> bool:
    """The request letter, unless the council already has the request or has refused it."""
    asked = any(
        event.get("type") == EventType.REASSESSMENT_REQUESTED
        for event in case_file.get("events", [])
    )
    return _reassessment_not_refused(case_file, extras) and not asked


TRANSFER = Journey(
    slug="transfer",
    title="Moving to a new school or college",
    steps=(
        *ABOUT,
        Step("transfer-kind", transfer_forms.TransferKindForm),
        Step("transfer-year", transfer_forms.TransferYearForm, conditions.moves_in_september),
        Step("transfer-date", transfer_forms.TransferDateForm, conditions.moves_between_post16),
        Step("preferred-setting", transfer_forms.TransferSettingForm),
        Step(
            "preferred-setting-kind",
            transfer_forms.TransferSettingKindForm,
            conditions.has_preferred_setting,
        ),
        Step("transfer-why", transfer_forms.TransferWhyForm),
        *VOICE_STEPS,
        *ADULTHOOD_STEPS,
        Step(CHECK_ANSWERS, CheckAnswersForm),
    ),
    letters=(
        ("phase_transfer_request", None),
        ("la_missed_deadline", _council_is_late),
    ),
    build_case=transfer_cases.transfer_case,
    build_extras=transfer_cases.transfer_extras,
)

REASSESSMENT = Journey(
    slug="reassessment",
    title="Ask for a new assessment",
    steps=(
        *ABOUT,
        Step("reassessment-changes", transfer_forms.ReassessmentChangesForm),
        Step("evidence", transfer_forms.ReassessmentEvidenceFormSet),
        Step("reassessment-asked", transfer_forms.ReassessmentAskedForm),
        Step(
            "reassessment-requested-date",
            transfer_forms.ReassessmentRequestedDateForm,
            conditions.reassessment_waiting,
        ),
        Step("decision-date", stage_forms.DecisionDateForm, conditions.reassessment_refused),
        Step(
            "refusal-reasons",
            transfer_forms.ReassessmentRefusalReasonsForm,
            conditions.reassessment_refused,
        ),
        Step("reason-responses", stage_forms.ReasonResponsesForm, conditions.reassessment_refused),
        *VOICE_STEPS,
        *ADULTHOOD_STEPS,
        Step(CHECK_ANSWERS, CheckAnswersForm),
    ),
    letters=(
        ("reassessment_request", _reassessment_to_ask),
        ("appeal_reasons", _reassessment_refused),
        ("evidence_index", _reassessment_refused),
        ("appeal_checklist", _reassessment_refused),
        ("la_missed_deadline", _council_is_late),
    ),
    build_case=transfer_cases.reassessment_case,
    build_extras=transfer_cases.reassessment_extras,
)

TRIBUNAL_ORDER = Journey(
    slug="tribunal-order",
    title="After the Tribunal's decision",
    steps=(
        *ABOUT,
        Step("tribunal-how", transfer_forms.TribunalHowForm),
        Step("tribunal-date", transfer_forms.TribunalDecisionDateForm, conditions.tribunal_decided),
        Step("unopposed-date", transfer_forms.UnopposedDateForm, conditions.tribunal_unopposed),
        Step("tribunal-order", transfer_forms.TribunalOrderForm),
        Step(
            "tribunal-order-text",
            transfer_forms.TribunalOrderTextForm,
            conditions.appeal_not_dismissed,
        ),
        Step(CHECK_ANSWERS, transfer_forms.CheckAnswersNoLetterForm),
    ),
    letters=(("la_missed_deadline", _council_is_late),),
    build_case=transfer_cases.tribunal_order_case,
    build_extras=transfer_cases.tribunal_order_extras,
)

JOURNEYS.update({j.slug: j for j in (TRANSFER, REASSESSMENT, TRIBUNAL_ORDER)})


# -- the rest of a plan's life (issue 14) -------------------------------------------------------
# Forms: journeys/forms/plan_life.py; case files and extras: journeys/wizard/plan_life_cases.py.
# The plan's sections and the wording checker's pages are the plan journey's, under its slugs.


def _review_chaser(case_file: Mapping[str, Any], extras: Mapping[str, Any]) -> bool:
    """The meeting took place, the council has not said what it decided, and its 4 weeks
    (SEND Regulations 2014, reg 20(10)) have passed: offer the chaser."""
    from django.utils import timezone

    from journeys.rules.deadlines import review_decision

    review = extras.get("review", {})
    if not review.get("meeting_held") or review.get("decision") != "not_told":
        return False
    meetings = [
        e["date"] for e in case_file.get("events", []) if e["type"] == "annual_review_meeting"
    ]
    if not meetings:
        return False
    due = review_decision(review_meeting=date.fromisoformat(max(meetings))).due
    return timezone.localdate() > due


def _cease_considered(case_file: Mapping[str, Any], extras: Mapping[str, Any]) -> bool:
    return extras.get("cease", {}).get("stage") == plan_life_forms.CEASE_CONSIDERED


def _cease_decided(case_file: Mapping[str, Any], extras: Mapping[str, Any]) -> bool:
    return case_file.get("decision", {}).get("kind") == "cease_to_maintain"


ANNUAL_REVIEW = Journey(
    slug="annual-review",
    title="Get ready for an annual review",
    steps=(
        *ABOUT,
        Step("review-plan-date", plan_life_forms.ReviewPlanDateForm),
        Step("review-meeting-held", plan_life_forms.ReviewMeetingHeldForm),
        Step("review-meeting-date", plan_life_forms.ReviewMeetingDateForm),
        Step("review-gone-well", plan_life_forms.ReviewGoneWellForm),
        Step("review-not-gone-well", plan_life_forms.ReviewNotGoneWellForm),
        Step("review-outcomes", plan_life_forms.ReviewOutcomesFormSet),
        Step("review-provision", plan_life_forms.ReviewProvisionForm),
        Step("review-changes", plan_life_forms.ReviewChangesForm),
        Step("plan-section-f", plan_life_forms.ReviewSectionFForm),
        Step("plan-fixes", stage_forms.PlanFixesForm, conditions.plan_has_vague_provision),
        *VOICE_STEPS,
        *ADULTHOOD_STEPS,
        Step("review-decision", plan_life_forms.ReviewDecisionForm, conditions.review_meeting_held),
        Step(
            "review-decision-date",
            plan_life_forms.ReviewDecisionDateForm,
            conditions.review_decision_known,
        ),
        Step(CHECK_ANSWERS, CheckAnswersForm),
    ),
    letters=(
        ("review_contribution", None),
        ("la_missed_deadline", _review_chaser),
    ),
    build_case=plan_life_cases.review_case,
    build_extras=plan_life_cases.review_extras,
)

AMENDMENTS = Journey(
    slug="amendments",
    title="Respond to proposed changes to the plan",
    steps=(
        *ABOUT,
        Step("proposal-date", plan_life_forms.ProposalDateForm),
        Step("plan-section-b", stage_forms.PlanSectionBForm),
        Step("plan-needs-fixes", stage_forms.PlanNeedsFixesForm, conditions.plan_has_vague_needs),
        Step("plan-section-f", plan_life_forms.AmendedSectionFForm),
        Step("plan-fixes", stage_forms.PlanFixesForm, conditions.plan_has_vague_provision),
        Step("plan-section-i", stage_forms.PlanSectionIForm),
        Step("amendments-wanted", plan_life_forms.AmendmentsWantedForm),
        Step("wants-school", plan_life_forms.WantsSchoolForm),
        Step(
            "preferred-setting",
            stage_forms.PreferredSettingForm,
            conditions.wants_school_in_amendments,
        ),
        Step(
            "preferred-setting-kind",
            stage_forms.PreferredSettingKindForm,
            conditions.asks_school_kind_in_amendments,
        ),
        *VOICE_STEPS,
        *ADULTHOOD_STEPS,
        Step(CHECK_ANSWERS, CheckAnswersForm),
    ),
    letters=(("amendment_representations", None),),
    build_case=plan_life_cases.amendments_case,
    build_extras=plan_life_cases.amendments_extras,
)

NOT_AMENDED = Journey(
    slug="not-amended",
    title="The council will not change the plan",
    steps=(
        *ABOUT,
        Step("not-amended-date", plan_life_forms.NotAmendedDateForm),
        Step("council-reasons", plan_life_forms.CouncilReasonsForm),
        Step("reason-answers", plan_life_forms.CouncilReasonAnswersForm),
        Step("evidence", plan_life_forms.PlanLifeEvidenceFormSet),
        Step("outcome", plan_life_forms.PlanLifeOutcomeForm),
        Step(CHECK_ANSWERS, CheckAnswersForm),
    ),
    letters=(
        ("appeal_reasons", None),
        ("evidence_index", None),
        ("appeal_checklist", None),
    ),
    build_case=plan_life_cases.not_amended_case,
    build_extras=plan_life_cases.decision_extras,
)

CEASING = Journey(
    slug="ceasing",
    title="The council wants to stop the plan",
    steps=(
        *ABOUT,
        Step("cease-stage", plan_life_forms.CeaseStageForm),
        Step("cease-date", plan_life_forms.CeaseDateForm),
        Step("council-reasons", plan_life_forms.CouncilReasonsForm),
        Step("reason-answers", plan_life_forms.CouncilReasonAnswersForm),
        Step(
            "outcomes-achieved",
            plan_life_forms.OutcomesAchievedForm,
            conditions.is_young_person_19_or_over,
        ),
        Step("evidence", plan_life_forms.PlanLifeEvidenceFormSet),
        *VOICE_STEPS,
        *ADULTHOOD_STEPS,
        Step("outcome", plan_life_forms.PlanLifeOutcomeForm),
        Step(CHECK_ANSWERS, CheckAnswersForm),
    ),
    letters=(
        ("cease_response", _cease_considered),
        ("appeal_reasons", _cease_decided),
        ("evidence_index", _cease_decided),
        ("appeal_checklist", _cease_decided),
    ),
    build_case=plan_life_cases.ceasing_case,
    build_extras=plan_life_cases.ceasing_extras,
)

JOURNEYS.update({j.slug: j for j in (ANNUAL_REVIEW, AMENDMENTS, NOT_AMENDED, CEASING)})


# -- enforcing the plan (issue 15) -------------------------------------------------------------
# Forms: journeys/forms/enforcement.py; case files and extras: journeys/wizard/enforcement_cases.py.
# `not-delivered` starts from a saved case with a record of its provision and what happened
# (journeys:not-delivered-start); its first page is that record, filled in from the case file,
# so a case without one is sent to record it first.


def _enforce(extras: Mapping[str, Any]) -> Mapping[str, Any]:
    return extras.get("enforce") or {}


def _complains_to_council(case_file: Mapping[str, Any], extras: Mapping[str, Any]) -> bool:
    enforce = _enforce(extras)
    return enforce.get("step") == enforcement_forms.STEP_COMPLAINT and bool(
        {"F", "H"} & set(enforce.get("sections", []))
    )


def _complains_to_icb(case_file: Mapping[str, Any], extras: Mapping[str, Any]) -> bool:
    enforce = _enforce(extras)
    return enforce.get("step") == enforcement_forms.STEP_COMPLAINT and "G" in enforce.get(
        "sections", []
    )


def _goes_to_ombudsman(case_file: Mapping[str, Any], extras: Mapping[str, Any]) -> bool:
    return _enforce(extras).get("step") == enforcement_forms.STEP_OMBUDSMAN


def _goes_to_pre_action(case_file: Mapping[str, Any], extras: Mapping[str, Any]) -> bool:
    return _enforce(extras).get("step") == enforcement_forms.STEP_PRE_ACTION


NOT_DELIVERED = Journey(
    slug="not-delivered",
    title="The plan is not being delivered",
    hints={
        "pre-action-details": "A letter before claim is the step where a solicitor and legal "
        "aid come in: talk to a solicitor who works on education law before you send it. "
        'Civil Legal Advice (GOV.UK, "Check if you can get legal aid") says whether legal aid '
        'may pay; the Law Society\'s "Find a Solicitor" finds one; IPSEA gives free advice. '
        "This is information, not legal advice.",
    },
    check_answers_note="When you continue, we will write your letter from these answers and "
    "from your record of each session. You can read it, change your answers, and download "
    "it on the next page. We send nothing for you: you send it yourself. We add the date "
    "you send it to your timeline.",
    steps=(
        *ABOUT,
        Step("provision-record", enforcement_forms.ProvisionRecordForm),
        Step("enforce-step", enforcement_forms.EnforceStepForm),
        Step("enforce-sections", enforcement_forms.EnforceSectionsForm),
        Step("icb-name", enforcement_forms.IcbNameForm, conditions.complains_to_icb),
        Step("enforce-since", enforcement_forms.EnforceSinceForm),
        Step("enforce-start-by", enforcement_forms.EnforceStartByForm),
        Step("compensatory", enforcement_forms.CompensatoryForm),
        Step(
            "complaint-period",
            enforcement_forms.ComplaintPeriodForm,
            conditions.enforce_by_complaint,
        ),
        Step(
            "complaint-details",
            enforcement_forms.ComplaintDetailsForm,
            conditions.enforce_after_complaint,
        ),
        Step(
            "complaint-answered",
            enforcement_forms.ComplaintAnsweredForm,
            conditions.enforce_after_complaint,
        ),
        Step(
            "complaint-response",
            enforcement_forms.ComplaintResponseForm,
            conditions.complaint_answered,
        ),
        Step(
            "pre-action-details",
            enforcement_forms.PreActionDetailsForm,
            conditions.enforce_by_pre_action,
        ),
        Step("letter-date", enforcement_forms.LetterDateForm),
        Step(CHECK_ANSWERS, CheckAnswersForm),
    ),
    letters=(
        ("provision_complaint_council", _complains_to_council),
        ("provision_complaint_icb", _complains_to_icb),
        ("ombudsman_complaint", _goes_to_ombudsman),
        ("pre_action_letter", _goes_to_pre_action),
    ),
    build_case=enforcement_cases.enforcement_case,
    build_extras=enforcement_cases.enforcement_extras,
)

MEDIATION_AGREEMENT = Journey(
    slug="mediation-agreement",
    title="A mediation agreement has not been carried out",
    check_answers_note="When you continue, we will write a letter to the council from these "
    "answers. You can read it, change your answers, and download it on the next page. We "
    "send nothing for you: you send it yourself.",
    steps=(
        *ABOUT,
        Step("agreement-details", enforcement_forms.AgreementDetailsForm),
        Step(CHECK_ANSWERS, CheckAnswersForm),
    ),
    letters=(("mediation_agreement_chaser", None),),
    build_case=enforcement_cases.mediation_agreement_case,
    build_extras=enforcement_cases.mediation_agreement_extras,
)

JOURNEYS.update({j.slug: j for j in (NOT_DELIVERED, MEDIATION_AGREEMENT)})
