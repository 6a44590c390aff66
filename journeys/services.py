"""Services: everything that writes a journey's state. Keyword-only, `<entity>_<action>`."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from journeys.answers import journey_answers
from journeys.definition import Journey


@dataclass(frozen=True)
class Submission:
    """What submitting a journey gave: the answers, and the case file or the failing step."""

    answers: dict[str, Any]
    case_file: dict[str, Any] | None = None
    failed_step: str | None = None


def case_submit(*, journey: Journey, storage) -> Submission:
    """Re-validate every visible step from what is stored, then build and keep the case file.

    Called when the parent confirms check-your-answers. Nothing is trusted from earlier
    requests: a step whose stored data no longer validates (or was never given) is returned
    as `failed_step` and nothing is saved.
    """
    answers = journey_answers(journey, storage.get_step_data)
    missing = [slug for slug in journey.visible_steps(answers) if slug not in answers]
    if missing:
        return Submission(answers=answers, failed_step=missing[0])
    if journey.build_case is None:
        return Submission(answers=answers)
    case_file = journey.build_case(answers)
    storage.set_submitted_case(case_file)
    return Submission(answers=answers, case_file=case_file)


def case_start_from_file(*, journey: Journey, storage, case_file: dict[str, Any]) -> Submission:
    """Fill a new draft from a case file (the example, later an import), then submit it.

    Goes through the same step forms and re-validation as a parent's own answers, so a case
    file that the journey cannot represent fails at the first step it cannot fill.
    """
    if journey.case_to_step_data is None:
        raise ValueError(f"journey {journey.slug} cannot start from a case file")
    for slug, data in journey.case_to_step_data(case_file).items():
        storage.set_step_data(slug, data)
    storage.set_step_data(journey.steps[-1].slug, {})
    return case_submit(journey=journey, storage=storage)
