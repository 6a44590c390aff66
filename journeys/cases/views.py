"""Pages about a saved case: its timeline, calendar file and reminders.

Every view starts with `case_access_or_404`, which asks the selector whether this visitor
may do what the page needs (read, or act as the owner): anyone else gets a 404, never a hint
that the case exists, and a visitor who is not signed in is asked to sign in.
"""

from __future__ import annotations

import logging
import uuid

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from ehcp_site.downloads import child_words, download_name
from ehcp_site.ratelimit import rate_limited
from journeys.cases.calendar_file import case_calendar
from journeys.cases.forms import AddEventForm, ImportCaseForm, RemindersForm
from journeys.cases.selectors import CaseAccess, Need, case_access_or_404
from journeys.cases.services import (
    EventContradicts,
    case_audit,
    case_delete,
    case_event_add,
    case_event_remove,
    case_export_zip,
    case_import,
    case_touch,
)
from journeys.cases.timeline import case_timeline, complaint_working_days
from journeys.jobs.reminders import (
    case_from_confirm_token,
    case_from_stop_token,
    case_reminders_confirm,
    case_reminders_request,
    case_reminders_stop,
)
from journeys.models import Case
from journeys.rules.vocabulary import EventType
from journeys.templatetags.govuk import error_summary
from journeys.wizard.definition import JOURNEYS
from journeys.wizard.services import case_continue
from journeys.wizard.storage import draft_storage

logger = logging.getLogger(__name__)


def _case_or_404(request, case_id: uuid.UUID) -> Case:
    """The case, for its owner only (every page that changes or hands over the whole case)."""
    return case_access_or_404(request, case_id, need=Need.OWN).case


def _render_timeline(
    request, case: Case, *, access: CaseAccess, event_form=None, reminders_form=None
):
    event_form = event_form or AddEventForm(prefix="event")
    reminders_form = reminders_form or RemindersForm(
        prefix="reminders",
        initial={"email": case.email or case.case_file.get("applicant", {}).get("email", "")},
    )
    errors = [*error_summary(event_form), *error_summary(reminders_form)]
    return render(
        request,
        "journeys/timeline.html",
        {
            "case": case,
            "access": access,
            "child_name": case.case_file["child"]["first_name"],
            "timeline": case_timeline(
                case.case_file,
                today=timezone.localdate(),
                complaint_working_days=complaint_working_days(case.extras),
            ),
            "next_stages": [j for j in JOURNEYS.values() if j.build_case and j.slug != "request"],
            "event_form": event_form,
            "reminders_form": reminders_form,
            "page_errors": errors,
        },
    )


@require_http_methods(["GET", "POST"])
def case_timeline_view(request, case_id: uuid.UUID) -> HttpResponse:
    """The timeline; a POST records a date the parent gives."""
    need = Need.READ if request.method == "GET" else Need.OWN
    access = case_access_or_404(request, case_id, need=need)
    case = access.case
    if request.method == "GET":
        case_audit(access=access, user=request.user, action="viewed", detail="the timeline")
        if access.is_owner:
            case_touch(case=case)
        return _render_timeline(request, case, access=access)
    form = AddEventForm(request.POST, prefix="event", events=case.case_file.get("events", []))
    if not form.is_valid():
        return _render_timeline(request, case, access=access, event_form=form)
    kind = EventType(form.cleaned_data["event_type"])
    try:
        case_event_add(
            case=case,
            event_type=kind,
            event_date=form.cleaned_data["event_date"],
            keys=form.event_keys(),
        )
    except EventContradicts as problem:  # recorded elsewhere since the page was read
        form.add_error("event_date", str(problem))
        return _render_timeline(request, case, access=access, event_form=form)
    messages.success(request, f"Added: {kind.label}.")
    return redirect("journeys:timeline", case_id=case.id)


@require_POST
def case_event_remove_view(request, case_id: uuid.UUID) -> HttpResponse:
    case = _case_or_404(request, case_id)
    case_event_remove(
        case=case, event_type=request.POST.get("type", ""), event_date=request.POST.get("date", "")
    )
    messages.success(request, "Removed that date.")
    return redirect("journeys:timeline", case_id=case.id)


@require_POST
@rate_limited(scope="reminder-confirmation", key="user_or_ip", rate="10/h")
def case_reminders_view(request, case_id: uuid.UUID) -> HttpResponse:
    access = case_access_or_404(request, case_id, need=Need.OWN)
    case = access.case
    if request.POST.get("stop"):
        case_reminders_stop(case=case)
        messages.success(request, "We will not send you any more reminders for this case.")
        return redirect("journeys:timeline", case_id=case.id)
    form = RemindersForm(request.POST, prefix="reminders")
    if not form.is_valid():
        return _render_timeline(request, case, access=access, reminders_form=form)
    email = form.cleaned_data["email"]
    try:
        sent = case_reminders_request(case=case, email=email)
    except Exception:
        # No traceback: an SMTP error can quote the address, and logs hold no case content.
        logger.error("confirmation email for case %s not sent", case.id)
        form.add_error("email", "We could not send the email just now. Try again in a minute.")
        return _render_timeline(request, case, access=access, reminders_form=form)
    if sent:
        messages.success(
            request, f"We have emailed a link to {email}. Open it to start your reminders."
        )
    else:
        messages.success(
            request,
            "We sent a link a few minutes ago. Check your inbox (and spam folder), or try "
            "again in 10 minutes.",
        )
    return redirect("journeys:timeline", case_id=case.id)


@require_POST
def case_continue_view(request, case_id: uuid.UUID, journey: str) -> HttpResponse:
    """Take a saved case into its next stage, with what is already known filled in."""
    case = _case_or_404(request, case_id)
    definition = JOURNEYS.get(journey)
    if definition is None or definition.build_case is None:
        raise Http404("No such stage")
    storage = draft_storage(definition.slug, request, case_id=case.id, journey_slug=definition.slug)
    step = case_continue(journey=definition, storage=storage, case=case)
    return redirect(f"journeys:{definition.slug}-step", case_id=case.id, step=step)


@require_GET
def case_calendar_view(request, case_id: uuid.UUID) -> HttpResponse:
    access = case_access_or_404(request, case_id, need=Need.READ)
    case = access.case
    case_audit(access=access, user=request.user, action="downloaded", detail="the calendar file")
    today = timezone.localdate()
    timeline = case_timeline(
        case.case_file, today=today, complaint_working_days=complaint_working_days(case.extras)
    )
    content = case_calendar(
        case_id=case.id, timeline=timeline, child_name=case.case_file["child"]["first_name"]
    )
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = content_disposition_header(
        True, download_name([*child_words(case.case_file), "dates"], on=today, extension="ics")
    )
    response["Cache-Control"] = "private, no-store"
    return response


@require_http_methods(["GET", "POST"])
def reminders_stop_view(request, token: str) -> HttpResponse:
    """The link in every reminder email: a page with one button (a GET changes nothing)."""
    case = case_from_stop_token(token)
    if case is None:
        raise Http404("That link is not valid")
    if request.method == "POST":
        case_reminders_stop(case=case)
        return render(request, "journeys/reminders_stopped.html")
    return render(request, "journeys/reminders_stop.html")


@require_http_methods(["GET", "POST"])
def reminders_confirm_view(request, token: str) -> HttpResponse:
    """The link in the confirmation email: a page with one button (a GET changes nothing)."""
    found = case_from_confirm_token(token)
    if found is None:
        raise Http404("That link is not valid, or is more than 7 days old")
    case, email = found
    if request.method == "POST":
        started = case_reminders_confirm(case=case, email=email)
        return render(request, "journeys/reminders_confirmed.html", {"started": started})
    return render(request, "journeys/reminders_confirm.html", {"email": email})


@require_GET
@rate_limited(scope="export", key="user_or_ip", rate="5/m", methods=("GET",))
def case_export_view(request, case_id: uuid.UUID) -> HttpResponse:
    """Everything about the case: its case file and every letter, as a ZIP."""
    case = _case_or_404(request, case_id)
    today = timezone.localdate()
    content = case_export_zip(case=case, today=today)
    response = HttpResponse(content, content_type="application/zip")
    response["Content-Disposition"] = content_disposition_header(
        True, download_name([*child_words(case.case_file), "case"], on=today, extension="zip")
    )
    response["Cache-Control"] = "private, no-store"
    return response


@require_http_methods(["GET", "POST"])
def case_delete_view(request, case_id: uuid.UUID) -> HttpResponse:
    """Ask, then delete the case for real."""
    case = _case_or_404(request, case_id)
    if request.method == "GET":
        return render(request, "journeys/case_delete.html", {"case": case})
    case_delete(case=case, session=request.session)
    return redirect("journeys:deleted")  # a refresh must not re-send the POST


@require_GET
def case_deleted_view(request) -> HttpResponse:
    return render(request, "journeys/case_deleted.html")


@require_http_methods(["GET", "POST"])
@rate_limited(scope="import", key="user_or_ip", rate="10/h")
def case_import_view(request) -> HttpResponse:
    """Start a case from a case file, e.g. one downloaded earlier or sent by an advocate."""
    posted = request.method == "POST"
    form = ImportCaseForm(
        request.POST if posted else None, request.FILES if posted else None, prefix="import"
    )
    if request.method == "POST" and form.is_valid():
        case, refused = case_import(
            case_file=form.cleaned_data["case_file"],
            user=request.user,
            session=request.session,
            documents=getattr(form, "documents", {}),
        )
        messages.success(request, "We have loaded the case file.")
        if refused:
            messages.warning(
                request,
                "These documents were not in the ZIP or could not be kept: " + ", ".join(refused),
            )
        return redirect("journeys:timeline", case_id=case.id)
    return render(
        request,
        "journeys/case_import.html",
        {"form": form, "page_errors": error_summary(form) if form.is_bound else []},
    )
