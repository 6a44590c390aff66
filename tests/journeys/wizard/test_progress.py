"""A case's progress through the journeys (journeys/wizard/progress.py): stage statuses."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import AnonymousUser

from journeys.wizard.progress import (
    STAGE_SLUGS,
    StageStatus,
    case_list_for_visitor,
    case_overview_for,
    stage_label,
    stage_tasks,
)


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


@pytest.mark.django_db
class CaseOverviewForTests:
    def test_the_owner_gets_every_stage_with_a_link_and_the_facts(self):
        from datetime import date

        from journeys.cases.selectors import CaseAccess, Role
        from tests.factories import CaseFactory

        case = CaseFactory(extras={"request": {}})
        overview = case_overview_for(
            access=CaseAccess(case=case, role=Role.OWNER),
            user=AnonymousUser(),
            session={},
            today=date.today(),
        )
        assert [row["task"].journey.slug for row in overview["tasks"]] == list(STAGE_SLUGS)
        done = overview["tasks"][0]
        assert done["task"].status is StageStatus.DONE
        assert done["url"] == f"/request/{case.id}/confirmation/"
        assert overview["facts"] and overview["stage"] == stage_label("request")

    def test_a_reader_gets_no_links(self):
        from datetime import date

        from journeys.cases.selectors import CaseAccess, Role
        from tests.factories import CaseFactory

        case = CaseFactory(extras={"request": {}})
        overview = case_overview_for(
            access=CaseAccess(case=case, role=Role.ADVOCATE),
            user=AnonymousUser(),
            session={},
            today=date.today(),
        )
        assert {row["url"] for row in overview["tasks"]} == {""}


@pytest.mark.django_db
def test_the_case_list_of_a_visitor_holds_this_browsers_cases():
    from datetime import date

    from journeys.cases.selectors import OWNED_CASES_KEY
    from tests.factories import CaseFactory

    case = CaseFactory()
    cases = case_list_for_visitor(
        user=AnonymousUser(), session={OWNED_CASES_KEY: [str(case.id)]}, today=date.today()
    )
    assert [row["case"] for row in cases.rows] == [case]
    assert cases.rows[0]["stage"] == stage_label("request")
    assert cases.shared == [] and cases.unfinished == []
