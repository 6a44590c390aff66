"""A parent's cases, one case's overview (a task list of its stages, its facts, its letters)
and "who has seen my case". Advocates and support workers see the overview read-only."""

from __future__ import annotations

import uuid

from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET

from journeys.wizard.definition import JOURNEYS
from journeys.models import AuditEvent
from journeys.cases.overview import (
    STAGE_SLUGS,
    StageStatus,
    StageTask,
    case_facts,
    case_letters,
    days_left_words,
    stage_label,
    stage_tasks,
)
from journeys.jobs.retention import case_touch
from journeys.cases.selectors import (
    Need,
    case_access_or_404,
    case_list_for_parent,
    case_list_shared_with_advocate,
    case_note_counts,
    draft_list_for_visitor,
)
from journeys.cases.services import case_audit, case_extras_for
from journeys.cases.timeline import case_timeline


@require_GET
def case_list_view(request) -> HttpResponse:
    """Your cases (one per child), each with its stage and next deadline; cases shared with
    you; and new cases you started but have not finished."""
    today = timezone.localdate()
    own = case_list_for_parent(user=request.user, session=request.session)
    rows = [
        {
            "case": case,
            "stage": stage_label(case.journey),
            "days_left": days_left_words(case.next_deadline_on, today=today),
            "overdue": case.next_deadline_on is not None and case.next_deadline_on < today,
        }
        for case in own
        if not case.is_example
    ]
    return render(
        request,
        "journeys/case_list.html",
        {
            "rows": rows,
            # The fictional example is listed apart, never among (or counted as) real cases.
            "examples": [case for case in own if case.is_example],
            "shared": case_list_shared_with_advocate(user=request.user),
            "unfinished": unfinished_journeys(request, saved=own),
        },
    )


def unfinished_journeys(request, *, saved: list) -> list[dict[str, str]]:
    """New cases this visitor started and has not finished (answers kept in their account or
    this browser), each with the question to carry on from. `saved`: their saved cases."""
    saved_ids = {str(case.id) for case in saved}
    return [
        {
            "url": resume_url(d.journey, d.case_id, d.step),
            "child": _draft_child_name(d.data),
            "stage": stage_label(d.journey),
        }
        for d in draft_list_for_visitor(user=request.user, session=request.session)
        if d.case_id not in saved_ids
        and d.step
        and d.journey in STAGE_SLUGS
        and d.journey in JOURNEYS
    ]


def carry_on_context(request) -> dict[str, object]:
    """For the start page: what this visitor can carry on with (answers in progress, and
    how many real cases they have saved)."""
    own = case_list_for_parent(user=request.user, session=request.session)
    return {
        "unfinished": unfinished_journeys(request, saved=own),
        "saved_count": sum(1 for case in own if not case.is_example),
    }


def resume_url(journey: str, case_id: str, step: str | None) -> str:
    """The question a parent stopped at, so they carry on where they left off."""
    return reverse(
        f"journeys:{journey}-step",
        kwargs={"case_id": case_id, "step": step or JOURNEYS[journey].first_step},
    )


def _draft_child_name(data: dict) -> str:
    names = data.get("step_data", {}).get("child-name", {}).get("child-name-first_name", [])
    return names[0] if names else ""


@require_GET
def case_overview_view(request, case_id: uuid.UUID) -> HttpResponse:
    """One case: its stages as a task list, what is due next, its letters and its facts."""
    access = case_access_or_404(request, case_id, need=Need.READ)
    case = access.case
    case_audit(access=access, user=request.user, action="viewed", detail="the case overview")
    if access.is_owner:
        case_touch(case=case)
    today = timezone.localdate()
    drafts = {}
    if access.is_owner:
        drafts = {
            d.journey: d.step
            for d in draft_list_for_visitor(
                user=request.user, session=request.session, case_id=case.id
            )
        }
    timeline = case_timeline(case.case_file, today=today)
    return render(
        request,
        "journeys/case_overview.html",
        {
            "case": case,
            "access": access,
            "child_name": case.case_file["child"]["first_name"],
            "tasks": [
                {"task": task, "url": _task_url(task, case_id=case.id) if access.is_owner else ""}
                for task in stage_tasks(finished=case.extras.keys(), drafts=drafts)
            ],
            "next_item": timeline.open[0] if timeline.open else None,
            "letters": case_letters(
                case.case_file, case.extras, extras_for=lambda slug: case_extras_for(case, slug)
            ),
            "facts": case_facts(case.case_file),
            "stage": stage_label(case.journey),
        },
    )


def _task_url(task: StageTask, *, case_id) -> str:
    """Done: its confirmation page (letters, next steps). In progress: where they stopped."""
    if task.status is StageStatus.DONE:
        return reverse(
            "journeys:confirmation", kwargs={"journey": task.journey.slug, "case_id": case_id}
        )
    if task.status is StageStatus.IN_PROGRESS:
        return resume_url(task.journey.slug, str(case_id), task.resume_step)
    return ""


@require_GET
def case_seen_by_view(request, case_id: uuid.UUID) -> HttpResponse:
    """Who has seen my case: every look, download and change by someone other than you."""
    case = case_access_or_404(request, case_id, need=Need.OWN).case
    events = AuditEvent.objects.filter(case=case).order_by("-at")[:500]
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
