"""Services: everything that writes a journey's state. Keyword-only, `<entity>_<action>`."""

from __future__ import annotations

import io
import json
import zipfile
from dataclasses import dataclass
from typing import Any

from django.core.cache import cache
from django.db import transaction

from journeys.wizard.answers import journey_answers
from journeys.cases.casefile import request_step_data_from_case
from journeys.cases.casefile_io import EXPORT_CASE_FILE
from journeys.wizard.definition import Journey
from journeys.models import AuditEvent, Case, Draft
from journeys.jobs.reminders import send_confirmation
from journeys.cases.selectors import OWNED_CASES_KEY, CaseAccess, requester_owns_case
from journeys.wizard.storage import SESSION_KEY
from letters.context import MissingCaseData
from letters.registry import LetterKind
from letters.services import letter_render


class CaseNotYours(Exception):
    """A journey was submitted under the id of a case this visitor does not own."""


class CaseChanged(Exception):
    """Since this journey's answers started from the case, someone (another tab, another
    device) saved a different value for something these answers would now overwrite."""


# Where a draft keeps the case file as it was when the draft started from it, or when the
# draft was last saved into it (formtools' extra data; drafts are stored encrypted).
BASE_KEY = "base_case_file"


def draft_base(storage) -> dict[str, Any] | None:
    return storage.extra_data.get(BASE_KEY)


def draft_set_base(storage, case_file: dict[str, Any]) -> None:
    storage.extra_data = {**storage.extra_data, BASE_KEY: case_file}


def overwrites_newer_answers(
    *, saved: dict[str, Any], base: dict[str, Any], new: dict[str, Any]
) -> bool:
    """Would laying `new` over `saved` replace a value someone changed after `base`?

    Optimistic locking by content: only what this journey writes is compared (key by key
    inside the child and the applicant, as merge_case_files merges them), so a parent who
    finishes one stage and then corrects another is never stopped by their own saves.
    Events are only ever added, never overwritten, so they are not compared.
    """
    for key, value in new.items():
        if key in ("format", "events"):
            continue
        if key in MERGED_BY_KEY and isinstance(value, dict):
            for part, part_value in value.items():
                now = saved.get(key, {}).get(part)
                if now != base.get(key, {}).get(part) and now != part_value:
                    return True
        elif saved.get(key) != base.get(key) and saved.get(key) != value:
            return True
    return False


@dataclass(frozen=True)
class Submission:
    """What submitting a journey gave: the answers, and the case file or the failing step."""

    answers: dict[str, Any]
    case_file: dict[str, Any] | None = None
    failed_step: str | None = None


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
    case = case_save(
        case_id=storage.case_id,
        journey=journey,
        case_file=journey.build_case(answers),
        extras=journey.build_extras(answers) if journey.build_extras else {},
        user=storage.request.user,
        session=storage.request.session,
        base=None if overwrite else draft_base(storage),
    )
    # These answers are now the case: a second submit of them is not a conflict.
    draft_set_base(storage, case.case_file)
    return Submission(answers=answers, case_file=case.case_file)


# Merged key by key, so a stage that asks only the child's name keeps the school and diagnoses.
MERGED_BY_KEY = ("child", "applicant")


def merge_case_files(saved: dict[str, Any], new: dict[str, Any]) -> dict[str, Any]:
    """A journey's case file laid over the saved one.

    What the journey answered replaces what was saved (a parent changing an answer means it);
    what it did not ask about is kept, down to the keys of `child` and `applicant`; the same
    decision (kind and date) keeps the reasons another stage recorded; events are added to,
    never lost, because they come from every stage and from the timeline.
    """
    merged = {**saved, **new}
    for key in MERGED_BY_KEY:
        if key in saved and key in new:
            merged[key] = {**saved[key], **new[key]}
    old_decision, new_decision = saved.get("decision"), new.get("decision")
    if (
        old_decision
        and new_decision
        and all(old_decision.get(k) == new_decision.get(k) for k in ("kind", "date"))
    ):
        merged["decision"] = {**old_decision, **new_decision}
    events = list(saved.get("events", []))
    events += [e for e in new.get("events", []) if e not in events]
    if events:
        merged["events"] = sorted(events, key=lambda e: (e["date"], e["type"]))
    return merged


@transaction.atomic
def case_save(
    *,
    case_id,
    journey: Journey,
    case_file: dict[str, Any],
    user,
    session,
    extras: dict[str, Any] | None = None,
    base: dict[str, Any] | None = None,
) -> Case:
    """Create or update the saved case from a journey's case file.

    A new case belongs to the signed-in parent, or to this browser's session until they
    sign in. Raises CaseNotYours if the id belongs to someone else's case: knowing a case's
    id must never be enough to change it.
    """
    case = Case.objects.select_for_update().filter(pk=case_id).first()
    if case is None:
        case = Case(id=case_id, journey=journey.slug, case_file=case_file, owner=_owner(user))
    elif not requester_owns_case(user=user, session=session, case=case):
        raise CaseNotYours(str(case_id))
    elif base is not None and overwrites_newer_answers(
        saved=case.case_file, base=base, new=case_file
    ):
        raise CaseChanged(str(case_id))
    else:
        # What this journey recorded last time goes first: a corrected date must not leave
        # the old one behind to drive the timeline.
        previous = case.journey_events.get(journey.slug, [])
        saved = dict(case.case_file)
        if "events" in saved:  # no empty list where the case file had none
            saved["events"] = [e for e in saved["events"] if e not in previous]
        case.case_file = merge_case_files(saved, case_file)
    case.journey_events = {**case.journey_events, journey.slug: case_file.get("events", [])}
    # Each journey keeps its own extras: the appeal's answers must not replace the refusal's.
    case.extras = {**case.extras, journey.slug: extras or {}}
    case.journey = journey.slug
    case.save()
    if case.owner_id is None:
        _session_add_case(session, case)
    return case


def _owner(user):
    return user if user is not None and user.is_authenticated else None


def _session_add_case(session, case: Case) -> None:
    owned = session.get(OWNED_CASES_KEY, [])
    if str(case.id) not in owned:
        session[OWNED_CASES_KEY] = [*owned, str(case.id)]


@transaction.atomic
def case_claim_session_work(*, user, session) -> int:
    """On sign-in: the anonymous cases and drafts of this browser become the account's.

    A case that already has an owner stays theirs (a session cannot claim it). Returns how
    many cases were claimed.
    """
    owned = session.get(OWNED_CASES_KEY, [])
    claimed = Case.objects.filter(pk__in=owned, owner__isnull=True).update(owner=user)
    for key, draft in session.get(SESSION_KEY, {}).items():
        journey_slug, _, case_id = key.partition(":")
        Draft.objects.update_or_create(
            user=user, case_id=case_id, journey=journey_slug, defaults={"data": draft}
        )
    session[OWNED_CASES_KEY] = []
    session[SESSION_KEY] = {}
    return claimed


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


def case_mark_example(*, case_id) -> None:
    """Mark the case made from the shipped example: shown as one, never shared or counted."""
    Case.objects.filter(pk=case_id).update(is_example=True)


@transaction.atomic
def case_event_add(*, case: Case, event_type: str, event_date) -> Case:
    """Record that something happened on a date (the same event twice is recorded once).

    Reads the case afresh under a lock, so a journey saved at the same moment is kept."""
    case = Case.objects.select_for_update().get(pk=case.pk)
    events = list(case.case_file.get("events", []))
    entry = {"type": str(event_type), "date": event_date.isoformat()}
    if entry not in events:
        events.append(entry)
        events.sort(key=lambda e: (e["date"], e["type"]))
    case.case_file = {**case.case_file, "events": events}
    case.save(update_fields=["case_file", "updated_at"])
    return case


@transaction.atomic
def case_event_remove(*, case: Case, event_type: str, event_date: str) -> Case:
    """Remove a recorded date the parent entered by mistake (read afresh under a lock)."""
    case = Case.objects.select_for_update().get(pk=case.pk)
    events = [
        e
        for e in case.case_file.get("events", [])
        if not (e["type"] == event_type and e["date"] == event_date)
    ]
    case.case_file = {**case.case_file, "events": events}
    case.save(update_fields=["case_file", "updated_at"])
    return case


CONFIRMATION_INTERVAL = 60 * 10  # at most one confirmation email per case every 10 minutes


def case_reminders_request(*, case: Case, email: str) -> bool:
    """Ask for reminders: keep the address and email it a confirmation link.

    Reminders start only when the link is opened (case_reminders_confirm), so nobody can sign
    someone else's address up. Returns False when a link was sent too recently to send again.
    """
    key = f"reminders-confirm:{case.id}"
    if not cache.add(key, True, CONFIRMATION_INTERVAL):
        return False
    try:
        send_confirmation(case, email)
    except Exception:
        cache.delete(key)  # nothing was sent: the parent may try again at once
        raise
    case.email = email
    case.reminders_opt_in = False
    case.save(update_fields=["email", "reminders_opt_in", "updated_at"])
    return True


def case_reminders_confirm(*, case: Case, email: str) -> bool:
    """Start reminders if the link is for the address the case still has."""
    if not email or case.email != email:
        return False
    case.reminders_opt_in = True
    case.save(update_fields=["reminders_opt_in", "updated_at"])
    return True


def case_reminders_stop(*, case: Case) -> Case:
    case.reminders_opt_in = False
    case.save(update_fields=["reminders_opt_in", "updated_at"])
    return case


def case_continue(*, journey: Journey, storage, case: Case) -> str | None:
    """Start `journey` for a saved case, with what the case file already answers filled in.

    Returns the first step still to answer (None if the journey cannot take a case file).
    """
    if draft_base(storage) is None:
        draft_set_base(storage, case.case_file)
    known = request_step_data_from_case(case.case_file)
    for slug, data in known.items():
        if slug in journey.slugs and storage.get_step_data(slug) is None:
            storage.set_step_data(slug, data)
    answers = journey_answers(journey, storage.get_step_data)
    unanswered = [s for s in journey.visible_steps(answers) if s not in answers]
    return unanswered[0] if unanswered else journey.steps[-1].slug


# Later stages first-hand know more; a journey's own answers win for its own letters.
EXTRAS_ORDER = ("request", "refused", "mediation", "plan", "appeal")


def case_extras_for(case: Case, journey_slug: str | None = None) -> dict[str, Any]:
    """The extras a letter gets: every stage's, the named journey's taking precedence."""
    merged: dict[str, Any] = {}
    for slug in EXTRAS_ORDER:
        if slug != journey_slug:
            merged.update(case.extras.get(slug, {}))
    merged.update(case.extras.get(journey_slug or "", {}))
    return merged


# -- a parent's own data: export, import, delete -----------------------------------------


def case_export_zip(*, case: Case, today) -> bytes:
    """The case file (CASE_FORMAT.md, exactly) and every letter that applies, as one ZIP."""

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(EXPORT_CASE_FILE, json.dumps(case.case_file, indent=2, ensure_ascii=False))
        extras = case_extras_for(case)
        for kind in LetterKind:
            for fmt in ("pdf", "docx"):
                try:
                    letter = letter_render(
                        kind=kind, case_file=case.case_file, fmt=fmt, today=today, extras=extras
                    )
                except MissingCaseData:
                    break  # this letter does not apply to the case (yet)
                archive.writestr(f"letters/{letter.filename}", letter.content)
    return buffer.getvalue()


def case_import(*, case_file: dict[str, Any], user, session) -> Case:
    """A new case, the parent's (or this session's), from a validated case file."""
    case = Case.objects.create(journey="import", case_file=case_file, extras={}, owner=_owner(user))
    if case.owner_id is None:
        _session_add_case(session, case)
    return case


@transaction.atomic
def case_delete(*, case: Case, session) -> None:
    """Delete the case for real: its row, everything hanging off it (reminder records,
    sharing, notes, the audit record) and every draft of it, in the database or session."""
    case_id = str(case.id)
    Draft.objects.filter(case_id=case.id).delete()
    case.delete()  # the rest goes with it (on_delete=CASCADE)
    session[OWNED_CASES_KEY] = [c for c in session.get(OWNED_CASES_KEY, []) if c != case_id]
    drafts = session.get(SESSION_KEY, {})
    session[SESSION_KEY] = {k: v for k, v in drafts.items() if not k.endswith(f":{case_id}")}


# -- accountability ----------------------------------------------------------------------


def case_audit(*, access: CaseAccess, user, action: str, detail: str) -> None:
    """Record that someone other than the parent looked at, downloaded or changed the case.

    `detail` names what (a page, a letter), never what it says.
    """
    if access.is_owner:
        return
    role = access.role.value
    if access.share is not None:
        role = f"{role} at {access.share.organisation.name}"
    AuditEvent.objects.create(
        case=access.case,
        actor=user,
        actor_name=user.full_name or user.email,
        actor_role=role,
        action=action,
        detail=detail[:200],
    )
