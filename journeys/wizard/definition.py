"""Every journey, declared once as data: its steps in order, when each shows, and detours.

The one generic view (journeys/wizard/views.py) serves any journey here. Nothing else decides page
order; tests/journeys/wizard/test_definition.py pins the visible sequence for given answers.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from journeys.cases.casefile import case_from_request_answers, request_step_data_from_case
from journeys.forms import request as request_forms
from journeys.forms import stages as stage_forms
from journeys.forms import start as start_forms
from journeys.forms import voice as voice_forms
from journeys.forms.base import CheckAnswersForm
from journeys.wizard import conditions, stage_cases

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

# When an advocate fills in a journey: whose rights these are (only the parent or the young
# person asks, appeals or holds a certificate: Act s.51(1), s.55). Case file `represents`.
# And when the date of birth says the rights are a young person's (over compulsory school age)
# and a parent or carer fills it in: on what basis they act for them (their agreement, or
# reg 64 where they lack capacity). Case file `acting_for_young_person`.
WHOSE_RIGHTS = (
    Step("represents-details", request_forms.RepresentsDetailsForm, conditions.is_advocate),
    Step("represents-contact", request_forms.RepresentsContactForm, conditions.is_advocate),
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
    steps=(
        Step("child-name", request_forms.ChildNameForm),
        Step("child-pronouns", request_forms.ChildPronounsForm),
        Step("child-date-of-birth", request_forms.ChildDateOfBirthForm),
        Step("child-setting", request_forms.ChildSettingForm),
        Step("setting-details", request_forms.SettingDetailsForm, conditions.attends_a_setting),
        Step("child-diagnoses", request_forms.ChildDiagnosesForm),
        Step("local-authority", request_forms.LocalAuthorityForm),
        Step("your-details", request_forms.YourDetailsForm),
        Step("your-contact", request_forms.YourContactForm),
        *WHOSE_RIGHTS,
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

# Every stage journey opens with these: who the child is, who the parent is, which council.
# When a parent continues a saved case, they arrive already answered from its case file.
ABOUT = (
    Step("child-name", request_forms.ChildNameForm),
    Step("child-pronouns", request_forms.ChildPronounsForm),
    Step("child-date-of-birth", request_forms.ChildDateOfBirthForm),
    Step("local-authority", request_forms.LocalAuthorityForm),
    Step("your-details", request_forms.YourDetailsForm),
    Step("your-contact", request_forms.YourContactForm),
    *WHOSE_RIGHTS,
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
