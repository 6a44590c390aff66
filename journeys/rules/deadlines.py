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
from journeys.rules.vocabulary import EventType


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


class TransferKind(StrEnum):
    """The `transfer` key of a `phase_transfer_year` event (CASE_FORMAT.md version 2)."""

    SCHOOL = "school"  # any transfer between phases but the two below: reg 18(1)(b)
    POST16 = "post16"  # secondary school to a post-16 institution: reg 18(1)(a)
    BETWEEN_POST16 = "between_post16"  # one post-16 institution to another: reg 18(2)


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
    from_event: EventType
    event_date: date
    duty_holder: DutyHolder
    source: str  # the citation(s) of `law` from journeys.rules.law, never written here
    law: Law  # the duty or right this date belongs to (its statement and exceptions)


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
    amendment notice (reg 22(3), checked on legislation.gov.uk) — not computed here because
    the case file records no amendment notice. Council duty: no roll-forward.

    The case file has no event for the decision itself. A `draft_plan_issued` (the proposed
    amendments) or `final_plan_issued` (the amended plan) dated on or after the review
    meeting shows that the council acted on the review, so `deadline_status` reports this
    deadline as MET (even if late, as for every rule). A decision to keep the plan as it is,
    or to cease it, leaves no event, so such a deadline still goes by date.
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


def _assessment_deadlines(latest: dict[EventType, date]) -> list[Deadline]:
    received = latest[EventType.REQUEST_RECEIVED]
    found = [decide_whether_to_assess(request_received=received)]
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


def deadlines_for_events(
    events: Iterable[tuple[EventType, date]], *, transfer: TransferKind = TransferKind.SCHOOL
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
    """
    events = list(events)  # read twice: the latest of each type and the first plan
    latest = _latest(events)
    found: list[Deadline | None] = []
    if EventType.REQUEST_RECEIVED in latest:
        found.extend(_assessment_deadlines(latest))
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
    return sorted(
        (deadline for deadline in found if deadline is not None),
        key=lambda deadline: (deadline.due, deadline.rule.value),
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
    RuleId.REVIEW_DECISION: frozenset({EventType.DRAFT_PLAN_ISSUED, EventType.FINAL_PLAN_ISSUED}),
    RuleId.PHASE_TRANSFER_PLAN: frozenset({EventType.FINAL_PLAN_ISSUED}),
}


def _discharges(deadline: Deadline, event: EventType, day: date) -> bool:
    if event not in DISCHARGED_BY[deadline.rule]:
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
    final plan follows the draft, and review_decision once a draft or final plan follows
    the review meeting. Otherwise UPCOMING before the due date, DUE_TODAY on it and OVERDUE
    after it.
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
}

# What the law says of each kind of transfer, after the date (the regulation says "before").
_TRANSFER_WHY: dict[Law, str] = {
    Law.PHASE_TRANSFER_SCHOOL: " (the law says \u201cbefore 15 February\u201d)",
    Law.PHASE_TRANSFER_POST16: " (the law says \u201cbefore 31 March\u201d)",
    Law.PHASE_TRANSFER_BETWEEN_POST16: ", at least 5 months before the move on {event}",
}


def explain(deadline: Deadline) -> str:
    """Return one plain-English sentence for a parent saying who must do what, and by when."""
    why = _TRANSFER_WHY.get(deadline.law, "").format(event=long_date(deadline.event_date))
    return _EXPLANATIONS[deadline.rule].format(due=long_date(deadline.due), why=why)
