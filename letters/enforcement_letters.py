"""Letters that enforce the plan when its provision is not made (issue 15): a complaint to the
council (sections F and H) or to the integrated care board (section G), a complaint to the
Local Government and Social Care Ombudsman, a pre-action protocol letter for judicial review,
and a chaser after a mediation agreement the council has not carried out (a Tribunal order
is chased by la_missed_deadline, from the tribunal_decision event).

Pure (no Django). Every statement of law comes from journeys/rules/law.py; every figure from
the case file's `provision` and `delivery_log` through journeys.rules.provision.shortfall,
with the family's own term dates and item dates from the case's extras ("term_dates",
"provision_dates"), exactly as the tracker counts them; every other sentence is the family's
answer (extras "enforce": letters/extras.py EnforceExtras).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from journeys.rules import law
from journeys.rules.deadlines import COMPLAINT_WORKING_DAYS
from journeys.rules.enforcement import (
    DUTY_BY_SECTION,
    Body,
    MissedRun,
    complaint_reply_due,
    first_missed,
    items_for,
    mediation_agreement_due,
    missed_runs,
    ombudsman_last_day,
    ombudsman_ready,
)
from journeys.rules.law import Law, LawEntry
from journeys.rules.provision import (
    Item,
    ItemShortfall,
    items_from_case,
    log_from_case,
    shortfall,
    term_dates_from,
)
from journeys.rules.provision_chart import shortfall_svg
from journeys.rules.vocabulary import EventType, TribunalOrder
from letters.context import CHASER_WORKING_DAYS, require
from letters.parties import (
    MissingCaseData,
    Parties,
    long_date,
    parties_fields,
    parties_from_case,
    short_date,
)
from letters.parties import mapping as _mapping
from letters.parties import text as _text

NEEDS = ("child.first_name", "applicant.name", "local_authority.name")
SECTION_WORDS = {
    "F": "special educational provision (section F)",
    "G": "health care provision (section G)",
    "H": "social care provision (section H)",
}


def _iso(value: Any) -> date | None:
    try:
        return date.fromisoformat(value) if isinstance(value, str) and value else None
    except ValueError:
        return None


def _enforce(extras: Mapping[str, Any] | None) -> Mapping[str, Any]:
    return _mapping((extras or {}).get("enforce"))


# -- the shortfall table and chart, shared ----------------------------------------------------


@dataclass(frozen=True)
class ShortfallRow:
    what: str  # the item's words from the plan
    frequency: str  # "1 session a week, 60 minutes, term time only"; "" when not quantified
    expected: str  # a number, or "not said" when the plan gives no frequency
    delivered: int
    partly: int
    missed: int
    unrecorded: str
    hours: str  # "12 of 30 hours" where the plan says how long a session is; else ""


@dataclass(frozen=True)
class ShortfallTable:
    since: str
    until: str
    terms_name: str
    rows: tuple[ShortfallRow, ...]
    total: ShortfallRow
    chart_svg: str  # journeys.rules.provision_chart.shortfall_svg: escaped markup
    unquantified: bool  # some item has no frequency: its sessions are not counted


def _hours(minutes: int | None) -> str:
    if minutes is None:
        return ""
    hours = minutes / 60
    return f"{hours:g}" if hours == int(hours) else f"{hours:.1f}"


def _row(result: ItemShortfall, what: str) -> ShortfallRow:
    expected = result.expected
    hours = ""
    if result.expected_minutes:
        hours = f"{_hours(result.delivered_minutes)} of {_hours(result.expected_minutes)} hours"
    return ShortfallRow(
        what=what,
        frequency=result.item.frequency_text if result.item else "",
        expected="not said" if expected is None else str(expected),
        delivered=result.delivered,
        partly=result.partly,
        missed=result.missed,
        unrecorded="" if result.unrecorded is None else str(result.unrecorded),
        hours=hours,
    )


def _table(
    items: tuple[Item, ...],
    case: Mapping[str, Any],
    extras: Mapping[str, Any],
    since: date,
    until: date,
) -> ShortfallTable:
    terms = term_dates_from(_mapping(extras.get("term_dates")), since, until)
    result = shortfall(items, log_from_case(case), since, until, terms)
    return ShortfallTable(
        since=long_date(since),
        until=long_date(until),
        terms_name=result.terms_name,
        rows=tuple(_row(r, r.item.text if r.item else "") for r in result.items),
        total=_row(result.total, "Total (items with a frequency)"),
        chart_svg=shortfall_svg(
            result,
            title=f"Sessions delivered and missed, {short_date(since)} to {short_date(until)}",
        ),
        unquantified=any(r.expected is None for r in result.items),
    )


@dataclass(frozen=True)
class ChronologyLine:
    when: str
    what: str


def _runs_text(run: MissedRun) -> str:
    weeks = f"{run.weeks} week{'s' if run.weeks != 1 else ''} in a row"
    sessions = f"{run.sessions} session{'s' if run.sessions != 1 else ''}"
    return f"{sessions} recorded as not delivered, {weeks}"


def _log_chronology(
    items: tuple[Item, ...], case: Mapping[str, Any], since: date
) -> list[tuple[date, str]]:
    log = [row for row in log_from_case(case) if row.date >= since]
    ids = [item.id for item in items]
    lines: list[tuple[date, str]] = []
    first = first_missed(log, ids)
    if first is not None:
        item = next(i for i in items if i.id == first.provision)
        note = f" ({first.note})" if first.note else ""
        lines.append((first.date, f"First session recorded as not delivered: {item.text}{note}."))
    for run in missed_runs(log, ids):
        if run.weeks > 1:
            lines.append((run.start, f"{_runs_text(run).capitalize()} (to {short_date(run.end)})."))
    return lines


# -- the common parts of a letter about provision ----------------------------------------------


def _chosen_items(
    case: Mapping[str, Any], extras: Mapping[str, Any], body: Body
) -> tuple[Item, ...]:
    """The plan's items this body answers for, in the sections the family chose (all of the
    body's when they chose none), with the dates each came into or left the plan."""
    wanted = {s for s in _enforce(extras).get("sections") or () if isinstance(s, str)}
    return tuple(
        item
        for item in items_for(items_from_case(case, _mapping(extras.get("provision_dates"))), body)
        if not wanted or item.section in wanted
    )


@dataclass(frozen=True)
class Provision:
    """What every letter about undelivered provision says: which items, the duty, the figures."""

    body: str  # Body value: council or icb
    recipient: tuple[str, ...]  # address block lines of the body written to
    greeting: str
    sections: str  # "special educational provision (section F)" ...
    duties: tuple[LawEntry, ...]
    table: ShortfallTable
    start_by: str
    compensatory: str


def _provision(
    case: Mapping[str, Any],
    extras: Mapping[str, Any],
    *,
    kind: str,
    body: Body,
    today: date,
    recipient: tuple[str, ...],
    greeting: str,
) -> Provision:
    enforce = _enforce(extras)
    items = _chosen_items(case, extras, body)
    missing = []
    if not items:
        missing.append(
            "provision (items in section G)"
            if body is Body.ICB
            else "provision (items in section F or H)"
        )
    if not case.get("delivery_log"):
        missing.append("delivery_log")
    since, start_by = _iso(enforce.get("since")), _iso(enforce.get("start_by"))
    if since is None:
        missing.append("the date to count from (enforce.since)")
    if start_by is None:
        missing.append("the date the provision should start (enforce.start_by)")
    if missing:
        raise MissingCaseData(kind, missing)
    assert since is not None and start_by is not None
    sections = sorted({item.section for item in items})
    return Provision(
        body=body.value,
        recipient=recipient,
        greeting=greeting,
        sections=" and the ".join(SECTION_WORDS[s] for s in sections),
        duties=tuple(law.entry(DUTY_BY_SECTION[s]) for s in sections),
        table=_table(items, case, extras, since, max(since, today)),
        start_by=long_date(start_by),
        compensatory=_text(enforce.get("compensatory")),
    )


# -- 1. the complaint -------------------------------------------------------------------------


@dataclass(frozen=True)
class ProvisionComplaint(Parties):
    provision: Provision
    # Local Government Act 1974, Part 3: the council's complaints and the Ombudsman; None for
    # the integrated care board (the NHS complaints procedure is not the council's).
    complaint_law: LawEntry | None
    chronology: tuple[ChronologyLine, ...]
    reply_by: str  # the complaints procedure's period, from the letter's date
    reply_working_days: int


def _complaint(
    case: Mapping[str, Any], today: date, extras: Mapping[str, Any], body: Body, kind: str
) -> ProvisionComplaint:
    require(case, kind, NEEDS)
    enforce = _enforce(extras)
    parties = parties_from_case(case, today, kind=kind, exercises_right=True)
    if body is Body.ICB:
        icb = _text(enforce.get("icb_name"))
        if not icb:
            raise MissingCaseData(kind, ["the integrated care board's name (enforce.icb_name)"])
        recipient: tuple[str, ...] = ("Complaints team", icb)
        greeting = "Dear Complaints team,"
    else:
        recipient = ("Complaints team", parties.council_name)
        greeting = "Dear Complaints team,"
    provision = _provision(
        case, extras, kind=kind, body=body, today=today, recipient=recipient, greeting=greeting
    )
    items = _chosen_items(case, extras, body)
    since = _iso(enforce.get("since")) or today
    days = enforce.get("reply_working_days")
    days = days if isinstance(days, int) and days > 0 else None
    return ProvisionComplaint(
        **parties_fields(parties),
        provision=provision,
        complaint_law=None if body is Body.ICB else law.entry(Law.PROVISION_COMPLAINT),
        chronology=tuple(
            ChronologyLine(short_date(d), what) for d, what in _log_chronology(items, case, since)
        ),
        # From the day the family sends it (the date recorded on the timeline), else today.
        reply_by=long_date(
            complaint_reply_due(
                complaint_made=_iso(enforce.get("letter_date")) or today, working_days=days
            )
        ),
        reply_working_days=days or COMPLAINT_WORKING_DAYS,
    )


def build_provision_complaint_council(
    case: Mapping[str, Any], *, today: date, extras: Mapping[str, Any] | None = None
) -> ProvisionComplaint:
    """A complaint to the council that the provision in sections F (s.42(2)) and H of the plan
    is not being made, with the shortfall since the family's date, asking for the provision
    to start by their date and for compensatory provision."""
    return _complaint(case, today, extras or {}, Body.COUNCIL, "provision_complaint_council")


def build_provision_complaint_icb(
    case: Mapping[str, Any], *, today: date, extras: Mapping[str, Any] | None = None
) -> ProvisionComplaint:
    """The same complaint to the integrated care board about the health care provision in
    section G (s.42(3)). Needs the board's name (extras enforce.icb_name)."""
    return _complaint(case, today, extras or {}, Body.ICB, "provision_complaint_icb")


# -- 2. the Ombudsman -------------------------------------------------------------------------


def _latest_event(case: Mapping[str, Any], kind: EventType) -> date | None:
    days = [
        _iso(e.get("date"))
        for e in case.get("events") or ()
        if isinstance(e, Mapping) and e.get("type") == kind.value
    ]
    return max((d for d in days if d), default=None)


@dataclass(frozen=True)
class OmbudsmanComplaint(Parties):
    provision: Provision
    jurisdiction: LawEntry
    time_limit: LawEntry
    complaint_law: LawEntry
    chronology: tuple[ChronologyLine, ...]
    complaint_reference: str
    answered: bool
    response_said: str
    reply_due: str  # when the council's procedure said it would answer
    first_missed: str  # the first session recorded as not delivered
    last_day: str  # 12 months from the first missed session recorded
    out_of_time: bool


def build_ombudsman_complaint(
    case: Mapping[str, Any], *, today: date, extras: Mapping[str, Any] | None = None
) -> OmbudsmanComplaint:
    """A complaint to the Local Government and Social Care Ombudsman that the council has not
    secured the provision in the plan, once its complaints procedure has answered or its time
    has passed: the shortfall, and a dated chronology from the log and the timeline."""
    extras = extras or {}
    kind = "ombudsman_complaint"
    require(case, kind, NEEDS)
    enforce = _enforce(extras)
    complained = _latest_event(case, EventType.PROVISION_COMPLAINT_MADE)
    if complained is None:
        raise MissingCaseData(kind, ["events (provision_complaint_made)"])
    answered_on = _latest_event(case, EventType.PROVISION_COMPLAINT_RESPONSE)
    days = enforce.get("reply_working_days")
    days = days if isinstance(days, int) and days > 0 else None
    reply_due = complaint_reply_due(complaint_made=complained, working_days=days)
    if not ombudsman_ready(
        complaint_made=complained, working_days=days, answered=answered_on is not None, today=today
    ):
        raise MissingCaseData(
            kind,
            [
                "events (provision_complaint_response), or the end of the council's time to "
                f"answer ({long_date(reply_due)})"
            ],
        )
    parties = parties_from_case(case, today, kind=kind, exercises_right=True)
    provision = _provision(
        case,
        extras,
        kind=kind,
        body=Body.COUNCIL,
        today=today,
        recipient=("Local Government and Social Care Ombudsman",),
        greeting="Dear Ombudsman,",
    )
    due = complaint_reply_due(complaint_made=complained, working_days=days)
    since = _iso(enforce.get("since")) or complained
    items = _chosen_items(case, extras, Body.COUNCIL)
    reference = _text(enforce.get("complaint_reference"))
    lines = _log_chronology(items, case, since)
    lines.append(
        (
            complained,
            f"I complained to the council{f' (reference {reference})' if reference else ''}.",
        )
    )
    said = _text(enforce.get("response_said"))
    if answered_on is not None:
        lines.append((answered_on, "The council gave its final answer to my complaint."))
    else:
        lines.append((due, "The council's time to answer my complaint ended without an answer."))
    first = first_missed(log_from_case(case), [i.id for i in items])
    last_day = ombudsman_last_day(first.date) if first else None
    return OmbudsmanComplaint(
        **parties_fields(parties),
        provision=provision,
        jurisdiction=law.entry(Law.OMBUDSMAN_JURISDICTION),
        time_limit=law.entry(Law.OMBUDSMAN_TIME_LIMIT),
        complaint_law=law.entry(Law.PROVISION_COMPLAINT),
        chronology=tuple(
            ChronologyLine(short_date(d), what) for d, what in sorted(lines, key=lambda x: x[0])
        ),
        complaint_reference=reference,
        answered=answered_on is not None,
        response_said=said if answered_on is not None else "",
        reply_due=long_date(due),
        first_missed=short_date(first.date) if first else "",
        last_day=long_date(last_day) if last_day else "",
        out_of_time=bool(last_day and today > last_day),
    )


# -- 3. the pre-action protocol letter ----------------------------------------------------------


@dataclass(frozen=True)
class PreActionLetter(Parties):
    provision: Provision
    chronology: tuple[ChronologyLine, ...]
    claimant: str
    complaint_reference: str
    complaint_date: str
    answered: bool
    response_said: str
    reply_law: LawEntry
    time_limit: LawEntry
    reply_by: str
    claim_by: str  # 3 months from the first session recorded as not delivered
    adr: bool
    information_sought: str


def build_pre_action_letter(
    case: Mapping[str, Any], *, today: date, extras: Mapping[str, Any] | None = None
) -> PreActionLetter:
    """A letter before claim for judicial review to the council, in the order of the
    Pre-Action Protocol for Judicial Review, Annex A: the proposed claimant and defendant,
    the matter challenged, the issues, the action expected, ADR, the information sought,
    the address for reply and the proposed reply date (14 days)."""
    from journeys.rules.deadlines import Recorded, judicial_review_limit, pre_action_reply

    extras = extras or {}
    kind = "pre_action_letter"
    require(case, kind, NEEDS)
    enforce = _enforce(extras)
    parties = parties_from_case(case, today, kind=kind, exercises_right=True)
    provision = _provision(
        case,
        extras,
        kind=kind,
        body=Body.COUNCIL,
        today=today,
        recipient=("Legal Services", parties.council_name),
        greeting="Dear Sir or Madam,",
    )
    sent = _latest_event(case, EventType.PRE_ACTION_LETTER_SENT) or today
    items = _chosen_items(case, extras, Body.COUNCIL)
    first = first_missed(log_from_case(case), [i.id for i in items])
    claim_by = (
        judicial_review_limit(grounds_arose=first.date, from_event=Recorded.DELIVERY_LOG).due
        if first
        else None
    )
    complained = _latest_event(case, EventType.PROVISION_COMPLAINT_MADE)
    answered = _latest_event(case, EventType.PROVISION_COMPLAINT_RESPONSE) is not None
    if parties.represents is not None:
        claimant = parties.represents.described(parties.child)
    elif parties.child.writes_for_self:
        claimant = f"{parties.child_full_name}, the young person"
    else:
        claimant = f"{parties.child_full_name}, acting through {parties.sender_name}"
    return PreActionLetter(
        **parties_fields(parties),
        provision=provision,
        chronology=tuple(
            ChronologyLine(short_date(d), what)
            for d, what in _log_chronology(items, case, _iso(enforce.get("since")) or date.min)
        ),
        claimant=claimant,
        complaint_reference=_text(enforce.get("complaint_reference")),
        complaint_date=short_date(complained) if complained else "",
        answered=answered,
        response_said=_text(enforce.get("response_said")) if answered else "",
        reply_law=law.entry(Law.PRE_ACTION_REPLY),
        time_limit=law.entry(Law.JUDICIAL_REVIEW_TIME_LIMIT),
        reply_by=long_date(pre_action_reply(letter_sent=sent).due),
        claim_by=long_date(claim_by) if claim_by else "",
        adr=bool(enforce.get("adr")),
        information_sought=_text(enforce.get("information_sought")),
    )


# -- 4. a mediation agreement not carried out ----------------------------------------------------


@dataclass(frozen=True)
class AgreementDuty:
    law: LawEntry
    due: str
    late: bool


@dataclass(frozen=True)
class MediationAgreementChaser(Parties):
    agreed_on: str
    agreement_text: str
    basis: LawEntry | None  # reg 42(2) for what could have been appealed; None otherwise
    duties: tuple[AgreementDuty, ...]
    reply_by: str
    reply_working_days: int


def build_mediation_agreement_chaser(
    case: Mapping[str, Any], *, today: date, extras: Mapping[str, Any] | None = None
) -> MediationAgreementChaser:
    """A chaser to the council after a mediation agreement it has not carried out, citing the
    period of SEND Regulations 2014 reg 42 (Tribunal-order periods for what could have been
    appealed, 2 weeks for anything else, or the timescale agreed in writing)."""
    from journeys.rules.calendar import add_working_days

    kind = "mediation_agreement_chaser"
    require(case, kind, NEEDS)
    enforce = _enforce(extras)
    agreed = _iso(enforce.get("agreement_date"))
    requires = _text(enforce.get("agreement_requires"))
    if agreed is None or not requires:
        raise MissingCaseData(
            kind, ["the mediation agreement's date and what it requires (enforce.agreement_*)"]
        )
    parties = parties_from_case(case, today, kind=kind, exercises_right=True)
    order = None if requires == "other" else TribunalOrder(requires)
    agreed_by = _iso(enforce.get("agreed_by"))
    due = mediation_agreement_due(agreed=agreed, order=order, agreed_by=agreed_by)
    return MediationAgreementChaser(
        **parties_fields(parties),
        agreed_on=short_date(agreed),
        agreement_text=_text(enforce.get("agreement_text")),
        basis=law.entry(Law.MEDIATION_AGREEMENT_APPEALABLE)
        if order is not None and agreed_by is None
        else None,
        duties=tuple(
            AgreementDuty(law.entry(key), long_date(day), today > day) for key, day in due
        ),
        reply_by=long_date(add_working_days(today, CHASER_WORKING_DAYS)),
        reply_working_days=CHASER_WORKING_DAYS,
    )


__all__ = [
    "build_mediation_agreement_chaser",
    "build_ombudsman_complaint",
    "build_pre_action_letter",
    "build_provision_complaint_council",
    "build_provision_complaint_icb",
]
