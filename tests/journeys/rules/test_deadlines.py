"""The statutory deadlines engine: every rule by hand (a scenario table) and by property."""

from datetime import date, timedelta

import holidays
import pytest
from hypothesis import given
from hypothesis import strategies as st

from journeys.rules import law
from journeys.rules.calendar import add_months, is_working_day, working_day_on_or_after
from journeys.rules.deadlines import (
    APPEALABLE_DECISIONS,
    DutyHolder,
    Recorded,
    RuleId,
    Status,
    TransferKind,
    add_weeks,
    amended_plan_final,
    amendment_representations,
    annual_review,
    appeal_deadline,
    appealed_decision,
    deadline_status,
    deadlines_for_events,
    decide_whether_to_assess,
    decide_whether_to_assess_if_sent,
    decide_whether_to_reassess,
    discharged_on,
    draft_plan_representations,
    explain,
    final_plan,
    is_in_christmas_window,
    judicial_review_limit,
    last_day_of_months_starting_with,
    long_date,
    mediation_by,
    mediation_certificate_after_mediation,
    mediation_certificate_without_mediation,
    notify_no_plan,
    phase_transfer_plan,
    pre_action_reply,
    provision_complaint_escalation,
    reassessment_final_plan,
    review_decision,
    roll_forward_tribunal,
    tribunal_order_compliance,
)
from journeys.rules.vocabulary import EventType, TribunalOrder

# (request received, decision due), computed by hand: event + 6 x 7 days, no roll-forward.
SIX_WEEK_SCENARIOS = [
    (date(2026, 11, 6), date(2026, 12, 18)),  # DOMAIN.md's own example (Friday to Friday)
    (date(2026, 11, 23), date(2027, 1, 4)),  # across Christmas and New Year: no pause
    (date(2026, 11, 15), date(2026, 12, 27)),  # due on a Sunday: stays a Sunday (council duty)
    (date(2028, 1, 18), date(2028, 2, 29)),  # lands on 29 February in a leap year
    (date(2027, 1, 18), date(2027, 3, 1)),  # the same span in a common year
    (date(2026, 2, 20), date(2026, 4, 3)),  # due on Good Friday 2026: not moved
    (date(2026, 12, 31), date(2027, 2, 11)),  # across the year end
]


@pytest.mark.parametrize(("received", "due"), SIX_WEEK_SCENARIOS)
def test_decision_due_six_weeks_after_receipt(received, due):
    deadline = decide_whether_to_assess(request_received=received)
    assert deadline.due == due
    assert deadline.rule is RuleId.DECIDE_WHETHER_TO_ASSESS
    assert deadline.from_event is EventType.REQUEST_RECEIVED
    assert deadline.duty_holder is DutyHolder.COUNCIL
    assert deadline.source == "SEND Regulations 2014, reg 5(1)"


@pytest.mark.parametrize(("today", "due"), SIX_WEEK_SCENARIOS)
def test_a_request_sent_today_is_decided_six_weeks_from_today(today, due):
    # Until the council confirms receipt, the confirmation page counts from the day it is sent.
    assert decide_whether_to_assess_if_sent(today=today) == decide_whether_to_assess(
        request_received=today
    )
    assert decide_whether_to_assess_if_sent(today=today).due == due


@given(st.dates(min_value=date(2000, 1, 1), max_value=date(2099, 12, 31)))
def test_decision_is_always_42_days_later_on_the_same_weekday(received):
    due = decide_whether_to_assess(request_received=received).due
    assert due - received == timedelta(days=42)
    assert due.weekday() == received.weekday()


@given(st.dates(max_value=date(9000, 1, 1)), st.integers(min_value=0, max_value=520))
def test_add_weeks_never_goes_back(start, weeks):
    assert add_weeks(start, weeks) >= start


# -- every rule, by hand ------------------------------------------------------------------------
#
# Each row: the rule function, its keyword arguments, the due date worked out by hand from the
# regulation, and a comment with the working. England bank holidays used below: 2026 — Good
# Friday 3 Apr, Easter Monday 6 Apr, 4 May, 25 May, 31 Aug, 25 Dec, 28 Dec (Boxing Day
# substitute); 2027 — 1 Jan, Good Friday 26 Mar, Easter Monday 29 Mar, 30 Aug, 27 and 28 Dec
# (both substitutes); 2028 — 3 Jan (New Year substitute), 25 and 26 Dec; 2029 — 27 Aug.

D = date
SCENARIOS = [
    # -- weeks (council duties: never rolled forward) --
    pytest.param(notify_no_plan, {"request_received": D(2026, 11, 6)}, D(2027, 2, 26),
                 id="no-plan-16-weeks"),  # 6 Nov + 112 days: 4 Dec, 1 Jan, 29 Jan, 26 Feb
    pytest.param(notify_no_plan, {"request_received": D(2026, 9, 5)}, D(2026, 12, 26),
                 id="no-plan-due-boxing-day-stays"),  # Sat 5 Sep + 16 weeks = Sat 26 Dec
    pytest.param(notify_no_plan, {"request_received": D(2027, 11, 9)}, D(2028, 2, 29),
                 id="no-plan-leap-day"),  # 9 Nov + 4w 7 Dec, 8w 4 Jan, 12w 1 Feb, 16w 29 Feb
    pytest.param(final_plan, {"request_received": D(2026, 11, 6)}, D(2027, 3, 26),
                 id="final-plan-good-friday-stays"),  # 26 Feb + 4 weeks = Good Friday 2027
    pytest.param(final_plan, {"request_received": D(2026, 9, 2)}, D(2027, 1, 20),
                 id="final-plan-across-new-year"),  # 2 Sep + 20w: 30 Sep .. 23 Dec, 20 Jan
    pytest.param(decide_whether_to_assess, {"request_received": D(2026, 11, 13)},
                 D(2026, 12, 25), id="decision-due-christmas-day-stays"),  # 13 Nov + 42 days
    pytest.param(review_decision, {"review_meeting": D(2026, 12, 3)}, D(2026, 12, 31),
                 id="review-decision-4-weeks"),  # Thu 3 Dec + 28 days = Thu 31 Dec
    pytest.param(review_decision, {"review_meeting": D(2026, 11, 28)}, D(2026, 12, 26),
                 id="review-decision-saturday-stays"),  # Sat 28 Nov + 4 weeks = Sat 26 Dec
    # -- "15 days beginning with" the day received: + 14 days, no roll-forward --
    pytest.param(draft_plan_representations, {"draft_received": D(2027, 2, 3)},
                 D(2027, 2, 17), id="draft-domain-example"),  # DOMAIN.md section 2
    pytest.param(draft_plan_representations, {"draft_received": D(2028, 2, 15)},
                 D(2028, 2, 29), id="draft-leap-day"),  # 15 Feb + 14 = 29 Feb 2028
    pytest.param(draft_plan_representations, {"draft_received": D(2026, 12, 18)},
                 D(2027, 1, 1), id="draft-new-years-day-stays"),  # 18 Dec + 14 = 1 Jan
    pytest.param(draft_plan_representations, {"draft_received": D(2026, 12, 20)},
                 D(2027, 1, 3), id="draft-sunday-stays"),  # Sun 20 Dec + 14 = Sun 3 Jan
    # -- days --
    pytest.param(mediation_by, {"mediation_requested": D(2026, 11, 5)}, D(2026, 12, 5),
                 id="mediation-by-domain-example"),  # 5 Nov + 30 = Sat 5 Dec, not moved
    pytest.param(mediation_by, {"mediation_requested": D(2027, 1, 30)}, D(2027, 3, 1),
                 id="mediation-by-across-february"),  # 31 Jan is day 1, 28 Feb day 29
    pytest.param(mediation_by, {"mediation_requested": D(2028, 1, 30)}, D(2028, 2, 29),
                 id="mediation-by-leap-february"),  # 31 Jan day 1, 29 Feb day 30
    pytest.param(mediation_by, {"mediation_requested": D(2026, 11, 25)}, D(2026, 12, 25),
                 id="mediation-by-christmas-stays"),  # 25 Nov + 30 = 25 Dec
    # -- 3 working days, counted from the day after --
    pytest.param(mediation_certificate_without_mediation, {"adviser_contacted": D(2026, 4, 2)},
                 D(2026, 4, 9), id="certificate-easter-domain"),  # GF, weekend, EM: 7, 8, 9
    pytest.param(mediation_certificate_without_mediation, {"adviser_contacted": D(2026, 4, 1)},
                 D(2026, 4, 8), id="certificate-easter-from-wednesday"),  # Thu 2, Tue 7, Wed 8
    pytest.param(mediation_certificate_without_mediation, {"adviser_contacted": D(2026, 11, 6)},
                 D(2026, 11, 11), id="certificate-over-weekend"),  # Fri: Mon 9, Tue 10, Wed 11
    pytest.param(mediation_certificate_without_mediation, {"adviser_contacted": D(2026, 11, 9)},
                 D(2026, 11, 12), id="certificate-plain-week"),  # Mon: Tue, Wed, Thu 12
    pytest.param(mediation_certificate_without_mediation, {"adviser_contacted": D(2026, 11, 7)},
                 D(2026, 11, 11), id="certificate-told-on-saturday"),  # Mon 9, Tue 10, Wed 11
    pytest.param(mediation_certificate_without_mediation, {"adviser_contacted": D(2027, 12, 23)},
                 D(2027, 12, 30), id="certificate-christmas-2027-substitutes"),  # 24, 29, 30
    pytest.param(mediation_certificate_without_mediation, {"adviser_contacted": D(2027, 12, 22)},
                 D(2027, 12, 29), id="certificate-christmas-2027-from-wednesday"),  # 23, 24, 29
    pytest.param(mediation_certificate_without_mediation, {"adviser_contacted": D(2027, 12, 30)},
                 D(2028, 1, 5), id="certificate-new-year-2028-substitute"),  # 31, Tue 4, Wed 5
    pytest.param(mediation_certificate_without_mediation, {"adviser_contacted": D(2026, 12, 23)},
                 D(2026, 12, 30), id="certificate-boxing-day-substitute"),  # 24, Tue 29, Wed 30
    pytest.param(mediation_certificate_after_mediation, {"mediation_held": D(2026, 8, 28)},
                 D(2026, 9, 3), id="certificate-after-mediation-august-bank-holiday"),  # 1,2,3
    pytest.param(mediation_certificate_after_mediation, {"mediation_held": D(2027, 3, 25)},
                 D(2027, 4, 1), id="certificate-after-mediation-easter-2027"),  # 30, 31, 1 Apr
    pytest.param(mediation_certificate_after_mediation, {"mediation_held": D(2026, 4, 30)},
                 D(2026, 5, 6), id="certificate-after-mediation-may-day"),  # Fri 1, Tue 5, Wed 6
    # -- the appeal: later of decision + 2 months and certificate + 1 month, then rolled --
    pytest.param(appeal_deadline, {"decision": EventType.DECISION_NOT_TO_ASSESS,
                                   "decision_date": D(2026, 6, 3),
                                   "certificate_issued": D(2026, 7, 14)},
                 D(2026, 9, 1), id="appeal-domain-example"),  # 14 Aug (August) → Tue 1 Sep
    pytest.param(appeal_deadline, {"decision": EventType.DECISION_NOT_TO_ASSESS,
                                   "decision_date": D(2026, 12, 31)},
                 D(2027, 3, 1), id="appeal-31-dec-month-end-sunday"),  # 28 Feb 2027 is a Sun
    pytest.param(appeal_deadline, {"decision": EventType.FINAL_PLAN_ISSUED,
                                   "decision_date": D(2027, 12, 31)},
                 D(2028, 2, 29), id="appeal-31-dec-leap-year"),  # 29 Feb 2028, a Tuesday
    pytest.param(appeal_deadline, {"decision": EventType.FINAL_PLAN_ISSUED,
                                   "decision_date": D(2026, 12, 30)},
                 D(2027, 3, 1), id="appeal-30-dec-month-end"),  # 28 Feb (Sun) → Mon 1 Mar
    pytest.param(appeal_deadline, {"decision": EventType.DECISION_NOT_TO_ASSESS,
                                   "decision_date": D(2026, 6, 1)},
                 D(2026, 9, 1), id="appeal-1-august"),  # 1 Aug → first working day after 31
    pytest.param(appeal_deadline, {"decision": EventType.DECISION_NOT_TO_ASSESS,
                                   "decision_date": D(2026, 6, 10),
                                   "certificate_issued": D(2026, 7, 31)},
                 D(2026, 9, 1), id="appeal-31-august-bank-holiday"),  # 31 Aug is never it
    pytest.param(appeal_deadline, {"decision": EventType.DECISION_NOT_TO_ISSUE_PLAN,
                                   "decision_date": D(2027, 6, 30)},
                 D(2027, 9, 1), id="appeal-august-2027"),  # 30 Aug (BH, August) → Wed 1 Sep
    pytest.param(appeal_deadline, {"decision": EventType.DECISION_NOT_TO_ASSESS,
                                   "decision_date": D(2026, 7, 1)},
                 D(2026, 9, 1), id="appeal-1-september-working-day"),  # 1 Sep itself, a Tue
    pytest.param(appeal_deadline, {"decision": EventType.DECISION_NOT_TO_ASSESS,
                                   "decision_date": D(2029, 6, 15)},
                 D(2029, 9, 3), id="appeal-august-2029-1-sep-saturday"),  # Sat 1, Sun 2 → Mon 3
    pytest.param(appeal_deadline, {"decision": EventType.FINAL_PLAN_ISSUED,
                                   "decision_date": D(2026, 7, 15),
                                   "certificate_issued": D(2026, 8, 31)},
                 D(2026, 9, 30), id="appeal-certificate-31-aug-plus-month"),  # 30 Sep vs 15 Sep
    pytest.param(appeal_deadline, {"decision": EventType.DECISION_NOT_TO_ASSESS,
                                   "decision_date": D(2026, 10, 25)},
                 D(2027, 1, 4), id="appeal-25-december"),  # window → after 1 Jan: Mon 4 Jan
    pytest.param(appeal_deadline, {"decision": EventType.DECISION_NOT_TO_ASSESS,
                                   "decision_date": D(2026, 11, 1)},
                 D(2027, 1, 4), id="appeal-1-january"),  # 1 Jan in window → Mon 4 Jan 2027
    pytest.param(appeal_deadline, {"decision": EventType.DECISION_NOT_TO_ASSESS,
                                   "decision_date": D(2026, 10, 24)},
                 D(2026, 12, 24), id="appeal-24-december-outside-window"),  # Thu, working day
    pytest.param(appeal_deadline, {"decision": EventType.DECISION_NOT_TO_ASSESS,
                                   "decision_date": D(2028, 10, 24)},
                 D(2028, 12, 27), id="appeal-24-december-sunday-r12-2"),  # 25, 26 BH → Wed 27
    pytest.param(appeal_deadline, {"decision": EventType.DECISION_NOT_TO_ASSESS,
                                   "decision_date": D(2026, 11, 2)},
                 D(2027, 1, 4), id="appeal-2-january-saturday"),  # outside window: r.12(2)
    pytest.param(appeal_deadline, {"decision": EventType.FINAL_PLAN_ISSUED,
                                   "decision_date": D(2027, 10, 1),
                                   "certificate_issued": D(2027, 11, 28)},
                 D(2028, 1, 4), id="appeal-christmas-2027-new-year-substitute"),  # 3 Jan BH
    pytest.param(appeal_deadline, {"decision": EventType.FINAL_PLAN_ISSUED,
                                   "decision_date": D(2026, 12, 20),
                                   "certificate_issued": D(2027, 1, 31)},
                 D(2027, 3, 1), id="appeal-certificate-31-jan-plus-month"),  # 28 Feb (Sun)
    pytest.param(appeal_deadline, {"decision": EventType.DECISION_NOT_TO_ASSESS,
                                   "decision_date": D(2026, 3, 10),
                                   "certificate_issued": D(2026, 4, 1)},
                 D(2026, 5, 11), id="appeal-decision-later"),  # 10 May (Sun) > 1 May
    pytest.param(appeal_deadline, {"decision": EventType.DECISION_NOT_TO_ASSESS,
                                   "decision_date": D(2027, 1, 26)},
                 D(2027, 3, 30), id="appeal-good-friday"),  # 26 Mar GF, 29 EM → Tue 30 Mar
    pytest.param(appeal_deadline, {"decision": EventType.DECISION_NOT_TO_ASSESS,
                                   "decision_date": D(2026, 2, 6)},
                 D(2026, 4, 7), id="appeal-easter-monday"),  # 6 Apr EM → Tue 7 Apr
    pytest.param(appeal_deadline, {"decision": EventType.DECISION_NOT_TO_ASSESS,
                                   "decision_date": D(2026, 3, 4)},
                 D(2026, 5, 5), id="appeal-may-day"),  # 4 May BH → Tue 5 May
    pytest.param(appeal_deadline, {"decision": EventType.DECISION_NOT_TO_ASSESS,
                                   "decision_date": D(2027, 5, 31)},
                 D(2027, 8, 2), id="appeal-31-july-saturday-r12-2"),  # Sat 31 Jul → Mon 2 Aug
    pytest.param(appeal_deadline, {"decision": EventType.DECISION_NOT_TO_ASSESS,
                                   "decision_date": D(2027, 2, 28),
                                   "certificate_issued": D(2027, 3, 28)},
                 D(2027, 4, 28), id="appeal-tie"),  # both 28 Apr 2027, a Wednesday
    # -- months: reviews --
    # Changed (s.44(1) "12 months starting with"): the last day of the 12 months, the day
    # before the anniversary, not the anniversary itself.
    pytest.param(annual_review, {"from_event": EventType.FINAL_PLAN_ISSUED,
                                 "event_date": D(2026, 1, 5)},
                 D(2027, 1, 4), id="annual-review-domain-example"),  # DOMAIN.md 1.5
    # 29 Feb 2028: month 12 of the period runs from 29 Jan 2029 to the day before "29 Feb
    # 2029", which does not exist, so it ends with February: Wed 28 Feb 2029.
    pytest.param(annual_review, {"from_event": EventType.FINAL_PLAN_ISSUED,
                                 "event_date": D(2028, 2, 29)},
                 D(2029, 2, 28), id="annual-review-from-leap-day"),
    # 1 Mar 2027: the day before 1 Mar 2028 is Tue 29 Feb 2028 (a leap year).
    pytest.param(annual_review, {"from_event": EventType.FINAL_PLAN_ISSUED,
                                 "event_date": D(2027, 3, 1)},
                 D(2028, 2, 29), id="annual-review-ends-on-leap-day"),
    # 1 Mar 2028: the day before 1 Mar 2029 is Wed 28 Feb 2029.
    pytest.param(annual_review, {"from_event": EventType.ANNUAL_REVIEW_MEETING,
                                 "event_date": D(2028, 3, 1)},
                 D(2029, 2, 28), id="annual-review-from-1-march-after-leap-year"),
    # 28 Feb 2028 (a leap year): the day before 28 Feb 2029 is Tue 27 Feb 2029.
    pytest.param(annual_review, {"from_event": EventType.FINAL_PLAN_ISSUED,
                                 "event_date": D(2028, 2, 28)},
                 D(2029, 2, 27), id="annual-review-28-february-leap-year"),
    # 1 Jan 2026: the day before 1 Jan 2027 is Thu 31 Dec 2026, across the year end.
    pytest.param(annual_review, {"from_event": EventType.ANNUAL_REVIEW_MEETING,
                                 "event_date": D(2026, 1, 1)},
                 D(2026, 12, 31), id="annual-review-year-end"),
    # 2 Jan 2027: due Sat 1 Jan 2028, New Year's Day; a council duty is not moved.
    pytest.param(annual_review, {"from_event": EventType.ANNUAL_REVIEW_MEETING,
                                 "event_date": D(2027, 1, 2)},
                 D(2028, 1, 1), id="annual-review-bank-holiday-stays"),
    # 15 Aug 2026: due Sat 14 Aug 2027, not moved.
    pytest.param(annual_review, {"from_event": EventType.ANNUAL_REVIEW_MEETING,
                                 "event_date": D(2026, 8, 15)},
                 D(2027, 8, 14), id="annual-review-saturday-stays"),
    # 31 Jan 2027: the day before 31 Jan 2028 is Sun 30 Jan 2028.
    pytest.param(annual_review, {"from_event": EventType.FINAL_PLAN_ISSUED,
                                 "event_date": D(2027, 1, 31)},
                 D(2028, 1, 30), id="annual-review-month-end"),
    # -- fixed dates: phase transfer (reg 18: "before 15 February" → 14 February) --
    pytest.param(phase_transfer_plan, {"transfer_date": D(2027, 9, 1)}, D(2027, 2, 14),
                 id="phase-transfer-14-february-sunday-stays"),  # Sun 14 Feb 2027
    pytest.param(phase_transfer_plan, {"transfer_date": D(2026, 9, 1)}, D(2026, 2, 14),
                 id="phase-transfer-saturday-stays"),  # Sat 14 Feb 2026
    pytest.param(phase_transfer_plan, {"transfer_date": D(2031, 9, 1),
                                       "transfer": TransferKind.SCHOOL},
                 D(2031, 2, 14), id="phase-transfer-school-explicit"),  # Fri 14 Feb 2031
    # reg 18(1)(a): "before 31 March" → 30 March of the year of the move.
    pytest.param(phase_transfer_plan, {"transfer_date": D(2027, 9, 1),
                                       "transfer": TransferKind.POST16},
                 D(2027, 3, 30), id="phase-transfer-post-16"),  # Tue 30 Mar 2027
    pytest.param(phase_transfer_plan, {"transfer_date": D(2026, 9, 1),
                                       "transfer": TransferKind.POST16},
                 D(2026, 3, 30), id="phase-transfer-post-16-2026"),  # Mon 30 Mar 2026
    # reg 18(2): at least 5 months before the move (relativedelta(months=-5)).
    # 31 Jul 2027 - 5 months: there is no 31 Feb, so Sun 28 Feb 2027 (28 Feb + 5 months =
    # 28 Jul, before the move; 1 Mar + 5 months = 1 Aug would be after it).
    pytest.param(phase_transfer_plan, {"transfer_date": D(2027, 7, 31),
                                       "transfer": TransferKind.BETWEEN_POST16},
                 D(2027, 2, 28), id="between-post-16-31-july"),
    # 31 Jul 2028 (leap year) - 5 months = Tue 29 Feb 2028.
    pytest.param(phase_transfer_plan, {"transfer_date": D(2028, 7, 31),
                                       "transfer": TransferKind.BETWEEN_POST16},
                 D(2028, 2, 29), id="between-post-16-leap-year"),
    # 6 Jan 2027 - 5 months = Sun 6 Aug 2026, across the year end.
    pytest.param(phase_transfer_plan, {"transfer_date": D(2027, 1, 6),
                                       "transfer": TransferKind.BETWEEN_POST16},
                 D(2026, 8, 6), id="between-post-16-year-end"),
    # 30 Sep 2026 - 5 months = Thu 30 Apr 2026.
    pytest.param(phase_transfer_plan, {"transfer_date": D(2026, 9, 30),
                                       "transfer": TransferKind.BETWEEN_POST16},
                 D(2026, 4, 30), id="between-post-16-30-september"),
    # 4 Oct 2026 - 5 months = Mon 4 May 2026, the early May bank holiday: not moved.
    pytest.param(phase_transfer_plan, {"transfer_date": D(2026, 10, 4),
                                       "transfer": TransferKind.BETWEEN_POST16},
                 D(2026, 5, 4), id="between-post-16-bank-holiday-stays"),
]  # fmt: skip


@pytest.mark.parametrize(("rule", "kwargs", "due"), SCENARIOS)
def test_scenario(rule, kwargs, due):
    assert rule(**kwargs).due == due


def test_the_scenario_table_is_big_enough():
    assert len(SCENARIOS) >= 40


@pytest.mark.parametrize(
    ("rule", "kwargs", "rule_id", "from_event", "holder", "source"),
    [
        (notify_no_plan, {"request_received": D(2026, 1, 5)}, RuleId.NOTIFY_NO_PLAN,
         EventType.REQUEST_RECEIVED, DutyHolder.COUNCIL, "SEND Regulations 2014, reg 10(1)"),
        (final_plan, {"request_received": D(2026, 1, 5)}, RuleId.FINAL_PLAN,
         EventType.REQUEST_RECEIVED, DutyHolder.COUNCIL, "SEND Regulations 2014, reg 13(2)"),
        (draft_plan_representations, {"draft_received": D(2026, 1, 5)},
         RuleId.DRAFT_PLAN_REPRESENTATIONS, EventType.DRAFT_PLAN_ISSUED, DutyHolder.PARENT,
         "SEND Regulations 2014, reg 13(1)(a)"),
        (mediation_certificate_without_mediation, {"adviser_contacted": D(2026, 1, 5)},
         RuleId.MEDIATION_CERTIFICATE, EventType.MEDIATION_ADVISER_CONTACTED,
         DutyHolder.MEDIATION_ADVISER, "SEND Regulations 2014, reg 34(1)"),
        (mediation_certificate_after_mediation, {"mediation_held": D(2026, 1, 5)},
         RuleId.MEDIATION_CERTIFICATE, EventType.MEDIATION_HELD,
         DutyHolder.MEDIATION_ADVISER, "SEND Regulations 2014, reg 39"),
        (mediation_by, {"mediation_requested": D(2026, 1, 5)}, RuleId.MEDIATION_BY,
         EventType.MEDIATION_REQUESTED, DutyHolder.COUNCIL, "SEND Regulations 2014, reg 37"),
        (appeal_deadline, {"decision": EventType.FINAL_PLAN_ISSUED,
                           "decision_date": D(2026, 1, 5)},
         RuleId.APPEAL_DEADLINE, EventType.FINAL_PLAN_ISSUED, DutyHolder.PARENT,
         "Tribunal Procedure (First-tier Tribunal) (HESC Chamber) Rules 2008, r.20(1)(c); "
         "r.12(2) and r.12(3)(a)"),
        (annual_review, {"from_event": EventType.ANNUAL_REVIEW_MEETING,
                         "event_date": D(2026, 1, 5)},
         RuleId.ANNUAL_REVIEW, EventType.ANNUAL_REVIEW_MEETING, DutyHolder.COUNCIL,
         "Children and Families Act 2014, s.44(1)"),
        (review_decision, {"review_meeting": D(2026, 1, 5)}, RuleId.REVIEW_DECISION,
         EventType.ANNUAL_REVIEW_MEETING, DutyHolder.COUNCIL,
         "SEND Regulations 2014, reg 20(10)"),
        (phase_transfer_plan, {"transfer_date": D(2026, 9, 1)}, RuleId.PHASE_TRANSFER_PLAN,
         EventType.PHASE_TRANSFER_YEAR, DutyHolder.COUNCIL,
         "SEND Regulations 2014, reg 18(1)(b)"),
        (phase_transfer_plan, {"transfer_date": D(2026, 9, 1),
                               "transfer": TransferKind.POST16},
         RuleId.PHASE_TRANSFER_PLAN, EventType.PHASE_TRANSFER_YEAR, DutyHolder.COUNCIL,
         "SEND Regulations 2014, reg 18(1)(a)"),
        (phase_transfer_plan, {"transfer_date": D(2026, 9, 1),
                               "transfer": TransferKind.BETWEEN_POST16},
         RuleId.PHASE_TRANSFER_PLAN, EventType.PHASE_TRANSFER_YEAR, DutyHolder.COUNCIL,
         "SEND Regulations 2014, reg 18(2)"),
    ],
)  # fmt: skip
def test_each_rule_names_its_duty_holder_and_source(
    rule, kwargs, rule_id, from_event, holder, source
):
    deadline = rule(**kwargs)
    assert deadline.rule is rule_id
    assert deadline.from_event is from_event
    assert deadline.event_date == next(v for v in kwargs.values() if isinstance(v, date))
    assert deadline.duty_holder is holder
    assert deadline.source == source
    # The source is the law module's citation of the deadline's own law entry.
    assert deadline.source.startswith(law.cite(deadline.law).rpartition(", ")[0])
    assert law.cite(deadline.law).rpartition(", ")[2] in deadline.source


def test_appeal_counts_from_the_certificate_when_its_month_ends_later():
    deadline = appeal_deadline(
        decision=EventType.DECISION_NOT_TO_ASSESS,
        decision_date=D(2026, 6, 3),
        certificate_issued=D(2026, 7, 14),
    )
    assert (deadline.from_event, deadline.event_date) == (
        EventType.MEDIATION_CERTIFICATE_ISSUED,
        D(2026, 7, 14),
    )


@pytest.mark.parametrize(
    "certificate",
    [D(2026, 3, 20), D(2026, 4, 3)],
    ids=["certificate-earlier", "certificate-ends-same-day"],
)
def test_appeal_counts_from_the_decision_when_it_ends_later_or_the_same_day(certificate):
    # decision 3 Mar 2026 + 2 months = 3 May 2026 (a Sunday; 4 May is a bank holiday),
    # certificate + 1 month = 20 Apr or 3 May: the decision governs, due Tue 5 May 2026.
    deadline = appeal_deadline(
        decision=EventType.DECISION_NOT_TO_ISSUE_PLAN,
        decision_date=D(2026, 3, 3),
        certificate_issued=certificate,
    )
    assert deadline.from_event is EventType.DECISION_NOT_TO_ISSUE_PLAN
    assert deadline.event_date == D(2026, 3, 3)
    assert deadline.due == D(2026, 5, 5)


def test_appeal_refuses_an_event_that_is_not_an_appealable_decision():
    with pytest.raises(ValueError, match="request_received is not an appealable decision"):
        appeal_deadline(decision=EventType.REQUEST_RECEIVED, decision_date=D(2026, 1, 5))


def test_annual_review_refuses_an_event_it_is_not_counted_from():
    with pytest.raises(ValueError, match="not counted from draft_plan_issued"):
        annual_review(from_event=EventType.DRAFT_PLAN_ISSUED, event_date=D(2026, 1, 5))


@pytest.mark.parametrize(
    ("last_day", "in_time_on"),
    [
        (D(2026, 12, 24), D(2026, 12, 24)),  # the day before the window: itself
        (D(2026, 12, 25), D(2027, 1, 4)),  # first day of the window
        (D(2026, 12, 31), D(2027, 1, 4)),  # inside the window, same year
        (D(2027, 1, 1), D(2027, 1, 4)),  # last day of the window (next year's 1 Jan)
        (D(2027, 1, 2), D(2027, 1, 4)),  # just after it, a Saturday: r.12(2)
        (D(2026, 7, 31), D(2026, 7, 31)),  # Friday before August: itself
        (D(2026, 8, 1), D(2026, 9, 1)),
        (D(2026, 8, 31), D(2026, 9, 1)),  # a bank holiday in August
        (D(2026, 9, 1), D(2026, 9, 1)),
        (D(2026, 9, 5), D(2026, 9, 7)),  # Saturday in September → Monday
    ],
)
def test_roll_forward_tribunal(last_day, in_time_on):
    assert roll_forward_tribunal(last_day) == in_time_on


# -- properties -----------------------------------------------------------------------------

DATES = st.dates(min_value=D(2000, 1, 1), max_value=D(2099, 10, 31))
DECISIONS = st.sampled_from(APPEALABLE_DECISIONS)
RULES_COUNTED_FORWARD = st.sampled_from(
    [
        lambda day: decide_whether_to_assess(request_received=day),
        lambda day: notify_no_plan(request_received=day),
        lambda day: final_plan(request_received=day),
        lambda day: draft_plan_representations(draft_received=day),
        lambda day: mediation_certificate_without_mediation(adviser_contacted=day),
        lambda day: mediation_certificate_after_mediation(mediation_held=day),
        lambda day: mediation_by(mediation_requested=day),
        lambda day: appeal_deadline(decision=EventType.FINAL_PLAN_ISSUED, decision_date=day),
        lambda day: annual_review(from_event=EventType.FINAL_PLAN_ISSUED, event_date=day),
        lambda day: review_decision(review_meeting=day),
    ]
)


@given(RULES_COUNTED_FORWARD, DATES)
def test_a_deadline_is_never_before_its_event(rule, day):
    # phase_transfer_plan is left out on purpose: the plan is due before the move itself.
    deadline = rule(day)
    assert deadline.due > deadline.event_date == day


@given(DATES)
def test_a_working_day_result_is_a_working_day(day):
    for due in (
        mediation_certificate_without_mediation(adviser_contacted=day).due,
        mediation_certificate_after_mediation(mediation_held=day).due,
    ):
        assert due.weekday() < 5
        assert due not in holidays.country_holidays("GB", subdiv="ENG", years=due.year)
        assert 3 <= (due - day).days <= 10  # 3 working days never take more than 10 days


@given(DECISIONS, DATES, st.one_of(st.none(), DATES), DATES)
def test_a_later_certificate_never_makes_the_appeal_earlier(decision, decided, first, later):
    if first is not None and later < first:
        first, later = later, first
    before = appeal_deadline(decision=decision, decision_date=decided, certificate_issued=first)
    after = appeal_deadline(decision=decision, decision_date=decided, certificate_issued=later)
    assert after.due >= before.due


def _in_a_window(day):
    return day.month == 8 or is_in_christmas_window(day)


@given(DECISIONS, DATES, st.one_of(st.none(), DATES))
def test_the_appeal_deadline_is_a_working_day_outside_august_and_christmas(
    decision, decided, certificate
):
    deadline = appeal_deadline(
        decision=decision, decision_date=decided, certificate_issued=certificate
    )
    assert is_working_day(deadline.due)
    if _in_a_window(deadline.due):
        # The one way in: the time ended on a non-working day just before the window
        # (e.g. Sunday 24 December, Saturday 31 July) and r.12(2) carried it to the next
        # working day. r.12(3)(a) is not applied a second time (see roll_forward_tribunal).
        last_day = add_months(decided, 2)
        if certificate is not None:
            last_day = max(last_day, add_months(certificate, 1))
        assert not _in_a_window(last_day)
        assert not is_working_day(last_day)
        assert deadline.due == working_day_on_or_after(last_day)


# -- the engine: events in, deadlines out ----------------------------------------------------


def rules_of(deadlines):
    return [(d.rule.value, d.due) for d in deadlines]


def test_no_events_no_deadlines():
    assert deadlines_for_events([]) == []


def test_a_request_alone_starts_only_the_six_week_decision():
    # Changed: reg 10(1) and 13(2) follow a decision to assess; before it, they are not duties
    # the council owes (and a chaser must not cite them).
    found = deadlines_for_events([(EventType.REQUEST_RECEIVED, D(2026, 11, 6))])
    assert rules_of(found) == [("decide_whether_to_assess", D(2026, 12, 18))]


def test_a_decision_to_assess_starts_the_three_assessment_deadlines_in_date_order():
    found = deadlines_for_events(
        [
            (EventType.REQUEST_RECEIVED, D(2026, 11, 6)),
            (EventType.DECISION_TO_ASSESS, D(2026, 12, 10)),
        ]
    )
    # 16 and 20 weeks are still counted from the request: Fri 6 Nov 2026 + 112 / 140 days.
    assert rules_of(found) == [
        ("decide_whether_to_assess", D(2026, 12, 18)),
        ("notify_no_plan", D(2027, 2, 26)),
        ("final_plan", D(2027, 3, 26)),
    ]


ASSESSING_SCENARIOS = [
    # (events after a request received Fri 6 Nov 2026, the 16/20-week rules expected)
    pytest.param([], set(), id="request-only"),
    pytest.param([(EventType.DECISION_TO_ASSESS, D(2026, 12, 10))],
                 {RuleId.NOTIFY_NO_PLAN, RuleId.FINAL_PLAN}, id="decision-to-assess"),
    pytest.param([(EventType.DRAFT_PLAN_ISSUED, D(2027, 2, 1))],
                 {RuleId.NOTIFY_NO_PLAN, RuleId.FINAL_PLAN}, id="a-draft-implies-it"),
    pytest.param([(EventType.FINAL_PLAN_ISSUED, D(2027, 3, 1))],
                 {RuleId.NOTIFY_NO_PLAN, RuleId.FINAL_PLAN}, id="a-final-plan-implies-it"),
    pytest.param([(EventType.DECISION_NOT_TO_ISSUE_PLAN, D(2027, 2, 1))],
                 {RuleId.NOTIFY_NO_PLAN}, id="no-plan-implies-it-and-ends-the-20-weeks"),
    pytest.param([(EventType.DECISION_TO_ASSESS, D(2026, 1, 10))], set(),
                 id="a-decision-before-this-request-does-not-count"),
    pytest.param([(EventType.FINAL_PLAN_ISSUED, D(2025, 3, 1))], set(),
                 id="an-old-plan-does-not-count"),
    pytest.param([(EventType.DECISION_TO_ASSESS, D(2026, 12, 1)),
                  (EventType.DECISION_NOT_TO_ASSESS, D(2026, 12, 10))], set(),
                 id="a-later-refusal-wins"),
    pytest.param([(EventType.DECISION_TO_ASSESS, D(2026, 12, 10)),
                  (EventType.DECISION_NOT_TO_ASSESS, D(2026, 12, 10))], set(),
                 id="a-same-day-refusal-wins"),
    pytest.param([(EventType.DECISION_NOT_TO_ASSESS, D(2026, 12, 10)),
                  (EventType.DRAFT_PLAN_ISSUED, D(2027, 3, 1))],
                 {RuleId.NOTIFY_NO_PLAN, RuleId.FINAL_PLAN}, id="a-draft-after-a-refusal"),
]  # fmt: skip


@pytest.mark.parametrize(("later", "expected"), ASSESSING_SCENARIOS)
def test_the_16_and_20_weeks_start_only_once_the_council_agreed_to_assess(later, expected):
    found = deadlines_for_events([(EventType.REQUEST_RECEIVED, D(2026, 11, 6)), *later])
    assert {d.rule for d in found} & {RuleId.NOTIFY_NO_PLAN, RuleId.FINAL_PLAN} == expected
    for deadline in found:
        if deadline.rule in (RuleId.NOTIFY_NO_PLAN, RuleId.FINAL_PLAN):
            assert deadline.event_date == D(2026, 11, 6)


def test_the_latest_event_of_a_type_is_used():
    found = deadlines_for_events(
        [
            (EventType.REQUEST_RECEIVED, D(2026, 11, 6)),
            (EventType.REQUEST_RECEIVED, D(2026, 1, 5)),  # an older request, listed later
        ]
    )
    assert found[0] == decide_whether_to_assess(request_received=D(2026, 11, 6))


def test_a_refusal_to_assess_ends_the_16_and_20_week_duties_and_starts_the_appeal():
    found = deadlines_for_events(
        [
            (EventType.REQUEST_RECEIVED, D(2026, 4, 20)),
            (EventType.DECISION_NOT_TO_ASSESS, D(2026, 6, 3)),
            (EventType.MEDIATION_ADVISER_CONTACTED, D(2026, 7, 9)),
            (EventType.MEDIATION_CERTIFICATE_ISSUED, D(2026, 7, 14)),
        ]
    )
    assert rules_of(found) == [
        ("decide_whether_to_assess", D(2026, 6, 1)),  # 20 Apr + 42 days
        ("mediation_certificate", D(2026, 7, 14)),  # Thu 9 Jul: Fri 10, Mon 13, Tue 14
        ("appeal_deadline", D(2026, 9, 1)),  # DOMAIN.md's example
    ]


def test_a_later_decision_to_assess_restores_the_assessment_duties():
    found = deadlines_for_events(
        [
            (EventType.REQUEST_RECEIVED, D(2026, 11, 6)),
            (EventType.DECISION_NOT_TO_ASSESS, D(2026, 12, 10)),
            (EventType.DECISION_TO_ASSESS, D(2027, 1, 20)),  # the council changed its mind
        ]
    )
    assert {d.rule for d in found} >= {RuleId.NOTIFY_NO_PLAN, RuleId.FINAL_PLAN}


def test_a_refusal_before_a_new_request_does_not_end_its_duties():
    found = deadlines_for_events(
        [
            (EventType.DECISION_NOT_TO_ASSESS, D(2026, 2, 1)),
            (EventType.REQUEST_RECEIVED, D(2026, 11, 6)),
            (EventType.DECISION_TO_ASSESS, D(2026, 12, 10)),
        ]
    )
    assert {d.rule for d in found} >= {RuleId.NOTIFY_NO_PLAN, RuleId.FINAL_PLAN}


def test_a_decision_not_to_issue_a_plan_ends_the_final_plan_duty():
    found = deadlines_for_events(
        [
            (EventType.REQUEST_RECEIVED, D(2026, 1, 5)),
            (EventType.DECISION_TO_ASSESS, D(2026, 2, 10)),
            (EventType.DECISION_NOT_TO_ISSUE_PLAN, D(2026, 4, 20)),
        ]
    )
    assert [d.rule for d in found] == [
        RuleId.DECIDE_WHETHER_TO_ASSESS,
        RuleId.NOTIFY_NO_PLAN,
        RuleId.APPEAL_DEADLINE,  # 20 Apr + 2 months = Sat 20 Jun → Mon 22 Jun 2026
    ]
    assert found[-1].due == D(2026, 6, 22)


def test_a_plan_journey_gives_draft_appeal_and_annual_review():
    found = deadlines_for_events(
        [
            (EventType.REQUEST_RECEIVED, D(2026, 1, 5)),
            (EventType.DECISION_TO_ASSESS, D(2026, 2, 10)),
            (EventType.DRAFT_PLAN_ISSUED, D(2026, 4, 1)),
            (EventType.FINAL_PLAN_ISSUED, D(2026, 5, 20)),
        ]
    )
    assert rules_of(found) == [
        ("decide_whether_to_assess", D(2026, 2, 16)),
        ("draft_plan_representations", D(2026, 4, 15)),
        ("notify_no_plan", D(2026, 4, 27)),
        ("final_plan", D(2026, 5, 25)),  # 5 Jan + 140 days: a bank holiday, not moved
        ("appeal_deadline", D(2026, 7, 20)),  # 20 Jul 2026, a Monday
        ("annual_review", D(2027, 5, 19)),  # the day before 20 May 2027
    ]


def test_the_appeal_uses_the_latest_decision_and_only_a_certificate_after_it():
    found = deadlines_for_events(
        [
            (EventType.DECISION_NOT_TO_ASSESS, D(2026, 1, 12)),
            (EventType.MEDIATION_CERTIFICATE_ISSUED, D(2026, 2, 2)),  # about the refusal
            (EventType.FINAL_PLAN_ISSUED, D(2026, 10, 7)),
        ]
    )
    appeal = next(d for d in found if d.rule is RuleId.APPEAL_DEADLINE)
    assert (appeal.from_event, appeal.due) == (EventType.FINAL_PLAN_ISSUED, D(2026, 12, 7))


def test_same_day_decisions_count_from_the_first_listed_kind():
    found = deadlines_for_events(
        [
            (EventType.FINAL_PLAN_ISSUED, D(2026, 10, 7)),
            (EventType.DECISION_NOT_TO_ISSUE_PLAN, D(2026, 10, 7)),
        ]
    )
    appeal = next(d for d in found if d.rule is RuleId.APPEAL_DEADLINE)
    assert appeal.from_event is EventType.DECISION_NOT_TO_ISSUE_PLAN


@pytest.mark.parametrize(
    ("events", "expected"),
    [
        pytest.param(
            [(EventType.MEDIATION_ADVISER_CONTACTED, D(2026, 4, 2))],
            (EventType.MEDIATION_ADVISER_CONTACTED, D(2026, 4, 9)),
            id="adviser-only",
        ),
        pytest.param(
            [
                (EventType.MEDIATION_ADVISER_CONTACTED, D(2026, 4, 2)),
                (EventType.MEDIATION_REQUESTED, D(2026, 4, 2)),
                (EventType.MEDIATION_HELD, D(2026, 4, 30)),
            ],
            (EventType.MEDIATION_HELD, D(2026, 5, 6)),
            id="after-mediation",
        ),
        pytest.param(
            [(EventType.MEDIATION_HELD, D(2026, 4, 30))],
            (EventType.MEDIATION_HELD, D(2026, 5, 6)),
            id="mediation-only",
        ),
        pytest.param(
            [
                (EventType.MEDIATION_HELD, D(2025, 6, 1)),  # an earlier dispute
                (EventType.MEDIATION_ADVISER_CONTACTED, D(2026, 4, 2)),
                (EventType.MEDIATION_REQUESTED, D(2025, 5, 1)),
            ],
            (EventType.MEDIATION_ADVISER_CONTACTED, D(2026, 4, 9)),
            id="adviser-after-an-old-mediation",
        ),
        pytest.param(
            [
                (EventType.MEDIATION_ADVISER_CONTACTED, D(2026, 4, 2)),
                (EventType.MEDIATION_REQUESTED, D(2026, 4, 3)),
            ],
            None,
            id="mediation-wanted-not-yet-held",
        ),
    ],
)
def test_which_mediation_certificate_deadline_applies(events, expected):
    found = [d for d in deadlines_for_events(events) if d.rule is RuleId.MEDIATION_CERTIFICATE]
    assert [(d.from_event, d.due) for d in found] == ([expected] if expected else [])


def test_a_mediation_request_gives_the_30_day_meeting_deadline():
    found = deadlines_for_events([(EventType.MEDIATION_REQUESTED, D(2026, 11, 5))])
    assert rules_of(found) == [("mediation_by", D(2026, 12, 5))]


@pytest.mark.parametrize(
    ("events", "counted_from"),
    [
        pytest.param(
            [(EventType.FINAL_PLAN_ISSUED, D(2026, 5, 20))],
            (EventType.FINAL_PLAN_ISSUED, D(2026, 5, 20)),
            id="plan-only",
        ),
        pytest.param(
            [
                (EventType.FINAL_PLAN_ISSUED, D(2026, 5, 20)),
                (EventType.ANNUAL_REVIEW_MEETING, D(2027, 5, 10)),
            ],
            (EventType.ANNUAL_REVIEW_MEETING, D(2027, 5, 10)),
            id="review-after-plan",
        ),
        pytest.param(
            [
                (EventType.ANNUAL_REVIEW_MEETING, D(2026, 3, 10)),
                (EventType.FINAL_PLAN_ISSUED, D(2026, 5, 20)),  # e.g. after a tribunal
            ],
            # Changed: this row used to expect the later plan (20 May 2026), the old "later of
            # plan and review" rule. Act s.44(1)(b) counts from when the plan was last
            # reviewed; an amended plan does not restart the 12 months.
            (EventType.ANNUAL_REVIEW_MEETING, D(2026, 3, 10)),
            id="plan-after-review",
        ),
        pytest.param(
            [
                (EventType.FINAL_PLAN_ISSUED, D(2027, 1, 15)),  # amended, listed first
                (EventType.FINAL_PLAN_ISSUED, D(2026, 5, 20)),  # the plan first made
            ],
            (EventType.FINAL_PLAN_ISSUED, D(2026, 5, 20)),
            id="no-review-yet-the-first-plan",
        ),
        pytest.param(
            [
                (EventType.FINAL_PLAN_ISSUED, D(2026, 5, 20)),
                (EventType.ANNUAL_REVIEW_MEETING, D(2028, 5, 2)),
                (EventType.ANNUAL_REVIEW_MEETING, D(2027, 5, 10)),
            ],
            (EventType.ANNUAL_REVIEW_MEETING, D(2028, 5, 2)),
            id="the-latest-of-several-reviews",
        ),
    ],
)
def test_the_annual_review_counts_from_the_last_review_else_the_first_plan(events, counted_from):
    review = next(d for d in deadlines_for_events(events) if d.rule is RuleId.ANNUAL_REVIEW)
    assert (review.from_event, review.event_date) == counted_from
    assert review.due == add_months(counted_from[1], 12) - timedelta(days=1)


def test_a_review_meeting_without_a_plan_on_file_gives_review_and_decision():
    found = deadlines_for_events([(EventType.ANNUAL_REVIEW_MEETING, D(2026, 12, 3))])
    assert rules_of(found) == [
        ("review_decision", D(2026, 12, 31)),
        ("annual_review", D(2027, 12, 2)),
    ]


# Reviews and plans through the engine and the status, worked by hand. Each row: the events, the
# day the status is taken, the rule, and (due, counted from, its date, status). s.44(1) of the
# Act: 12 months from the plan first made, then from the last review; reg 20(10): the decision
# 4 weeks after the meeting, met by a draft or final plan on or after it; reg 13(1)(a): the
# parent's 15 days on a draft, closed by a final plan on or after it.
FIRST_PLAN = (EventType.FINAL_PLAN_ISSUED, D(2025, 3, 10))
REVIEW_SCENARIOS = [
    # The review finding: review Mon 5 Jan 2026, amended plan 20 Mar 2026. The next review is
    # due on the last day of the 12 months starting with the review, Mon 4 Jan 2027, not from
    # the amended plan (19 Mar 2027).
    pytest.param([FIRST_PLAN, (EventType.ANNUAL_REVIEW_MEETING, D(2026, 1, 5)),
                  (EventType.DRAFT_PLAN_ISSUED, D(2026, 2, 2)),
                  (EventType.FINAL_PLAN_ISSUED, D(2026, 3, 20))], D(2026, 6, 1),
                 RuleId.ANNUAL_REVIEW,
                 (D(2027, 1, 4), EventType.ANNUAL_REVIEW_MEETING, D(2026, 1, 5), Status.UPCOMING),
                 id="annual-review-from-the-review-not-the-amended-plan"),
    # Same case: 5 Jan + 28 days = Mon 2 Feb 2026; the proposed amendments (draft) came that
    # day, so the council acted on the review in time.
    pytest.param([FIRST_PLAN, (EventType.ANNUAL_REVIEW_MEETING, D(2026, 1, 5)),
                  (EventType.DRAFT_PLAN_ISSUED, D(2026, 2, 2)),
                  (EventType.FINAL_PLAN_ISSUED, D(2026, 3, 20))], D(2026, 6, 1),
                 RuleId.REVIEW_DECISION,
                 (D(2026, 2, 2), EventType.ANNUAL_REVIEW_MEETING, D(2026, 1, 5), Status.MET),
                 id="review-decision-met-by-the-draft-on-the-due-day"),
    # Same case: draft Mon 2 Feb 2026 + 14 = Mon 16 Feb; the amended final plan of 20 Mar
    # closed the window, so it is not shown as overdue in June.
    pytest.param([FIRST_PLAN, (EventType.ANNUAL_REVIEW_MEETING, D(2026, 1, 5)),
                  (EventType.DRAFT_PLAN_ISSUED, D(2026, 2, 2)),
                  (EventType.FINAL_PLAN_ISSUED, D(2026, 3, 20))], D(2026, 6, 1),
                 RuleId.DRAFT_PLAN_REPRESENTATIONS,
                 (D(2026, 2, 16), EventType.DRAFT_PLAN_ISSUED, D(2026, 2, 2), Status.MET),
                 id="draft-window-closed-by-the-amended-plan"),
    # Review Mon 5 Jan 2026 and nothing since: due Mon 2 Feb 2026, due that day, late after.
    pytest.param([FIRST_PLAN, (EventType.ANNUAL_REVIEW_MEETING, D(2026, 1, 5))], D(2026, 2, 2),
                 RuleId.REVIEW_DECISION,
                 (D(2026, 2, 2), EventType.ANNUAL_REVIEW_MEETING, D(2026, 1, 5),
                  Status.DUE_TODAY),
                 id="review-decision-due-today"),
    pytest.param([FIRST_PLAN, (EventType.ANNUAL_REVIEW_MEETING, D(2026, 1, 5))], D(2026, 2, 3),
                 RuleId.REVIEW_DECISION,
                 (D(2026, 2, 2), EventType.ANNUAL_REVIEW_MEETING, D(2026, 1, 5),
                  Status.OVERDUE),
                 id="review-decision-overdue-with-no-plan-after-the-meeting"),
    # Review Thu 3 Dec 2026; the amended plan came 12 weeks later, Thu 25 Feb 2027 (3 Dec +
    # 84 days): due Thu 31 Dec 2026, late, but done, so met.
    pytest.param([(EventType.ANNUAL_REVIEW_MEETING, D(2026, 12, 3)),
                  (EventType.FINAL_PLAN_ISSUED, D(2027, 2, 25))], D(2027, 3, 1),
                 RuleId.REVIEW_DECISION,
                 (D(2026, 12, 31), EventType.ANNUAL_REVIEW_MEETING, D(2026, 12, 3), Status.MET),
                 id="review-decision-met-late-by-the-amended-plan"),
    # The same case, annual review: the 12 months starting with 3 Dec 2026 end Thu 2 Dec
    # 2027 (the amended plan of 25 Feb 2027 does not move it to 24 Feb 2028).
    pytest.param([(EventType.ANNUAL_REVIEW_MEETING, D(2026, 12, 3)),
                  (EventType.FINAL_PLAN_ISSUED, D(2027, 2, 25))], D(2027, 3, 1),
                 RuleId.ANNUAL_REVIEW,
                 (D(2027, 12, 2), EventType.ANNUAL_REVIEW_MEETING, D(2026, 12, 3),
                  Status.UPCOMING),
                 id="annual-review-ignores-an-amended-plan-after-a-review"),
    # Plan Wed 20 May 2026, review Mon 10 May 2027 (in time): the decision is due Mon 7 Jun
    # 2027 (+ 28 days); the plan of 2026 is before the meeting and does not meet it.
    pytest.param([(EventType.FINAL_PLAN_ISSUED, D(2026, 5, 20)),
                  (EventType.ANNUAL_REVIEW_MEETING, D(2027, 5, 10))], D(2027, 6, 8),
                 RuleId.REVIEW_DECISION,
                 (D(2027, 6, 7), EventType.ANNUAL_REVIEW_MEETING, D(2027, 5, 10),
                  Status.OVERDUE),
                 id="review-decision-not-met-by-the-plan-before-the-meeting"),
    # Plan first made Wed 20 May 2026, amended after a tribunal Fri 15 Jan 2027, no review: the
    # first review is due Wed 19 May 2027 (the day before the anniversary), late on 21 May.
    pytest.param([(EventType.FINAL_PLAN_ISSUED, D(2027, 1, 15)),
                  (EventType.FINAL_PLAN_ISSUED, D(2026, 5, 20))], D(2027, 5, 21),
                 RuleId.ANNUAL_REVIEW,
                 (D(2027, 5, 19), EventType.FINAL_PLAN_ISSUED, D(2026, 5, 20), Status.OVERDUE),
                 id="annual-review-from-the-first-plan-not-the-amended-one"),
    # Review Tue 10 Mar 2026, amended plan Wed 20 May 2026: the next review is due on Tue 9
    # Mar 2027, and that day it is due today.
    pytest.param([(EventType.ANNUAL_REVIEW_MEETING, D(2026, 3, 10)),
                  (EventType.FINAL_PLAN_ISSUED, D(2026, 5, 20))], D(2027, 3, 9),
                 RuleId.ANNUAL_REVIEW,
                 (D(2027, 3, 9), EventType.ANNUAL_REVIEW_MEETING, D(2026, 3, 10),
                  Status.DUE_TODAY),
                 id="annual-review-due-today-from-the-review"),
    # Plan 20 May 2026, reviews 10 May 2027 and Tue 2 May 2028: due Tue 1 May 2029.
    pytest.param([(EventType.FINAL_PLAN_ISSUED, D(2026, 5, 20)),
                  (EventType.ANNUAL_REVIEW_MEETING, D(2027, 5, 10)),
                  (EventType.ANNUAL_REVIEW_MEETING, D(2028, 5, 2))], D(2028, 6, 1),
                 RuleId.ANNUAL_REVIEW,
                 (D(2029, 5, 1), EventType.ANNUAL_REVIEW_MEETING, D(2028, 5, 2),
                  Status.UPCOMING),
                 id="annual-review-from-the-latest-review"),
    # Plan 20 May 2026, then a new draft (amendments) Tue 2 Feb 2027: + 14 = Tue 16 Feb 2027.
    # The older final plan does not close the new draft's window: overdue on 17 Feb.
    pytest.param([(EventType.FINAL_PLAN_ISSUED, D(2026, 5, 20)),
                  (EventType.DRAFT_PLAN_ISSUED, D(2027, 2, 2))], D(2027, 2, 17),
                 RuleId.DRAFT_PLAN_REPRESENTATIONS,
                 (D(2027, 2, 16), EventType.DRAFT_PLAN_ISSUED, D(2027, 2, 2), Status.OVERDUE),
                 id="draft-window-not-closed-by-the-plan-before-it"),
    # Draft Wed 1 Apr 2026 (+ 14 = Wed 15 Apr), final plan Wed 20 May 2026: closed in June,
    # but the final plan dated after `today` has not happened yet: still overdue on 16 Apr.
    pytest.param([(EventType.DRAFT_PLAN_ISSUED, D(2026, 4, 1)),
                  (EventType.FINAL_PLAN_ISSUED, D(2026, 5, 20))], D(2026, 4, 16),
                 RuleId.DRAFT_PLAN_REPRESENTATIONS,
                 (D(2026, 4, 15), EventType.DRAFT_PLAN_ISSUED, D(2026, 4, 1), Status.OVERDUE),
                 id="draft-window-open-until-the-final-plan-happens"),
]  # fmt: skip


@pytest.mark.parametrize(("events", "today", "rule", "expected"), REVIEW_SCENARIOS)
def test_review_and_plan_scenarios(events, today, rule, expected):
    deadline = next(d for d in deadlines_for_events(events) if d.rule is rule)
    status = deadline_status(deadline, today=today, events=events)
    assert (deadline.due, deadline.from_event, deadline.event_date, status) == expected


def test_the_engine_reads_a_one_shot_iterator_of_events():
    # The first plan and the latest of each type both need the events: a generator must do.
    events = [
        (EventType.FINAL_PLAN_ISSUED, D(2027, 1, 15)),
        (EventType.FINAL_PLAN_ISSUED, D(2026, 5, 20)),
    ]
    found = deadlines_for_events(iter(events))
    assert rules_of(found) == [
        ("appeal_deadline", D(2027, 3, 15)),  # the latest plan: 15 Mar 2027, a Monday
        ("annual_review", D(2027, 5, 19)),  # the 12 months starting with the first plan
    ]


@given(DATES, st.lists(DATES, max_size=3), st.lists(DATES, min_size=1, max_size=3))
def test_an_amended_plan_never_moves_the_annual_review(first_plan, reviews, amended):
    # s.44(1): only the plan first made and the reviews count. Extra final plans (amended,
    # dated after the first one) never change the annual review deadline.
    base = [(EventType.FINAL_PLAN_ISSUED, first_plan)] + [
        (EventType.ANNUAL_REVIEW_MEETING, day) for day in reviews
    ]
    extra = [(EventType.FINAL_PLAN_ISSUED, max(day, first_plan)) for day in amended]

    def review_of(events):
        return next(d for d in deadlines_for_events(events) if d.rule is RuleId.ANNUAL_REVIEW)

    assert review_of(base + extra) == review_of(extra + base) == review_of(base)
    expected_from = max(reviews) if reviews else first_plan
    assert review_of(base).event_date == expected_from


def test_a_phase_transfer_gives_14_february():
    found = deadlines_for_events([(EventType.PHASE_TRANSFER_YEAR, D(2027, 9, 1))])
    assert rules_of(found) == [("phase_transfer_plan", D(2027, 2, 14))]


def test_same_day_deadlines_are_ordered_by_rule_id():
    # Both fall on 18 Dec 2026: the 6-week decision and the parent's 15 days on a draft.
    found = deadlines_for_events(
        [
            (EventType.REQUEST_RECEIVED, D(2026, 11, 6)),
            (EventType.DRAFT_PLAN_ISSUED, D(2026, 12, 4)),
        ]
    )
    assert [d.rule.value for d in found[:2]] == [
        "decide_whether_to_assess",
        "draft_plan_representations",
    ]


# -- status ---------------------------------------------------------------------------------

REQUEST = (EventType.REQUEST_RECEIVED, D(2026, 11, 6))
SIX_WEEKS = decide_whether_to_assess(request_received=D(2026, 11, 6))  # due Fri 18 Dec 2026


@pytest.mark.parametrize(
    ("today", "status"),
    [
        (D(2026, 12, 17), Status.UPCOMING),
        (D(2026, 12, 18), Status.DUE_TODAY),
        (D(2026, 12, 19), Status.OVERDUE),
    ],
)
def test_status_by_date_when_nothing_has_happened(today, status):
    assert deadline_status(SIX_WEEKS, today=today, events=[REQUEST]) is status


@pytest.mark.parametrize(
    "decided",
    [
        (EventType.DECISION_TO_ASSESS, D(2026, 12, 1)),
        (EventType.DECISION_NOT_TO_ASSESS, D(2026, 12, 18)),
        (EventType.DECISION_NOT_TO_ASSESS, D(2027, 1, 8)),  # late, but done: met
    ],
)
def test_status_met_once_the_duty_is_discharged(decided):
    today = D(2027, 2, 1)
    assert deadline_status(SIX_WEEKS, today=today, events=[REQUEST, decided]) is Status.MET


def test_an_event_after_today_has_not_happened_yet():
    events = [REQUEST, (EventType.DECISION_TO_ASSESS, D(2026, 12, 10))]
    assert deadline_status(SIX_WEEKS, today=D(2026, 12, 9), events=events) is Status.UPCOMING


def test_an_event_before_the_trigger_does_not_discharge_it():
    events = [REQUEST, (EventType.DECISION_TO_ASSESS, D(2026, 1, 10))]  # an older request's
    assert deadline_status(SIX_WEEKS, today=D(2027, 1, 4), events=events) is Status.OVERDUE


def test_an_unrelated_event_does_not_discharge():
    events = [REQUEST, (EventType.FINAL_PLAN_ISSUED, D(2026, 12, 1))]
    assert deadline_status(SIX_WEEKS, today=D(2026, 12, 19), events=events) is Status.OVERDUE


@pytest.mark.parametrize(
    ("deadline", "event", "status"),
    [
        pytest.param(
            notify_no_plan(request_received=D(2026, 1, 5)),
            (EventType.DRAFT_PLAN_ISSUED, D(2026, 4, 1)),
            Status.MET,
            id="no-plan-met-by-a-draft",
        ),
        pytest.param(
            final_plan(request_received=D(2026, 1, 5)),
            (EventType.FINAL_PLAN_ISSUED, D(2026, 5, 20)),
            Status.MET,
            id="final-plan-met",
        ),
        pytest.param(
            draft_plan_representations(draft_received=D(2026, 4, 1)),
            (EventType.FINAL_PLAN_ISSUED, D(2026, 5, 20)),
            # Changed from OVERDUE: the final plan closes the window on the draft (review
            # finding 2), so the parent's 15 days are no longer shown as overdue.
            Status.MET,
            id="draft-comments-closed-by-the-final-plan",
        ),
        pytest.param(
            draft_plan_representations(draft_received=D(2026, 12, 4)),
            (EventType.FINAL_PLAN_ISSUED, D(2026, 12, 4)),
            Status.MET,
            id="draft-comments-closed-by-a-final-plan-the-same-day",
        ),
        pytest.param(
            draft_plan_representations(draft_received=D(2027, 2, 2)),
            (EventType.FINAL_PLAN_ISSUED, D(2026, 5, 20)),  # the plan before this draft
            Status.OVERDUE,
            id="draft-comments-not-closed-by-an-older-plan",
        ),
        pytest.param(
            mediation_certificate_without_mediation(adviser_contacted=D(2026, 4, 2)),
            (EventType.MEDIATION_CERTIFICATE_ISSUED, D(2026, 4, 8)),
            Status.MET,
            id="certificate-met",
        ),
        pytest.param(
            mediation_by(mediation_requested=D(2026, 4, 2)),
            (EventType.MEDIATION_HELD, D(2026, 4, 30)),
            Status.MET,
            id="mediation-met",
        ),
        pytest.param(
            appeal_deadline(decision=EventType.FINAL_PLAN_ISSUED, decision_date=D(2026, 1, 5)),
            (EventType.APPEAL_LODGED, D(2026, 3, 1)),
            Status.MET,
            id="appeal-met",
        ),
        pytest.param(
            annual_review(from_event=EventType.FINAL_PLAN_ISSUED, event_date=D(2025, 5, 20)),
            (EventType.ANNUAL_REVIEW_MEETING, D(2026, 5, 1)),
            Status.MET,
            id="annual-review-met-by-a-later-meeting",
        ),
        pytest.param(
            annual_review(from_event=EventType.ANNUAL_REVIEW_MEETING, event_date=D(2025, 5, 20)),
            (EventType.ANNUAL_REVIEW_MEETING, D(2025, 5, 20)),
            Status.OVERDUE,
            id="annual-review-not-met-by-its-own-start",
        ),
        pytest.param(
            review_decision(review_meeting=D(2026, 3, 2)),
            (EventType.FINAL_PLAN_ISSUED, D(2026, 3, 20)),
            # Changed from OVERDUE: an amended final plan after the meeting shows the council
            # acted on the review (review finding 1).
            Status.MET,
            id="review-decision-met-by-an-amended-plan",
        ),
        pytest.param(
            review_decision(review_meeting=D(2026, 3, 2)),
            (EventType.DRAFT_PLAN_ISSUED, D(2026, 3, 2)),
            Status.MET,
            id="review-decision-met-by-proposed-amendments-the-same-day",
        ),
        pytest.param(
            review_decision(review_meeting=D(2026, 3, 2)),
            (EventType.FINAL_PLAN_ISSUED, D(2026, 3, 1)),
            Status.OVERDUE,
            id="review-decision-not-met-by-a-plan-before-the-meeting",
        ),
        pytest.param(
            review_decision(review_meeting=D(2026, 3, 2)),
            (EventType.ANNUAL_REVIEW_MEETING, D(2026, 3, 20)),
            Status.OVERDUE,
            id="review-decision-not-met-by-another-meeting",
        ),
        pytest.param(
            phase_transfer_plan(transfer_date=D(2026, 9, 1)),
            (EventType.FINAL_PLAN_ISSUED, D(2026, 2, 10)),
            Status.MET,
            id="phase-transfer-met-by-a-plan-in-the-year-before",
        ),
        pytest.param(
            phase_transfer_plan(transfer_date=D(2026, 9, 1)),
            (EventType.FINAL_PLAN_ISSUED, D(2025, 5, 20)),
            Status.OVERDUE,
            id="phase-transfer-not-met-by-an-older-plan",
        ),
    ],
)
def test_what_discharges_each_rule(deadline, event, status):
    assert deadline_status(deadline, today=D(2027, 6, 1), events=[event]) is status


# -- plain English --------------------------------------------------------------------------


def test_explain_the_six_week_decision():
    assert explain(SIX_WEEKS) == (
        "The council must tell you whether it will carry out an assessment "
        "by Friday 18 December 2026."
    )


def test_explain_the_appeal():
    deadline = appeal_deadline(
        decision=EventType.DECISION_NOT_TO_ASSESS,
        decision_date=D(2026, 6, 3),
        certificate_issued=D(2026, 7, 14),
    )
    assert (
        explain(deadline)
        == "Your appeal must reach the SEND Tribunal by 5pm on Tuesday 1 September 2026."
    )


def test_every_rule_has_one_plain_sentence_with_the_long_date():
    start = D(2026, 11, 6)
    deadlines = [
        decide_whether_to_assess(request_received=start),
        notify_no_plan(request_received=start),
        final_plan(request_received=start),
        draft_plan_representations(draft_received=start),
        mediation_certificate_without_mediation(adviser_contacted=start),
        mediation_by(mediation_requested=start),
        appeal_deadline(decision=EventType.FINAL_PLAN_ISSUED, decision_date=start),
        annual_review(from_event=EventType.FINAL_PLAN_ISSUED, event_date=start),
        review_decision(review_meeting=start),
        phase_transfer_plan(transfer_date=start),
        # Version 2: every rule, and every sentence of the rules that have more than one.
        amendment_representations(proposal_sent=start),
        amended_plan_final(proposal_sent=start),
        decide_whether_to_reassess(request_received=start),
        reassessment_final_plan(from_event=EventType.REASSESSMENT_REQUESTED, event_date=start),
        reassessment_final_plan(from_event=EventType.DECISION_TO_ASSESS, event_date=start),
        *(
            d
            for order in TribunalOrder
            for d in tribunal_order_compliance(order=order, decided=start)
        ),
        provision_complaint_escalation(complaint_made=start),
        judicial_review_limit(grounds_arose=start, from_event=Recorded.DELIVERY_LOG),
        judicial_review_limit(grounds_arose=start, from_event=EventType.PRE_ACTION_LETTER_SENT),
        pre_action_reply(letter_sent=start),
    ]
    assert {d.rule for d in deadlines} == set(RuleId)
    for deadline in deadlines:
        sentence = explain(deadline)
        assert long_date(deadline.due) in sentence
        assert sentence.count(".") == 1 and sentence.endswith(".")
        for jargon in ("reg ", "regulation", "LA ", "EHCP", "s.44", "r.12"):
            assert jargon not in sentence


@pytest.mark.parametrize(
    ("day", "text"),
    [
        (D(2026, 12, 18), "Friday 18 December 2026"),
        (D(2028, 2, 29), "Tuesday 29 February 2028"),
        (D(2027, 1, 4), "Monday 4 January 2027"),
        (D(2026, 9, 6), "Sunday 6 September 2026"),
    ],
)
def test_long_date(day, text):
    assert long_date(day) == text


# -- issue 10: annual review "12 months starting with", phase transfers by kind -----------------


@given(st.dates(min_value=date(2000, 1, 1), max_value=date(2098, 12, 31)))
def test_the_annual_review_is_the_day_before_the_anniversary_or_the_month_end(day):
    due = annual_review(from_event=EventType.FINAL_PLAN_ISSUED, event_date=day).due
    if (day.month, day.day) == (2, 29):
        # No 29 February next year: the 12 months end with February (month-end rule).
        assert due == date(day.year + 1, 2, 28)
    else:
        assert due == date(day.year + 1, day.month, day.day) - timedelta(days=1)
    # Starting with `day`, the period holds 365 or 366 days (day 1 is `day` itself).
    assert (due - day).days + 1 in (365, 366)


@given(st.dates(min_value=date(2000, 1, 1), max_value=date(2098, 12, 31)), st.integers(1, 24))
def test_the_months_starting_with_a_day_end_before_the_months_from_it(day, months):
    end = last_day_of_months_starting_with(day, months)
    assert end < add_months(day, months) or add_months(day, months).day != day.day
    assert end >= add_months(day, months) - timedelta(days=1)


@given(st.dates(min_value=date(2000, 1, 1), max_value=date(2098, 12, 31)))
def test_school_and_post16_transfers_fall_on_fixed_days_that_never_move(day):
    school = phase_transfer_plan(transfer_date=day)
    post16 = phase_transfer_plan(transfer_date=day, transfer=TransferKind.POST16)
    assert school.due == date(day.year, 2, 14) and school.law is law.Law.PHASE_TRANSFER_SCHOOL
    assert post16.due == date(day.year, 3, 30) and post16.law is law.Law.PHASE_TRANSFER_POST16


@given(st.dates(min_value=date(2000, 6, 1), max_value=date(2098, 12, 31)))
def test_a_move_between_post16_institutions_is_at_least_5_months_later(move):
    due = phase_transfer_plan(transfer_date=move, transfer=TransferKind.BETWEEN_POST16).due
    assert add_months(due, 5) <= move  # at least 5 months before the move...
    # ...and no more than 5 calendar months (at most 153 days: March to July). Counting back
    # from the move with relativedelta: 28 Feb 2001 → 28 Sep 2000, although 29 and 30 Sep
    # would also reach 28 Feb counted forward with the month-end rule; the earlier day is
    # the one the regulation's "at least" makes safe.
    assert (move - due).days <= 153
    assert due.day == move.day or (due.day < move.day and (due + timedelta(days=1)).day == 1)


@pytest.mark.parametrize(
    ("transfer", "due"),
    [
        (TransferKind.SCHOOL, D(2027, 2, 14)),
        (TransferKind.POST16, D(2027, 3, 30)),
        (TransferKind.BETWEEN_POST16, D(2027, 2, 28)),  # 31 Jul 2027 - 5 months
    ],
)
def test_the_engine_passes_the_transfer_kind_to_the_rule(transfer, due):
    move = D(2027, 9, 1) if transfer is not TransferKind.BETWEEN_POST16 else D(2027, 7, 31)
    found = deadlines_for_events([(EventType.PHASE_TRANSFER_YEAR, move)], transfer=transfer)
    assert rules_of(found) == [("phase_transfer_plan", due)]


def test_a_phase_transfer_explains_the_before_wording():
    school = explain(phase_transfer_plan(transfer_date=D(2027, 9, 1)))
    assert "Sunday 14 February 2027" in school and "before 15 February" in school
    post16 = explain(phase_transfer_plan(transfer_date=D(2027, 9, 1), transfer=TransferKind.POST16))
    assert "Tuesday 30 March 2027" in post16 and "before 31 March" in post16
    between = explain(
        phase_transfer_plan(transfer_date=D(2027, 7, 31), transfer=TransferKind.BETWEEN_POST16)
    )
    assert "Sunday 28 February 2027" in between and "Saturday 31 July 2027" in between


@pytest.mark.parametrize(
    ("events", "today", "acted"),
    [
        # Request Fri 6 Nov 2026, decision due Fri 18 Dec 2026, decided Mon 4 Jan 2027.
        ([(EventType.REQUEST_RECEIVED, D(2026, 11, 6)), (EventType.DECISION_TO_ASSESS,
          D(2027, 1, 4))], D(2027, 2, 1), D(2027, 1, 4)),
        # Not yet acted on `today`: None.
        ([(EventType.REQUEST_RECEIVED, D(2026, 11, 6)), (EventType.DECISION_TO_ASSESS,
          D(2027, 1, 4))], D(2027, 1, 3), None),
        # The earliest discharging event counts.
        ([(EventType.REQUEST_RECEIVED, D(2026, 11, 6)), (EventType.DECISION_NOT_TO_ASSESS,
          D(2027, 1, 8)), (EventType.DECISION_TO_ASSESS, D(2026, 12, 1))], D(2027, 2, 1),
         D(2026, 12, 1)),
    ],
)  # fmt: skip
def test_discharged_on_is_the_day_the_duty_was_met(events, today, acted):
    deadline = decide_whether_to_assess(request_received=D(2026, 11, 6))
    assert discharged_on(deadline, today=today, events=events) == acted


def test_every_deadline_cites_its_law_entry():
    for deadline in deadlines_for_events(
        [
            (EventType.REQUEST_RECEIVED, D(2026, 1, 5)),
            (EventType.DECISION_TO_ASSESS, D(2026, 2, 10)),
            (EventType.DRAFT_PLAN_ISSUED, D(2026, 4, 1)),
            (EventType.FINAL_PLAN_ISSUED, D(2026, 5, 20)),
            (EventType.MEDIATION_REQUESTED, D(2026, 6, 1)),
            (EventType.MEDIATION_HELD, D(2026, 6, 20)),
            (EventType.ANNUAL_REVIEW_MEETING, D(2027, 5, 1)),
            (EventType.PHASE_TRANSFER_YEAR, D(2028, 9, 1)),
        ]
    ):
        assert law.cite(deadline.law).rpartition(", ")[2] in deadline.source


@pytest.mark.parametrize(
    ("events", "expected"),
    [
        ([], None),
        ([(EventType.REQUEST_RECEIVED, D(2026, 1, 5))], None),
        ([(EventType.DECISION_NOT_TO_ASSESS, D(2026, 2, 1))], EventType.DECISION_NOT_TO_ASSESS),
        # The certificate gives the date, but the appeal is still about the refusal.
        (
            [
                (EventType.DECISION_NOT_TO_ASSESS, D(2026, 2, 1)),
                (EventType.MEDIATION_CERTIFICATE_ISSUED, D(2026, 3, 20)),
            ],
            EventType.DECISION_NOT_TO_ASSESS,
        ),
        (
            [
                (EventType.DECISION_NOT_TO_ASSESS, D(2026, 2, 1)),
                (EventType.FINAL_PLAN_ISSUED, D(2026, 9, 1)),
            ],
            EventType.FINAL_PLAN_ISSUED,
        ),
    ],
)
def test_appealed_decision_is_the_latest_appealable_decision(events, expected):
    assert appealed_decision(events) is expected
