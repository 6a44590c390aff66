"""Writes to a case's provision and delivery log (issue 15). Keyword-only, `<entity>_<action>`.

Both live in the case file (`provision`, `delivery_log`: CASE_FORMAT.md version 2), so
export, import and the commands carry them, and the log is encrypted at rest with the rest
of the case file. The family's term dates are not part of the case file's contract: they are
kept in the case's extras (journeys/cases/provision.py TERMS_KEY).

Every write reads the case afresh under a lock, validates the whole case file against its
bounds (a refusal raises ProvisionRefused with a message for the page, and nothing is
saved), refreshes the summary columns (the caseload's "sessions missed") and restarts the
retention clock. Recording a week is safe to repeat: each item's rows for that week are
replaced, so the same POST twice leaves one row per item; a week changed after it was first
recorded keeps the later value and an AuditEvent says the record changed (never what it
says).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db import transaction

from journeys.cases.casefile import CaseFileError, case_file_current, validate_case_file
from journeys.cases.provision import FAMILY_TERMS_NAME, ITEM_DATES_KEY, TERMS_KEY, week_days
from journeys.cases.services import case_mark_active, case_summary_refresh
from journeys.models import AuditEvent, Case
from journeys.rules.provision_parse import suggest_quantities
from journeys.rules.vocabulary import Delivered
from journeys.rules.wording import is_about_provision, split_sentences

SECTIONS = ("F", "G", "H")
# The most items read from one paste: a plan's F, G and H rarely hold more than 40 statements.
MOST_ITEMS = 200
NOTE_LENGTH = 200  # a note on a week's record, in the form


class ProvisionRefused(ValueError):
    """The change would make the case file invalid (over a bound); the message is for people."""


def _refused_message(problem: CaseFileError) -> str:
    text = str(problem)
    if text.startswith("delivery_log"):
        return (
            "There is no room for more notes in this case's delivery record. Shorten or "
            "remove some earlier notes, or leave the note empty."
        )
    if text.startswith("provision"):
        return "The plan's provision is too long to keep. Remove some items, or shorten them."
    return "This change would make the case too long to keep. Shorten what you have written."


def _save(case: Case, case_file: dict[str, Any], *, extras: dict[str, Any] | None = None):
    case_file = case_file_current(case_file)
    try:
        validate_case_file(case_file)
    except CaseFileError as problem:
        raise ProvisionRefused(_refused_message(problem)) from None
    case.case_file = case_file
    fields = ["case_file", "updated_at"]
    if extras is not None:
        case.extras = extras
        fields.append("extras")
    changed = (*case_summary_refresh(case=case), *case_mark_active(case=case))
    case.save(update_fields=[*fields, *changed])
    return case


def _locked(case: Case) -> Case:
    return Case.objects.select_for_update().get(pk=case.pk)


# -- what the plan promises ---------------------------------------------------------------


def _next_id(section: str, taken: set[str]) -> str:
    number = 1
    while f"{section.lower()}{number}" in taken:
        number += 1
    return f"{section.lower()}{number}"


def provision_items_suggested(*, sections: Mapping[str, str]) -> list[dict[str, Any]]:
    """The items a paste of sections F, G and H seems to hold, each with the quantities the
    statement seems to give (journeys.rules.provision_parse), for the parent to check. Only
    statements about provision become items (not headings, needs or review statements)."""
    found: list[dict[str, Any]] = []
    for section in SECTIONS:
        for sentence in split_sentences(sections.get(section, "")):
            if not is_about_provision(sentence) or len(found) >= MOST_ITEMS:
                continue
            guess = suggest_quantities(sentence)
            item: dict[str, Any] = {"section": section, "text": sentence[:2000]}
            if guess.quantified:
                item["sessions"] = guess.sessions
                item["per"] = guess.per.value if guess.per else None
            if guess.minutes is not None:
                item["minutes"] = guess.minutes
            item["provider"] = guess.provider
            item["term_time_only"] = guess.term_time_only
            found.append(item)
    return found


@transaction.atomic
def provision_items_add(*, case: Case, items: Iterable[Mapping[str, Any]]) -> Case:
    """Add items (each given an id "f1", "g2"... not used before) after those kept. An item
    the plan already lists (the same section and words) is not added twice, so pasting the
    same text again, or pressing the button twice, changes nothing."""
    case = _locked(case)
    provision = list(case.case_file.get("provision", []))
    taken = {item["id"] for item in provision}
    listed = {(item.get("section"), item.get("text")) for item in provision}
    for item in items:
        if (item.get("section", "F"), item.get("text")) in listed:
            continue
        listed.add((item.get("section", "F"), item.get("text")))
        new_id = _next_id(item.get("section", "F"), taken)
        taken.add(new_id)
        provision.append(_clean_item({**item, "id": new_id}))
    return _save(case, {**case.case_file, "provision": provision})


@transaction.atomic
def provision_items_save(*, case: Case, items: Iterable[Mapping[str, Any]]) -> Case:
    """The parent's confirmed list: `items` replace the provision (an item without an id is
    new and gets one). An item removed takes its delivery records with it, so a later item
    given the same id never inherits them. An item's `starts` and `ends` (dates, optional:
    when an amended plan brought it in or took it out) are kept in the case's extras
    (ITEM_DATES_KEY), where the rules read them; the case file has no such keys."""
    case = _locked(case)
    items = list(items)
    kept: list[dict[str, Any]] = []
    dates: dict[str, dict[str, str]] = {}
    taken = {item["id"] for item in items if item.get("id")}
    for item in items:
        item_id = item.get("id") or _next_id(item.get("section", "F"), taken)
        taken.add(item_id)
        kept.append(_clean_item({**item, "id": item_id}))
        when = {key: item[key].isoformat() for key in ("starts", "ends") if item.get(key)}
        if when:
            dates[item_id] = when
    ids = {item["id"] for item in kept}
    case_file = {**case.case_file, "provision": kept}
    log = [row for row in case.case_file.get("delivery_log", []) if row["provision"] in ids]
    if "delivery_log" in case.case_file or log:
        case_file["delivery_log"] = log
    if not kept:
        case_file.pop("provision", None)
    extras = {key: value for key, value in case.extras.items() if key != ITEM_DATES_KEY}
    if dates:
        extras[ITEM_DATES_KEY] = dates
    return _save(case, case_file, extras=extras)


def _clean_item(item: Mapping[str, Any]) -> dict[str, Any]:
    """An item as the case file holds it: no empty optional values."""
    clean: dict[str, Any] = {"id": item["id"], "section": item.get("section") or "F"}
    clean["text"] = item.get("text", "")
    for key in ("sessions", "per", "minutes"):
        if item.get(key) not in (None, ""):
            clean[key] = item[key]
    if not ("sessions" in clean and "per" in clean):
        clean.pop("sessions", None)  # how often needs both: a count with no period is unknown
        clean.pop("per", None)
    if item.get("provider"):
        clean["provider"] = item["provider"]
    clean["term_time_only"] = bool(item.get("term_time_only", True))
    return clean


# -- what happened, a week at a time ----------------------------------------------------


@dataclass(frozen=True)
class WeekEntry:
    """What the parent says happened to one item in one week (delivered None: no record)."""

    provision: str
    delivered: Delivered | None
    minutes: int | None = None
    note: str = ""


def _row(entry: WeekEntry, monday: date) -> dict[str, Any]:
    row: dict[str, Any] = {
        "provision": entry.provision,
        "date": monday.isoformat(),
        "delivered": entry.delivered.value if entry.delivered else Delivered.NO.value,
    }
    if entry.minutes is not None:
        row["minutes"] = entry.minutes
    if entry.note:
        row["note"] = entry.note
    return row


@transaction.atomic
def provision_week_record(
    *, case: Case, monday: date, entries: Iterable[WeekEntry], user=None
) -> tuple[Case, bool]:
    """Record a week: each entry's item gets exactly one row for the week (dated its Monday),
    or none when the entry says nothing was recorded. Returns the case and whether a record
    already there was changed (then an AuditEvent says so). Safe to repeat."""
    case = _locked(case)
    first, last = week_days(monday)
    known = {item["id"] for item in case.case_file.get("provision", [])}
    entries = [entry for entry in entries if entry.provision in known]
    touched = {entry.provision for entry in entries}

    def in_week(row: Mapping[str, Any]) -> bool:
        return row["provision"] in touched and first.isoformat() <= row["date"] <= last.isoformat()

    log = list(case.case_file.get("delivery_log", []))
    before = [row for row in log if in_week(row)]
    after = [_row(entry, monday) for entry in entries if entry.delivered is not None]
    if _same_rows(before, after):
        return case, False  # the same POST again: nothing to do
    kept = [row for row in log if not in_week(row)]
    new_log = sorted([*kept, *after], key=lambda row: (row["date"], row["provision"]))
    case_file = {**case.case_file, "delivery_log": new_log}
    _save(case, case_file)
    changed = bool(before)
    if changed:
        _audit_week_changed(case=case, user=user, monday=monday)
    return case, changed


def _same_rows(before: list[Mapping[str, Any]], after: list[Mapping[str, Any]]) -> bool:
    def key(rows):
        return sorted(tuple(sorted(row.items())) for row in rows)

    return key(before) == key(after)


def _audit_week_changed(*, case: Case, user, monday: date) -> None:
    """A week already recorded was changed: the record shows when, by whom, which week."""
    signed_in = user is not None and user.is_authenticated
    AuditEvent.objects.create(
        case=case,
        actor=user if signed_in else None,
        actor_name=((user.full_name or user.email) if signed_in else "The family")[:150],
        actor_role="owner of the case",
        action=AuditEvent.Action.CHANGED,
        detail=f"the delivery record for the week beginning {monday:%-d %B %Y}",
    )


# -- the term dates the counting uses -------------------------------------------------------


@transaction.atomic
def provision_terms_save(
    *,
    case: Case,
    terms: list[tuple[date, date]] | None,
    holidays: list[tuple[date, date]] | None = None,
) -> Case:
    """Keep the family's own term dates and the half terms inside them (no terms: go back to a
    typical English year). They are kept in the case's extras (TERMS_KEY, the shape
    journeys.rules.provision.term_dates_from reads), beside the case file, and change the
    counting from the next page shown; the caseload's column is refreshed now."""
    case = _locked(case)
    extras = {key: value for key, value in case.extras.items() if key != TERMS_KEY}
    if terms:
        extras[TERMS_KEY] = {
            "name": FAMILY_TERMS_NAME,
            "terms": _spans(terms),
            "holidays": _spans(holidays or []),
        }
    return _save(case, dict(case.case_file), extras=extras)


def _spans(spans: list[tuple[date, date]]) -> list[list[str]]:
    return [[start.isoformat(), end.isoformat()] for start, end in sorted(spans)]
