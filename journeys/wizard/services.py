"""Services of the wizard: submitting a journey, starting or continuing one from a case.

Each re-validates or fills the journey's steps from what its storage holds, then saves
through journeys.cases.services.case_save. Keyword-only, `<entity>_<action>`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from journeys.cases.casefile import CaseFileError, request_step_data_from_case
from journeys.cases.selectors import case_latest_for_owner
from journeys.cases.services import case_extras_for, case_save
from journeys.models import Case
from journeys.wizard.answers import form_for_step, journey_answers
from journeys.wizard.definition import Journey
from journeys.wizard.enforcement_cases import enforcement_step_data_from_case
from journeys.wizard.plan_life_cases import plan_life_step_data_from_case
from journeys.wizard.stage_cases import stage_step_data_from_case

# Where a draft keeps the case file as it was when the draft started from it, or when the
# draft was last saved into it (formtools' extra data; drafts are stored encrypted).
BASE_KEY = "base_case_file"


def draft_base(storage) -> dict[str, Any] | None:
    return storage.extra_data.get(BASE_KEY)


def draft_set_base(storage, case_file: dict[str, Any]) -> None:
    storage.extra_data = {**storage.extra_data, BASE_KEY: case_file}


def draft_start_with_parent_details(*, journey: Journey, storage, user) -> None:
    """A new journey for a signed-in parent starts with their details from their latest case
    (a second child of the same account: name, relationship, address, email, phone)."""
    latest = case_latest_for_owner(user=user)
    if latest is None or "applicant" not in latest.case_file:
        return
    known = request_step_data_from_case(latest.case_file)
    for slug in ("your-details", "your-contact"):
        if slug in journey.slugs and storage.get_step_data(slug) is None:
            storage.set_step_data(slug, known[slug])


@dataclass(frozen=True)
class Submission:
    """What submitting a journey gave: the answers, and the case file or the failing step."""

    answers: dict[str, Any]
    case_file: dict[str, Any] | None = None
    failed_step: str | None = None
    problem: str | None = None  # why failed_step must be answered again, when it is known


def case_submit(*, journey: Journey, storage, overwrite: bool = False) -> Submission:
    """Re-validate every visible step from what is stored, then build and keep the case file.

    Called when the parent confirms check-your-answers. Nothing is trusted from earlier
    requests: a step whose stored data no longer validates (or was never given) is returned
    as `failed_step` and nothing is saved. Raises CaseChanged if the case was saved since
    these answers started from it, unless the parent chose to `overwrite` it. Submitting
    the same answers twice (a double click, a resent form) saves the same case once more.
    """
    answers = journey_answers(journey, storage.get_step_data)
    missing = [slug for slug in journey.visible_steps(answers) if slug not in answers]
    if missing:
        return Submission(answers=answers, failed_step=missing[0])
    if journey.build_case is None:
        return Submission(answers=answers)
    try:
        case_file = journey.build_case(answers)
    except CaseFileError:
        # Answers every step accepted but the case file refuses: send the parent back to
        # the step that holds the value, never a server error.
        return Submission(
            answers=answers,
            failed_step=_step_at_fault(journey, answers),
            problem=CASE_FILE_PROBLEM,
        )
    case = case_save(
        case_id=storage.case_id,
        journey=journey,
        case_file=case_file,
        extras=journey.extras_from(answers),
        user=storage.request.user,
        session=storage.request.session,
        base=None if overwrite else draft_base(storage),
    )
    # These answers are now the case: a second submit of them is not a conflict.
    draft_set_base(storage, case.case_file)
    return Submission(answers=answers, case_file=case.case_file)


CASE_FILE_PROBLEM = "We could not use one of these answers. Check it and try again."


def _step_at_fault(journey: Journey, answers: dict[str, Any]) -> str:
    """The first visible step with an answer that, replaced by a plain "x", lets the case
    file build; else the first step. Only called when building failed, so its cost (a build
    per text answer) is paid only then."""
    visible = journey.visible_steps(answers)
    for slug in visible:
        for replaced in _each_text_replaced(answers.get(slug)):
            if _builds(journey, {**answers, slug: replaced}):
                return slug
    return visible[0]


def _builds(journey: Journey, answers: dict[str, Any]) -> bool:
    try:
        journey.build_case(answers)
    except (KeyError, TypeError, ValueError):  # CaseFileError is a ValueError
        return False
    return True


def _each_text_replaced(value: Any):
    """`value` once for each string in it, with that one string replaced by "x"."""
    if isinstance(value, str):
        yield "x"
    elif isinstance(value, dict):
        for key, item in value.items():
            for replaced in _each_text_replaced(item):
                yield {**value, key: replaced}
    elif isinstance(value, list):
        for index, item in enumerate(value):
            for replaced in _each_text_replaced(item):
                yield [*value[:index], replaced, *value[index + 1 :]]


def step_data_from_file(*, journey: Journey, case_file: dict[str, Any]) -> dict[str, Any]:
    """The wizard's stored data per step for a case file: what the file answers, and every
    page a parent may leave blank (the child's voice, anything else) that it does not answer,
    left blank, as a parent continuing with nothing entered would."""
    if journey.case_to_step_data is None:
        raise ValueError(f"journey {journey.slug} cannot start from a case file")
    data = dict(journey.case_to_step_data(case_file))
    for step in journey.steps:
        if step.slug not in data and form_for_step(step, {}).is_valid():
            data[step.slug] = {}
    return data


def case_start_from_file(*, journey: Journey, storage, case_file: dict[str, Any]) -> Submission:
    """Fill a new draft from a case file (the example, later an import), then submit it.

    Goes through the same step forms and re-validation as a parent's own answers, so a case
    file that the journey cannot represent fails at the first step it cannot fill.
    """
    if journey.case_to_step_data is None:
        raise ValueError(f"journey {journey.slug} cannot start from a case file")
    for slug, data in step_data_from_file(journey=journey, case_file=case_file).items():
        storage.set_step_data(slug, data)
    storage.set_step_data(journey.steps[-1].slug, {})
    return case_submit(journey=journey, storage=storage)


def case_continue(*, journey: Journey, storage, case: Case) -> str | None:
    """Start `journey` for a saved case, with what the case file already answers filled in.

    Returns the first step still to answer (None if the journey cannot take a case file).
    """
    if draft_base(storage) is None:
        draft_set_base(storage, case.case_file)
    # Everything the case already holds: decision, reasons, answers to them, evidence...
    extras = case_extras_for(case)
    known = {
        **stage_step_data_from_case(case.case_file, extras),
        **plan_life_step_data_from_case(case.case_file, extras, journey.slug),
        **enforcement_step_data_from_case(case.case_file, extras, journey.slug),
    }
    for slug, data in known.items():
        if slug in journey.slugs and storage.get_step_data(slug) is None:
            storage.set_step_data(slug, data)
    answers = journey_answers(journey, storage.get_step_data)
    unanswered = [s for s in journey.visible_steps(answers) if s not in answers]
    return unanswered[0] if unanswered else journey.steps[-1].slug
