"""Statutory time limits, as pure functions of dates.

No Django here (tests/journeys/rules/test_purity.py enforces it). Each rule is one function
whose docstring names its legal source. This module is the only place a deadline is computed:
pages, letters and commands all ask it.

Issue 2 needs only the first rule (the council's 6-week decision on a request); the full engine
(every rule id in CASE_FORMAT.md, working days and bank holidays, the appeal roll-forward)
is issue 3 and extends this module.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from journeys.rules.vocabulary import EventType


class RuleId(StrEnum):
    DECIDE_WHETHER_TO_ASSESS = "decide_whether_to_assess"


class DutyHolder(StrEnum):
    COUNCIL = "council"
    PARENT = "parent"
    MEDIATION_ADVISER = "mediation_adviser"


@dataclass(frozen=True)
class Deadline:
    rule: RuleId
    due: date
    from_event: EventType
    event_date: date
    duty_holder: DutyHolder
    source: str


def add_weeks(start: date, weeks: int) -> date:
    """Return the date `weeks` whole weeks after `start` (DOMAIN.md section 2: event + 7n days)."""
    return start + timedelta(weeks=weeks)


def decide_whether_to_assess(*, request_received: date) -> Deadline:
    """The council's decision whether to assess: 6 weeks from receiving the request.

    Source: SEND Regulations 2014 (SI 2014/1530), reg 4(1) ("within 6 weeks of receiving the
    request"); a refusal is notified under reg 5(1) in the same period. The council's own
    duty is shown on its computed date with no roll-forward (DOMAIN.md section 2). The
    exceptions in reg 5(4) can allow longer; pages say "unless an exception applies".
    """
    return Deadline(
        rule=RuleId.DECIDE_WHETHER_TO_ASSESS,
        due=add_weeks(request_received, 6),
        from_event=EventType.REQUEST_RECEIVED,
        event_date=request_received,
        duty_holder=DutyHolder.COUNCIL,
        source="SEND Regulations 2014, reg 4(1)",
    )
