"""The timeline arranges the engine's deadlines for people: order, status and what to do."""

from datetime import date

from journeys.cases.guidance import GUIDANCE
from journeys.cases.timeline import case_events, case_timeline
from journeys.rules.deadlines import Status


def case_with(*events):
    return {"events": [{"type": t, "date": d} for t, d in events]}


def test_a_request_received_gives_the_six_week_decision_only():
    # reg 10(1) and 13(2) are not council duties until it agrees to assess.
    timeline = case_timeline(
        case_with(("request_received", "2026-11-06")), today=date(2026, 11, 23)
    )
    rules = [item.deadline.rule.value for item in timeline.open]
    assert rules == ["decide_whether_to_assess"]
    first = timeline.open[0]
    assert first.deadline.due == date(2026, 12, 18)
    assert first.status is Status.UPCOMING and first.days_left == 25
    assert first.explanation == (
        "The council must tell you whether it will carry out an assessment by "
        "Friday 18 December 2026."
    )
    assert first.what_to_do == GUIDANCE["decide_whether_to_assess"].before
    assert not timeline.council_is_late


def test_overdue_council_duties_come_first_with_what_to_do_if_missed():
    timeline = case_timeline(
        case_with(("request_received", "2026-09-01")), today=date(2026, 11, 23)
    )
    first = timeline.open[0]
    assert first.deadline.rule.value == "decide_whether_to_assess"
    assert first.status is Status.OVERDUE
    assert first.council_is_late and timeline.council_is_late
    assert "chaser letter" in first.what_to_do
    assert [i.status for i in timeline.open][:1] == [Status.OVERDUE]


def test_a_met_duty_moves_to_done():
    timeline = case_timeline(
        case_with(("request_received", "2026-09-01"), ("decision_to_assess", "2026-10-10")),
        today=date(2026, 11, 23),
    )
    assert [i.deadline.rule.value for i in timeline.met] == ["decide_whether_to_assess"]
    assert "decide_whether_to_assess" not in [i.deadline.rule.value for i in timeline.open]


def test_events_are_listed_oldest_first_with_labels():
    case = case_with(("decision_to_assess", "2026-10-10"), ("request_received", "2026-09-01"))
    timeline = case_timeline(case, today=date(2026, 11, 23))
    assert [(e.type.value, e.date) for e in timeline.events] == [
        ("request_received", date(2026, 9, 1)),
        ("decision_to_assess", date(2026, 10, 10)),
    ]
    assert timeline.events[0].label == "The council received the request for an assessment"
    assert case_events({}) == []


def test_every_rule_has_guidance():
    from journeys.rules.deadlines import RuleId

    assert set(GUIDANCE) == {rule.value for rule in RuleId}


# -- issue 10 --------------------------------------------------------------------------------

import pytest  # noqa: E402

from journeys.cases.guidance import what_to_do  # noqa: E402
from journeys.cases.timeline import case_transfer, overdue_council_duties  # noqa: E402
from journeys.rules.deadlines import RuleId, TransferKind  # noqa: E402
from journeys.rules.law import TIME_LIMIT_EXCEPTIONS, Law, entry  # noqa: E402


def rule_of(timeline, rule):
    return next(i for i in (*timeline.open, *timeline.met) if i.deadline.rule.value == rule)


class MetLateTests:
    def test_a_duty_met_after_its_date_stays_marked_late_by_n_days(self):
        # Request Fri 6 Nov 2026 → decision due Fri 18 Dec 2026; decided Mon 4 Jan 2027.
        timeline = case_timeline(
            case_with(("request_received", "2026-11-06"), ("decision_to_assess", "2027-01-04")),
            today=date(2027, 2, 1),
        )
        item = rule_of(timeline, "decide_whether_to_assess")
        assert item.status is Status.MET
        assert item.days_late == 17 and item.met_late

    def test_a_duty_met_in_time_is_not_late(self):
        timeline = case_timeline(
            case_with(("request_received", "2026-11-06"), ("decision_to_assess", "2026-12-18")),
            today=date(2027, 2, 1),
        )
        item = rule_of(timeline, "decide_whether_to_assess")
        assert item.days_late == 0 and not item.met_late

    def test_an_overdue_duty_counts_the_days_to_today(self):
        timeline = case_timeline(
            case_with(("request_received", "2026-11-06")), today=date(2026, 12, 21)
        )
        assert timeline.open[0].days_late == 3  # due Fri 18 Dec 2026


class TransferTests:
    @pytest.mark.parametrize(
        ("events", "expected"),
        [
            ([], TransferKind.SCHOOL),
            ([{"type": "phase_transfer_year", "date": "2027-09-01"}], TransferKind.SCHOOL),
            (
                [{"type": "phase_transfer_year", "date": "2027-09-01", "transfer": "post16"}],
                TransferKind.POST16,
            ),
            (
                [
                    {"type": "phase_transfer_year", "date": "2028-07-31",
                     "transfer": "between_post16"},
                    {"type": "phase_transfer_year", "date": "2026-09-01", "transfer": "post16"},
                ],
                TransferKind.BETWEEN_POST16,
            ),  # the latest event's kind
        ],
    )  # fmt: skip
    def test_case_transfer_reads_the_latest_phase_transfer_event(self, events, expected):
        assert case_transfer({"events": events}) is expected

    @pytest.mark.parametrize(
        ("transfer", "move", "due", "law"),
        [
            ("school", "2027-09-01", date(2027, 2, 14), Law.PHASE_TRANSFER_SCHOOL),
            ("post16", "2027-09-01", date(2027, 3, 30), Law.PHASE_TRANSFER_POST16),
            ("between_post16", "2027-07-31", date(2027, 2, 28), Law.PHASE_TRANSFER_BETWEEN_POST16),
        ],
    )
    def test_the_transfer_kind_reaches_the_rule(self, transfer, move, due, law):
        case = {"events": [{"type": "phase_transfer_year", "date": move, "transfer": transfer}]}
        item = case_timeline(case, today=date(2027, 1, 1)).open[0]
        assert (item.deadline.due, item.deadline.law) == (due, law)
        assert item.deadline.source == entry(law).citation
        assert item.exceptions == ()


class LawWordingTests:
    def test_only_the_6_16_and_20_weeks_carry_the_three_exceptions(self):
        timeline = case_timeline(
            case_with(
                ("request_received", "2026-01-05"),
                ("decision_to_assess", "2026-02-10"),
                ("final_plan_issued", "2026-05-20"),
                ("mediation_requested", "2026-06-01"),
                ("annual_review_meeting", "2027-05-01"),
                ("phase_transfer_year", "2028-09-01"),
            ),
            today=date(2026, 1, 6),
        )
        for item in (*timeline.open, *timeline.met):
            with_exceptions = item.deadline.rule in (
                RuleId.DECIDE_WHETHER_TO_ASSESS,
                RuleId.NOTIFY_NO_PLAN,
                RuleId.FINAL_PLAN,
            )
            assert item.exceptions == (TIME_LIMIT_EXCEPTIONS if with_exceptions else ())

    def test_the_appeal_says_by_5pm(self):
        timeline = case_timeline(
            case_with(("decision_not_to_assess", "2026-03-04")), today=date(2026, 3, 5)
        )
        item = timeline.open[0]
        # 4 May 2026 is a bank holiday: the appeal rolls forward (r.12(2)), by 5pm.
        assert "by 5pm on Tuesday 5 May 2026" in item.explanation
        assert item.by_5pm.citation.endswith("r.12(1)")
        assert "5pm" in item.what_to_do
        assert "r.12(1)" in item.what_to_do

    def test_a_passed_appeal_on_a_refusal_to_assess_suggests_a_fresh_request(self):
        timeline = case_timeline(
            case_with(("decision_not_to_assess", "2025-06-03")), today=date(2026, 6, 4)
        )
        advice = timeline.open[0].what_to_do
        assert entry(Law.LATE_APPEAL).statement in advice
        assert "r.5(3)(a) and r.20(4)" in advice
        assert entry(Law.FRESH_REQUEST).statement in advice and "s.36(1)" in advice

    def test_the_fresh_request_follows_the_decision_even_when_the_certificate_gave_the_date(
        self,
    ):
        events = (
            ("decision_not_to_assess", "2025-06-03"),
            ("mediation_certificate_issued", "2025-07-30"),
        )
        timeline = case_timeline(case_with(*events), today=date(2026, 6, 4))
        item = next(i for i in timeline.open if i.deadline.rule is RuleId.APPEAL_DEADLINE)
        assert item.deadline.from_event.value == "mediation_certificate_issued"
        assert "s.36(1)" in item.what_to_do

    def test_a_passed_appeal_on_a_plan_says_how_to_appeal_late_only(self):
        timeline = case_timeline(
            case_with(("final_plan_issued", "2025-06-03")), today=date(2026, 6, 4)
        )
        item = next(i for i in timeline.open if i.deadline.rule is RuleId.APPEAL_DEADLINE)
        assert entry(Law.LATE_APPEAL).statement in item.what_to_do
        assert "s.36(1)" not in item.what_to_do

    def test_late_mediation_asks_the_adviser_for_the_certificate(self):
        timeline = case_timeline(
            case_with(("mediation_requested", "2026-04-02")), today=date(2026, 6, 1)
        )
        advice = timeline.open[0].what_to_do
        assert "Ask the mediation adviser for your mediation certificate" in advice
        assert "reg 37" in advice
        deadline = timeline.open[0].deadline
        assert what_to_do(deadline, Status.UPCOMING) == GUIDANCE["mediation_by"].before


class OverdueCouncilDutiesTests:
    def test_before_a_decision_to_assess_only_the_6_weeks_is_owed(self):
        duties = overdue_council_duties(
            case_with(("request_received", "2026-01-05")), today=date(2026, 12, 1)
        )
        assert [d.rule for d in duties] == [RuleId.DECIDE_WHETHER_TO_ASSESS]
        duty = duties[0]
        assert duty.citation == "SEND Regulations 2014, reg 5(1)"
        assert duty.statement == entry(Law.DECIDE_WHETHER_TO_ASSESS).statement
        assert duty.has_exceptions and duty.exceptions == TIME_LIMIT_EXCEPTIONS
        assert (duty.due, duty.event_date) == (date(2026, 2, 16), date(2026, 1, 5))
        assert duty.days_late == (date(2026, 12, 1) - date(2026, 2, 16)).days

    def test_after_a_decision_to_assess_reg_10_and_13_are_owed_from_the_request(self):
        duties = overdue_council_duties(
            case_with(("request_received", "2026-01-05"), ("decision_to_assess", "2026-02-10")),
            today=date(2026, 12, 1),
        )
        assert [(d.rule, d.citation, d.due) for d in duties] == [
            (RuleId.NOTIFY_NO_PLAN, "SEND Regulations 2014, reg 10(1)", date(2026, 4, 27)),
            (RuleId.FINAL_PLAN, "SEND Regulations 2014, reg 13(2)", date(2026, 5, 25)),
        ]
        assert all(d.has_exceptions and d.event_date == date(2026, 1, 5) for d in duties)

    def test_duties_without_exceptions_and_late_mediation(self):
        duties = overdue_council_duties(
            case_with(
                ("final_plan_issued", "2025-01-05"),
                ("mediation_requested", "2025-03-01"),
                ("phase_transfer_year", "2026-09-01"),
            ),
            today=date(2026, 3, 1),
        )
        by_rule = {d.rule: d for d in duties}
        assert by_rule[RuleId.ANNUAL_REVIEW].due == date(2026, 1, 4)  # s.44(1)
        assert by_rule[RuleId.ANNUAL_REVIEW].citation.endswith("s.44(1)")
        assert by_rule[RuleId.PHASE_TRANSFER_PLAN].due == date(2026, 2, 14)  # a Saturday
        assert by_rule[RuleId.MEDIATION_BY].ask_mediation_adviser
        for duty in duties:
            assert duty.has_exceptions is False and duty.exceptions == ()
            assert duty.ask_mediation_adviser is (duty.rule is RuleId.MEDIATION_BY)
        assert RuleId.APPEAL_DEADLINE not in by_rule  # the parent's, not the council's

    def test_nothing_overdue_gives_nothing(self):
        assert overdue_council_duties(case_with(), today=date(2026, 1, 1)) == ()


# -- version 2 (issue 14) ---------------------------------------------------------------------

from journeys.cases.timeline import (  # noqa: E402
    case_deadlines,
    case_order,
    chased,
    first_failed_provision,
)
from journeys.rules.vocabulary import TribunalOrder  # noqa: E402


class VersionTwoTests:
    @pytest.mark.parametrize(
        ("events", "expected"),
        [
            ([], None),
            ([{"type": "tribunal_decision", "date": "2027-01-20"}], None),  # no order given
            ([{"type": "tribunal_decision", "date": "2027-01-20", "order": "assess"}],
             TribunalOrder.ASSESS),
            ([{"type": "tribunal_decision", "date": "2027-06-01", "order": "dismissed"},
              {"type": "tribunal_decision", "date": "2027-01-20", "order": "make_plan"}],
             TribunalOrder.DISMISSED),  # the latest decision's order
        ],
    )  # fmt: skip
    def test_case_order_reads_the_latest_tribunal_decision(self, events, expected):
        assert case_order({"events": events}) is expected

    def test_the_first_session_not_delivered_starts_judicial_review(self):
        log = [
            {"provision": "f1", "date": "2027-01-18", "delivered": "no"},
            {"provision": "f1", "date": "2027-01-04", "delivered": "partly"},
            {"provision": "f1", "date": "2027-01-11", "delivered": "no"},
            {"provision": "f1", "date": "2026-12-07", "delivered": "yes"},
        ]
        assert first_failed_provision({"delivery_log": log}) == date(2027, 1, 11)
        assert first_failed_provision({}) is None
        # A row that does not say whether the session happened is read as the shortfall
        # reads it, not delivered: the judicial review limit can only come sooner.
        unsaid = [*log, {"provision": "f1", "date": "2027-01-06"}]
        assert first_failed_provision({"delivery_log": unsaid}) == date(2027, 1, 6)
        found = case_deadlines({"delivery_log": log})
        assert [(d.rule, d.due) for d in found] == [
            (RuleId.JUDICIAL_REVIEW_LIMIT, date(2027, 4, 11))  # 11 Jan + 3 months
        ]

    def test_late_council_duties_of_version_2_are_chased_with_their_law(self):
        case = {
            "events": [
                {"type": "amendment_proposal_issued", "date": "2027-02-02"},
                {"type": "reassessment_requested", "date": "2027-02-01"},
                {"type": "tribunal_decision", "date": "2027-01-20", "order": "make_plan"},
                {"type": "pre_action_letter_sent", "date": "2027-02-01"},
                {"type": "provision_complaint_made", "date": "2027-01-28"},
            ]
        }
        duties = overdue_council_duties(case, today=date(2027, 6, 1))
        assert [(d.rule, d.due, d.citation) for d in duties] == [
            (RuleId.DECIDE_WHETHER_TO_REASSESS, date(2027, 2, 16),
             "SEND Regulations 2014, reg 25(1)"),
            (RuleId.TRIBUNAL_ORDER_COMPLIANCE, date(2027, 2, 24),
             "SEND Regulations 2014, reg 44(2)(c)"),
            (RuleId.AMENDED_PLAN_FINAL, date(2027, 3, 30), "SEND Regulations 2014, reg 22(3)"),
            (RuleId.TRIBUNAL_ORDER_COMPLIANCE, date(2027, 4, 7),
             "SEND Regulations 2014, reg 44(2)(c)"),
        ]  # fmt: skip
        # Not chased: the reply to the pre-action letter, the complaint (the family's date to
        # go to the Ombudsman), and the 14 weeks while they are counted from the request.
        timeline = case_timeline(case, today=date(2027, 6, 1))
        unchased = [i.deadline for i in timeline.open if not chased(i.deadline)]
        assert {d.rule for d in unchased} == {
            RuleId.JUDICIAL_REVIEW_LIMIT,
            RuleId.REASSESSMENT_FINAL_PLAN,
        }
        assert timeline.council_is_late


def test_the_complaints_period_is_read_from_the_not_delivered_journey_only():
    from journeys.cases.timeline import complaint_working_days

    assert complaint_working_days({"not-delivered": {"enforce": {"reply_working_days": 15}}}) == 15
    for extras in (
        None,
        {},
        {"not-delivered": {}},
        {"not-delivered": {"enforce": {}}},
        {"not-delivered": {"enforce": {"reply_working_days": 0}}},
        {"not-delivered": {"enforce": {"reply_working_days": "15"}}},
        {"not-delivered": {"enforce": {"reply_working_days": True}}},
        # The mediation agreement journey keeps its answers under "enforce" too.
        {"mediation-agreement": {"enforce": {"reply_working_days": 15}}},
    ):
        assert complaint_working_days(extras) is None, extras


def test_the_ombudsman_date_and_the_next_deadline_count_the_given_period():
    from journeys.cases.timeline import next_open_deadline

    case = case_with(("provision_complaint_made", "2026-12-17"))
    (item,) = case_timeline(case, today=date(2026, 12, 18), complaint_working_days=30).open
    assert item.deadline.due == date(2027, 2, 2)
    assert "gives 30 working days, as you told us" in item.explanation
    assert next_open_deadline(case, complaint_working_days=30).due == date(2027, 2, 2)
    assert next_open_deadline(case).due == date(2027, 1, 19)
