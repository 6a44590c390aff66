"""The deadlines of version 2 of the case file (issue 14): every new rule by hand and by property.

Each row of NEW_SCENARIOS is worked out by hand from the regulation; the comment shows the
working. England bank holidays used: 2026 — Good Friday 3 Apr, Easter Monday 6 Apr, 4 May,
25 May, 31 Aug, 25 Dec, 28 Dec (substitute); 2027 — 1 Jan, 26 and 29 Mar, 3 May, 31 May,
30 Aug, 27 and 28 Dec (substitutes); 2028 — 3 Jan (substitute), 14 and 17 Apr, 1 May, 29 May,
28 Aug, 25 and 26 Dec. Council duties never roll forward; only the appeal does.
"""

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from journeys.rules import law
from journeys.rules.calendar import add_months, is_working_day
from journeys.rules.deadlines import (
    APPEALABLE_DECISIONS,
    DISCHARGED_BY,
    TRIBUNAL_ORDER_PERIODS,
    DutyHolder,
    Recorded,
    RuleId,
    Status,
    TransferKind,
    amended_plan_final,
    amendment_representations,
    annual_review,
    appeal_deadline,
    deadline_status,
    deadlines_for_events,
    decide_whether_to_reassess,
    explain,
    judicial_review_limit,
    long_date,
    phase_transfer_plan,
    pre_action_reply,
    provision_complaint_escalation,
    reassessment_final_plan,
    review_decision,
    tribunal_order_compliance,
)
from journeys.rules.law import Law
from journeys.rules.vocabulary import EventType, TribunalOrder

D = date
E = EventType
T = TribunalOrder


def one(deadlines):
    (deadline,) = deadlines
    return deadline


def tribunal(order, decided, index=0):
    return tribunal_order_compliance(order=order, decided=decided)[index]


NEW_SCENARIOS = [
    # -- amendment_representations: "at least 15 days, beginning with" the day sent: + 14 --
    pytest.param(lambda: amendment_representations(proposal_sent=D(2027, 2, 2)), D(2027, 2, 16),
                 id="amend-reps-plain"),  # Tue 2 Feb is day 1, Tue 16 Feb day 15
    pytest.param(lambda: amendment_representations(proposal_sent=D(2028, 2, 15)), D(2028, 2, 29),
                 id="amend-reps-leap-day"),  # 15 Feb + 14 = 29 Feb 2028
    pytest.param(lambda: amendment_representations(proposal_sent=D(2027, 2, 15)), D(2027, 3, 1),
                 id="amend-reps-common-february"),  # 15 + 14 = "29 Feb" → 1 Mar 2027
    pytest.param(lambda: amendment_representations(proposal_sent=D(2026, 12, 18)), D(2027, 1, 1),
                 id="amend-reps-new-years-day-stays"),  # 18 Dec + 14 = 1 Jan (bank holiday)
    pytest.param(lambda: amendment_representations(proposal_sent=D(2026, 12, 20)), D(2027, 1, 3),
                 id="amend-reps-sunday-stays"),  # Sun 20 Dec + 14 = Sun 3 Jan
    pytest.param(lambda: amendment_representations(proposal_sent=D(2027, 12, 31)), D(2028, 1, 14),
                 id="amend-reps-year-end"),  # 31 Dec + 14 = 14 Jan 2028
    pytest.param(lambda: amendment_representations(proposal_sent=D(2029, 2, 16)), D(2029, 3, 2),
                 id="amend-reps-february-2029"),  # 16 + 14 = "30 Feb" → 2 Mar 2029
    # -- amended_plan_final: 8 weeks = 56 days (reg 22(3)) --
    pytest.param(lambda: amended_plan_final(proposal_sent=D(2027, 2, 2)), D(2027, 3, 30),
                 id="amended-plan-8-weeks"),  # 26 days to 28 Feb, 30 more: Tue 30 Mar
    pytest.param(lambda: amended_plan_final(proposal_sent=D(2028, 1, 4)), D(2028, 2, 29),
                 id="amended-plan-leap-day"),  # 27 days to 31 Jan, 29 more: 29 Feb 2028
    pytest.param(lambda: amended_plan_final(proposal_sent=D(2027, 1, 4)), D(2027, 3, 1),
                 id="amended-plan-common-year"),  # 27 to 31 Jan, 29 more: 1 Mar 2027
    pytest.param(lambda: amended_plan_final(proposal_sent=D(2026, 10, 30)), D(2026, 12, 25),
                 id="amended-plan-christmas-stays"),  # Fri 30 Oct + 8 weeks = Fri 25 Dec
    pytest.param(lambda: amended_plan_final(proposal_sent=D(2027, 11, 5)), D(2027, 12, 31),
                 id="amended-plan-31-december"),  # 25 to 30 Nov, 31 more: 31 Dec 2027
    pytest.param(lambda: amended_plan_final(proposal_sent=D(2026, 11, 3)), D(2026, 12, 29),
                 id="amended-plan-after-boxing-day-substitute"),  # 27 to 30 Nov, 29 more
    # -- decide_whether_to_reassess: 15 days of receiving the request (reg 25(1)) --
    pytest.param(lambda: decide_whether_to_reassess(request_received=D(2027, 2, 1)),
                 D(2027, 2, 16), id="reassess-decision-plain"),  # Mon 1 Feb + 15 = Tue 16 Feb
    pytest.param(lambda: decide_whether_to_reassess(request_received=D(2028, 2, 14)),
                 D(2028, 2, 29), id="reassess-decision-leap-day"),  # 14 + 15 = 29 Feb 2028
    pytest.param(lambda: decide_whether_to_reassess(request_received=D(2027, 2, 14)),
                 D(2027, 3, 1), id="reassess-decision-common-february"),  # "29 Feb" → 1 Mar
    pytest.param(lambda: decide_whether_to_reassess(request_received=D(2026, 12, 10)),
                 D(2026, 12, 25), id="reassess-decision-christmas-stays"),
    pytest.param(lambda: decide_whether_to_reassess(request_received=D(2026, 12, 20)),
                 D(2027, 1, 4), id="reassess-decision-year-end"),  # 11 to 31 Dec, 4 more
    pytest.param(lambda: decide_whether_to_reassess(request_received=D(2026, 12, 12)),
                 D(2026, 12, 27), id="reassess-decision-sunday-stays"),  # Sat 12 → Sun 27
    # -- reassessment_final_plan: 14 weeks = 98 days (reg 27(2)) --
    pytest.param(lambda: reassessment_final_plan(from_event=E.REASSESSMENT_REQUESTED,
                                                 event_date=D(2026, 11, 16)),
                 D(2027, 2, 22), id="reassess-plan-from-request"),  # Mon 16 Nov → Mon 22 Feb
    pytest.param(lambda: reassessment_final_plan(from_event=E.DECISION_TO_ASSESS,
                                                 event_date=D(2027, 11, 23)),
                 D(2028, 2, 29), id="reassess-plan-leap-day"),  # 7 to 30 Nov, 31, 31, 29 Feb
    pytest.param(lambda: reassessment_final_plan(from_event=E.DECISION_TO_ASSESS,
                                                 event_date=D(2027, 9, 20)),
                 D(2027, 12, 27), id="reassess-plan-bank-holiday-stays"),  # 10, 31, 30, 27
    # -- tribunal_order_compliance: weeks from the order (reg 44(2), reg 45) --
    pytest.param(lambda: tribunal(T.ASSESS, D(2026, 12, 18)), D(2027, 1, 1),
                 id="order-assess-2-weeks-new-year"),  # Fri 18 Dec + 14 = Fri 1 Jan, stays
    pytest.param(lambda: tribunal(T.REASSESS, D(2028, 2, 15)), D(2028, 2, 29),
                 id="order-reassess-leap-day"),  # 15 Feb + 14 = 29 Feb 2028
    # After an order to assess: no plan within 10 weeks, the final plan within 14 (reg 44(2)(b)).
    pytest.param(lambda: tribunal(T.ASSESS, D(2027, 11, 25), 1), D(2028, 2, 3),
                 id="order-assess-no-plan-10-weeks"),  # 5 to 30 Nov, 31, 31, 3 Feb 2028
    pytest.param(lambda: tribunal(T.ASSESS, D(2027, 11, 25), 2), D(2028, 3, 2),
                 id="order-assess-plan-14-weeks-leap-year"),  # 98: 5, 31, 31, 29, 2 Mar
    pytest.param(lambda: tribunal(T.REASSESS, D(2026, 12, 18), 2), D(2027, 3, 26),
                 id="order-reassess-plan-good-friday-stays"),  # 98: 13, 31, 28, 26 Mar
    pytest.param(lambda: tribunal(T.MAKE_PLAN, D(2026, 12, 18)), D(2027, 1, 22),
                 id="order-plan-draft-5-weeks"),  # 13 to 31 Dec, 22 more: Fri 22 Jan
    pytest.param(lambda: tribunal(T.MAKE_PLAN, D(2026, 12, 18), 1), D(2027, 3, 5),
                 id="order-plan-final-11-weeks"),  # 77 days: 13, 31, 28, 5 Mar
    pytest.param(lambda: tribunal(T.MAKE_PLAN, D(2028, 1, 25)), D(2028, 2, 29),
                 id="order-plan-draft-leap-day"),  # 6 to 31 Jan, 29 more: 29 Feb 2028
    pytest.param(lambda: tribunal(T.MAKE_PLAN, D(2028, 1, 25), 1), D(2028, 4, 11),
                 id="order-plan-final-after-leap-day"),  # 77: 6, 29, 31, 11 Apr
    pytest.param(lambda: tribunal(T.AMEND_PLAN, D(2026, 12, 18)), D(2027, 1, 22),
                 id="order-amend-5-weeks"),
    pytest.param(lambda: tribunal(T.CHANGE_SCHOOL_ONLY, D(2027, 8, 13)), D(2027, 8, 27),
                 id="order-school-2-weeks-august-no-roll"),  # August: not the appeal's rule
    pytest.param(lambda: tribunal(T.CHANGE_SCHOOL_ONLY, D(2027, 8, 16)), D(2027, 8, 30),
                 id="order-school-bank-holiday-stays"),  # Mon 30 Aug 2027, bank holiday
    pytest.param(lambda: tribunal(T.CONTINUE_PLAN, D(2026, 12, 24)), D(2026, 12, 24),
                 id="order-continue-immediately"),  # due the day of the order
    # -- provision_complaint_escalation: 20 working days from the day after --
    # Thu 17 Dec 2026: 18, 21-24 (5), 29-31 (8), 4-8 Jan (13), 11-15 (18), 18, 19 → Tue 19 Jan.
    pytest.param(lambda: provision_complaint_escalation(complaint_made=D(2026, 12, 17)),
                 D(2027, 1, 19), id="complaint-over-christmas"),
    # Wed 1 Apr 2026: Thu 2 (1), Easter skipped, 7-10 (5), 13-17 (10), 20-24 (15), 27-30 (19),
    # Fri 1 May (20).
    pytest.param(lambda: provision_complaint_escalation(complaint_made=D(2026, 4, 1)),
                 D(2026, 5, 1), id="complaint-over-easter"),
    # Fri 28 Aug 2026: 31 Aug bank holiday; 1-4 Sep (4), 7-11 (9), 14-18 (14), 21-25 (19),
    # Mon 28 Sep (20).
    pytest.param(lambda: provision_complaint_escalation(complaint_made=D(2026, 8, 28)),
                 D(2026, 9, 28), id="complaint-august-bank-holiday"),
    # Sat 5 Dec 2026: 7-11 (5), 14-18 (10), 21-24 (14), 29-31 (17), 4, 5, 6 Jan (20).
    pytest.param(lambda: provision_complaint_escalation(complaint_made=D(2026, 12, 5)),
                 D(2027, 1, 6), id="complaint-made-on-a-saturday"),
    # -- provision_complaint_escalation with the period the family gave --
    # Thu 17 Dec 2026, 10: 18 (1), 21-24 (5), 25 and 28 Dec off, 29-31 (8), 1 Jan off, 4, 5.
    pytest.param(lambda: provision_complaint_escalation(complaint_made=D(2026, 12, 17),
                                                        working_days=10),
                 D(2027, 1, 5), id="complaint-10-days-over-christmas"),
    # Thu 17 Dec 2026, 30: 20 → Tue 19 Jan; 20-22 (23), 25-29 (28), Mon 1 Feb (29), Tue 2 Feb.
    pytest.param(lambda: provision_complaint_escalation(complaint_made=D(2026, 12, 17),
                                                        working_days=30),
                 D(2027, 2, 2), id="complaint-30-days-over-christmas"),
    # Wed 1 Apr 2026, 10: Thu 2 (1), Good Friday and Easter Monday skipped, 7-10 (5), 13-17.
    pytest.param(lambda: provision_complaint_escalation(complaint_made=D(2026, 4, 1),
                                                        working_days=10),
                 D(2026, 4, 17), id="complaint-10-days-over-easter"),
    # Fri 28 Aug 2026, 30: 20 → Mon 28 Sep; 29, 30 (22), 1, 2 Oct (24), 5-9 (29), Mon 12 Oct.
    pytest.param(lambda: provision_complaint_escalation(complaint_made=D(2026, 8, 28),
                                                        working_days=30),
                 D(2026, 10, 12), id="complaint-30-days-august-bank-holiday"),
    # Fri 1 May 2026, 15: 4 May off, 5-8 (4), 11-15 (9), 18-22 (14), 25 May off, Tue 26 May.
    pytest.param(lambda: provision_complaint_escalation(complaint_made=D(2026, 5, 1),
                                                        working_days=15),
                 D(2026, 5, 26), id="complaint-15-days-two-may-bank-holidays"),
    # -- judicial_review_limit: 3 months (CPR 54.5(1)), month end where no such date --
    pytest.param(lambda: judicial_review_limit(grounds_arose=D(2026, 11, 30),
                                               from_event=Recorded.DELIVERY_LOG),
                 D(2027, 2, 28), id="judicial-review-month-end"),  # no 30 Feb: Sun 28 Feb
    pytest.param(lambda: judicial_review_limit(grounds_arose=D(2027, 11, 30),
                                               from_event=Recorded.DELIVERY_LOG),
                 D(2028, 2, 29), id="judicial-review-leap-year"),  # 29 Feb 2028
    pytest.param(lambda: judicial_review_limit(grounds_arose=D(2026, 10, 31),
                                               from_event=E.PRE_ACTION_LETTER_SENT),
                 D(2027, 1, 31), id="judicial-review-from-the-letter-year-end"),
    pytest.param(lambda: judicial_review_limit(grounds_arose=D(2026, 9, 25),
                                               from_event=Recorded.DELIVERY_LOG),
                 D(2026, 12, 25), id="judicial-review-christmas-no-roll"),
    pytest.param(lambda: pre_action_reply(letter_sent=D(2026, 12, 18)), D(2027, 1, 1),
                 id="pre-action-reply-14-days"),  # 18 Dec + 14 = 1 Jan 2027
    pytest.param(lambda: pre_action_reply(letter_sent=D(2028, 2, 15)), D(2028, 2, 29),
                 id="pre-action-reply-leap-day"),
    # -- appeal_deadline from the version-2 decisions (r.20(1)(c), r.12) --
    pytest.param(lambda: appeal_deadline(decision=E.DECISION_NOT_TO_AMEND,
                                         decision_date=D(2027, 6, 30)),
                 D(2027, 9, 1), id="appeal-not-to-amend-august"),  # 30 Aug → Wed 1 Sep
    pytest.param(lambda: appeal_deadline(decision=E.DECISION_TO_CEASE,
                                         decision_date=D(2026, 12, 31)),
                 D(2027, 3, 1), id="appeal-cease-month-end-sunday"),  # Sun 28 Feb → Mon 1 Mar
    # 25 Oct 2027 + 2 months = 25 Dec (window) → after 1 Jan 2028: Sat 1, Sun 2, Mon 3 (New
    # Year substitute) → Tue 4 Jan 2028.
    pytest.param(lambda: appeal_deadline(decision=E.DECISION_NOT_TO_REASSESS,
                                         decision_date=D(2027, 10, 25)),
                 D(2028, 1, 4), id="appeal-not-to-reassess-christmas"),
    pytest.param(lambda: appeal_deadline(decision=E.DECISION_NOT_TO_REASSESS,
                                         decision_date=D(2026, 6, 3),
                                         certificate_issued=D(2026, 7, 14)),
                 D(2026, 9, 1), id="appeal-not-to-reassess-certificate"),  # DOMAIN.md's
    # -- annual review: the last day of the 12 months starting with the date (s.44(1)) --
    pytest.param(lambda: annual_review(from_event=E.FINAL_PLAN_ISSUED, event_date=D(2024, 2, 29)),
                 D(2025, 2, 28), id="annual-review-29-february-plan-2024"),  # month end
    pytest.param(lambda: annual_review(from_event=E.ANNUAL_REVIEW_MEETING,
                                       event_date=D(2027, 3, 31)),
                 D(2028, 3, 30), id="annual-review-31-march"),  # day before 31 Mar 2028
    pytest.param(lambda: annual_review(from_event=E.FINAL_PLAN_ISSUED, event_date=D(2027, 1, 1)),
                 D(2027, 12, 31), id="annual-review-new-years-day-plan"),
    # -- phase transfers: 14 February / 30 March never roll, even at a weekend --
    pytest.param(lambda: phase_transfer_plan(transfer_date=D(2032, 9, 1)), D(2032, 2, 14),
                 id="transfer-14-february-saturday-2032"),
    pytest.param(lambda: phase_transfer_plan(transfer_date=D(2025, 9, 1),
                                             transfer=TransferKind.POST16),
                 D(2025, 3, 30), id="transfer-30-march-sunday-2025"),
    pytest.param(lambda: phase_transfer_plan(transfer_date=D(2030, 9, 1),
                                             transfer=TransferKind.POST16),
                 D(2030, 3, 30), id="transfer-30-march-saturday-2030"),
    pytest.param(lambda: phase_transfer_plan(transfer_date=D(2028, 8, 31),
                                             transfer=TransferKind.BETWEEN_POST16),
                 D(2028, 3, 31), id="between-post16-31-august"),  # 31 Aug - 5 months
    pytest.param(lambda: phase_transfer_plan(transfer_date=D(2027, 7, 30),
                                             transfer=TransferKind.BETWEEN_POST16),
                 D(2027, 2, 28), id="between-post16-no-30-february"),
    pytest.param(lambda: phase_transfer_plan(transfer_date=D(2028, 7, 29),
                                             transfer=TransferKind.BETWEEN_POST16),
                 D(2028, 2, 29), id="between-post16-29-february"),
]  # fmt: skip


@pytest.mark.parametrize(("make", "due"), NEW_SCENARIOS)
def test_new_scenario(make, due):
    assert make().due == due


def test_at_least_40_new_hand_computed_cases():
    assert len(NEW_SCENARIOS) >= 40


def test_a_dismissed_appeal_requires_nothing_of_the_council():
    assert tribunal_order_compliance(order=T.DISMISSED, decided=D(2027, 1, 5)) == []


def test_every_order_but_a_dismissal_has_a_period():
    assert {order for order, periods in TRIBUNAL_ORDER_PERIODS.items() if periods} == (
        set(TribunalOrder) - {T.DISMISSED}
    )


@pytest.mark.parametrize(
    ("deadline", "rule", "holder", "source"),
    [
        (amendment_representations(proposal_sent=D(2027, 2, 2)), RuleId.AMENDMENT_REPRESENTATIONS,
         DutyHolder.PARENT, "SEND Regulations 2014, reg 22(2)(c)"),
        (amended_plan_final(proposal_sent=D(2027, 2, 2)), RuleId.AMENDED_PLAN_FINAL,
         DutyHolder.COUNCIL, "SEND Regulations 2014, reg 22(3)"),
        (decide_whether_to_reassess(request_received=D(2027, 2, 1)),
         RuleId.DECIDE_WHETHER_TO_REASSESS, DutyHolder.COUNCIL,
         "SEND Regulations 2014, reg 25(1)"),
        (reassessment_final_plan(from_event=E.DECISION_TO_ASSESS, event_date=D(2027, 2, 1)),
         RuleId.REASSESSMENT_FINAL_PLAN, DutyHolder.COUNCIL, "SEND Regulations 2014, reg 27(2)"),
        (tribunal(T.ASSESS, D(2027, 2, 1)), RuleId.TRIBUNAL_ORDER_COMPLIANCE, DutyHolder.COUNCIL,
         "SEND Regulations 2014, reg 44(2)(b) and reg 45(3)"),
        (tribunal(T.MAKE_PLAN, D(2027, 2, 1), 1), RuleId.TRIBUNAL_ORDER_COMPLIANCE,
         DutyHolder.COUNCIL, "SEND Regulations 2014, reg 44(2)(c)"),
        (tribunal(T.AMEND_PLAN, D(2027, 2, 1)), RuleId.TRIBUNAL_ORDER_COMPLIANCE,
         DutyHolder.COUNCIL, "SEND Regulations 2014, reg 44(2) and reg 45(4)"),
        (provision_complaint_escalation(complaint_made=D(2027, 2, 1)),
         RuleId.PROVISION_COMPLAINT_ESCALATION, DutyHolder.PARENT,
         "Local Government Act 1974, Part 3"),
        (judicial_review_limit(grounds_arose=D(2027, 2, 1), from_event=Recorded.DELIVERY_LOG),
         RuleId.JUDICIAL_REVIEW_LIMIT, DutyHolder.PARENT, "Civil Procedure Rules, r.54.5(1)"),
        (pre_action_reply(letter_sent=D(2027, 2, 1)), RuleId.JUDICIAL_REVIEW_LIMIT,
         DutyHolder.COUNCIL, "Pre-Action Protocol for Judicial Review"),
    ],
)  # fmt: skip
def test_each_new_rule_names_its_duty_holder_and_source(deadline, rule, holder, source):
    assert (deadline.rule, deadline.duty_holder, deadline.source) == (rule, holder, source)
    assert deadline.source == law.cite(deadline.law)


def test_the_re_assessment_plan_and_judicial_review_refuse_other_starts():
    with pytest.raises(ValueError, match="not counted from final_plan_issued"):
        reassessment_final_plan(from_event=E.FINAL_PLAN_ISSUED, event_date=D(2027, 2, 1))
    with pytest.raises(ValueError, match="not counted from request_received"):
        judicial_review_limit(grounds_arose=D(2027, 2, 1), from_event=E.REQUEST_RECEIVED)


def test_the_version_2_decisions_are_appealable_after_version_1s():
    assert APPEALABLE_DECISIONS[3:] == (
        E.DECISION_NOT_TO_AMEND,
        E.DECISION_TO_CEASE,
        E.DECISION_NOT_TO_REASSESS,
    )


def test_every_rule_says_what_discharges_it():
    assert set(DISCHARGED_BY) == set(RuleId)


# -- the engine ------------------------------------------------------------------------------


def rules_of(found):
    return [(d.rule.value, d.due, d.from_event.value) for d in found]


def test_a_proposal_starts_the_15_days_and_the_8_weeks():
    found = deadlines_for_events([(E.AMENDMENT_PROPOSAL_ISSUED, D(2027, 2, 2))])
    assert rules_of(found) == [
        ("amendment_representations", D(2027, 2, 16), "amendment_proposal_issued"),
        ("amended_plan_final", D(2027, 3, 30), "amendment_proposal_issued"),
    ]


@pytest.mark.parametrize(
    ("later", "expected"),
    [
        # Nothing yet: the 15 days, and the 14 weeks counted from the request (16 Nov 2026).
        pytest.param([], [("decide_whether_to_reassess", D(2026, 12, 1), "reassessment_requested"),
                          ("reassessment_final_plan", D(2027, 2, 22), "reassessment_requested")],
                     id="request-only"),
        # The notice to re-assess (Mon 23 Nov 2026) restarts the 14 weeks: Mon 1 Mar 2027.
        pytest.param([(E.DECISION_TO_ASSESS, D(2026, 11, 23))],
                     [("decide_whether_to_reassess", D(2026, 12, 1), "reassessment_requested"),
                      ("reassessment_final_plan", D(2027, 3, 1), "decision_to_assess")],
                     id="notice-recorded"),
        # A decision to assess from before this request is not its notice.
        pytest.param([(E.DECISION_TO_ASSESS, D(2025, 1, 10))],
                     [("decide_whether_to_reassess", D(2026, 12, 1), "reassessment_requested"),
                      ("reassessment_final_plan", D(2027, 2, 22), "reassessment_requested")],
                     id="an-old-decision-is-not-the-notice"),
        # Refused: no plan follows, and the appeal starts: 26 Nov + 2 months = Tue 26 Jan 2027.
        pytest.param([(E.DECISION_NOT_TO_REASSESS, D(2026, 11, 26))],
                     [("decide_whether_to_reassess", D(2026, 12, 1), "reassessment_requested"),
                      ("appeal_deadline", D(2027, 1, 26), "decision_not_to_reassess")],
                     id="refused"),
        # Agreed, then refused after all: the refusal is the latest word.
        pytest.param([(E.DECISION_TO_ASSESS, D(2026, 11, 20)),
                      (E.DECISION_NOT_TO_REASSESS, D(2026, 11, 26))],
                     [("decide_whether_to_reassess", D(2026, 12, 1), "reassessment_requested"),
                      ("appeal_deadline", D(2027, 1, 26), "decision_not_to_reassess")],
                     id="refused-after-agreeing"),
        # A refusal of an earlier request does not end this one's plan.
        pytest.param([(E.DECISION_NOT_TO_REASSESS, D(2026, 1, 5))],
                     [("appeal_deadline", D(2026, 3, 5), "decision_not_to_reassess"),
                      ("decide_whether_to_reassess", D(2026, 12, 1), "reassessment_requested"),
                      ("reassessment_final_plan", D(2027, 2, 22), "reassessment_requested")],
                     id="an-old-refusal"),
    ],
)  # fmt: skip
def test_reassessment_deadlines(later, expected):
    found = deadlines_for_events([(E.REASSESSMENT_REQUESTED, D(2026, 11, 16)), *later])
    assert rules_of(found) == expected


@pytest.mark.parametrize(
    ("order", "dues"),
    [
        (None, []),  # a decision recorded without its order: nothing is guessed
        (T.DISMISSED, []),
        # + 2 weeks; + 10 weeks (13 to 31 Dec, 31, 26 Feb); + 14 weeks (Good Friday 2027).
        (T.ASSESS, [D(2027, 1, 1), D(2027, 2, 26), D(2027, 3, 26)]),
        (T.MAKE_PLAN, [D(2027, 1, 22), D(2027, 3, 5)]),
        (T.CONTINUE_PLAN, [D(2026, 12, 18)]),
    ],
)
def test_the_tribunal_order_decides_the_dates(order, dues):
    found = deadlines_for_events([(E.TRIBUNAL_DECISION, D(2026, 12, 18))], order=order)
    assert [d.due for d in found] == dues
    assert all(d.rule is RuleId.TRIBUNAL_ORDER_COMPLIANCE for d in found)


def test_an_order_to_assess_replaces_the_16_and_20_weeks_of_an_earlier_request():
    events = [
        (E.REQUEST_RECEIVED, D(2026, 1, 5)),
        (E.DECISION_NOT_TO_ASSESS, D(2026, 2, 10)),
        (E.APPEAL_LODGED, D(2026, 3, 20)),
        (E.TRIBUNAL_DECISION, D(2026, 9, 14)),
        (E.DECISION_TO_ASSESS, D(2026, 9, 21)),
    ]
    rules = {d.rule for d in deadlines_for_events(events, order=T.ASSESS)}
    assert RuleId.NOTIFY_NO_PLAN not in rules and RuleId.FINAL_PLAN not in rules
    # Without the order (or with another), the council's decision restores them, as before.
    rules = {d.rule for d in deadlines_for_events(events, order=T.AMEND_PLAN)}
    assert {RuleId.NOTIFY_NO_PLAN, RuleId.FINAL_PLAN} <= rules


def test_an_order_needs_a_tribunal_decision():
    assert deadlines_for_events([(E.APPEAL_LODGED, D(2026, 12, 18))], order=T.ASSESS) == []


def test_the_make_plan_order_has_two_dates_with_their_own_keys():
    draft, final = tribunal_order_compliance(order=T.MAKE_PLAN, decided=D(2026, 12, 18))
    assert draft.key == "tribunal_order_compliance-tribunal_order_plan_draft"
    assert final.key == "tribunal_order_compliance-tribunal_order_plan_final"
    assert amended_plan_final(proposal_sent=D(2027, 2, 2)).key == "amended_plan_final"


@pytest.mark.parametrize(
    ("events", "failed", "expected"),
    [
        pytest.param([], D(2026, 10, 5),
                     [("judicial_review_limit", D(2027, 1, 5), "delivery_log")],
                     id="delivery-log-only"),
        # Letter Mon 30 Nov 2026: the reply by 14 Dec; the 3 months from the first missed
        # session (5 Oct) as it came first.
        pytest.param([(E.PRE_ACTION_LETTER_SENT, D(2026, 11, 30))], D(2026, 10, 5),
                     [("judicial_review_limit", D(2026, 12, 14), "pre_action_letter_sent"),
                      ("judicial_review_limit", D(2027, 1, 5), "delivery_log")],
                     id="letter-after-the-failure"),
        # A missed session logged after the letter: the letter's date is the earlier, safer one.
        pytest.param([(E.PRE_ACTION_LETTER_SENT, D(2026, 11, 30))], D(2026, 12, 7),
                     [("judicial_review_limit", D(2026, 12, 14), "pre_action_letter_sent"),
                      ("judicial_review_limit", D(2027, 2, 28), "pre_action_letter_sent")],
                     id="failure-logged-after-the-letter"),
        pytest.param([(E.PRE_ACTION_LETTER_SENT, D(2026, 11, 30))], None,
                     [("judicial_review_limit", D(2026, 12, 14), "pre_action_letter_sent"),
                      ("judicial_review_limit", D(2027, 2, 28), "pre_action_letter_sent")],
                     id="letter-only"),
        pytest.param([(E.PROVISION_COMPLAINT_MADE, D(2026, 12, 17))], None,
                     [("provision_complaint_escalation", D(2027, 1, 19),
                       "provision_complaint_made")],
                     id="complaint"),
    ],
)  # fmt: skip
def test_when_provision_is_not_made(events, failed, expected):
    found = deadlines_for_events(events, provision_failed=failed)
    assert rules_of(found) == expected
    laws = [d.law for d in found if d.rule is RuleId.JUDICIAL_REVIEW_LIMIT]
    assert laws.count(Law.JUDICIAL_REVIEW_TIME_LIMIT) == (1 if laws else 0)


@pytest.mark.parametrize(
    ("working_days", "due"),
    [
        pytest.param(None, D(2027, 1, 19), id="none-given-20"),
        pytest.param(10, D(2027, 1, 5), id="10-given"),
        pytest.param(30, D(2027, 2, 2), id="30-given"),
    ],
)
def test_the_engine_counts_the_period_the_family_gave(working_days, due):
    found = deadlines_for_events(
        [(E.PROVISION_COMPLAINT_MADE, D(2026, 12, 17))], complaint_working_days=working_days
    )
    assert rules_of(found) == [("provision_complaint_escalation", due, "provision_complaint_made")]


def test_the_ombudsman_date_says_whose_period_it_is():
    given = provision_complaint_escalation(complaint_made=D(2026, 12, 17), working_days=15)
    theirs = explain(given, complaint_working_days=15)
    assert "by Tuesday 12 January 2027" in theirs
    assert "the council's complaints procedure gives 15 working days, as you told us" in theirs
    ours = explain(provision_complaint_escalation(complaint_made=D(2026, 12, 17)))
    assert "by Tuesday 19 January 2027" in ours
    assert "20 working days, the period many councils use" in ours
    assert "check your council's complaints procedure" in ours
    # Another rule's sentence never changes with it.
    letter = pre_action_reply(letter_sent=D(2026, 11, 30))
    assert explain(letter, complaint_working_days=15) == explain(letter)


# -- what discharges each new rule ------------------------------------------------------------

PROPOSAL = D(2027, 2, 2)
STATUS_SCENARIOS = [
    pytest.param(amendment_representations(proposal_sent=PROPOSAL),
                 (E.FINAL_PLAN_ISSUED, D(2027, 3, 1)), Status.MET, id="reps-closed-by-the-plan"),
    pytest.param(amendment_representations(proposal_sent=PROPOSAL),
                 (E.DECISION_NOT_TO_AMEND, D(2027, 3, 1)), Status.MET,
                 id="reps-closed-by-not-amending"),
    pytest.param(amendment_representations(proposal_sent=PROPOSAL),
                 (E.FINAL_PLAN_ISSUED, D(2026, 5, 1)), Status.OVERDUE,
                 id="reps-not-closed-by-an-older-plan"),
    pytest.param(amended_plan_final(proposal_sent=PROPOSAL),
                 (E.FINAL_PLAN_ISSUED, D(2027, 4, 20)), Status.MET, id="amended-plan-late-but-met"),
    pytest.param(amended_plan_final(proposal_sent=PROPOSAL),
                 (E.DECISION_NOT_TO_AMEND, D(2027, 3, 1)), Status.MET,
                 id="amended-plan-met-by-not-amending"),
    pytest.param(amended_plan_final(proposal_sent=PROPOSAL),
                 (E.DRAFT_PLAN_ISSUED, D(2027, 3, 1)), Status.OVERDUE,
                 id="amended-plan-not-met-by-a-draft"),
    pytest.param(decide_whether_to_reassess(request_received=PROPOSAL),
                 (E.DECISION_NOT_TO_REASSESS, D(2027, 2, 10)), Status.MET,
                 id="reassess-refused-met"),
    pytest.param(decide_whether_to_reassess(request_received=PROPOSAL),
                 (E.DECISION_TO_ASSESS, D(2027, 2, 10)), Status.MET, id="reassess-agreed-met"),
    pytest.param(decide_whether_to_reassess(request_received=PROPOSAL),
                 (E.DECISION_TO_ASSESS, D(2026, 2, 10)), Status.OVERDUE,
                 id="reassess-not-met-by-an-older-decision"),
    pytest.param(reassessment_final_plan(from_event=E.DECISION_TO_ASSESS, event_date=PROPOSAL),
                 (E.FINAL_PLAN_ISSUED, D(2027, 5, 1)), Status.MET, id="reassess-plan-met"),
    pytest.param(tribunal(T.ASSESS, PROPOSAL), (E.DECISION_TO_ASSESS, D(2027, 2, 10)),
                 Status.MET, id="order-assess-met-by-the-notice"),
    pytest.param(tribunal(T.ASSESS, PROPOSAL, 1), (E.DRAFT_PLAN_ISSUED, D(2027, 3, 1)),
                 Status.MET, id="order-no-plan-notice-met-by-a-draft"),
    pytest.param(tribunal(T.ASSESS, PROPOSAL, 2), (E.DECISION_NOT_TO_ISSUE_PLAN, D(2027, 3, 1)),
                 Status.MET, id="order-plan-ended-by-a-decision-not-to-issue-one"),
    pytest.param(tribunal(T.ASSESS, PROPOSAL, 2), (E.DRAFT_PLAN_ISSUED, D(2027, 3, 1)),
                 Status.OVERDUE, id="order-plan-not-met-by-a-draft"),
    pytest.param(tribunal(T.MAKE_PLAN, PROPOSAL), (E.DRAFT_PLAN_ISSUED, D(2027, 3, 1)),
                 Status.MET, id="order-draft-met-by-a-draft"),
    pytest.param(tribunal(T.MAKE_PLAN, PROPOSAL, 1), (E.DRAFT_PLAN_ISSUED, D(2027, 3, 1)),
                 Status.OVERDUE, id="order-final-not-met-by-a-draft"),
    pytest.param(tribunal(T.AMEND_PLAN, PROPOSAL), (E.DECISION_TO_ASSESS, D(2027, 3, 1)),
                 Status.OVERDUE, id="order-amend-not-met-by-a-decision-to-assess"),
    pytest.param(tribunal(T.CHANGE_SCHOOL_ONLY, PROPOSAL), (E.FINAL_PLAN_ISSUED, D(2027, 2, 9)),
                 Status.MET, id="order-school-met"),
    pytest.param(tribunal(T.CONTINUE_PLAN, PROPOSAL), (E.TRIBUNAL_DECISION, PROPOSAL),
                 Status.MET, id="order-continue-met-by-the-order-itself"),
    pytest.param(provision_complaint_escalation(complaint_made=PROPOSAL),
                 (E.PROVISION_COMPLAINT_RESPONSE, D(2027, 2, 20)), Status.MET,
                 id="complaint-answered"),
    pytest.param(provision_complaint_escalation(complaint_made=PROPOSAL),
                 (E.OMBUDSMAN_COMPLAINT_MADE, D(2027, 4, 20)), Status.MET,
                 id="complaint-taken-to-the-ombudsman"),
    pytest.param(judicial_review_limit(grounds_arose=PROPOSAL, from_event=Recorded.DELIVERY_LOG),
                 (E.PRE_ACTION_LETTER_SENT, D(2027, 3, 1)), Status.OVERDUE,
                 id="judicial-review-by-date-only"),
    pytest.param(review_decision(review_meeting=D(2027, 1, 5)),
                 (E.AMENDMENT_PROPOSAL_ISSUED, D(2027, 2, 2)), Status.MET,
                 id="review-decision-met-by-proposed-amendments"),
    pytest.param(review_decision(review_meeting=D(2027, 1, 5)),
                 (E.DECISION_NOT_TO_AMEND, D(2027, 1, 20)), Status.MET,
                 id="review-decision-met-by-not-amending"),
    pytest.param(review_decision(review_meeting=D(2027, 1, 5)),
                 (E.CEASE_CONSIDERED, D(2027, 1, 20)), Status.MET,
                 id="review-decision-met-by-a-proposal-to-cease"),
    pytest.param(appeal_deadline(decision=E.DECISION_TO_CEASE, decision_date=PROPOSAL),
                 (E.APPEAL_LODGED, D(2027, 3, 1)), Status.MET, id="cease-appeal-lodged"),
]  # fmt: skip


@pytest.mark.parametrize(("deadline", "event", "status"), STATUS_SCENARIOS)
def test_what_discharges_each_new_rule(deadline, event, status):
    assert deadline_status(deadline, today=D(2028, 6, 1), events=[event]) is status


# -- plain English ------------------------------------------------------------------------------


def test_the_reassessment_plan_counted_from_the_request_says_so():
    sentence = explain(
        reassessment_final_plan(from_event=E.REASSESSMENT_REQUESTED, event_date=D(2026, 11, 16))
    )
    assert "Monday 22 February 2027" in sentence and "counted from your request" in sentence


def test_judicial_review_from_a_letter_warns_it_may_be_sooner():
    sentence = explain(
        judicial_review_limit(grounds_arose=D(2026, 11, 30), from_event=E.PRE_ACTION_LETTER_SENT)
    )
    assert "Sunday 28 February 2027" in sentence and "sooner" in sentence
    assert "Monday 30 November 2026" in sentence


@pytest.mark.parametrize("order", [o for o in TribunalOrder if o is not T.DISMISSED])
def test_each_order_says_what_the_council_must_do_and_never_by_5pm(order):
    for deadline in tribunal_order_compliance(order=order, decided=D(2026, 12, 18)):
        sentence = explain(deadline)
        assert "council" in sentence and "Tribunal ordered" in sentence
        assert "5pm" not in sentence  # 5pm is for acts in Tribunal proceedings only


# -- properties ---------------------------------------------------------------------------------

DATES = st.dates(min_value=D(2000, 1, 1), max_value=D(2098, 12, 31))
NEW_RULES = st.sampled_from(
    [
        lambda day: amendment_representations(proposal_sent=day),
        lambda day: amended_plan_final(proposal_sent=day),
        lambda day: decide_whether_to_reassess(request_received=day),
        lambda day: reassessment_final_plan(from_event=E.DECISION_TO_ASSESS, event_date=day),
        lambda day: reassessment_final_plan(from_event=E.REASSESSMENT_REQUESTED, event_date=day),
        *(
            (lambda day, order=order, index=index: tribunal(order, day, index))
            for order, periods in TRIBUNAL_ORDER_PERIODS.items()
            for index in range(len(periods))
        ),
        lambda day: provision_complaint_escalation(complaint_made=day),
        lambda day: judicial_review_limit(grounds_arose=day, from_event=Recorded.DELIVERY_LOG),
        lambda day: pre_action_reply(letter_sent=day),
        lambda day: appeal_deadline(decision=E.DECISION_NOT_TO_AMEND, decision_date=day),
        lambda day: appeal_deadline(decision=E.DECISION_TO_CEASE, decision_date=day),
        lambda day: appeal_deadline(decision=E.DECISION_NOT_TO_REASSESS, decision_date=day),
    ]
)


@given(NEW_RULES, DATES)
def test_a_new_deadline_is_never_before_its_start(rule, day):
    deadline = rule(day)
    assert deadline.due >= deadline.event_date == day
    assert long_date(deadline.due) in explain(deadline)


@given(NEW_RULES, DATES, DATES)
def test_a_later_start_never_gives_an_earlier_date(rule, first, second):
    early, late = sorted((first, second))
    assert rule(early).due <= rule(late).due


@given(DATES)
def test_the_complaint_date_is_a_working_day_20_working_days_on(day):
    due = provision_complaint_escalation(complaint_made=day).due
    assert is_working_day(due)
    # 20 working days are 4 weeks, plus at most the bank holidays of Christmas and Easter.
    assert 26 <= (due - day).days <= 34
    between = [day + timedelta(days=n) for n in range(1, (due - day).days + 1)]
    assert sum(is_working_day(d) for d in between) == 20


@given(DATES, st.integers(min_value=1, max_value=120))
def test_the_complaint_date_is_the_given_number_of_working_days_on(day, working_days):
    due = provision_complaint_escalation(complaint_made=day, working_days=working_days).due
    assert is_working_day(due)
    between = [day + timedelta(days=n) for n in range(1, (due - day).days + 1)]
    assert sum(is_working_day(d) for d in between) == working_days


@given(DATES)
def test_council_duties_never_roll_forward(day):
    # A council duty is its computed date, whatever day of the week it falls on.
    assert amended_plan_final(proposal_sent=day).due == day + timedelta(weeks=8)
    assert decide_whether_to_reassess(request_received=day).due == day + timedelta(days=15)
    assert tribunal(T.AMEND_PLAN, day).due == day + timedelta(weeks=5)
    assert judicial_review_limit(
        grounds_arose=day, from_event=Recorded.DELIVERY_LOG
    ).due == add_months(day, 3)


@given(DATES)
def test_the_transfer_dates_never_move_from_14_february_and_30_march(day):
    assert phase_transfer_plan(transfer_date=day).due == D(day.year, 2, 14)
    post16 = phase_transfer_plan(transfer_date=day, transfer=TransferKind.POST16)
    assert post16.due == D(day.year, 3, 30)


@given(st.lists(st.tuples(st.sampled_from(list(EventType)), DATES), max_size=8),
       st.one_of(st.none(), st.sampled_from(list(TribunalOrder))),
       st.one_of(st.none(), DATES))  # fmt: skip
def test_the_engine_is_sorted_and_every_date_has_a_sentence_and_its_law(events, order, failed):
    found = deadlines_for_events(events, order=order, provision_failed=failed)
    assert [(d.due, d.key) for d in found] == sorted((d.due, d.key) for d in found)
    for deadline in found:
        assert deadline.source == law.cite(deadline.law) or deadline.rule is RuleId.APPEAL_DEADLINE
        assert explain(deadline).endswith(".")
