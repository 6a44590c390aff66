"""Every journey, declared once as data: its steps in order, when each shows, and detours.

The one generic view (journeys/views.py) serves any journey here. Nothing else decides page
order; tests/journeys/test_definition.py pins the visible sequence for given answers.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from journeys import conditions
from journeys.casefile import case_from_request_answers, request_step_data_from_case
from journeys.forms import request as request_forms
from journeys.forms import start as start_forms
from journeys.forms.base import CheckAnswersForm

Predicate = Callable[[Mapping[str, Any]], bool]
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
    # Letters offered on the confirmation page, by kind (see letters/registry.py).
    letters: tuple[str, ...] = ()
    # Where a finished journey leaves to, as a function of its answers (the triage uses it);
    # None means the journey's own confirmation page.
    next_page: Callable[[Mapping[str, Any]], tuple[str, tuple[str, ...]]] | None = None
    # Turns the finished answers into a case file (journeys/casefile.py).
    build_case: Callable[[Mapping[str, Any]], dict[str, Any]] | None = None
    # And back: a case file as the wizard's stored data per step.
    case_to_step_data: Callable[[Mapping[str, Any]], dict[str, Any]] | None = None
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


def _stage_destination(answers: Mapping[str, Any]) -> tuple[str, tuple[str, ...]]:
    stage = answers["stage"]["stage"]
    if stage == "request":
        return "journeys:new", ("request",)
    return "pages:coming-soon", (stage,)


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
        Step("need-areas", request_forms.NeedAreasForm),
        Step(
            "need-communication",
            request_forms.NeedCommunicationForm,
            conditions.has_communication_need,
        ),
        Step("need-cognition", request_forms.NeedCognitionForm, conditions.has_cognition_need),
        Step("need-semh", request_forms.NeedSemhForm, conditions.has_semh_need),
        Step("need-sensory", request_forms.NeedSensoryForm, conditions.has_sensory_need),
        Step("support-tried", request_forms.SupportTriedFormSet),
        Step("evidence", request_forms.EvidenceFormSet),
        Step("school-view", request_forms.SchoolViewForm, conditions.attends_a_setting),
        Step("anything-else", request_forms.AnythingElseForm),
        Step(CHECK_ANSWERS, CheckAnswersForm),
    ),
    letters=("request_assessment",),
    build_case=case_from_request_answers,
    case_to_step_data=request_step_data_from_case,
)

JOURNEYS: dict[str, Journey] = {j.slug: j for j in (TRIAGE, REQUEST_ASSESSMENT)}
