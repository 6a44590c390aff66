"""Services: everything that writes a journey's state. Keyword-only, `<entity>_<action>`."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db import transaction

from journeys.answers import journey_answers
from journeys.definition import Journey
from journeys.models import Case
from journeys.selectors import OWNED_CASES_KEY

# Parts of a case file that other stages add (issue 3's dates, issue 4's decisions and plan):
# re-submitting a journey's answers must never wipe them.
KEPT_ON_RESUBMIT = ("events", "decision", "plan")


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
    case = case_save(
        case_id=storage.case_id,
        journey=journey,
        case_file=case_file,
        session=storage.request.session,
    )
    return Submission(answers=answers, case_file=case.case_file)


@transaction.atomic
def case_save(*, case_id, journey: Journey, case_file: dict[str, Any], session) -> Case:
    """Create or update the saved case from a journey's case file; the session owns it.

    Keeps what other stages recorded (KEPT_ON_RESUBMIT) when a parent changes answers.
    """
    case = Case.objects.select_for_update().filter(pk=case_id).first()
    if case is None:
        case = Case(id=case_id, journey=journey.slug, case_file=case_file)
    else:
        kept = {k: case.case_file[k] for k in KEPT_ON_RESUBMIT if k in case.case_file}
        case.case_file = {**case_file, **kept}
    case.save()
    owned = session.get(OWNED_CASES_KEY, [])
    if str(case.id) not in owned:
        session[OWNED_CASES_KEY] = [*owned, str(case.id)]
    return case


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


def case_event_add(*, case: Case, event_type: str, event_date) -> Case:
    """Record that something happened on a date (the same event twice is recorded once)."""
    events = list(case.case_file.get("events", []))
    entry = {"type": str(event_type), "date": event_date.isoformat()}
    if entry not in events:
        events.append(entry)
        events.sort(key=lambda e: (e["date"], e["type"]))
    case.case_file = {**case.case_file, "events": events}
    case.save(update_fields=["case_file", "updated_at"])
    return case


def case_event_remove(*, case: Case, event_type: str, event_date: str) -> Case:
    """Remove a recorded date the parent entered by mistake."""
    events = [
        e
        for e in case.case_file.get("events", [])
        if not (e["type"] == event_type and e["date"] == event_date)
    ]
    case.case_file = {**case.case_file, "events": events}
    case.save(update_fields=["case_file", "updated_at"])
    return case


def case_reminders_subscribe(*, case: Case, email: str) -> Case:
    case.email = email
    case.reminders_opt_in = True
    case.save(update_fields=["email", "reminders_opt_in", "updated_at"])
    return case


def case_reminders_stop(*, case: Case) -> Case:
    case.reminders_opt_in = False
    case.save(update_fields=["reminders_opt_in", "updated_at"])
    return case
