"""A case's progress through the journeys (journeys/wizard/progress.py): stage statuses."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import AnonymousUser

from journeys.rules.stages import BEFORE_PLAN, Progress
from journeys.wizard.definition import JOURNEYS
from journeys.wizard.progress import (
    STAGE_SLUGS,
    case_list_for_visitor,
    case_overview_for,
    stage_label,
    stage_tasks,
)

# The journeys other helpers of issue 14 add (slug: title). Until their branches are merged
# these stages are named on the task list without a link.
NEW_JOURNEYS = {
    "annual-review": "Get ready for an annual review",
    "amendments": "Respond to proposed changes to the plan",
    "not-amended": "The council will not change the plan",
    "ceasing": "The council wants to stop the plan",
    "transfer": "Moving to a new school or college",
    "reassessment": "Ask for a new assessment",
    "tribunal-order": "After the Tribunal's decision",
}


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
def test_stage_statuses_of_a_case_without_a_plan(finished, drafts, expected):
    tasks = stage_tasks(finished=finished, drafts=drafts)
    assert [t.slug for t in tasks] == list(BEFORE_PLAN)
    assert [t.status.value for t in tasks] == expected


def test_an_in_progress_stage_remembers_where_the_parent_stopped():
    (task,) = [
        t
        for t in stage_tasks(finished=(), drafts={"plan": "plan-kind"})
        if t.status is Progress.IN_PROGRESS
    ]
    assert task.resume_step == "plan-kind"


def test_a_stage_whose_journey_is_not_there_is_named_from_the_stages():
    plan = {"events": [{"type": "final_plan_issued", "date": "2026-01-05"}]}
    tasks = {t.slug: t for t in stage_tasks(finished=(), drafts={}, case_file=plan)}
    review = tasks["annual-review"]
    assert review.title == "Get ready for an annual review"
    assert review.journey is JOURNEYS.get("annual-review")


def test_every_stage_names_the_journey_title():
    """A stage's title is its journey's title, wherever that journey exists."""
    from journeys.rules.stages import STAGES

    for stage in STAGES:
        if stage.slug in JOURNEYS:
            assert JOURNEYS[stage.slug].title == stage.title, stage.slug
    assert {slug: NEW_JOURNEYS[slug] for slug in NEW_JOURNEYS} == {
        stage.slug: stage.title for stage in STAGES if stage.slug in NEW_JOURNEYS
    }


def test_once_every_journey_exists_no_stage_goes_without_a_link():
    assert set(STAGE_SLUGS) <= set(JOURNEYS)
    for slug, title in NEW_JOURNEYS.items():
        assert JOURNEYS[slug].title == title


def test_stage_labels_are_one_vocabulary():
    assert stage_label("appeal") == "Appeal to the Tribunal"
    assert stage_label("request") == "Asking for an assessment"
    assert stage_label("annual-review") == "Annual review"
    assert stage_label("import") == "Uploaded case file"


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
        assert [row["task"].slug for row in overview["tasks"]] == list(BEFORE_PLAN)
        done = overview["tasks"][0]
        assert done["task"].status is Progress.DONE
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

    @pytest.mark.parametrize(
        ("held", "expected"), [(False, Progress.DONE), (True, Progress.NOT_STARTED)]
    )
    def test_an_annual_review_whose_meeting_took_place_shows_the_next(self, held, expected):
        from datetime import date

        from journeys.cases.selectors import CaseAccess, Role
        from tests.factories import CaseFactory

        case = CaseFactory(extras={"annual-review": {"review": {"meeting_held": held}}})
        case.case_file["events"] = [{"type": "final_plan_issued", "date": "2026-01-05"}]
        overview = case_overview_for(
            access=CaseAccess(case=case, role=Role.OWNER),
            user=AnonymousUser(),
            session={},
            today=date(2026, 6, 1),
        )
        (review,) = [r["task"] for r in overview["tasks"] if r["task"].slug == "annual-review"]
        # Held: the next review is next, not yet started (its date is still to come).
        assert review.status is expected


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


def test_each_letter_kind_is_listed_once_across_stages():
    from journeys.wizard.progress import case_letters

    # The refusal and the appeal both offer reasons for appeal: listed once, under the first.
    case_file = {"decision": {"kind": "refusal_to_assess"}}
    extras = {"refused": {}, "appeal": {}}
    links = case_letters(case_file, extras, extras_for=lambda slug: {})
    kinds = [link.kind for link in links]
    assert kinds.count("appeal_reasons") == 1
    assert next(link.journey for link in links if link.kind == "appeal_reasons") == "refused"


def test_a_stage_without_a_journey_has_no_link():
    from journeys.rules.stages import StageStatus
    from journeys.wizard.progress import StageTask, _task_url

    status = StageStatus("request", "Ask", Progress.DONE, "Done.")
    assert _task_url(StageTask(status, None, None), case_id="x") == ""
