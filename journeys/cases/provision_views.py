"""The provision tracker's pages (issue 15): what the plan promises, what happened each week,
the shortfall, and the term dates it is counted with.

Every view starts with `case_access_or_404`: the owner changes things; an advocate or the
organisation the case is shared with reads the tracker and the weeks (each look is in the
audit record), and anyone else gets a 404. Reads come from journeys/cases/provision.py,
writes go through journeys/cases/provision_services.py.
"""

from __future__ import annotations

import uuid
from datetime import date, timedelta

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_http_methods

from journeys.cases.provision import (
    GAPS_SHOWN,
    UNQUANTIFIED,
    case_items,
    default_start,
    has_family_terms,
    provision_actions,
    provision_tracker,
    provision_week,
    terms_for,
)
from journeys.cases.provision_forms import (
    ItemsFormSet,
    SectionsForm,
    SinceForm,
    TermsForm,
    WeekItemForm,
    item_initial,
    terms_text,
    week_initial,
)
from journeys.cases.provision_services import (
    ProvisionRefused,
    WeekEntry,
    provision_items_add,
    provision_items_save,
    provision_items_suggested,
    provision_terms_save,
    provision_week_record,
)
from journeys.cases.selectors import Need, case_access_or_404
from journeys.cases.services import case_audit, case_touch
from journeys.rules.provision import week_start
from journeys.rules.provision_chart import shortfall_svg
from journeys.rules.vocabulary import Delivered
from journeys.templatetags.govuk import error_summary

EARLIEST_WEEK = date(2000, 1, 3)


def _child(case) -> str:
    return case.case_file["child"]["first_name"]


def _looked(request, access, detail: str) -> None:
    case_audit(access=access, user=request.user, action="viewed", detail=detail)
    if access.is_owner:
        case_touch(case=access.case)


# -- the tracker ----------------------------------------------------------------------------


@require_http_methods(["GET"])
def provision_tracker_view(request, case_id: uuid.UUID) -> HttpResponse:
    """The shortfall since a chosen date (default: this school year), per item and in total,
    as a chart and a table, with the weeks still to fill."""
    access = case_access_or_404(request, case_id, need=Need.READ)
    case = access.case
    _looked(request, access, "the provision tracker")
    today = timezone.localdate()
    start, since_form = _since(request, case, today)
    tracker = provision_tracker(
        case_file=case.case_file, extras=case.extras, start=start, end=today
    )
    title = f"Sessions of {_child(case)}'s provision from {start:%-d %B %Y} to {today:%-d %B %Y}"
    return render(
        request,
        "journeys/provision/tracker.html",
        {
            "case": case,
            "access": access,
            "child_name": _child(case),
            "tracker": tracker,
            # Server-drawn by the rules (journeys/rules/provision_chart.py): every text in it
            # is escaped there.
            "chart": mark_safe(shortfall_svg(tracker.shortfall, title=title))  # noqa: S308
            if any(row.item.quantified for row in tracker.items)
            else "",
            "chart_title": title,
            "gap_weeks": tracker.gap_weeks[:GAPS_SHOWN],
            "more_gaps": max(0, len(tracker.gap_weeks) - GAPS_SHOWN),
            "this_week": week_start(today),
            "since_form": since_form,
            "page_errors": error_summary(since_form),
            "actions": provision_actions(case=case, tracker=tracker, can_start=access.is_owner),
        },
    )


def _since(request, case, today: date) -> tuple[date, SinceForm]:
    """The day the tracker counts from: the one asked for, else this school year's start (or
    the first record if later); and the form that asks, with its error if any."""
    if "since_0" not in request.GET:
        start = default_start(case.case_file, today)
        return start, SinceForm(initial={"since": start}, prefix="")
    form = SinceForm(request.GET, prefix="")
    if form.is_valid() and form.cleaned_data["since"] <= today:
        return form.cleaned_data["since"], form
    if form.is_valid():
        form.add_error("since", "The date to count from must be today or in the past")
    return default_start(case.case_file, today), form


# -- what the plan promises ------------------------------------------------------------


@require_http_methods(["GET", "POST"])
def provision_items_view(request, case_id: uuid.UUID) -> HttpResponse:
    """Paste sections F, G and H, then confirm or correct each item (owner only)."""
    case = case_access_or_404(request, case_id, need=Need.OWN).case
    items = case_items(case.case_file, case.extras)
    sections_form = SectionsForm(prefix="sections", initial=_sections_initial(case))
    initial = [item_initial(item) for item in items]
    formset = ItemsFormSet(prefix="items", initial=initial)
    refused: list[tuple[str, str]] = []
    if request.method == "POST" and "read" in request.POST:
        sections_form = SectionsForm(request.POST, prefix="sections")
        if sections_form.is_valid():
            found = provision_items_suggested(sections=sections_form.cleaned_data)
            if found:
                try:
                    saved = provision_items_add(case=case, items=found)
                except ProvisionRefused as problem:
                    sections_form.add_error("F", str(problem))
                else:
                    added = len(saved.case_file.get("provision", [])) - len(items)
                    messages.success(request, _found_message(added))
                    return redirect("journeys:provision-items", case_id=case.id)
            else:
                sections_form.add_error(
                    "F", "We could not find any provision in that text. Add the items below."
                )
    elif request.method == "POST":
        formset = ItemsFormSet(request.POST, prefix="items", initial=initial)
        if formset.is_valid():
            try:
                provision_items_save(case=case, items=formset.items({item.id for item in items}))
            except ProvisionRefused as problem:
                refused = [("#items", str(problem))]
            else:
                messages.success(request, "Saved what the plan promises.")
                return redirect("journeys:provision", case_id=case.id)
    errors = [*error_summary(sections_form), *error_summary(formset), *refused]
    return render(
        request,
        "journeys/provision/items.html",
        {
            "case": case,
            "child_name": _child(case),
            "sections_form": sections_form,
            "formset": formset,
            "unquantified": UNQUANTIFIED,
            "page_errors": errors,
            "has_items": bool(items),
        },
    )


def _found_message(added: int) -> str:
    if not added:
        return "Every item in that text is already listed below."
    return (
        f"We found {added} item{'s' if added != 1 else ''}. Check each one says what the plan "
        "says, and how often."
    )


def _sections_initial(case) -> dict[str, str]:
    sections = case.case_file.get("plan", {}).get("sections", {})
    return {"F": sections.get("F", "")}


# -- a week ---------------------------------------------------------------------------------


def _monday_or_404(monday: str) -> date:
    try:
        day = date.fromisoformat(monday)
    except ValueError:
        raise Http404("Not a date") from None
    if not EARLIEST_WEEK <= day <= date(2100, 12, 31):
        raise Http404("Out of range")
    return day


@require_http_methods(["GET", "POST"])
def provision_week_view(request, case_id: uuid.UUID, monday: str) -> HttpResponse:
    """One week: per item, delivered, partly or not, minutes and a note; "Nothing happened
    this week" records every item due as not delivered. Others who may see the case read it."""
    day = _monday_or_404(monday)
    need = Need.READ if request.method == "GET" else Need.OWN
    access = case_access_or_404(request, case_id, need=need)
    case = access.case
    this_week = week_start(timezone.localdate())
    if day != week_start(day) or day > this_week:
        return redirect(
            "journeys:provision-week",
            case_id=case.id,
            monday=min(week_start(day), this_week).isoformat(),
        )
    rows, in_term = provision_week(case_file=case.case_file, extras=case.extras, monday=day)
    forms = [
        WeekItemForm(
            prefix=f"item{index}", initial=week_initial(row), item_label=row.item.id.upper()
        )
        for index, row in enumerate(rows)
    ]
    if request.method == "GET":
        _looked(request, access, f"the provision record for the week beginning {day:%-d %B %Y}")
    else:
        if "nothing" in request.POST:
            entries = [
                WeekEntry(provision=row.item.id, delivered=Delivered.NO, minutes=0)
                for row in rows
                if row.due
            ]
        else:
            forms = [
                WeekItemForm(
                    request.POST,
                    prefix=f"item{index}",
                    item_label=row.item.id.upper(),
                    item_id=row.item.id,
                )
                for index, row in enumerate(rows)
            ]
            valid = all([form.is_valid() for form in forms])  # every form, for every error
            entries = [form.entry() for form in forms] if valid else None
        if entries is not None:
            try:
                _, changed = provision_week_record(
                    case=case, monday=day, entries=entries, user=request.user
                )
            except ProvisionRefused as problem:
                _refused_beside_notes(forms, str(problem))
            else:
                messages.success(
                    request,
                    f"Saved the week beginning {day:%-d %B %Y}"
                    + (" (it replaces what was recorded before)." if changed else "."),
                )
                return redirect("journeys:provision-week", case_id=case.id, monday=day.isoformat())
    errors = [error for form in forms for error in error_summary(form)]
    return render(
        request,
        "journeys/provision/week.html",
        {
            "case": case,
            "access": access,
            "child_name": _child(case),
            "monday": day,
            "sunday": day + timedelta(days=6),
            "previous": day - timedelta(days=7) if day > EARLIEST_WEEK else None,
            "next": day + timedelta(days=7) if day < this_week else None,
            "rows": list(zip(rows, forms, strict=True)),
            "in_term": in_term,
            "any_due": any(row.due for row in rows),
            "page_errors": errors,
        },
    )


def _refused_beside_notes(forms, message: str) -> None:
    """The log has no room for these notes: say so beside each note typed."""
    beside = [form for form in forms if form.is_bound and form.cleaned_data.get("note")]
    for form in beside:
        form.add_error("note", message)
    if not beside and forms:
        forms[0].add_error(None, message)


# -- the term dates ------------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
def provision_terms_view(request, case_id: uuid.UUID) -> HttpResponse:
    """The term dates the counting uses: the family's, or a typical English school year."""
    case = case_access_or_404(request, case_id, need=Need.OWN).case
    today = timezone.localdate()
    start = default_start(case.case_file, today)
    shown = terms_for(case.extras, start, today)
    form = TermsForm(
        initial={"terms": terms_text(shown.terms), "holidays": terms_text(shown.holidays)}
    )
    if request.method == "POST" and "typical" in request.POST:
        provision_terms_save(case=case, terms=None)
        messages.success(request, "The tracker now counts with a typical English school year.")
        return redirect("journeys:provision", case_id=case.id)
    if request.method == "POST":
        form = TermsForm(request.POST)
        if form.is_valid():
            provision_terms_save(
                case=case,
                terms=form.cleaned_data["terms"],
                holidays=form.cleaned_data["holidays"],
            )
            messages.success(request, "Saved your term dates.")
            return redirect("journeys:provision", case_id=case.id)
    return render(
        request,
        "journeys/provision/terms.html",
        {
            "case": case,
            "child_name": _child(case),
            "form": form,
            "terms": shown,
            "familys": has_family_terms(case.extras),
            "page_errors": error_summary(form),
        },
    )
