"""The appeal deadline with its working shown, step by step, for the calculator page.

Pure Python. It walks the same helpers `deadlines.appeal_deadline` uses (and checks it reaches
the same day), so the reasoning can never disagree with the date the rest of the service uses.
Source: Tribunal Procedure (First-tier Tribunal) (HESC) Rules 2008, r.20(1)(c) and r.12 (the
citations, and the 5pm rule of r.12(1), come from journeys.rules.law).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from journeys.rules.calendar import add_months, is_bank_holiday, is_working_day
from journeys.rules.deadlines import (
    Deadline,
    appeal_deadline,
    is_in_christmas_window,
    long_date,
)
from journeys.rules.law import Law, LawEntry, entry
from journeys.rules.vocabulary import EventType


@dataclass(frozen=True)
class ExplainedAppealDeadline:
    deadline: Deadline
    steps: tuple[str, ...]

    @property
    def by_5pm(self) -> LawEntry:
        """Tribunal Rules r.12(1): the appeal must arrive by 5pm on the last day."""
        return entry(Law.APPEAL_BY_5PM)

    def has_passed(self, today: date) -> bool:
        """Whether the last day to appeal is before `today` (then only a late appeal, with
        a request to extend time, remains: Law.LATE_APPEAL)."""
        return self.deadline.due < today


def _plus_months(start: date, months: int, *, since: str) -> tuple[date, str]:
    end = add_months(start, months)
    unit = "month" if months == 1 else "months"
    note = ""
    if end.day != start.day:
        note = (
            f" There is no {start.day}{_ordinal(start.day)} in {end:%B}, so the period ends "
            f"on the last day of {end:%B}."
        )
    return end, f"{months} {unit} {since} is {long_date(end)}.{note}"


def _ordinal(day: int) -> str:
    if 11 <= day % 100 <= 13:
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")


def _why_not_a_working_day(day: date) -> str:
    if is_bank_holiday(day):
        return "a bank holiday"
    return f"a {day:%A}"


def explain_appeal_deadline(
    *,
    decision_date: date,
    certificate_issued: date | None = None,
    decision: EventType = EventType.DECISION_NOT_TO_ASSESS,
) -> ExplainedAppealDeadline:
    """Return the appeal deadline and the plain-English steps that reach it."""
    result = appeal_deadline(
        decision=decision, decision_date=decision_date, certificate_issued=certificate_issued
    )
    from_decision, decision_step = _plus_months(
        decision_date, 2, since=f"after {long_date(decision_date)}"
    )
    steps = [f"The decision letter is dated {long_date(decision_date)}. {decision_step}"]
    last_day = from_decision
    if certificate_issued is not None:
        # r.20(1)(c)(ii): "1 month from the date of issue of the mediation certificate".
        from_certificate, certificate_step = _plus_months(
            certificate_issued, 1, since="from the date the certificate was issued"
        )
        steps.append(
            f"Your mediation certificate was issued on {long_date(certificate_issued)}. "
            f"{certificate_step}"
        )
        if from_certificate > from_decision:
            last_day = from_certificate
            steps.append(f"You can use whichever is later: {long_date(last_day)}.")
        else:
            steps.append(
                "You can use whichever is later. The 2 months from the decision letter end "
                f"later, so the certificate does not change the date: {long_date(last_day)}."
            )
    if is_in_christmas_window(last_day):
        steps.append(
            f"{long_date(last_day)} falls between 25 December and 1 January. The Tribunal "
            "accepts an appeal on the first working day after 1 January: "
            f"{long_date(result.due)}."
        )
    elif last_day.month == 8:
        steps.append(
            f"{long_date(last_day)} falls in August. The Tribunal accepts an appeal on the "
            f"first working day after 31 August: {long_date(result.due)}."
        )
    elif not is_working_day(last_day):
        steps.append(
            f"{long_date(last_day)} is {_why_not_a_working_day(last_day)}, so your appeal is in "
            f"time if it arrives on the next working day: {long_date(result.due)}."
        )
    else:
        steps.append(f"{long_date(last_day)} is a working day, so it is the last day.")
    by_5pm = entry(Law.APPEAL_BY_5PM)
    steps.append(
        f"Your appeal must reach the Tribunal by 5pm on {long_date(result.due)}. "
        f"{by_5pm.statement} ({by_5pm.citation}.)"
    )
    return ExplainedAppealDeadline(deadline=result, steps=tuple(steps))
