"""Who answers for which section, the chronology of missed weeks, and the dates of the
enforcement letters (journeys/rules/enforcement.py): scenario tables and properties."""

from __future__ import annotations

from datetime import date, timedelta
from itertools import pairwise

import pytest
from hypothesis import given
from hypothesis import strategies as st

from journeys.rules.enforcement import (
    Body,
    MissedRun,
    body_for,
    complaint_reply_due,
    first_missed,
    items_for,
    mediation_agreement_due,
    missed_runs,
    ombudsman_last_day,
    ombudsman_ready,
)
from journeys.rules.law import Law
from journeys.rules.provision import Item, LogRow
from journeys.rules.vocabulary import Delivered, TribunalOrder

NO, YES, PARTLY = Delivered.NO, Delivered.YES, Delivered.PARTLY


def row(item: str, day: date, delivered: Delivered = NO) -> LogRow:
    return LogRow(provision=item, date=day, delivered=delivered)


@pytest.mark.parametrize(
    ("section", "body"), [("F", Body.COUNCIL), ("H", Body.COUNCIL), ("G", Body.ICB)]
)
def test_the_body_that_answers_for_each_section(section, body):
    assert body_for(section) is body


def test_items_for_keeps_the_plans_order():
    items = [Item("g1", "G"), Item("f1", "F"), Item("h1", "H"), Item("f2", "F")]
    assert [i.id for i in items_for(items, Body.COUNCIL)] == ["f1", "h1", "f2"]
    assert [i.id for i in items_for(items, Body.ICB)] == ["g1"]


class MissedRunsTests:
    def test_consecutive_weeks_make_one_run_and_a_gap_starts_another(self):
        log = [
            row("f1", date(2026, 9, 15)),  # Tuesday, week of Monday 14 September
            row("f1", date(2026, 9, 22)),
            row("f2", date(2026, 9, 24)),  # the same week, another item: 2 sessions
            row("f1", date(2026, 9, 29), YES),  # delivered: not a missed week
            row("f1", date(2026, 10, 13)),
        ]
        assert missed_runs(log, ["f1", "f2"]) == (
            MissedRun(date(2026, 9, 14), date(2026, 9, 27), 2, 3),
            MissedRun(date(2026, 10, 12), date(2026, 10, 18), 1, 1),
        )

    def test_only_the_items_asked_about_and_only_sessions_not_delivered(self):
        log = [row("g1", date(2026, 9, 15)), row("f1", date(2026, 9, 15), PARTLY)]
        assert missed_runs(log, ["f1"]) == ()

    @given(
        st.lists(
            st.tuples(st.integers(min_value=0, max_value=200), st.sampled_from([NO, YES, PARTLY])),
            max_size=40,
        )
    )
    def test_runs_count_every_missed_session_once_and_never_touch(self, entries):
        start = date(2026, 1, 5)
        log = [row("f1", start + timedelta(days=d), delivered) for d, delivered in entries]
        runs = missed_runs(log, ["f1"])
        assert sum(r.sessions for r in runs) == sum(1 for _, d in entries if d is NO)
        for earlier, later in pairwise(runs):
            assert later.start > earlier.end + timedelta(days=1)
        for run in runs:
            assert (run.end - run.start).days + 1 == 7 * run.weeks


def test_first_missed_is_the_earliest_not_delivered_row_of_those_items():
    log = [
        row("f1", date(2026, 10, 1)),
        row("g1", date(2026, 9, 1)),
        row("f1", date(2026, 9, 20), YES),
        row("f2", date(2026, 9, 25)),
    ]
    assert first_missed(log, ["f1", "f2"]) == log[3]
    assert first_missed(log, ["h1"]) is None


class ComplaintTests:
    def test_twenty_working_days_unless_the_procedure_says_otherwise(self):
        # Thursday 17 December 2026: Christmas and New Year's Day are skipped.
        assert complaint_reply_due(complaint_made=date(2026, 12, 17), working_days=None) == (
            date(2027, 1, 19)
        )
        assert complaint_reply_due(complaint_made=date(2026, 10, 5), working_days=10) == (
            date(2026, 10, 19)
        )

    @pytest.mark.parametrize(
        ("answered", "today", "ready"),
        [
            (True, date(2026, 10, 6), True),  # the council's final answer came
            (False, date(2026, 11, 2), False),  # its last day to answer
            (False, date(2026, 11, 3), True),  # the day after
        ],
    )
    def test_the_ombudsman_after_an_answer_or_once_the_time_has_passed(
        self, answered, today, ready
    ):
        assert (
            ombudsman_ready(
                complaint_made=date(2026, 10, 5), working_days=None, answered=answered, today=today
            )
            is ready
        )


@pytest.mark.parametrize(
    ("known", "last"),
    [
        (date(2026, 9, 14), date(2027, 9, 13)),
        (date(2028, 2, 29), date(2029, 2, 28)),
        (date(2027, 3, 1), date(2028, 2, 29)),
    ],
)
def test_the_ombudsmans_12_months(known, last):
    assert ombudsman_last_day(known) == last


class MediationAgreementTests:
    AGREED = date(2026, 11, 2)

    def test_something_that_could_not_be_appealed_within_2_weeks(self):
        assert mediation_agreement_due(agreed=self.AGREED, order=None) == (
            (Law.MEDIATION_AGREEMENT_OTHER, date(2026, 11, 16)),
        )

    def test_an_appealable_matter_as_if_it_were_a_tribunal_order(self):
        assert mediation_agreement_due(agreed=self.AGREED, order=TribunalOrder.MAKE_PLAN) == (
            (Law.TRIBUNAL_ORDER_PLAN_DRAFT, date(2026, 12, 7)),
            (Law.TRIBUNAL_ORDER_PLAN_FINAL, date(2027, 1, 18)),
        )
        assert mediation_agreement_due(agreed=self.AGREED, order=TribunalOrder.DISMISSED) == ()

    def test_a_timescale_agreed_in_writing_replaces_both(self):
        agreed_by = date(2027, 1, 29)
        for order in (None, TribunalOrder.AMEND_PLAN):
            assert mediation_agreement_due(
                agreed=self.AGREED, order=order, agreed_by=agreed_by
            ) == ((Law.MEDIATION_AGREEMENT_TIMESCALE, agreed_by),)
