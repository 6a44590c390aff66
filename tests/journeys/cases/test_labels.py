"""journeys/cases/labels.py: a case's stage and next deadline in the words of a list."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from journeys.cases.labels import (
    DEADLINE_LABELS,
    STAGE_LABELS,
    case_stage_and_deadline,
    deadline_urgency,
    time_left_label,
)
from journeys.rules.deadlines import RuleId
from journeys.wizard.definition import JOURNEYS

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
    stages = {slug for slug, journey in JOURNEYS.items() if journey.build_case} | {"import"}
    assert set(STAGE_LABELS) == stages


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
