"""A parent's cases, one case's overview (a task list of its stages, its facts, its letters)
and "who has seen my case". Advocates and support workers see the overview read-only."""

from __future__ import annotations

import uuid

from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from journeys.cases.selectors import Need, audit_event_list, case_access_or_404, case_note_counts
from journeys.cases.services import case_audit, case_touch
from journeys.wizard.progress import (
    carry_on_for_visitor,
    case_list_for_visitor,
    case_overview_for,
)


@require_GET
def case_list_view(request) -> HttpResponse:
    """Your cases (one per child), each with its stage and next deadline; cases shared with
    you; and new cases you started but have not finished."""
    cases = case_list_for_visitor(
        user=request.user, session=request.session, today=timezone.localdate()
    )
    return render(
        request,
        "journeys/case_list.html",
        {
            "rows": cases.rows,
            # The fictional example is listed apart, never among (or counted as) real cases.
            "examples": cases.examples,
            "shared": cases.shared,
            "unfinished": cases.unfinished,
        },
    )


def carry_on_context(request) -> dict[str, object]:
    """For the start page: what this visitor can carry on with (answers in progress, and
    how many real cases they have saved)."""
    return carry_on_for_visitor(user=request.user, session=request.session)


@require_GET
def case_overview_view(request, case_id: uuid.UUID) -> HttpResponse:
    """One case: its stages as a task list, what is due next, its letters and its facts."""
    access = case_access_or_404(request, case_id, need=Need.READ)
    case = access.case
    case_audit(access=access, user=request.user, action="viewed", detail="the case overview")
    if access.is_owner:
        case_touch(case=case)
    overview = case_overview_for(
        access=access, user=request.user, session=request.session, today=timezone.localdate()
    )
    return render(
        request,
        "journeys/case_overview.html",
        {
            "case": case,
            "access": access,
            "child_name": case.case_file["child"]["first_name"],
            **overview,
        },
    )


@require_GET
def case_seen_by_view(request, case_id: uuid.UUID) -> HttpResponse:
    """Who has seen my case: every look, download and change by someone other than you."""
    case = case_access_or_404(request, case_id, need=Need.OWN).case
    events = audit_event_list(case=case)
    return render(
        request,
        "journeys/case_seen_by.html",
        {
            "case": case,
            "child_name": case.case_file["child"]["first_name"],
            "events": events,
            "note_counts": [(name, count) for _, name, count in case_note_counts(case=case)],
        },
    )
