"""A saved case's progress through the journeys: each stage as a task (done, in progress,
not started) and the letters its finished stages make. Read by the case list and the case
overview page (journeys/cases/overview_views.py).
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from journeys.wizard.definition import JOURNEYS, Journey
from letters.registry import REGISTRY, LetterKind

# The stages of the EHCP process a case can go through, in the order a family meets them.
STAGE_SLUGS = ("request", "refused", "plan", "mediation", "appeal")


class StageStatus(enum.StrEnum):
    NOT_STARTED = "Not started"
    IN_PROGRESS = "In progress"
    DONE = "Done"


@dataclass(frozen=True)
class StageTask:
    journey: Journey
    status: StageStatus
    # The question the parent stopped at (in progress only).
    resume_step: str | None = None


def stage_tasks(*, finished: Iterable[str], drafts: Mapping[str, str | None]) -> list[StageTask]:
    """Each stage's status: done once its journey was submitted, in progress while a draft
    of it exists (`drafts` maps journey slug to the step the draft is at), else not started.
    A stage finished and then reopened counts as done: the letters are there."""
    done = set(finished)
    tasks = []
    for slug in STAGE_SLUGS:
        journey = JOURNEYS[slug]
        if slug in done:
            tasks.append(StageTask(journey, StageStatus.DONE))
        elif slug in drafts:
            tasks.append(StageTask(journey, StageStatus.IN_PROGRESS, drafts[slug]))
        else:
            tasks.append(StageTask(journey, StageStatus.NOT_STARTED))
    return tasks


def stage_label(slug: str) -> str:
    """The stage a case is at, for lists ("Asking for an assessment")."""
    journey = JOURNEYS.get(slug)
    return journey.title if journey is not None else "Case file loaded"


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
        if slug not in extras_by_journey:
            continue
        for kind in JOURNEYS[slug].letters_for(case_file, extras_for(slug)):
            if kind not in seen:
                seen.add(kind)
                links.append(LetterLink(kind, REGISTRY[LetterKind(kind)].title, slug))
    return links
