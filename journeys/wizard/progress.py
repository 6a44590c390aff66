"""A saved case's progress through the journeys: each stage that applies to it now as a
task (done, in progress, action needed, not started, with why: journeys/rules/stages.py),
the letters its finished stages make, and the parent's case list (each case's stage, and
the journeys started but not finished). Read by the case list and the case
overview page (journeys/cases/overview_views.py).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.urls import reverse

from journeys.cases.overview import case_facts, days_left_words
from journeys.cases.provision import shows_tracker
from journeys.cases.selectors import (
    CaseAccess,
    case_list_for_parent,
    case_list_shared_with_advocate,
    draft_list_for_visitor,
)
from journeys.cases.services import case_extras_for
from journeys.cases.timeline import Timeline, case_timeline, complaint_working_days
from journeys.rules.deadlines import DutyHolder, Status
from journeys.rules.stages import STAGES, DateDue, Progress, StageStatus, stages_for
from journeys.rules.stages import stage_label as label_of_stage
from journeys.wizard.definition import JOURNEYS, Journey
from letters.registry import REGISTRY, LetterKind

# Every stage of the EHCP process, in the order a family meets them (journeys/rules/stages.py
# decides which apply to a case now).
STAGE_SLUGS = tuple(stage.slug for stage in STAGES)


@dataclass(frozen=True)
class StageTask:
    """One stage on a case's task list: its status and reason, and its journey (None while
    no journey deals with it, when the page names the stage without a link)."""

    stage: StageStatus
    journey: Journey | None
    # The question the parent stopped at (in progress only).
    resume_step: str | None = None

    @property
    def status(self) -> Progress:
        return self.stage.progress

    @property
    def slug(self) -> str:
        return self.stage.slug

    @property
    def title(self) -> str:
        return self.journey.title if self.journey is not None else self.stage.title


def case_dates(timeline: Timeline) -> list[DateDue]:
    """The timeline's dates as the stage rules read them (any rule id the engine has)."""
    return [
        DateDue(
            rule=item.deadline.rule.value,
            due=item.deadline.due,
            from_event=item.deadline.from_event.value,
            met=item.status is Status.MET,
            by_family=item.deadline.duty_holder is DutyHolder.PARENT,
            explanation=item.explanation,
        )
        for item in (*timeline.open, *timeline.met)
    ]


def stage_tasks(
    *,
    finished: Iterable[str],
    drafts: Mapping[str, str | None],
    case_file: Mapping[str, Any] | None = None,
    today: date | None = None,
    dates: Iterable[DateDue] = (),
    review_behind: bool = False,
) -> list[StageTask]:
    """The stages that apply to the case now (journeys.rules.stages.stages_for): done once
    its journey was submitted, in progress while a draft of it exists (`drafts` maps journey
    slug to the step the draft is at), action needed or not started by the case's dates.
    A stage finished and then reopened counts as done: the letters are there, except an
    annual review whose meeting is behind the family (`review_behind`): the next is next."""
    stages = stages_for(
        case_file or {},
        today or date.today(),
        dates=dates,
        finished=finished,
        drafts=drafts.keys(),
        review_behind=review_behind,
    )
    return [
        StageTask(
            stage,
            JOURNEYS.get(stage.slug),
            drafts.get(stage.slug) if stage.progress is Progress.IN_PROGRESS else None,
        )
        for stage in stages
    ]


def stage_label(slug: str) -> str:
    """The stage a case is at, for lists ("Asking for an assessment"): the same words on the
    parent's case list and the support workers' caseload (journeys.rules.stages)."""
    return label_of_stage(slug)


@dataclass(frozen=True)
class LetterLink:
    kind: str
    title: str
    journey: str


def case_letters(
    case_file: Mapping[str, Any], extras_by_journey: Mapping[str, Any], *, extras_for
) -> list[LetterLink]:
    """The letters of every finished stage, once each (the first stage that offers a kind
    gives it), for download links. `extras_for(slug)` gives a journey's merged extras."""
    seen: set[str] = set()
    links = []
    for slug in STAGE_SLUGS:
        if slug not in extras_by_journey or slug not in JOURNEYS:
            continue
        for kind in JOURNEYS[slug].letters_for(case_file, extras_for(slug)):
            if kind not in seen:
                seen.add(kind)
                links.append(LetterLink(kind, REGISTRY[LetterKind(kind)].title, slug))
    return links


CHASER_TITLE = REGISTRY[LetterKind.LA_MISSED_DEADLINE].title


@dataclass(frozen=True)
class CaseList:
    """The parent's "Your cases" page: their cases, cases shared with them, and new cases
    started but not finished (each with the URL of the question they stopped at). The
    fictional example case is listed apart (`examples`), never among (or counted as) real
    cases."""

    rows: list[dict[str, Any]]
    shared: list
    unfinished: list[dict[str, str]]
    examples: list = field(default_factory=list)


def case_list_for_visitor(*, user, session, today: date) -> CaseList:
    """Your cases (one per child), each with its stage and next deadline in words; cases
    shared with you; and the journeys you started for a new case but have not finished."""
    own = case_list_for_parent(user=user, session=session)
    return CaseList(
        rows=[
            {
                "case": case,
                "stage": stage_label(case.journey),
                "days_left": days_left_words(case.next_deadline_on, today=today),
                "overdue": case.next_deadline_on is not None and case.next_deadline_on < today,
            }
            for case in own
            if not case.is_example
        ],
        shared=case_list_shared_with_advocate(user=user),
        unfinished=unfinished_journeys(user=user, session=session, saved=own),
        examples=[case for case in own if case.is_example],
    )


def unfinished_journeys(*, user, session, saved: list) -> list[dict[str, str]]:
    """New cases this visitor started and has not finished (answers kept in their account or
    this browser), each with the question to carry on from. `saved`: their saved cases."""
    saved_ids = {str(case.id) for case in saved}
    return [
        {
            "url": resume_url(draft.journey, draft.case_id, draft.step),
            "child": draft.child_first_name,
            # A link into a journey: the journey's own title ("Ask for an EHC needs
            # assessment for Sam"), where a list of cases says the stage.
            "stage": JOURNEYS[draft.journey].title,
        }
        for draft in draft_list_for_visitor(user=user, session=session)
        if draft.case_id not in saved_ids
        and draft.step
        and draft.journey in STAGE_SLUGS
        and draft.journey in JOURNEYS
    ]


def carry_on_for_visitor(*, user, session) -> dict[str, object]:
    """For the start page: what this visitor can carry on with (answers in progress, and
    how many real cases they have saved)."""
    own = case_list_for_parent(user=user, session=session)
    return {
        "unfinished": unfinished_journeys(user=user, session=session, saved=own),
        "saved_count": sum(1 for case in own if not case.is_example),
    }


def resume_url(journey: str, case_id: str, step: str | None) -> str:
    """The question a parent stopped at, so they carry on where they left off."""
    return reverse(
        f"journeys:{journey}-step",
        kwargs={"case_id": case_id, "step": step or JOURNEYS[journey].first_step},
    )


def case_overview_for(*, access: CaseAccess, user, session, today: date) -> dict[str, Any]:
    """What a case's overview page shows, for whoever may read it: its stages as tasks (with
    a link for the owner: a done stage's confirmation page, or where they stopped), what is
    due next, its letters, its facts and its stage."""
    case = access.case
    drafts = {}
    if access.is_owner:
        drafts = {
            draft.journey: draft.step
            for draft in draft_list_for_visitor(user=user, session=session, case_id=case.id)
        }
    timeline = case_timeline(
        case.case_file, today=today, complaint_working_days=complaint_working_days(case.extras)
    )
    tasks = stage_tasks(
        finished=case.extras.keys(),
        drafts=drafts,
        case_file=case.case_file,
        today=today,
        dates=case_dates(timeline),
        # The last annual review journey was about a meeting that took place
        # (journeys/wizard/plan_life_cases.py review_extras).
        review_behind=bool(
            case.extras.get("annual-review", {}).get("review", {}).get("meeting_held")
        ),
    )
    return {
        "tasks": [
            {
                "task": task,
                "url": _task_url(task, case_id=case.id) if access.is_owner else "",
                # A stage whose journey exists can be started from here (a stage whose
                # journey is not there yet is named, with no button).
                "can_start": access.is_owner
                and task.journey is not None
                and task.journey.build_case is not None,
            }
            for task in tasks
        ],
        "next_item": timeline.open[0] if timeline.open else None,
        "letters": [
            *case_letters(
                case.case_file, case.extras, extras_for=lambda slug: case_extras_for(case, slug)
            ),
            # The chaser joins the case's letters whenever the council is late (issue 10).
            *(
                [LetterLink(LetterKind.LA_MISSED_DEADLINE.value, CHASER_TITLE, case.journey)]
                if timeline.council_is_late
                else []
            ),
        ],
        "facts": case_facts(case.case_file),
        # The provision tracker (issue 15), once there is a plan to deliver.
        "shows_tracker": shows_tracker(case.case_file, case.extras.keys()),
        "stage": stage_label(case.journey),
    }


def _task_url(task: StageTask, *, case_id) -> str:
    """Done: its confirmation page (letters, next steps). In progress: where they stopped."""
    if task.journey is None:
        return ""
    if task.status is Progress.DONE:
        return reverse(
            "journeys:confirmation", kwargs={"journey": task.journey.slug, "case_id": case_id}
        )
    if task.status is Progress.IN_PROGRESS:
        return resume_url(task.journey.slug, str(case_id), task.resume_step)
    return ""
