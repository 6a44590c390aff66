"""Services: everything that writes a saved case. Keyword-only, `<entity>_<action>`.

Submitting a journey (re-validating its answers first) is the wizard's:
journeys/wizard/services.py, which saves through case_save here.
"""

from __future__ import annotations

import io
import json
import zipfile
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from journeys.cases.casefile import case_file_current
from journeys.cases.casefile_io import EXPORT_CASE_FILE
from journeys.cases.evidence_files import evidence_files_for_export, evidence_files_import
from journeys.cases.provision import provision_missed_since_september
from journeys.cases.selectors import (
    DRAFTS_SESSION_KEY,
    OWNED_CASES_KEY,
    CaseAccess,
    requester_owns_case,
)
from journeys.cases.timeline import complaint_working_days, next_open_deadline
from journeys.models import AuditEvent, Case, Draft, fold_for_search
from journeys.rules.decision_letter import LetterCheck
from journeys.rules.events import event_contradiction, recorded_events
from journeys.rules.vocabulary import V1_EVENT_TYPES, EventType
from letters.cache import letter_files_forget
from letters.registry import LetterKind
from letters.services import letters_for_export


class CaseNotYours(Exception):
    """A journey was submitted under the id of a case this visitor does not own."""


class CaseChanged(Exception):
    """Since this journey's answers started from the case, someone (another tab, another
    device) saved a different value for something these answers would now overwrite."""


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


# -- what every write of a case also does ------------------------------------------------


def case_summary_refresh(*, case: Case) -> tuple[str, ...]:
    """Copy the child's and parent's names, the council, the next open deadline and the
    sessions of provision missed since September out of the case file into the columns
    lists read (so they filter, search and sort in the database). Called by every service
    that writes a case file, before it saves; returns the columns it set, for
    `update_fields`."""
    child = case.case_file.get("child", {})
    case.child_name = " ".join(
        part for part in (child.get("first_name"), child.get("last_name")) if part
    )[:200]
    case.parent_name = case.case_file.get("applicant", {}).get("name", "")[:150]
    case.council = case.case_file.get("local_authority", {}).get("name", "")[:200]
    deadline = next_open_deadline(
        case.case_file, complaint_working_days=complaint_working_days(case.extras or {})
    )
    case.next_deadline_on = deadline.due if deadline else None
    case.next_deadline_rule = deadline.rule.value if deadline else ""
    case.search_names = fold_for_search(f"{case.child_name} {case.parent_name}")[:400]
    case.provision_missed = provision_missed_since_september(
        case.case_file, case.extras or {}, timezone.localdate()
    )
    return Case.SUMMARY_FIELDS


def case_mark_active(*, case: Case) -> tuple[str, ...]:
    """A change by the parent is the parent using the case: the retention clock starts
    again. Called by the services that write a case for its parent (not for staff in the
    admin, not for the retention job); returns the columns it set, for `update_fields`."""
    case.last_active_at = timezone.now()
    case.retention_warnings_sent = 0
    return ("last_active_at", "retention_warnings_sent")


def case_touch(*, case: Case) -> None:
    """The parent opened their case: it is in use, so the retention clock starts again.
    At most one write a day, so reading a case stays cheap."""
    now = timezone.now()
    if (now - case.last_active_at).days >= 1 or case.retention_warnings_sent:
        Case.objects.filter(pk=case.pk).update(
            last_active_at=now, retention_warnings_sent=0, retention_warned_at=None
        )


def case_create(*, journey: str, case_file: dict[str, Any], owner=None, **fields) -> Case:
    """A new saved case, its summary columns filled in (`fields`: its other columns)."""
    case = Case(journey=journey, case_file=case_file, owner=owner, **fields)
    case_summary_refresh(case=case)
    case.save()
    return case


# Merged key by key, so a stage that asks only the child's name keeps the school and diagnoses.
MERGED_BY_KEY = ("child", "applicant", "plan")


def merge_case_files(saved: dict[str, Any], new: dict[str, Any]) -> dict[str, Any]:
    """A journey's case file laid over the saved one.

    What the journey answered replaces what was saved (a parent changing an answer means it);
    what it did not ask about is kept, down to the keys of `child`, `applicant` and `plan`
    (and the setting's name when its kind is unchanged); the same
    decision (kind and date) keeps the reasons another stage recorded; events are added to,
    never lost, because they come from every stage and from the timeline.
    """
    merged = {**saved, **new}
    for key in MERGED_BY_KEY:
        if key in saved and key in new:
            merged[key] = {**saved[key], **new[key]}
    old_setting = saved.get("child", {}).get("setting", {})
    new_setting = new.get("child", {}).get("setting", {})
    if new_setting and old_setting.get("kind") == new_setting.get("kind"):
        # A stage that asks only the kind of setting keeps the school's name.
        merged["child"]["setting"] = {**old_setting, **new_setting}
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
    kept = [e for e in saved.get("evidence", []) if e.get("file")]
    if kept and "evidence" in new:
        merged["evidence"] = _evidence_keeping_files(new["evidence"], kept)
        merged = case_file_current(merged)  # `file` is a version-2 key
    return merged


def _evidence_keeping_files(new: list[dict], kept: list[dict]) -> list[dict]:
    """A journey's evidence list, with the documents kept with the case still named: an item
    it repeats keeps its `file`, and an item with a file that it left out stays (a document
    is deleted on its own page, never by answering a question again)."""
    same = ("kind", "author", "date", "title")
    evidence = []
    for item in new:
        match = next((k for k in kept if all(k.get(f) == item.get(f) for f in same)), None)
        evidence.append({**item, "file": match["file"]} if match and "file" not in item else item)
    named = {item.get("file") for item in evidence}
    return evidence + [k for k in kept if k["file"] not in named]


@transaction.atomic
def case_save(
    *,
    case_id,
    journey,
    case_file: dict[str, Any],
    user,
    session,
    extras: dict[str, Any] | None = None,
    base: dict[str, Any] | None = None,
) -> Case:
    """Create or update the saved case from a journey's case file.

    `journey` is the wizard's Journey; only its `slug` is read (cases never import the wizard).

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
    case_summary_refresh(case=case)
    case_mark_active(case=case)
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
    for key, draft in session.get(DRAFTS_SESSION_KEY, {}).items():
        journey_slug, _, case_id = key.partition(":")
        Draft.objects.update_or_create(
            user=user, case_id=case_id, journey=journey_slug, defaults={"data": draft}
        )
    session[OWNED_CASES_KEY] = []
    session[DRAFTS_SESSION_KEY] = {}
    return claimed


def case_drafts_delete_for_owner(*, user) -> None:
    """Before an account is deleted: every draft of its cases, whoever kept it (the cases
    themselves go with the account, on_delete=CASCADE). Called by accounts' user_delete."""
    Draft.objects.filter(case_id__in=Case.objects.filter(owner=user).values("id")).delete()


def case_letters_forget_for_owner(*, user):
    """Before an account is deleted: what deletes its cases' cached letters once it is gone
    (a family's letters must not outlive their case, even encrypted). Called by accounts'
    user_delete."""
    case_ids = list(Case.objects.filter(owner=user).values_list("id", flat=True))

    def forget() -> None:
        for case_id in case_ids:
            letter_files_forget(case_id=case_id)

    return forget


class EventContradicts(ValueError):
    """The date cannot be true beside the dates already recorded (journeys.rules.events)."""


def case_mark_example(*, case_id) -> None:
    """Mark the case made from the shipped example: shown as one, never shared or counted."""
    Case.objects.filter(pk=case_id).update(is_example=True)


@transaction.atomic
def case_event_add(
    *, case: Case, event_type: str, event_date, keys: dict[str, str] | None = None
) -> Case:
    """Record that something happened on a date (the same event twice is recorded once).

    `keys`: the event's version-2 keys (`transfer`, `order`: CASE_FORMAT.md); a case file
    that records a version-2 event says so (`format` ehcp-case/2), so that it stays a valid
    case file. Reads the case afresh under a lock, so a journey saved at the same moment is
    kept. Raises EventContradicts, with the message for the parent, for a date that cannot
    be true beside those recorded (a second request, a decision before the request...)."""
    case = Case.objects.select_for_update().get(pk=case.pk)
    events = list(case.case_file.get("events", []))
    problem = event_contradiction(
        event=EventType(event_type), on=event_date, recorded=recorded_events(events)
    )
    if problem:
        raise EventContradicts(problem)
    entry = {"type": str(event_type), "date": event_date.isoformat(), **(keys or {})}
    if entry not in events:
        events.append(entry)
        events.sort(key=lambda e: (e["date"], e["type"]))
    case.case_file = {**case.case_file, "events": events}
    if keys or EventType(event_type) not in V1_EVENT_TYPES:
        case.case_file = case_file_current(case.case_file)
    changed = (*case_summary_refresh(case=case), *case_mark_active(case=case))
    case.save(update_fields=["case_file", "updated_at", *changed])
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
    changed = (*case_summary_refresh(case=case), *case_mark_active(case=case))
    case.save(update_fields=["case_file", "updated_at", *changed])
    return case


LETTER_CHECK_EXTRAS = "letter-check"
# Not a journey: the working document page's answers (journeys/evidence/services.py,
# working_document_save): the document that supports each sentence, and section I's wording.
WORKING_DOCUMENT_EXTRAS = "working-document"
WITNESS_STATEMENT_EXTRAS = "witness-statement"
SEND7_EXTRAS = "send7"

# Later stages first-hand know more; a journey's own answers win for its own letters.
EXTRAS_ORDER = (
    # Not a journey: what the decision-letter check found, saved by the parent
    # (case_letter_check_save), read by the reasons for appeal.
    LETTER_CHECK_EXTRAS,
    WORKING_DOCUMENT_EXTRAS,
    "request",
    "refused",
    "reassessment",
    "mediation",
    "plan",
    "transfer",
    "annual-review",
    "amendments",
    "not-amended",
    "ceasing",
    "appeal",
    "tribunal-order",
    # Issue 15: the enforcement journeys.
    "mediation-agreement",
    "not-delivered",
    # Not journeys: the witness statement page and the evidence pack's "ask for more pages"
    # page (issue 16), each keeping its answers under its own key.
    WITNESS_STATEMENT_EXTRAS,
    SEND7_EXTRAS,
)


def case_letter_check_save(*, case: Case, check: LetterCheck) -> Case:
    """Keep what the decision-letter check found for the case's own decision, so that a late
    appeal's reasons can say what the letter left out (letters/appeal_reasons.py). Only the
    decision (kind and date) and the missing items' codes are kept, never the letter's text;
    a later check replaces it."""
    decision = case.case_file.get("decision") or {}
    case.extras = {
        **case.extras,
        LETTER_CHECK_EXTRAS: {
            "decision_letter": {
                "kind": check.decision.value,
                "date": decision.get("date", ""),
                "missing": [code.value for code in check.missing_codes],
            }
        },
    }
    case.save(update_fields=["extras"])
    return case


def case_page_answers_save(*, case: Case, page: str, key: str, answers: dict[str, Any]) -> Case:
    """Keep a case page's answers (the witness statement page, the "ask for more pages"
    page: `page` is WITNESS_STATEMENT_EXTRAS or SEND7_EXTRAS) as extras `key` for the letter
    made from them (letters/extras.py); a later save replaces them."""
    if page not in (WITNESS_STATEMENT_EXTRAS, SEND7_EXTRAS):
        raise ValueError(f"not a case page with answers: {page!r}")
    case.extras = {**case.extras, page: {key: answers}}
    case.save(update_fields=["extras"])
    return case


def case_page_answers(*, case: Case, page: str, key: str) -> dict[str, Any]:
    """What `case_page_answers_save` kept, or {} (read by the page, to fill its form in)."""
    return dict((case.extras.get(page) or {}).get(key) or {})


def case_extras_for(case: Case, journey_slug: str | None = None) -> dict[str, Any]:
    """The extras a letter gets: every stage's, the named journey's taking precedence."""
    merged: dict[str, Any] = {}
    for slug in EXTRAS_ORDER:
        if slug != journey_slug:
            merged.update(case.extras.get(slug, {}))
    merged.update(case.extras.get(journey_slug or "", {}))
    # The tracker's settings, kept beside the journeys' extras, not under a journey's slug
    # (issue 15: the family's term dates and item dates, journeys/cases/provision_services.py).
    for key in ("term_dates", "provision_dates"):
        if key in case.extras:
            merged[key] = case.extras[key]
    return merged


# -- a parent's own data: export, import, delete -----------------------------------------


# Inside "Download everything" when some letters' PDFs were left for another time.
EXPORT_README = "README.txt"


def case_export_zip(*, case: Case, today) -> bytes:
    """The case file (CASE_FORMAT.md, exactly), every letter that applies and the documents
    kept with the case (`files/`, under their `evidence[].file` names), as one ZIP.

    Each letter comes as a Word document and, within the PDF budget of one request
    (letters.services.letters_for_export, issue 12), as a PDF; a README.txt names any file
    left out and where to download it.
    """
    letters = letters_for_export(
        kinds=list(LetterKind),
        case_file=case.case_file,
        today=today,
        extras=case_extras_for(case),
        use_cache=settings.LETTER_FILE_CACHE,
        case_id=case.id,
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        exported = case_file_current(case.case_file)  # exports write version 2
        archive.writestr(EXPORT_CASE_FILE, json.dumps(exported, indent=2, ensure_ascii=False))
        for letter in letters.files:
            archive.writestr(f"letters/{letter.filename}", letter.content)
        for path, content in evidence_files_for_export(case=case):
            # Already compressed (PDF, JPEG, PNG, DOCX): stored, not deflated again.
            archive.writestr(path, content, compress_type=zipfile.ZIP_STORED)
        if letters.left_out:
            archive.writestr(EXPORT_README, _export_readme(letters.left_out))
    return buffer.getvalue()


def _export_readme(left_out) -> str:
    lines = [
        "This case's letters are long, so this download leaves out the files below, to keep",
        "it quick. Every letter it has is here as a Word document, and as a PDF where it fits.",
        "Download the others one at a time from the case's page, under \u201cLetters\u201d.",
        "",
        *(
            f"- {title}: {filename}" + (" (too long to be made here)" if too_long else "")
            for title, filename, too_long in left_out
        ),
        "",
    ]
    return "\n".join(lines)


def case_import(
    *, case_file: dict[str, Any], user, session, documents: dict[str, bytes] | None = None
) -> tuple[Case, list[str]]:
    """A new case, the parent's (or this session's), from a validated case file, with the
    documents it names from `documents` (name -> bytes, the ZIP's `files/`). Returns the
    case and the names of the documents that could not be kept (missing or refused)."""
    case = case_create(journey="import", case_file=case_file, extras={}, owner=_owner(user))
    if case.owner_id is None:
        _session_add_case(session, case)
    refused = evidence_files_import(case=case, files=documents or {})
    return case, refused


@transaction.atomic
def case_delete(*, case: Case, session) -> None:
    """Delete the case for real: its row, everything hanging off it (reminder records,
    sharing, notes, the audit record), every draft of it, in the database or session, and
    its cached letters."""
    case_id = str(case.id)
    Draft.objects.filter(case_id=case.id).delete()
    case.delete()  # the rest goes with it (on_delete=CASCADE)
    letter_files_forget(case_id=case_id)
    session[OWNED_CASES_KEY] = [c for c in session.get(OWNED_CASES_KEY, []) if c != case_id]
    drafts = session.get(DRAFTS_SESSION_KEY, {})
    session[DRAFTS_SESSION_KEY] = {k: v for k, v in drafts.items() if not k.endswith(f":{case_id}")}


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


# Staff in the admin (journeys/admin.py): what the parent reads under "Who has seen this case".
STAFF_ROLE = "staff (operations)"
STAFF_DETAIL = "the case in the admin"


def case_audit_staff(*, case: Case, user, action: str) -> AuditEvent:
    """Record that a member of staff looked at or changed a case in the admin, so the parent
    sees it in the case's record like any other access."""
    return AuditEvent.objects.create(
        case=case,
        actor=user,
        actor_name=(user.full_name or user.email)[:150],
        actor_role=STAFF_ROLE,
        action=action,
        detail=STAFF_DETAIL,
    )
