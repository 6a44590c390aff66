"""A case's progress through the journeys (journeys/wizard/progress.py): stage statuses."""

from __future__ import annotations

import pytest

from journeys.wizard.progress import STAGE_SLUGS, StageStatus, stage_label, stage_tasks


@pytest.mark.parametrize(
    ("finished", "drafts", "expected"),
    [
        ((), {}, ["Not started"] * 5),
        (("request",), {}, ["Done"] + ["Not started"] * 4),
        (("request",), {"refused": "decision-date"}, ["Done", "In progress"] + ["Not started"] * 3),
        # A finished stage reopened to change an answer is still done: its letters exist.
        (("request",), {"request": "child-name"}, ["Done"] + ["Not started"] * 4),
        (("appeal", "mediation"), {}, ["Not started"] * 3 + ["Done", "Done"]),
    ],
)
def test_stage_statuses(finished, drafts, expected):
    tasks = stage_tasks(finished=finished, drafts=drafts)
    assert [t.journey.slug for t in tasks] == list(STAGE_SLUGS)
    assert [t.status.value for t in tasks] == expected


def test_an_in_progress_stage_remembers_where_the_parent_stopped():
    (task,) = [
        t
        for t in stage_tasks(finished=(), drafts={"plan": "plan-kind"})
        if t.status is StageStatus.IN_PROGRESS
    ]
    assert task.resume_step == "plan-kind"


def test_stage_labels_come_from_the_journeys():
    assert stage_label("appeal") == "Appeal to the SEND Tribunal"
    assert stage_label("import") == "Case file loaded"
