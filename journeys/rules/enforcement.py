"""Enforcing the plan when its provision is not made (issue 15): who is written to, the
chronology drawn from the delivery log, and the dates the letters give.

Pure Python, no Django (tests/journeys/rules/test_purity.py enforces it). The counting of
sessions is journeys.rules.provision's; the law is journeys.rules.law's. This module only
decides:
- which body answers for which section of the plan: the council for section F (Act
  s.42(2)) and for social care in section H (the council is the social care authority; see
  law SOCIAL_CARE_PROVISION), the integrated care board for health care in section G (s.42(3));
- the runs of weeks in which a session was recorded as not delivered (a dated chronology);
- when a complaint has gone unanswered for the period the council's procedure sets (20
  working days where the family does not know it);
- when the council must carry out a mediation agreement (SEND Regulations 2014, reg 42).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from journeys.rules.deadlines import (
    COMPLAINT_WORKING_DAYS,
    TRIBUNAL_ORDER_PERIODS,
    last_day_of_months_starting_with,
    provision_complaint_escalation,
)
from journeys.rules.law import Law
from journeys.rules.provision import Item, LogRow, week_start
from journeys.rules.vocabulary import Delivered, TribunalOrder


class Body(StrEnum):
    """Who must answer for the provision a letter is about."""

    COUNCIL = "council"
    ICB = "icb"


# The sections of a plan whose provision each body answers for.
SECTIONS: dict[Body, frozenset[str]] = {
    Body.COUNCIL: frozenset({"F", "H"}),
    Body.ICB: frozenset({"G"}),
}

# The law that puts the duty on the body, by section.
DUTY_BY_SECTION: dict[str, Law] = {
    "F": Law.SECURE_PROVISION,
    "G": Law.HEALTH_PROVISION,
    "H": Law.SOCIAL_CARE_PROVISION,
}


def body_for(section: str) -> Body:
    """The council for sections F and H; the integrated care board for section G (s.42(3))."""
    return Body.ICB if section == "G" else Body.COUNCIL


def items_for(items: Iterable[Item], body: Body) -> tuple[Item, ...]:
    """The items of the plan this body answers for, in the plan's order."""
    return tuple(item for item in items if item.section in SECTIONS[body])


@dataclass(frozen=True)
class MissedRun:
    """Consecutive weeks (Monday to Sunday) in each of which a session was recorded as not
    delivered."""

    start: date  # the Monday of the first week
    end: date  # the Sunday of the last week
    weeks: int
    sessions: int  # rows recorded as not delivered in those weeks


def missed_runs(log: Iterable[LogRow], item_ids: Iterable[str]) -> tuple[MissedRun, ...]:
    """The runs of weeks with a session recorded as not delivered (delivered "no"), for these
    items, oldest first. A week with no such row ends a run, whatever else it holds."""
    wanted = set(item_ids)
    per_week: dict[date, int] = {}
    for row in log:
        if row.provision in wanted and row.delivered is Delivered.NO:
            monday = week_start(row.date)
            per_week[monday] = per_week.get(monday, 0) + 1
    runs: list[MissedRun] = []
    for monday in sorted(per_week):
        last = runs[-1] if runs else None
        if last is not None and last.end + timedelta(days=1) == monday:
            runs[-1] = MissedRun(
                last.start,
                monday + timedelta(days=6),
                last.weeks + 1,
                last.sessions + per_week[monday],
            )
        else:
            runs.append(MissedRun(monday, monday + timedelta(days=6), 1, per_week[monday]))
    return tuple(runs)


def first_missed(log: Iterable[LogRow], item_ids: Iterable[str]) -> LogRow | None:
    """The first row recorded as not delivered for these items (the earliest date), or None."""
    wanted = set(item_ids)
    missed = [r for r in log if r.provision in wanted and r.delivered is Delivered.NO]
    return min(missed, key=lambda r: r.date, default=None)


def complaint_reply_due(*, complaint_made: date, working_days: int | None) -> date:
    """The last day of the council's complaints procedure's period for its answer: the date
    of the engine's provision_complaint_escalation rule (that many working days after the
    complaint; COMPLAINT_WORKING_DAYS, 20, when the family does not know it; Local
    Government Act 1974, Part 3 leaves it to the council)."""
    return provision_complaint_escalation(
        complaint_made=complaint_made, working_days=working_days or COMPLAINT_WORKING_DAYS
    ).due


def ombudsman_ready(
    *, complaint_made: date, working_days: int | None, answered: bool, today: date
) -> bool:
    """The Ombudsman can be asked: the council has given its final answer, or its period to
    answer has passed (Local Government Act 1974, s.26(5))."""
    return answered or today > complaint_reply_due(
        complaint_made=complaint_made, working_days=working_days
    )


def ombudsman_last_day(first_known: date) -> date:
    """The last day of the 12 months beginning with the day the family first knew (Local
    Government Act 1974, s.26B): the day before the anniversary (29 February → 28
    February), counted as every "12 months starting with" in the engine."""
    return last_day_of_months_starting_with(first_known, 12)


def mediation_agreement_due(
    *, agreed: date, order: TribunalOrder | None, agreed_by: date | None = None
) -> tuple[tuple[Law, date], ...]:
    """What the council must do after a mediation agreement, and by when (SEND Regulations
    2014, reg 42): a timescale agreed in writing (reg 42(5)); for something that could have
    been appealed, the periods of a Tribunal order of that kind (reg 42(2), reg 44:
    TRIBUNAL_ORDER_PERIODS, weeks from the agreement); for anything else, 2 weeks from the
    agreement (reg 42(3)). An agreement that changes nothing (`dismissed`) gives nothing."""
    if agreed_by is not None:
        return ((Law.MEDIATION_AGREEMENT_TIMESCALE, agreed_by),)
    if order is None:
        return ((Law.MEDIATION_AGREEMENT_OTHER, agreed + timedelta(weeks=2)),)
    return tuple(
        (law, agreed + timedelta(weeks=weeks)) for law, weeks in TRIBUNAL_ORDER_PERIODS[order]
    )
