"""A case's timeline: what has happened, and what is due, by whom, with what to do next.

Every date comes from journeys.rules.deadlines, and every statement of law (the duty, its
citation, its exceptions) from journeys.rules.law; this module only arranges them for people
(the timeline page, the calendar file, reminders and the chaser letter all read it).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from journeys.cases.guidance import what_to_do
from journeys.rules.deadlines import (
    Deadline,
    DutyHolder,
    Recorded,
    RuleId,
    Status,
    TransferKind,
    appealed_decision,
    deadline_status,
    deadlines_for_events,
    discharged_on,
    explain,
)
from journeys.rules.law import Law, LawEntry, entry
from journeys.rules.provision import log_from_case
from journeys.rules.vocabulary import Delivered, EventType, TribunalOrder

OPEN_STATUSES = frozenset({Status.UPCOMING, Status.DUE_TODAY, Status.OVERDUE})


@dataclass(frozen=True)
class TimelineEvent:
    type: EventType
    date: date

    @property
    def label(self) -> str:
        return self.type.label


@dataclass(frozen=True)
class TimelineDeadline:
    deadline: Deadline
    status: Status
    explanation: str
    what_to_do: str
    days_left: int
    # Days the duty was (or is) late: for a met duty, the day it was met minus the due date;
    # for an overdue one, today minus the due date; 0 otherwise.
    days_late: int = 0

    @property
    def law(self) -> LawEntry:
        """The duty or right this date belongs to, as journeys.rules.law states it."""
        return entry(self.deadline.law)

    @property
    def exceptions(self) -> tuple[str, ...]:
        """The only circumstances that allow the council longer (the 6, 16 and 20 weeks);
        empty for every other duty, which is then never said to have exceptions."""
        return self.law.exceptions

    @property
    def by_5pm(self) -> LawEntry | None:
        """Tribunal Rules r.12(1) for the appeal deadline (by 5pm on the day), else None."""
        if self.deadline.rule is RuleId.APPEAL_DEADLINE:
            return entry(Law.APPEAL_BY_5PM)
        return None

    @property
    def met_late(self) -> bool:
        return self.status is Status.MET and self.days_late > 0

    @property
    def council_is_late(self) -> bool:
        """The council missed a duty that the chaser letter can cite (`chased`)."""
        return (
            self.status is Status.OVERDUE
            and self.deadline.duty_holder is DutyHolder.COUNCIL
            and chased(self.deadline)
        )


@dataclass(frozen=True)
class Timeline:
    events: tuple[TimelineEvent, ...]
    open: tuple[TimelineDeadline, ...]  # overdue first, then by date
    met: tuple[TimelineDeadline, ...]  # each with days_late when the duty was met late

    @property
    def council_is_late(self) -> bool:
        return any(item.council_is_late for item in self.open)


def case_events(case_file: Mapping[str, Any]) -> list[tuple[EventType, date]]:
    """The case file's events as (type, date), oldest first."""
    return sorted(
        (
            (EventType(e["type"]), date.fromisoformat(e["date"]))
            for e in case_file.get("events", [])
        ),
        key=lambda pair: (pair[1], pair[0].value),
    )


def case_transfer(case_file: Mapping[str, Any]) -> TransferKind:
    """The `transfer` kind of the latest phase_transfer_year event (CASE_FORMAT.md version 2).

    "school" when the event does not say (every version-1 file) or there is none; on a
    same-day tie, the event listed last in the file.
    """
    transfers = [
        (date.fromisoformat(e["date"]), index, e.get("transfer") or TransferKind.SCHOOL.value)
        for index, e in enumerate(case_file.get("events", []))
        if e["type"] == EventType.PHASE_TRANSFER_YEAR.value
    ]
    return TransferKind(max(transfers)[2]) if transfers else TransferKind.SCHOOL


def case_order(case_file: Mapping[str, Any]) -> TribunalOrder | None:
    """The `order` of the latest tribunal_decision event (CASE_FORMAT.md version 2), or None.

    None when there is no such event, or the latest says no order: the engine then computes
    nothing for it rather than guess what the Tribunal ordered. On a same-day tie, the event
    listed last in the file.
    """
    decisions = [
        (date.fromisoformat(e["date"]), index, e.get("order"))
        for index, e in enumerate(case_file.get("events", []))
        if e["type"] == EventType.TRIBUNAL_DECISION.value
    ]
    if not decisions:
        return None
    order = max(decisions)[2]
    return TribunalOrder(order) if order else None


def first_failed_provision(case_file: Mapping[str, Any]) -> date | None:
    """The earliest `delivery_log` row whose session was not delivered at all, or None: when
    the council's failure to secure the plan's provision (Act s.42(2)) first shows in what
    the family recorded. It starts the judicial review time limit.

    Rows are read as the shortfall reads them (journeys.rules.provision.log_from_case): a row
    that does not say whether the session happened counts as not delivered. The earlier
    start is the safe reading here too: the limit it gives can only come sooner."""
    return min(
        (row.date for row in log_from_case(case_file) if row.delivered is Delivered.NO),
        default=None,
    )


# The journey whose answers hold the complaints period (journeys.wizard.enforcement_cases
# ENFORCE_JOURNEY; this room may not import the wizard).
NOT_DELIVERED_JOURNEY = "not-delivered"


def complaint_working_days(extras: Mapping[str, Any] | None) -> int | None:
    """The period of the council's complaints procedure, in working days, as the family gave
    it in the not-delivered journey (a case's stored extras: "not-delivered" → "enforce" →
    "reply_working_days"), or None when they did not give one (the engine then counts 20).

    Read from that journey's own extras, not the merged ones: the mediation agreement journey
    keeps its answers under "enforce" too."""
    journey = (extras or {}).get(NOT_DELIVERED_JOURNEY) or {}
    days = (journey.get("enforce") or {}).get("reply_working_days")
    if isinstance(days, bool) or not isinstance(days, int) or days < 1:
        return None
    return days


def case_deadlines(
    case_file: Mapping[str, Any], *, complaint_working_days: int | None = None
) -> list[Deadline]:
    """Every deadline the case file starts: its events, with the transfer kind, the Tribunal's
    order and the first session not delivered (the engine's keyword arguments), and the
    complaints period the family gave (`complaint_working_days`, read from the case's extras;
    None, as from a case file alone, counts 20 working days)."""
    return deadlines_for_events(
        case_events(case_file),
        transfer=case_transfer(case_file),
        order=case_order(case_file),
        provision_failed=first_failed_provision(case_file),
        complaint_working_days=complaint_working_days,
    )


def next_open_deadline(
    case_file: Mapping[str, Any], *, complaint_working_days: int | None = None
) -> Deadline | None:
    """The earliest deadline no recorded event has met yet (overdue or not), or None.

    Kept on the case for lists and the caseload dashboard; whether it is overdue depends on
    the day it is read, so that is worked out when the page is shown.
    """
    events = case_events(case_file)
    still_open = [
        deadline
        for deadline in case_deadlines(case_file, complaint_working_days=complaint_working_days)
        if deadline_status(deadline, today=date.max, events=events) is not Status.MET
    ]
    return min(still_open, key=lambda d: (d.due, d.key), default=None)


def _days_late(deadline: Deadline, status: Status, *, today: date, events) -> int:
    if status is Status.OVERDUE:
        return (today - deadline.due).days
    if status is Status.MET:
        acted = discharged_on(deadline, today=today, events=events)
        return max(0, (acted - deadline.due).days) if acted else 0
    return 0


def case_timeline(
    case_file: Mapping[str, Any], *, today: date, complaint_working_days: int | None = None
) -> Timeline:
    """Build the timeline of a case file as it stands on `today`.

    `complaint_working_days`: the complaints period the family gave
    (`complaint_working_days(case.extras)`); the Ombudsman date counts it and says so.
    """
    events = case_events(case_file)
    appealed = appealed_decision(events)
    items = []
    for deadline in case_deadlines(case_file, complaint_working_days=complaint_working_days):
        status = deadline_status(deadline, today=today, events=events)
        items.append(
            TimelineDeadline(
                deadline=deadline,
                status=status,
                explanation=explain(deadline, complaint_working_days=complaint_working_days),
                what_to_do=what_to_do(deadline, status, appealed=appealed),
                days_left=(deadline.due - today).days,
                days_late=_days_late(deadline, status, today=today, events=events),
            )
        )
    open_items = sorted(
        (i for i in items if i.status in OPEN_STATUSES),
        key=lambda i: (i.status is not Status.OVERDUE, i.deadline.due, i.deadline.key),
    )
    met = tuple(i for i in items if i.status is Status.MET)
    return Timeline(
        events=tuple(TimelineEvent(t, d) for t, d in events), open=tuple(open_items), met=met
    )


# -- for the chaser letter (la_missed_deadline) ---------------------------------------------


@dataclass(frozen=True)
class OverdueDuty:
    """One council duty overdue on the day a chaser is written, with the law behind it."""

    rule: RuleId
    law: LawEntry  # the duty in plain English (statement) and its citation
    due: date  # the day the council had to act by (never rolled forward)
    from_event: EventType | Recorded  # what started the clock
    event_date: date  # when that happened
    days_late: int  # today - due

    @property
    def statement(self) -> str:
        return self.law.statement

    @property
    def citation(self) -> str:
        return self.law.citation

    @property
    def has_exceptions(self) -> bool:
        """Only the 6, 16 and 20 weeks: only then may a letter say "unless an exception
        applies" or "only in exceptional circumstances"."""
        return bool(self.law.exceptions)

    @property
    def exceptions(self) -> tuple[str, ...]:
        """The three exceptions (reg 5(4), reg 10(4), reg 13(3)) where they apply, else ()."""
        return self.law.exceptions

    @property
    def ask_mediation_adviser(self) -> bool:
        """Late mediation (reg 37): the family asks the mediation adviser for the
        certificate, not the council for a meeting."""
        return self.rule is RuleId.MEDIATION_BY


def chased(deadline: Deadline) -> bool:
    """Whether a chaser may cite this late council duty.

    Not the reply to a pre-action letter (a protocol period: the next step is the court, not
    a chaser), and not the 14 weeks after a re-assessment while they are counted from the
    request (the law counts from the council's notice, which is later: a chaser must not
    call the council late on the earlier date).
    """
    if deadline.rule is RuleId.JUDICIAL_REVIEW_LIMIT:
        return False
    return not (
        deadline.rule is RuleId.REASSESSMENT_FINAL_PLAN
        and deadline.from_event is EventType.REASSESSMENT_REQUESTED
    )


def overdue_council_duties(case_file: Mapping[str, Any], *, today: date) -> tuple[OverdueDuty, ...]:
    """Every council duty overdue on `today` that a chaser may cite (`chased`), in the
    timeline's order (oldest due first).

    Only duties that exist for this case: the engine starts reg 10(1) and reg 13(2) only once
    the council has agreed to assess, uses the transfer kind for reg 18 and the order for reg
    44, and counts the annual review as s.44(1) does. Pure: reads the case file mapping, no
    database.
    """
    return tuple(
        OverdueDuty(
            rule=item.deadline.rule,
            law=item.law,
            due=item.deadline.due,
            from_event=item.deadline.from_event,
            event_date=item.deadline.event_date,
            days_late=item.days_late,
        )
        for item in case_timeline(case_file, today=today).open
        if item.council_is_late
    )
