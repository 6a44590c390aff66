"""journeys/cases/labels.py: a case's stage and next deadline in the words of a list."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from journeys.cases.labels import (
    DEADLINE_LABELS,
    STAGE_LABELS,
    case_stage_and_deadline,
    deadline_label,
    deadline_urgency,
    time_left_label,
)
from journeys.rules.deadlines import RuleId
from journeys.rules.stages import STAGES, stage_label
from journeys.wizard.definition import JOURNEYS
from journeys.wizard.progress import stage_label as progress_stage_label

TODAY = date(2026, 11, 25)


@pytest.mark.parametrize(
    ("days", "label"),
    [
        (-30, "30 days overdue"),
        (-3, "3 days overdue"),
        (-1, "1 day overdue"),
        (0, "due today"),
        (1, "1 day left"),
        (12, "12 days left"),
    ],
)
def test_time_left_says_how_many_days_in_words(days, label):
    assert time_left_label(due=TODAY + timedelta(days=days), today=TODAY) == label


@pytest.mark.parametrize(
    ("days", "urgency"),
    [(-1, "overdue"), (0, "today"), (1, "soon"), (7, "soon"), (8, "later"), (None, "")],
)
def test_urgency_colours_a_deadline_by_how_close_it_is(days, urgency):
    due = None if days is None else TODAY + timedelta(days=days)
    assert deadline_urgency(due=due, today=TODAY) == urgency


def test_every_deadline_rule_and_every_stage_has_a_label():
    assert set(DEADLINE_LABELS) == set(RuleId)
    # Every journey that makes a case, every stage (even one whose journey is on another
    # branch of issue 14 until the merge), and an uploaded case file.
    stages = {slug for slug, journey in JOURNEYS.items() if journey.build_case} | {"import"}
    assert stages <= set(STAGE_LABELS)
    assert set(STAGE_LABELS) == {stage.slug for stage in STAGES} | {"import"}


def test_the_caseload_and_the_parents_list_say_a_stage_the_same_way():
    for slug in [*STAGE_LABELS, "annual-review", "tribunal-order"]:
        assert STAGE_LABELS[slug] == stage_label(slug) == progress_stage_label(slug)
    assert STAGE_LABELS["request"] == "Asking for an assessment"
    assert STAGE_LABELS["transfer"] == "Moving to a new school or college"


@pytest.mark.parametrize(
    ("rule", "label"),
    [
        ("appeal_deadline", "Last day to appeal"),
        ("annual_review", "Annual review due"),
        # A rule id of version 2 that this table does not name yet still shows, in the words
        # of its id (the deadline helper's labels replace these once merged).
        ("some_new_rule", "Some new rule"),
        ("", ""),
    ],
)
def test_a_deadline_label_is_never_dropped(rule, label):
    assert deadline_label(rule) == label


@pytest.mark.parametrize(
    "rule",
    [
        "amendment_representations",
        "amended_plan_final",
        "decide_whether_to_reassess",
        "reassessment_final_plan",
        "tribunal_order_compliance",
        "provision_complaint_escalation",
        "judicial_review_limit",
    ],
)
def test_every_rule_id_of_version_2_has_words_on_the_caseload(rule):
    assert deadline_label(rule)


class CaseStageAndDeadlineTests:
    def test_a_case_with_a_deadline_says_its_stage_rule_and_time_left(self):
        case = _Case(journey="appeal", next_deadline_on=TODAY, next_deadline_rule="appeal_deadline")
        assert case_stage_and_deadline(case=case, today=TODAY) == {
            "stage": "Appeal to the Tribunal",
            "deadline_label": "Last day to appeal",
            "time_left": "due today",
            "urgency": "today",
        }

    def test_a_case_without_a_deadline_or_with_an_unknown_stage_keeps_blanks(self):
        case = _Case(journey="no-such-stage", next_deadline_on=None, next_deadline_rule="")
        assert case_stage_and_deadline(case=case, today=TODAY) == {
            "stage": "no-such-stage",
            "deadline_label": "",
            "time_left": "",
            "urgency": "",
        }


class _Case:
    """Only the summary columns the labels read (no database needed)."""

    def __init__(self, **columns):
        self.__dict__.update(columns)
