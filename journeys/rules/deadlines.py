"""Statutory time limits, as pure functions of dates.

No Django here (tests/journeys/rules/test_purity.py enforces it). Each rule is one function
whose docstring names its legal source. This module is the only place a deadline is computed:
pages, letters and commands all ask it.

The counting rules are ../shared/DOMAIN.md section 2; the calendar arithmetic (working days,
England bank holidays, months) lives in journeys.rules.calendar. Duties of the council and of
the mediation adviser are shown on their computed date with no roll-forward: if the council's
6 weeks end on a Sunday, it was late on Monday. Only the parent's appeal deadline rolls
forward, as the Tribunal Rules say. The engine never invents a deadline where the law gives
none: a rule runs only when the events that start it are recorded.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from journeys.rules.calendar import (
    add_months,
    add_working_days,
    first_working_day_after,
    working_day_on_or_after,
)
from journeys.rules.law import Law, cite, cite_all
from journeys.rules.vocabulary import EventType, LabelledEnum, TribunalOrder


class RuleId(StrEnum):
    """The rule ids of docs/case-format.md ("Deadlines")."""

    DECIDE_WHETHER_TO_ASSESS = "decide_whether_to_assess"
    NOTIFY_NO_PLAN = "notify_no_plan"
    FINAL_PLAN = "final_plan"
    DRAFT_PLAN_REPRESENTATIONS = "draft_plan_representations"
    MEDIATION_CERTIFICATE = "mediation_certificate"
    MEDIATION_BY = "mediation_by"
    APPEAL_DEADLINE = "appeal_deadline"
    ANNUAL_REVIEW = "annual_review"
    REVIEW_DECISION = "review_decision"
    PHASE_TRANSFER_PLAN = "phase_transfer_plan"
    # Version 2 of the case file (CASE_FORMAT.md "New rule ids").
    AMENDMENT_REPRESENTATIONS = "amendment_representations"
    AMENDED_PLAN_FINAL = "amended_plan_final"
    DECIDE_WHETHER_TO_REASSESS = "decide_whether_to_reassess"
    REASSESSMENT_FINAL_PLAN = "reassessment_final_plan"
    TRIBUNAL_ORDER_COMPLIANCE = "tribunal_order_compliance"
    PROVISION_COMPLAINT_ESCALATION = "provision_complaint_escalation"
    JUDICIAL_REVIEW_LIMIT = "judicial_review_limit"


class TransferKind(StrEnum):
    """The `transfer` key of a `phase_transfer_year` event (CASE_FORMAT.md version 2)."""

    SCHOOL = "school"  # any transfer between phases but the two below: reg 18(1)(b)
    POST16 = "post16"  # secondary school to a post-16 institution: reg 18(1)(a)
    BETWEEN_POST16 = "between_post16"  # one post-16 institution to another: reg 18(2)


class Recorded(LabelledEnum):
    """What can start a clock without being an event of the case file: the judicial review
    time limit runs from the first session the delivery log records as not delivered."""

    DELIVERY_LOG = "delivery_log", "A session the plan promises was not delivered"


# The rules that can give two dates at once (see `Deadline.key`).
TWO_DATE_RULES = frozenset({RuleId.TRIBUNAL_ORDER_COMPLIANCE, RuleId.JUDICIAL_REVIEW_LIMIT})

# How close a deadline is "soon" on lists (the caseload's tag and its "next 7 days" filter).
# A reading aid, not a legal time limit: the law's dates are the functions below.
SOON = timedelta(days=7)


class DutyHolder(StrEnum):
    COUNCIL = "council"
    PARENT = "parent"
    MEDIATION_ADVISER = "mediation_adviser"


class Status(StrEnum):
    """Where a deadline stands on a given day (see `deadline_status`)."""

    UPCOMING = "upcoming"
    DUE_TODAY = "due_today"
    OVERDUE = "overdue"
    MET = "met"


@dataclass(frozen=True)
class Deadline:
    rule: RuleId
    due: date
    from_event: EventType | Recorded
    event_date: date
    duty_holder: DutyHolder
    source: str  # the citation(s) of `law` from journeys.rules.law, never written here
    law: Law  # the duty or right this date belongs to (its statement and exceptions)

    @property
    def key(self) -> str:
        """One name per date of a case: the rule id, and for the two rules that can give two
        dates at once (a Tribunal order to make a plan: the draft and the final plan; judicial
        review: the 3 months and the reply to the pre-action letter) the law entry too. The
        calendar file's event ids are made from it."""
        if self.rule in TWO_DATE_RULES:
            return f"{self.rule.value}-{self.law.value}"
        return self.rule.value


def add_weeks(start: date, weeks: int) -> date:
    """Return the date `weeks` whole weeks after `start` (DOMAIN.md section 2: event + 7n days)."""
    return start + timedelta(weeks=weeks)


def last_day_of_months_starting_with(start: date, months: int) -> date:
    """The last day of the period of `months` calendar months starting with `start`.

    "Starting with" counts `start` as the first day (Children and Families Act 2014,
    s.44(1)), so the period ends the day before the corresponding date: 5 January 2026, 12
    months → 4 January 2027. Where the later month has no corresponding date (29 February
    2028 → there is no 29 February 2029) the last month of the period, 29 January to "28
    February", ends with that month: 28 February 2029 (the month-end rule that `add_months`
    applies to a period counted from a date).
    """
    corresponding = add_months(start, months)
    if corresponding.day != start.day:
        return corresponding
    return corresponding - timedelta(days=1)


# -- the EHC needs assessment and the plan ---------------------------------------------------


def decide_whether_to_assess(*, request_received: date) -> Deadline:
    """The council's decision whether to assess: 6 weeks from receiving the request.

    Source: SEND Regulations 2014 (SI 2014/1530), reg 5(1). Its revised text on
    legislation.gov.uk (checked) says the council "must notify the child's parent or the
    young person as soon as practicable and in any event within 6 weeks of ... receiving a
    request for an assessment ... of its decision whether or not it is necessary to secure
    an EHC needs assessment". (DOMAIN.md cites reg 4(1); reg 4 is the determination whether
    provision may be necessary and carries no time limit, so we cite reg 5(1).) The
    council's own duty is shown on its computed date with no roll-forward (DOMAIN.md
    section 2). The exceptions in reg 5(4) can allow longer; pages say "unless an exception
    applies".
    """
    return Deadline(
        rule=RuleId.DECIDE_WHETHER_TO_ASSESS,
        due=add_weeks(request_received, 6),
        from_event=EventType.REQUEST_RECEIVED,
        event_date=request_received,
        duty_holder=DutyHolder.COUNCIL,
        source=cite(Law.DECIDE_WHETHER_TO_ASSESS),
        law=Law.DECIDE_WHETHER_TO_ASSESS,
    )


def decide_whether_to_assess_if_sent(*, today: date) -> Deadline:
    """The council's 6-week decision for a request sent today (SEND Regs 2014 reg 5(1)).

    Until the council confirms when it received the request, the 6 weeks are counted from
    the day the parent sends it: the confirmation page's date is this one.
    """
    return decide_whether_to_assess(request_received=today)


def notify_no_plan(*, request_received: date) -> Deadline:
    """The council's notice that it will not issue a plan: 16 weeks from the request.

    Source: SEND Regulations 2014, reg 10(1) (checked on legislation.gov.uk): the notice
    "must be given as soon as practicable, and in any event within 16 weeks of the local
    authority receiving a request for an EHC needs assessment". Council duty: no
    roll-forward. Only the three reg 10(4) exceptions (journeys.rules.law
    TIME_LIMIT_EXCEPTIONS: advice asked of a head teacher in the week before a closure of 4
    weeks or more, exceptional personal circumstances, absence from the area for 4 weeks or
    more) can allow longer. The duty exists only once the council has agreed to assess:
    `deadlines_for_events` starts it only then (counting from the request).
    """
    return Deadline(
        rule=RuleId.NOTIFY_NO_PLAN,
        due=add_weeks(request_received, 16),
        from_event=EventType.REQUEST_RECEIVED,
        event_date=request_received,
        duty_holder=DutyHolder.COUNCIL,
        source=cite(Law.NOTIFY_NO_PLAN),
        law=Law.NOTIFY_NO_PLAN,
    )


def final_plan(*, request_received: date) -> Deadline:
    """The final EHC plan: 20 weeks from the request.

    Source: SEND Regulations 2014, reg 13(2) (checked on legislation.gov.uk): the finalised
    plan is sent "as soon as practicable, and in any event within 20 weeks of the local
    authority receiving a request for an EHC needs assessment". Council duty: no
    roll-forward. Reg 13(3) applies the three reg 10(4) exceptions. Like reg 10(1), it
    follows an assessment: `deadlines_for_events` starts it only once the council has agreed
    to assess (counting from the request).
    """
    return Deadline(
        rule=RuleId.FINAL_PLAN,
        due=add_weeks(request_received, 20),
        from_event=EventType.REQUEST_RECEIVED,
        event_date=request_received,
        duty_holder=DutyHolder.COUNCIL,
        source=cite(Law.FINAL_PLAN),
        law=Law.FINAL_PLAN,
    )


def draft_plan_representations(*, draft_received: date) -> Deadline:
    """The parent's comments on a draft plan: the 15th day counting the day received as day 1.

    Source: SEND Regulations 2014, reg 13(1)(a) (checked on legislation.gov.uk): the council
    must give the parent "at least 15 days, beginning with the day on which the draft plan
    was served" to make representations and ask for a school or college to be named. The
    product counts the day the parent received the draft as day 1, so the last day is
    received + 14 days. This is the parent's time, and no roll-forward is described for it,
    so none is applied (DOMAIN.md section 1.2).

    No event records the parent's comments. Once a `final_plan_issued` dated on or after the
    draft is recorded, `deadline_status` reports this deadline as MET: the plan has been
    finalised, so the window for comments on that draft is over and nothing more can be done
    in it (what is left is the appeal against the final plan, its own deadline). MET here
    means "closed", not "the parent commented"; the product records no more than that.
    """
    return Deadline(
        rule=RuleId.DRAFT_PLAN_REPRESENTATIONS,
        due=draft_received + timedelta(days=14),
        from_event=EventType.DRAFT_PLAN_ISSUED,
        event_date=draft_received,
        duty_holder=DutyHolder.PARENT,
        source=cite(Law.DRAFT_PLAN_REPRESENTATIONS),
        law=Law.DRAFT_PLAN_REPRESENTATIONS,
    )


# -- mediation ---------------------------------------------------------------------------------


def mediation_certificate_without_mediation(*, adviser_contacted: date) -> Deadline:
    """The adviser's certificate when the parent does not want mediation: 3 working days.

    Source: SEND Regulations 2014, reg 34(1) — where a parent who must obtain a mediation
    certificate tells the mediation adviser they do not wish to pursue mediation, the adviser
    issues the certificate within 3 working days of being told (the text of reg 34(1) is
    confirmed on legislation.gov.uk up to its opening words; the 3 working days by Surrey
    SENDIAS and IPSEA's mediation guide). Working days are counted from the day after the
    adviser was told and skip weekends and England bank holidays: told Thursday 2 April 2026
    → due Thursday 9 April 2026. The adviser's duty: no roll-forward.
    """
    return Deadline(
        rule=RuleId.MEDIATION_CERTIFICATE,
        due=add_working_days(adviser_contacted, 3),
        from_event=EventType.MEDIATION_ADVISER_CONTACTED,
        event_date=adviser_contacted,
        duty_holder=DutyHolder.MEDIATION_ADVISER,
        source=cite(Law.MEDIATION_CERTIFICATE_ONLY),
        law=Law.MEDIATION_CERTIFICATE_ONLY,
    )


def mediation_certificate_after_mediation(*, mediation_held: date) -> Deadline:
    """The certificate after a mediation: 3 working days from its conclusion.

    Source: SEND Regulations 2014, reg 39 (mediation certificate under section 55(5) of the
    Act): issued within 3 working days of the conclusion of the mediation. The 3 working
    days are confirmed by Surrey SENDIAS ("within three working days of the completion of
    the mediation") and by the Code of Practice as quoted on a parents' forum; the regulation
    number (39 rather than 40) could not be read in the stored legislation text and is
    DOMAIN.md's first choice. The date recorded for `mediation_held` is taken as the day the
    mediation concluded. Counting and working days as in
    `mediation_certificate_without_mediation`; no roll-forward.
    """
    return Deadline(
        rule=RuleId.MEDIATION_CERTIFICATE,
        due=add_working_days(mediation_held, 3),
        from_event=EventType.MEDIATION_HELD,
        event_date=mediation_held,
        duty_holder=DutyHolder.MEDIATION_ADVISER,
        source=cite(Law.MEDIATION_CERTIFICATE_AFTER),
        law=Law.MEDIATION_CERTIFICATE_AFTER,
    )


def mediation_by(*, mediation_requested: date) -> Deadline:
    """The mediation meeting: within 30 days of the council being told the parent wants it.

    Source: SEND Regulations 2014, reg 37 — the council must arrange for mediation to take
    place within 30 days of being told the parent wishes to pursue it. The 30 (calendar)
    days are confirmed by IPSEA ("within 30 days of you telling the LA you want to mediate")
    and Sefton's local offer ("within 30 calendar days"); the regulation number is
    DOMAIN.md's and was not readable in the stored legislation text. Health-only mediation
    runs from when the council tells the health body (IPSEA), which the case file does not
    record. Council duty: no roll-forward.
    """
    return Deadline(
        rule=RuleId.MEDIATION_BY,
        due=mediation_requested + timedelta(days=30),
        from_event=EventType.MEDIATION_REQUESTED,
        event_date=mediation_requested,
        duty_holder=DutyHolder.COUNCIL,
        source=cite(Law.MEDIATION_ARRANGED),
        law=Law.MEDIATION_ARRANGED,
    )


# -- appeal to the First-tier Tribunal (SEND) ---------------------------------------------------

APPEALABLE_DECISIONS = (
    EventType.DECISION_NOT_TO_ASSESS,
    EventType.DECISION_NOT_TO_ISSUE_PLAN,
    EventType.FINAL_PLAN_ISSUED,
    # Version 2: Act s.51(2)(d), (e) and (f). Listed after version 1's, so a same-day tie
    # still counts from the version-1 decision as before.
    EventType.DECISION_NOT_TO_AMEND,
    EventType.DECISION_TO_CEASE,
    EventType.DECISION_NOT_TO_REASSESS,
)


def is_in_christmas_window(day: date) -> bool:
    """True from 25 December to 1 January inclusive (Tribunal Rules 2008, r.12(3)(a))."""
    return (day.month, day.day) >= (12, 25) or (day.month, day.day) == (1, 1)


def roll_forward_tribunal(last_day: date) -> date:
    """Return the day an appeal whose time ends on `last_day` is still in time.

    Source: Tribunal Procedure (First-tier Tribunal) (Health, Education and Social Care
    Chamber) Rules 2008, r.12(3)(a) as amended by the Tribunal Procedure (Amendment) Rules
    2020 (text checked on mentalhealthlaw.co.uk): if the time for the application notice
    "ends on a day from 25th December to 1st January inclusive, or on any day in August",
    it is in time "on the first working day after 1st January or 31st August". Otherwise
    r.12(2): if the time "ends on a day other than a working day, the act is done in time if
    it is done on the next working day". The two are applied in that order to the day the
    time ends, once: a last day of Sunday 24 December 2028 is outside the window, so r.12(2)
    gives Wednesday 27 December 2028 and r.12(3)(a) is not applied again (the earlier,
    literal reading: see the report to the lawyer).
    """
    if is_in_christmas_window(last_day):
        new_year = date(last_day.year + (1 if last_day.month == 12 else 0), 1, 1)
        return first_working_day_after(new_year)
    if last_day.month == 8:
        return first_working_day_after(date(last_day.year, 8, 31))
    return working_day_on_or_after(last_day)


def appeal_deadline(
    *, decision: EventType, decision_date: date, certificate_issued: date | None = None
) -> Deadline:
    """The last day for the parent's appeal to reach the Tribunal.

    Source: Tribunal Procedure (First-tier Tribunal) (HESC) Rules 2008, r.20(1)(c) (checked
    on legislation.gov.uk): in a special educational needs case the application notice must
    be received "(i) within 2 months after written notice of the decision being challenged
    was sent ... or (ii) within 1 month from the date of issue of the mediation certificate
    if that date would be a later date". The product uses the date on the decision letter.
    Months are calendar months (month end where there is no corresponding date); the later
    of the two last days is then rolled forward by `roll_forward_tribunal` (r.12(3)(a), then
    r.12(2)). `from_event` is the event whose date gave the later day: the certificate when
    its month ends later, otherwise the decision (also on a tie).
    """
    if decision not in APPEALABLE_DECISIONS:
        raise ValueError(f"{decision.value} is not an appealable decision")
    from_event, event_date = decision, decision_date
    last_day = add_months(decision_date, 2)
    if certificate_issued is not None and add_months(certificate_issued, 1) > last_day:
        from_event, event_date = EventType.MEDIATION_CERTIFICATE_ISSUED, certificate_issued
        last_day = add_months(certificate_issued, 1)
    return Deadline(
        rule=RuleId.APPEAL_DEADLINE,
        due=roll_forward_tribunal(last_day),
        from_event=from_event,
        event_date=event_date,
        duty_holder=DutyHolder.PARENT,
        source=cite_all(Law.APPEAL_TIME_LIMIT, Law.APPEAL_NON_WORKING_DAY),
        law=Law.APPEAL_TIME_LIMIT,
    )


# -- reviews and phase transfers --------------------------------------------------------------


def annual_review(*, from_event: EventType, event_date: date) -> Deadline:
    """The next review of the plan: the last day of the 12 months starting with the plan or
    the last review.

    Source: Children and Families Act 2014, s.44(1) (checked on legislation.gov.uk): the
    council must review the plan in "(a) the period of 12 months starting with the date on
    which the plan was first made, and (b) each subsequent period of 12 months starting with
    the date on which the plan was last reviewed". "Starting with" counts that date as day 1,
    so the review is due the day before the anniversary (`last_day_of_months_starting_with`):
    plan made 5 January 2026 → 4 January 2027; review 1 January 2026 → 31 December 2026;
    plan 1 March 2027 → 29 February 2028 (a leap year); plan 29 February 2028 → 28 February
    2029 (no 29 February in 2029: month-end rule). `from_event` is `annual_review_meeting`
    (the latest) once any review meeting is recorded, and before that `final_plan_issued`
    (the earliest: when the plan was first made). An amended final plan does not restart the
    12 months: review 5 January 2026, amended plan 20 March 2026 → next review by 4 January
    2027. `deadlines_for_events` picks the event; this function only counts. Council duty:
    no roll-forward, and no exceptions.
    """
    if from_event not in (EventType.FINAL_PLAN_ISSUED, EventType.ANNUAL_REVIEW_MEETING):
        raise ValueError(f"an annual review is not counted from {from_event.value}")
    return Deadline(
        rule=RuleId.ANNUAL_REVIEW,
        due=last_day_of_months_starting_with(event_date, 12),
        from_event=from_event,
        event_date=event_date,
        duty_holder=DutyHolder.COUNCIL,
        source=cite(Law.ANNUAL_REVIEW),
        law=Law.ANNUAL_REVIEW,
    )


def review_decision(*, review_meeting: date) -> Deadline:
    """The council's decision after a review meeting (keep, amend or cease): 4 weeks.

    Source: SEND Regulations 2014, reg 20(10) (reg 21 where the child is not in a school or
    college): the council must notify its decision within 4 weeks of the review meeting
    (confirmed by IPSEA on R (L, M, P) v Devon CC [2022] EWHC 493 (Admin), and by Essex's and
    Southend's local offers). The final amended plan then follows within 8 weeks of the
    amendment notice (reg 22(3), checked on legislation.gov.uk): `amended_plan_final`, counted
    from a version-2 file's amendment_proposal_issued. Council duty: no roll-forward.

    A version-1 file has no event for the decision itself: a `draft_plan_issued` (the
    proposed amendments) or `final_plan_issued` (the amended plan) dated on or after the
    review meeting shows that the council acted on the review, so `deadline_status` reports
    this deadline as MET (even if late, as for every rule). Version 2 records the decision:
    amendment_proposal_issued, decision_not_to_amend (keep the plan as it is), and
    cease_considered or decision_to_cease meet it too.
    """
    return Deadline(
        rule=RuleId.REVIEW_DECISION,
        due=add_weeks(review_meeting, 4),
        from_event=EventType.ANNUAL_REVIEW_MEETING,
        event_date=review_meeting,
        duty_holder=DutyHolder.COUNCIL,
        source=cite(Law.REVIEW_DECISION),
        law=Law.REVIEW_DECISION,
    )


def phase_transfer_plan(
    *, transfer_date: date, transfer: TransferKind = TransferKind.SCHOOL
) -> Deadline:
    """The reviewed and amended plan naming the next school or college for a transfer.

    Source: SEND Regulations 2014, reg 18 ((1)(a) and (1)(b) checked on legislation.gov.uk).
    The plan must be reviewed and amended:
    - `school` (early years to school, infant to junior, primary to middle or secondary,
      middle to secondary): "before 15 February in the calendar year of the child's
      transfer" (reg 18(1)(b)). The last day before 15 February is 14 February: move on 1
      September 2027 → due Sunday 14 February 2027 (it stays on a Sunday: a council duty
      never rolls forward, and bank holidays do not move it either);
    - `post16` (secondary school to a post-16 institution): "before 31 March in the
      calendar year of the transfer" (reg 18(1)(a)) → 30 March of the year of the move;
    - `between_post16` (one post-16 institution to another): "at least 5 months before the
      transfer takes place" (reg 18(2); wording as quoted by Tayntons solicitors, Birkett
      Long and Central Bedfordshire SENDIASS, found with the `search` tool — the regulation
      text itself was not read for this paragraph). `transfer_date` is then the day of the move, and
      the last day is the date 5 calendar months before it (relativedelta, month end where
      there is no corresponding date): move 31 July 2027 → 28 February 2027 (there is no 31
      February; 28 February + 5 months = 28 July, still at least 5 months before the move,
      while 1 March + 5 months = 1 August would not be); move 31 July 2028 → 29 February 2028.
    For `school` and `post16`, `transfer_date` is the case file's `phase_transfer_year` date,
    normally 1 September of the year of the move. Unlike other rules, this deadline falls
    before its event. No exceptions apply.
    """
    if transfer is TransferKind.POST16:
        due, law = date(transfer_date.year, 3, 30), Law.PHASE_TRANSFER_POST16
    elif transfer is TransferKind.BETWEEN_POST16:
        due, law = add_months(transfer_date, -5), Law.PHASE_TRANSFER_BETWEEN_POST16
    else:
        due, law = date(transfer_date.year, 2, 14), Law.PHASE_TRANSFER_SCHOOL
    return Deadline(
        rule=RuleId.PHASE_TRANSFER_PLAN,
        due=due,
        from_event=EventType.PHASE_TRANSFER_YEAR,
        event_date=transfer_date,
        duty_holder=DutyHolder.COUNCIL,
        source=cite(law),
        law=law,
    )


# -- amendments after a review (version 2) -------------------------------------------------------


def amendment_representations(*, proposal_sent: date) -> Deadline:
    """The family's comments on proposed amendments: the 15th day counting the day sent as 1.

    Source: SEND Regulations 2014, reg 22(2)(c) (read on legislation.gov.uk): the council
    must give the parent or young person "at least 15 days, beginning with the day on which
    the draft plan was served" to make representations and ask for a school or college to be
    named. "Beginning with" counts that day as day 1, so the last day is the day sent + 14
    days: sent Tuesday 2 February 2027 → Tuesday 16 February 2027 (as the draft plan's 15
    days, `draft_plan_representations`). The family's time: no roll-forward is described, so
    none is applied. A final (amended) plan on or after the proposal closes the window (MET).
    """
    return Deadline(
        rule=RuleId.AMENDMENT_REPRESENTATIONS,
        due=proposal_sent + timedelta(days=14),
        from_event=EventType.AMENDMENT_PROPOSAL_ISSUED,
        event_date=proposal_sent,
        duty_holder=DutyHolder.PARENT,
        source=cite(Law.AMENDMENT_REPRESENTATIONS),
        law=Law.AMENDMENT_REPRESENTATIONS,
    )


def amended_plan_final(*, proposal_sent: date) -> Deadline:
    """The final amended plan: within 8 weeks of sending the proposed amendments.

    Source: SEND Regulations 2014, reg 22(3) (read on legislation.gov.uk): the finalised plan
    is sent "as soon as practicable, and in any event within 8 weeks of the local authority
    sending a copy of the EHC plan in accordance with paragraph (2)(a)" (the plan with the
    notice of proposed amendments). Weeks: sent + 56 days. Council duty: no roll-forward, no
    exceptions. Reg 22(4): a decision not to amend after all is notified in the same time,
    so `decision_not_to_amend` on or after the proposal also discharges it.
    """
    return Deadline(
        rule=RuleId.AMENDED_PLAN_FINAL,
        due=add_weeks(proposal_sent, 8),
        from_event=EventType.AMENDMENT_PROPOSAL_ISSUED,
        event_date=proposal_sent,
        duty_holder=DutyHolder.COUNCIL,
        source=cite(Law.AMENDED_PLAN_FINAL),
        law=Law.AMENDED_PLAN_FINAL,
    )


# -- re-assessment (version 2) ------------------------------------------------------------------


def decide_whether_to_reassess(*, request_received: date) -> Deadline:
    """The council's decision whether to re-assess: within 15 days of receiving the request.

    Source: SEND Regulations 2014, reg 25(1). Reg 27(2) (read on legislation.gov.uk) counts
    the 14 weeks from "the notification under regulation 25(1)", the council's notice of its
    decision whether to re-assess a request made under s.44(2) of the Act (reg 24). The 15
    calendar days are as National SENDIASS ("must reply within 15 calendar days"), Dorset
    SENDIASS and Surrey's SEND advice service state them; reg 25's own text was not in the
    stored legislation. "Within 15 days of receiving" is counted like the 6 weeks of reg
    5(1): received + 15 days (received Monday 1 February 2027 → Tuesday 16 February 2027).
    Council duty: no roll-forward.
    """
    return Deadline(
        rule=RuleId.DECIDE_WHETHER_TO_REASSESS,
        due=request_received + timedelta(days=15),
        from_event=EventType.REASSESSMENT_REQUESTED,
        event_date=request_received,
        duty_holder=DutyHolder.COUNCIL,
        source=cite(Law.REASSESSMENT_DECISION),
        law=Law.REASSESSMENT_DECISION,
    )


def reassessment_final_plan(*, from_event: EventType, event_date: date) -> Deadline:
    """The finalised plan after a re-assessment: 14 weeks from the notice to re-assess.

    Source: SEND Regulations 2014, reg 27(2) (read on legislation.gov.uk): the finalised plan
    is sent "as soon as practicable, and in any event within 14 weeks of the notification
    under regulation 25(1) or of deciding it is necessary to reassess under section 44(3)".
    `from_event` is `decision_to_assess` (the council's notice that it will re-assess,
    recorded on or after the request) once the family records it; until then the 14 weeks
    are counted from `reassessment_requested`, an earlier date than the law's, and the
    explanation says so (the chaser does not use a date counted that way: see
    journeys.cases.timeline.overdue_council_duties). Council duty: no roll-forward; reg 27(3)
    gives the same exceptions as reg 10(4).
    """
    if from_event not in (EventType.DECISION_TO_ASSESS, EventType.REASSESSMENT_REQUESTED):
        raise ValueError(f"a re-assessment's plan is not counted from {from_event.value}")
    return Deadline(
        rule=RuleId.REASSESSMENT_FINAL_PLAN,
        due=add_weeks(event_date, 14),
        from_event=from_event,
        event_date=event_date,
        duty_holder=DutyHolder.COUNCIL,
        source=cite(Law.REASSESSMENT_FINAL_PLAN),
        law=Law.REASSESSMENT_FINAL_PLAN,
    )


# -- after the Tribunal decides (version 2) ------------------------------------------------------

# What each order requires of the council, by when: (law entry, weeks from the order). Reg
# 44(2) as quoted from the regulation for (a) to (c), and the Tribunal's guidance SEND18 on
# GOV.UK ("Carry out an order in special educational needs cases", updated 1 November 2023)
# for the rest: start the assessment or re-assessment (notify) within 2 weeks; make and
# maintain a plan: draft within 5 weeks and final within 11 weeks; change a plan within 5
# weeks; change only the school named within 2 weeks; continue to maintain with immediate
# effect (0 weeks: due the day of the order). Reg 45 (unopposed appeals, as substituted by SI
# 2015/359 reg 8, read on legislation.gov.uk) gives the same periods from the day the council
# told the Tribunal it would not oppose the appeal, which the family records as the
# tribunal_decision's date. A dismissed appeal requires nothing of the council here.
# An order to assess or re-assess: the notice in 2 weeks, then (reg 44(2)(b)(i) and (ii), as
# quoted; reg 45(3A) for an unopposed appeal) the notice that no plan is necessary within 10
# weeks, or the finalised plan within 14 weeks, of the order. These replace the 16 and 20
# weeks counted from the request (see `_assessment_deadlines`).
_AFTER_AN_ORDER_TO_ASSESS = (
    (Law.TRIBUNAL_ORDER_ASSESS, 2),
    (Law.TRIBUNAL_ORDER_NO_PLAN, 10),
    (Law.TRIBUNAL_ORDER_ASSESS_PLAN, 14),
)
TRIBUNAL_ORDER_PERIODS: dict[TribunalOrder, tuple[tuple[Law, int], ...]] = {
    TribunalOrder.ASSESS: _AFTER_AN_ORDER_TO_ASSESS,
    TribunalOrder.REASSESS: _AFTER_AN_ORDER_TO_ASSESS,
    TribunalOrder.MAKE_PLAN: (
        (Law.TRIBUNAL_ORDER_PLAN_DRAFT, 5),
        (Law.TRIBUNAL_ORDER_PLAN_FINAL, 11),
    ),
    TribunalOrder.AMEND_PLAN: ((Law.TRIBUNAL_ORDER_AMEND, 5),),
    TribunalOrder.CHANGE_SCHOOL_ONLY: ((Law.TRIBUNAL_ORDER_SCHOOL, 2),),
    TribunalOrder.CONTINUE_PLAN: ((Law.TRIBUNAL_ORDER_CONTINUE, 0),),
    TribunalOrder.DISMISSED: (),
}


def tribunal_order_compliance(*, order: TribunalOrder, decided: date) -> list[Deadline]:
    """What the Tribunal's order requires of the council, each by its date (none if dismissed).

    Source: SEND Regulations 2014, reg 44(2) (reg 45 where the council did not oppose the
    appeal); the periods are in TRIBUNAL_ORDER_PERIODS. Weeks from the date of the order
    (decided + 7n days): order Friday 18 December 2026, amend the plan → Friday 22 January
    2027. Council duty: no roll-forward, and the product states no exceptions (see
    journeys.rules.law TRIBUNAL_ORDER_READING). An order to make a plan gives two dates.
    """
    return [
        Deadline(
            rule=RuleId.TRIBUNAL_ORDER_COMPLIANCE,
            due=add_weeks(decided, weeks),
            from_event=EventType.TRIBUNAL_DECISION,
            event_date=decided,
            duty_holder=DutyHolder.COUNCIL,
            source=cite(law),
            law=law,
        )
        for law, weeks in TRIBUNAL_ORDER_PERIODS[order]
    ]


# -- when provision is not made (version 2) ------------------------------------------------------

COMPLAINT_WORKING_DAYS = 20


def provision_complaint_escalation(
    *, complaint_made: date, working_days: int = COMPLAINT_WORKING_DAYS
) -> Deadline:
    """When the family may go to the Ombudsman if the council has not answered a complaint.

    Source: the council's own complaints procedure sets the time (CASE_FORMAT.md).
    `working_days` is the period the family entered in the not-delivered journey (kept in
    the case's extras: journeys.cases.timeline.complaint_working_days reads it); without
    one, and always from a case file alone (the `deadlines` command: the case file has no
    field for it), COMPLAINT_WORKING_DAYS (20). Counted from the day after the complaint
    (journeys.rules.calendar.add_working_days): complaint Thursday 17 December 2026, 20
    working days → Tuesday 19 January 2027 (25, 28 December and 1 January skipped).
    Complaints to the Ombudsman: Local Government Act 1974, Part 3. Not a statutory duty
    with a date, so it is the family's date to act on, and is never chased.
    """
    return Deadline(
        rule=RuleId.PROVISION_COMPLAINT_ESCALATION,
        due=add_working_days(complaint_made, working_days),
        from_event=EventType.PROVISION_COMPLAINT_MADE,
        event_date=complaint_made,
        duty_holder=DutyHolder.PARENT,
        source=cite(Law.PROVISION_COMPLAINT),
        law=Law.PROVISION_COMPLAINT,
    )


def judicial_review_limit(*, grounds_arose: date, from_event: EventType | Recorded) -> Deadline:
    """The last day for a claim for judicial review: 3 months from when the grounds arose.

    Source: Civil Procedure Rules r.54.5(1): the claim form must be filed "promptly" and "in
    any event not later than 3 months after the grounds to make the claim first arose".
    `grounds_arose` is the first session the family recorded as not delivered (a
    `delivery_log` row with delivered "no": the council's failure to secure the provision in
    the plan, Act s.42(2); `from_event` Recorded.DELIVERY_LOG), or, with no such row, the
    pre-action letter's date (`pre_action_letter_sent`); the grounds may have arisen
    earlier, and the explanation says so. Calendar months (month end where there is no
    corresponding date): 30 November 2026 → 28 February 2027. "Promptly" can mean sooner;
    no roll-forward.
    """
    if from_event not in (EventType.PRE_ACTION_LETTER_SENT, Recorded.DELIVERY_LOG):
        raise ValueError(f"judicial review is not counted from {from_event.value}")
    return Deadline(
        rule=RuleId.JUDICIAL_REVIEW_LIMIT,
        due=add_months(grounds_arose, 3),
        from_event=from_event,
        event_date=grounds_arose,
        duty_holder=DutyHolder.PARENT,
        source=cite(Law.JUDICIAL_REVIEW_TIME_LIMIT),
        law=Law.JUDICIAL_REVIEW_TIME_LIMIT,
    )


def pre_action_reply(*, letter_sent: date) -> Deadline:
    """The council's reply to a pre-action letter: the 14 days the letter asks for.

    Source: the Pre-Action Protocol for Judicial Review (the letter proposes a reply within
    14 days). Days: sent + 14. Reported under the rule judicial_review_limit (CASE_FORMAT.md:
    "plus the 14-day reply"). A protocol period, not a statutory duty: never chased.
    """
    return Deadline(
        rule=RuleId.JUDICIAL_REVIEW_LIMIT,
        due=letter_sent + timedelta(days=14),
        from_event=EventType.PRE_ACTION_LETTER_SENT,
        event_date=letter_sent,
        duty_holder=DutyHolder.COUNCIL,
        source=cite(Law.PRE_ACTION_REPLY),
        law=Law.PRE_ACTION_REPLY,
    )


# -- the engine: events in, deadlines out ----------------------------------------------------


def _latest(events: Iterable[tuple[EventType, date]]) -> dict[EventType, date]:
    latest: dict[EventType, date] = {}
    for event, day in events:
        if event not in latest or day > latest[event]:
            latest[event] = day
    return latest


def _earliest(events: Iterable[tuple[EventType, date]], of: EventType) -> date | None:
    return min((day for event, day in events if event == of), default=None)


# Events that show the council agreed to assess: the decision itself, or what only follows an
# assessment (a draft or final plan, a decision not to issue a plan after assessing).
SHOWS_ASSESSING = (
    EventType.DECISION_TO_ASSESS,
    EventType.DRAFT_PLAN_ISSUED,
    EventType.FINAL_PLAN_ISSUED,
    EventType.DECISION_NOT_TO_ISSUE_PLAN,
)


def _assessment_deadlines(
    latest: dict[EventType, date], order: TribunalOrder | None
) -> list[Deadline]:
    received = latest[EventType.REQUEST_RECEIVED]
    found = [decide_whether_to_assess(request_received=received)]
    ordered = latest.get(EventType.TRIBUNAL_DECISION, date.min)
    if order in (TribunalOrder.ASSESS, TribunalOrder.REASSESS) and ordered >= received:
        # The Tribunal ordered the assessment: reg 44(2)(b) (or reg 45(3A)) counts its 10 and
        # 14 weeks from the order, in place of the 16 and 20 weeks from the request.
        return found
    agreed = max(
        (latest[e] for e in SHOWS_ASSESSING if latest.get(e, date.min) >= received), default=None
    )
    refused = latest.get(EventType.DECISION_NOT_TO_ASSESS)
    if agreed is None or (refused is not None and refused >= agreed):
        # No assessment (yet, or refused since), so no 16- or 20-week duty: reg 10(1) and
        # 13(2) follow a decision to assess. A chaser must not cite them before it.
        return found
    found.append(notify_no_plan(request_received=received))
    no_plan = latest.get(EventType.DECISION_NOT_TO_ISSUE_PLAN)
    if no_plan is None or no_plan < received:
        found.append(final_plan(request_received=received))
    return found


def _mediation_certificate(latest: dict[EventType, date]) -> Deadline | None:
    held = latest.get(EventType.MEDIATION_HELD)
    contacted = latest.get(EventType.MEDIATION_ADVISER_CONTACTED)
    requested = latest.get(EventType.MEDIATION_REQUESTED)
    if held is not None and (contacted is None or held >= contacted):
        return mediation_certificate_after_mediation(mediation_held=held)
    if contacted is not None and (requested is None or requested < contacted):
        return mediation_certificate_without_mediation(adviser_contacted=contacted)
    # The parent asked for mediation after contacting the adviser: the reg 34 certificate
    # is not due, and the one after mediation waits for the mediation.
    return None


def _appealed(latest: dict[EventType, date]) -> tuple[date, EventType] | None:
    decisions = [(latest[e], e) for e in APPEALABLE_DECISIONS if e in latest]
    if not decisions:
        return None
    # The latest decision; on a same-day tie, the first in APPEALABLE_DECISIONS order.
    return max(decisions, key=lambda pair: pair[0])


def appealed_decision(events: Iterable[tuple[EventType, date]]) -> EventType | None:
    """The decision the appeal deadline is about (the latest appealable decision), or None.

    Tribunal Rules r.20(1)(c) counts from the decision; the guidance needs to know which
    decision it was even when a later mediation certificate gave the date.
    """
    found = _appealed(_latest(events))
    return None if found is None else found[1]


def _appeal(latest: dict[EventType, date]) -> Deadline | None:
    found = _appealed(latest)
    if found is None:
        return None
    decided_on, decision = found
    certificate = latest.get(EventType.MEDIATION_CERTIFICATE_ISSUED)
    if certificate is not None and certificate < decided_on:
        certificate = None  # a certificate about an earlier decision does not count
    return appeal_deadline(
        decision=decision, decision_date=decided_on, certificate_issued=certificate
    )


def _annual_review(latest: dict[EventType, date], first_plan: date | None) -> Deadline | None:
    # s.44(1): 12 months from when the plan was first made, then from each review. An
    # amended final plan (after a review or a tribunal) does not restart the count.
    review = latest.get(EventType.ANNUAL_REVIEW_MEETING)
    if review is not None:
        return annual_review(from_event=EventType.ANNUAL_REVIEW_MEETING, event_date=review)
    if first_plan is not None:
        return annual_review(from_event=EventType.FINAL_PLAN_ISSUED, event_date=first_plan)
    return None


def _reassessment_deadlines(latest: dict[EventType, date]) -> list[Deadline]:
    requested = latest[EventType.REASSESSMENT_REQUESTED]
    found = [decide_whether_to_reassess(request_received=requested)]
    notice = latest.get(EventType.DECISION_TO_ASSESS)
    if notice is not None and notice < requested:
        notice = None  # a decision about an earlier request
    refused = latest.get(EventType.DECISION_NOT_TO_REASSESS)
    if refused is not None and refused >= max(requested, notice or requested):
        # Refused (since any notice to re-assess): no re-assessment, so no plan after it.
        return found
    if notice is None:
        found.append(
            reassessment_final_plan(
                from_event=EventType.REASSESSMENT_REQUESTED, event_date=requested
            )
        )
    else:
        found.append(
            reassessment_final_plan(from_event=EventType.DECISION_TO_ASSESS, event_date=notice)
        )
    return found


def _judicial_review(
    latest: dict[EventType, date], provision_failed: date | None
) -> list[Deadline]:
    letter = latest.get(EventType.PRE_ACTION_LETTER_SENT)
    found: list[Deadline] = []
    if provision_failed is not None and (letter is None or provision_failed <= letter):
        found.append(
            judicial_review_limit(grounds_arose=provision_failed, from_event=Recorded.DELIVERY_LOG)
        )
    elif letter is not None:
        # The grounds arose by the letter at the latest: the earlier date is the safe one.
        found.append(
            judicial_review_limit(grounds_arose=letter, from_event=EventType.PRE_ACTION_LETTER_SENT)
        )
    if letter is not None:
        found.append(pre_action_reply(letter_sent=letter))
    return found


def deadlines_for_events(
    events: Iterable[tuple[EventType, date]],
    *,
    transfer: TransferKind = TransferKind.SCHOOL,
    order: TribunalOrder | None = None,
    provision_failed: date | None = None,
    complaint_working_days: int | None = None,
) -> list[Deadline]:
    """Return every deadline the events start, sorted by due date then rule id.

    Where an event type occurs more than once, its latest date is used. `transfer` is the
    kind of the latest phase_transfer_year event (its `transfer` key in a version-2 case
    file; journeys.cases.timeline.case_transfer reads it). Rules: request_received →
    decide_whether_to_assess; notify_no_plan and final_plan (counted from request_received)
    only once the council has agreed to assess that request — a decision_to_assess, or a
    draft_plan_issued, final_plan_issued or decision_not_to_issue_plan on or after the
    request — and no refusal to assess on or after that; final_plan only while no
    decision_not_to_issue_plan followed the request; draft_plan_issued →
    draft_plan_representations; mediation_held (or, if later, mediation_adviser_contacted
    with no mediation_requested on or after it) → mediation_certificate;
    mediation_requested → mediation_by; the latest appealable decision with any
    mediation_certificate_issued on or after it → appeal_deadline; the latest
    annual_review_meeting, or while there is none the earliest final_plan_issued (when the
    plan was first made: Act s.44(1)) → annual_review; annual_review_meeting →
    review_decision; phase_transfer_year → phase_transfer_plan (14 February, 30 March or 5
    months before the move, by `transfer`: see `phase_transfer_plan`).

    Version 2: the latest amendment_proposal_issued → amendment_representations and
    amended_plan_final; the latest reassessment_requested → decide_whether_to_reassess, and
    reassessment_final_plan counted from a decision_to_assess on or after the request (the
    notice to re-assess) or, until one is recorded, from the request, unless a
    decision_not_to_reassess came on or after both; the latest tribunal_decision with its
    `order` (the latest tribunal_decision's, journeys.cases.timeline.case_order; None, as
    in a decision recorded without one, gives nothing) → tribunal_order_compliance;
    an order to assess or re-assess also replaces the 16 and 20 weeks of a request made
    before it (reg 44(2)(b): 10 and 14 weeks from the order);
    the latest provision_complaint_made → provision_complaint_escalation, after
    `complaint_working_days` (the council's complaints procedure's period, as the family
    gave it) or, when None, COMPLAINT_WORKING_DAYS (20);
    `provision_failed` (the first delivery_log row with delivered "no") or, if earlier or
    alone, the latest pre_action_letter_sent → judicial_review_limit (3 months), and
    pre_action_letter_sent → the 14-day reply under the same rule id. decision_not_to_amend,
    decision_to_cease and decision_not_to_reassess are appealable decisions.
    """
    events = list(events)  # read twice: the latest of each type and the first plan
    latest = _latest(events)
    found: list[Deadline | None] = []
    if EventType.REQUEST_RECEIVED in latest:
        found.extend(_assessment_deadlines(latest, order))
    if EventType.DRAFT_PLAN_ISSUED in latest:
        found.append(draft_plan_representations(draft_received=latest[EventType.DRAFT_PLAN_ISSUED]))
    found.append(_mediation_certificate(latest))
    if EventType.MEDIATION_REQUESTED in latest:
        found.append(mediation_by(mediation_requested=latest[EventType.MEDIATION_REQUESTED]))
    found.append(_appeal(latest))
    found.append(_annual_review(latest, _earliest(events, EventType.FINAL_PLAN_ISSUED)))
    if EventType.ANNUAL_REVIEW_MEETING in latest:
        found.append(review_decision(review_meeting=latest[EventType.ANNUAL_REVIEW_MEETING]))
    if EventType.PHASE_TRANSFER_YEAR in latest:
        found.append(
            phase_transfer_plan(
                transfer_date=latest[EventType.PHASE_TRANSFER_YEAR], transfer=transfer
            )
        )
    proposal = latest.get(EventType.AMENDMENT_PROPOSAL_ISSUED)
    if proposal is not None:
        found.append(amendment_representations(proposal_sent=proposal))
        found.append(amended_plan_final(proposal_sent=proposal))
    if EventType.REASSESSMENT_REQUESTED in latest:
        found.extend(_reassessment_deadlines(latest))
    if EventType.TRIBUNAL_DECISION in latest and order is not None:
        found.extend(
            tribunal_order_compliance(order=order, decided=latest[EventType.TRIBUNAL_DECISION])
        )
    if EventType.PROVISION_COMPLAINT_MADE in latest:
        found.append(
            provision_complaint_escalation(
                complaint_made=latest[EventType.PROVISION_COMPLAINT_MADE],
                working_days=complaint_working_days or COMPLAINT_WORKING_DAYS,
            )
        )
    found.extend(_judicial_review(latest, provision_failed))
    return sorted(
        (deadline for deadline in found if deadline is not None),
        key=lambda deadline: (deadline.due, deadline.key),
    )


# -- status --------------------------------------------------------------------------------------

DISCHARGED_BY: dict[RuleId, frozenset[EventType]] = {
    RuleId.DECIDE_WHETHER_TO_ASSESS: frozenset(
        {EventType.DECISION_TO_ASSESS, EventType.DECISION_NOT_TO_ASSESS}
    ),
    RuleId.NOTIFY_NO_PLAN: frozenset(
        {
            EventType.DECISION_NOT_TO_ISSUE_PLAN,
            EventType.DRAFT_PLAN_ISSUED,
            EventType.FINAL_PLAN_ISSUED,
        }
    ),
    RuleId.FINAL_PLAN: frozenset({EventType.FINAL_PLAN_ISSUED}),
    # No event records the parent's comments; a final plan closes the window on the draft
    # (see `draft_plan_representations`).
    RuleId.DRAFT_PLAN_REPRESENTATIONS: frozenset({EventType.FINAL_PLAN_ISSUED}),
    RuleId.MEDIATION_CERTIFICATE: frozenset({EventType.MEDIATION_CERTIFICATE_ISSUED}),
    RuleId.MEDIATION_BY: frozenset({EventType.MEDIATION_HELD}),
    RuleId.APPEAL_DEADLINE: frozenset({EventType.APPEAL_LODGED}),
    RuleId.ANNUAL_REVIEW: frozenset({EventType.ANNUAL_REVIEW_MEETING}),
    # No event records the decision itself; a draft or final (amended) plan after the review
    # meeting shows the council acted on it (see `review_decision`).
    # Version 2 records the decision itself: proposed amendments, a decision not to amend,
    # or (to cease) the notice that the council is considering it, or its decision.
    RuleId.REVIEW_DECISION: frozenset(
        {
            EventType.DRAFT_PLAN_ISSUED,
            EventType.FINAL_PLAN_ISSUED,
            EventType.AMENDMENT_PROPOSAL_ISSUED,
            EventType.DECISION_NOT_TO_AMEND,
            EventType.CEASE_CONSIDERED,
            EventType.DECISION_TO_CEASE,
        }
    ),
    RuleId.PHASE_TRANSFER_PLAN: frozenset({EventType.FINAL_PLAN_ISSUED}),
    # No event records the family's comments: an amended plan, or a decision not to amend
    # after all (reg 22(4)), closes the window, as for a draft plan.
    RuleId.AMENDMENT_REPRESENTATIONS: frozenset(
        {EventType.FINAL_PLAN_ISSUED, EventType.DECISION_NOT_TO_AMEND}
    ),
    RuleId.AMENDED_PLAN_FINAL: frozenset(
        {EventType.FINAL_PLAN_ISSUED, EventType.DECISION_NOT_TO_AMEND}
    ),
    # A refusal, the notice to re-assess (recorded as decision_to_assess), or a plan that only
    # follows a re-assessment.
    RuleId.DECIDE_WHETHER_TO_REASSESS: frozenset(
        {
            EventType.DECISION_NOT_TO_REASSESS,
            EventType.DECISION_TO_ASSESS,
            EventType.DRAFT_PLAN_ISSUED,
            EventType.FINAL_PLAN_ISSUED,
        }
    ),
    RuleId.REASSESSMENT_FINAL_PLAN: frozenset(
        {EventType.FINAL_PLAN_ISSUED, EventType.DECISION_NOT_TO_AMEND}
    ),
    # Per order: TRIBUNAL_ORDER_DISCHARGED_BY (this is their union).
    RuleId.TRIBUNAL_ORDER_COMPLIANCE: frozenset(
        {
            EventType.DECISION_TO_ASSESS,
            EventType.DECISION_NOT_TO_ISSUE_PLAN,
            EventType.DRAFT_PLAN_ISSUED,
            EventType.FINAL_PLAN_ISSUED,
            EventType.TRIBUNAL_DECISION,
        }
    ),
    RuleId.PROVISION_COMPLAINT_ESCALATION: frozenset(
        {EventType.PROVISION_COMPLAINT_RESPONSE, EventType.OMBUDSMAN_COMPLAINT_MADE}
    ),
    # No event records a claim, or the council's reply to a pre-action letter: by date only.
    RuleId.JUDICIAL_REVIEW_LIMIT: frozenset(),
}

# What shows the council did what each Tribunal order requires. An order to continue the plan
# takes effect on the day of the order and no event records "maintaining": the order itself
# is taken as met that day, so a page or chaser never calls the council late without a fact
# (a failure to deliver the plan's provision is the delivery log's and the complaint's).
TRIBUNAL_ORDER_DISCHARGED_BY: dict[Law, frozenset[EventType]] = {
    Law.TRIBUNAL_ORDER_ASSESS: frozenset(
        {
            EventType.DECISION_TO_ASSESS,
            EventType.DECISION_NOT_TO_ISSUE_PLAN,
            EventType.DRAFT_PLAN_ISSUED,
            EventType.FINAL_PLAN_ISSUED,
        }
    ),
    Law.TRIBUNAL_ORDER_NO_PLAN: frozenset(
        {
            EventType.DECISION_NOT_TO_ISSUE_PLAN,
            EventType.DRAFT_PLAN_ISSUED,
            EventType.FINAL_PLAN_ISSUED,
        }
    ),
    # A decision that no plan is necessary ends the duty to send one (as for reg 13(2)).
    Law.TRIBUNAL_ORDER_ASSESS_PLAN: frozenset(
        {EventType.FINAL_PLAN_ISSUED, EventType.DECISION_NOT_TO_ISSUE_PLAN}
    ),
    Law.TRIBUNAL_ORDER_PLAN_DRAFT: frozenset(
        {EventType.DRAFT_PLAN_ISSUED, EventType.FINAL_PLAN_ISSUED}
    ),
    Law.TRIBUNAL_ORDER_PLAN_FINAL: frozenset({EventType.FINAL_PLAN_ISSUED}),
    Law.TRIBUNAL_ORDER_AMEND: frozenset({EventType.FINAL_PLAN_ISSUED}),
    Law.TRIBUNAL_ORDER_SCHOOL: frozenset({EventType.FINAL_PLAN_ISSUED}),
    Law.TRIBUNAL_ORDER_CONTINUE: frozenset({EventType.TRIBUNAL_DECISION}),
}


def _discharges(deadline: Deadline, event: EventType, day: date) -> bool:
    if event not in DISCHARGED_BY[deadline.rule]:
        return False
    if (
        deadline.rule is RuleId.TRIBUNAL_ORDER_COMPLIANCE
        and event not in TRIBUNAL_ORDER_DISCHARGED_BY[deadline.law]
    ):
        return False
    if deadline.rule is RuleId.ANNUAL_REVIEW:
        # A review meeting on the day the year is counted from is the start, not the review.
        return day > deadline.event_date
    if deadline.rule is RuleId.PHASE_TRANSFER_PLAN:
        # Reg 18(1): the review happens "within 12 months of a transfer".
        return day >= add_months(deadline.event_date, -12)
    return day >= deadline.event_date


def discharged_on(
    deadline: Deadline, *, today: date, events: Iterable[tuple[EventType, date]]
) -> date | None:
    """The earliest day on or before `today` an event discharged `deadline`, or None.

    The timeline uses it to say a duty met after its date was met late, and by how many days.
    """
    return min(
        (day for event, day in events if day <= today and _discharges(deadline, event, day)),
        default=None,
    )


def deadline_status(
    deadline: Deadline, *, today: date, events: Iterable[tuple[EventType, date]]
) -> Status:
    """Return where `deadline` stands on `today`, given the case's events.

    MET when an event that discharges the duty (DISCHARGED_BY) is dated on or after the
    event that started it and on or before `today` — even if it came after the due date:
    once the council (or adviser, or parent) has acted, the page reports the duty as done
    rather than keep showing it overdue. The annual review is discharged only by a later
    review meeting, and the phase-transfer plan by a final plan issued in the 12 months
    before the transfer date or later. draft_plan_representations is MET (closed) once a
    final plan follows the draft, and review_decision once a draft or final plan, proposed
    amendments, a decision not to amend or a step to cease follows the review meeting. A
    Tribunal order is met by the events its own law entry lists (TRIBUNAL_ORDER_DISCHARGED_BY).
    Otherwise UPCOMING before the due date, DUE_TODAY on it and OVERDUE after it.
    """
    # any() rather than discharged_on(): it stops at the first discharging event (a caseload
    # asks this of every deadline of every case; bench/deadlines.py).
    if any(day <= today and _discharges(deadline, event, day) for event, day in events):
        return Status.MET
    if today < deadline.due:
        return Status.UPCOMING
    if today == deadline.due:
        return Status.DUE_TODAY
    return Status.OVERDUE


# -- plain English -------------------------------------------------------------------------------

_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def long_date(day: date) -> str:
    """'Friday 18 December 2026', whatever the process locale: the weekday helps a check."""
    return f"{_WEEKDAYS[day.weekday()]} {day.day} {_MONTHS[day.month - 1]} {day.year}"


_EXPLANATIONS: dict[RuleId, str] = {
    RuleId.DECIDE_WHETHER_TO_ASSESS: (
        "The council must tell you whether it will carry out an assessment by {due}."
    ),
    RuleId.NOTIFY_NO_PLAN: (
        "If the council decides not to make a plan after the assessment, it must tell you by {due}."
    ),
    RuleId.FINAL_PLAN: "The council must send you the final plan by {due}.",
    RuleId.DRAFT_PLAN_REPRESENTATIONS: (
        "You have until {due} to send the council your comments on the draft plan "
        "and to tell it which school or college you would like it to name."
    ),
    RuleId.MEDIATION_CERTIFICATE: (
        "The mediation adviser must send you your mediation certificate by {due}."
    ),
    RuleId.MEDIATION_BY: "The council must make sure the mediation meeting happens by {due}.",
    # Tribunal Rules r.12(1): by 5pm on the day (journeys.rules.law APPEAL_BY_5PM).
    RuleId.APPEAL_DEADLINE: "Your appeal must reach the SEND Tribunal by 5pm on {due}.",
    RuleId.ANNUAL_REVIEW: "The council must review the plan again by {due}.",
    RuleId.REVIEW_DECISION: (
        "After the review meeting, the council must tell you by {due} "
        "whether it will keep the plan as it is, change it or stop it."
    ),
    RuleId.PHASE_TRANSFER_PLAN: (
        "The council must send you the reviewed and amended plan naming the school or "
        "college for the move by {due}{why}."
    ),
    RuleId.AMENDMENT_REPRESENTATIONS: (
        "You have until {due} to send the council your comments on its proposed changes to "
        "the plan and to tell it which school or college you would like it to name."
    ),
    RuleId.AMENDED_PLAN_FINAL: "The council must send you the final amended plan by {due}.",
    RuleId.DECIDE_WHETHER_TO_REASSESS: (
        "The council must tell you by {due} whether it will carry out a new assessment."
    ),
    RuleId.REASSESSMENT_FINAL_PLAN: (
        "After assessing again, the council must send you the final plan by {due}."
    ),
    RuleId.TRIBUNAL_ORDER_COMPLIANCE: "The council must do what the Tribunal ordered by {due}.",
    RuleId.PROVISION_COMPLAINT_ESCALATION: (
        "If the council has not given its final answer to your complaint by {due}, you can "
        "take the complaint to the Local Government and Social Care Ombudsman (we count 20 "
        "working days, the period many councils use; check your council's complaints "
        "procedure, which sets the time)."
    ),
    RuleId.JUDICIAL_REVIEW_LIMIT: (
        "A claim for judicial review must be made promptly, and by {due} at the latest."
    ),
}

# Where one rule id gives different dates, the sentence of each: by the law entry (a
# Tribunal order; the reply to a pre-action letter) or by what started the clock.
_BY_LAW: dict[Law, str] = {
    Law.TRIBUNAL_ORDER_ASSESS: (
        "The council must tell you by {due} that it will carry out the assessment the "
        "Tribunal ordered."
    ),
    Law.TRIBUNAL_ORDER_NO_PLAN: (
        "If the council decides after the assessment the Tribunal ordered that a plan is not "
        "needed, it must tell you by {due}."
    ),
    Law.TRIBUNAL_ORDER_ASSESS_PLAN: (
        "If the council decides after the assessment the Tribunal ordered that a plan is "
        "needed, it must send you the final plan by {due}."
    ),
    Law.TRIBUNAL_ORDER_PLAN_DRAFT: (
        "The council must send you a draft plan by {due}, as the Tribunal ordered."
    ),
    Law.TRIBUNAL_ORDER_PLAN_FINAL: (
        "The council must send you the final plan by {due}, as the Tribunal ordered."
    ),
    Law.TRIBUNAL_ORDER_AMEND: (
        "The council must send you the amended plan the Tribunal ordered by {due}."
    ),
    Law.TRIBUNAL_ORDER_SCHOOL: (
        "The council must send you the plan naming the school or college the Tribunal "
        "ordered by {due}."
    ),
    Law.TRIBUNAL_ORDER_CONTINUE: (
        "The council must keep the plan in place from {due}, as the Tribunal ordered."
    ),
    Law.PRE_ACTION_REPLY: "Your pre-action letter asked the council to reply by {due}.",
}
_BY_START: dict[tuple[RuleId, EventType | Recorded], str] = {
    (RuleId.REASSESSMENT_FINAL_PLAN, EventType.REASSESSMENT_REQUESTED): (
        "After assessing again, the council must send you the final plan within 14 weeks of "
        "telling you it would: counted from your request that is {due}, and the date moves "
        "later once you add the date the council agreed to assess again."
    ),
    (RuleId.JUDICIAL_REVIEW_LIMIT, Recorded.DELIVERY_LOG): (
        "If you want to ask the High Court for a judicial review, you must do it promptly, "
        "and by {due} at the latest, 3 months after the first missed session you recorded "
        "({event})."
    ),
    (RuleId.JUDICIAL_REVIEW_LIMIT, EventType.PRE_ACTION_LETTER_SENT): (
        "If you want to ask the High Court for a judicial review, you must do it promptly, "
        "and by {due} at the latest: 3 months from your pre-action letter of {event}, or "
        "sooner if the council's failure began before it."
    ),
}

# What the law says of each kind of transfer, after the date (the regulation says "before").
_TRANSFER_WHY: dict[Law, str] = {
    Law.PHASE_TRANSFER_SCHOOL: " (the law says \u201cbefore 15 February\u201d)",
    Law.PHASE_TRANSFER_POST16: " (the law says \u201cbefore 31 March\u201d)",
    Law.PHASE_TRANSFER_BETWEEN_POST16: ", at least 5 months before the move on {event}",
}


# The Ombudsman date when the family told us their council's period (`explain`).
_COMPLAINT_PERIOD_GIVEN = (
    "If the council has not given its final answer to your complaint by {due}, you can take "
    "the complaint to the Local Government and Social Care Ombudsman (the council's "
    "complaints procedure gives {days} working days, as you told us)."
)


def explain(deadline: Deadline, *, complaint_working_days: int | None = None) -> str:
    """Return one plain-English sentence for a parent saying who must do what, and by when.

    `complaint_working_days`: the period the family gave for the council's complaints
    procedure, passed with the same value the engine counted with; the Ombudsman date then
    says it is theirs, and without it that 20 working days is the product's choice.
    """
    event = long_date(deadline.event_date)
    why = _TRANSFER_WHY.get(deadline.law, "").format(event=event)
    if deadline.rule is RuleId.PROVISION_COMPLAINT_ESCALATION and complaint_working_days:
        return _COMPLAINT_PERIOD_GIVEN.format(
            due=long_date(deadline.due), days=complaint_working_days
        )
    sentence = (
        _BY_LAW.get(deadline.law)
        or _BY_START.get((deadline.rule, deadline.from_event))
        or _EXPLANATIONS[deadline.rule]
    )
    return sentence.format(due=long_date(deadline.due), why=why, event=event)
