"""A case's provision and its delivery, read: the one place that turns the case file (and the
family's term dates, kept in the case's extras) into the rules' shortfall.

The tracker pages, the caseload's column (through case_summary_refresh), the
`provision_report` command and the letters all read the shortfall through
`provision_shortfall`, so a figure is counted one way. The arithmetic itself is pure:
journeys/rules/provision.py. Writes are in journeys/cases/provision_services.py; who may see
a case is decided by journeys/cases/selectors.py before anything here is called.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from journeys.rules.provision import (
    Item,
    LogRow,
    Period,
    Shortfall,
    TermDates,
    items_from_case,
    log_from_case,
    shortfall,
    term_dates_from,
    week_start,
)
from journeys.rules.stages import has_plan
from journeys.rules.vocabulary import EventType, Per

# Case.extras keys the rules read (journeys.rules.provision): the family's own term dates
# ({"name": ..., "terms": [["YYYY-MM-DD", "YYYY-MM-DD"], ...], "holidays": [...]}) and when
# an item came into or left the plan ({item id: {"starts": ..., "ends": ...}}). Neither is a
# journey slug, so the stages never read them as finished journeys.
TERMS_KEY = "term_dates"
ITEM_DATES_KEY = "provision_dates"
FAMILY_TERMS_NAME = "the term dates you gave"
# What the tracker says of an item whose frequency the plan does not give.
UNQUANTIFIED = (
    "The plan does not say how often, so a missed session is hard to prove. Ask for this to be "
    "specified at the next review."
)
# Counted weekly: a week's page can record them (longer periods are recorded when they happen).
WEEKLY = frozenset({Per.WEEK})


def school_year_start(today: date) -> date:
    """1 September of the school year `today` is in."""
    return date(today.year if today.month >= 9 else today.year - 1, 9, 1)


def first_log_date(case_file: Mapping[str, Any]) -> date | None:
    """The first day recorded (ISO dates sort as text: no need to read every row)."""
    first = min((row["date"] for row in case_file.get("delivery_log", [])), default=None)
    return date.fromisoformat(first) if first else None


def default_start(case_file: Mapping[str, Any], today: date) -> date:
    """Where the tracker counts from unless the family chooses: 1 September of this school
    year, or the first day they recorded if that is later."""
    start = school_year_start(today)
    first = first_log_date(case_file)
    return max(start, first) if first else start


def has_family_terms(extras: Mapping[str, Any]) -> bool:
    """Whether the family gave their own term dates (else a typical English school year)."""
    stored = extras.get(TERMS_KEY)
    return isinstance(stored, dict) and bool(stored.get("terms"))


def terms_for(extras: Mapping[str, Any], start: date, end: date) -> TermDates:
    """The term-dates table the counting uses: the family's, else a typical English year
    covering the range (journeys.rules.provision.term_dates_from)."""
    return term_dates_from(extras.get(TERMS_KEY), start, end)


def case_items(case_file: Mapping[str, Any], extras: Mapping[str, Any]) -> tuple[Item, ...]:
    """The plan's items, with when each came into or left the plan where the family said."""
    return items_from_case(case_file, extras.get(ITEM_DATES_KEY))


def provision_shortfall(
    *, case_file: Mapping[str, Any], extras: Mapping[str, Any], start: date, end: date
) -> Shortfall:
    """The shortfall between two dates inclusive, with the term dates the family uses: what
    the tracker, the caseload column, provision_report and the letters all show."""
    return shortfall(
        case_items(case_file, extras),
        log_from_case(case_file),
        start,
        end,
        terms_for(extras, start, end),
    )


def provision_missed_since_september(
    case_file: Mapping[str, Any], extras: Mapping[str, Any], today: date
) -> int | None:
    """Sessions recorded as not delivered since 1 September of this school year (None: the
    case records no provision): the caseload's column."""
    if not case_file.get("provision"):
        return None
    if not case_file.get("delivery_log"):
        return 0
    start = school_year_start(today)
    end = max(today, start)
    found = provision_shortfall(case_file=case_file, extras=extras, start=start, end=end)
    return max(0, found.total.missed or 0)


def shows_tracker(case_file: Mapping[str, Any], finished: Any = ()) -> bool:
    """Whether the case page links to the tracker: the case has a plan, or provision."""
    return bool(case_file.get("provision")) or has_plan(case_file, finished)


# -- a week's page ------------------------------------------------------------------------


@dataclass(frozen=True)
class WeekRow:
    """One item on a week's page: what is recorded for it that week (None: nothing)."""

    item: Item
    recorded: LogRow | None
    records: int  # how many rows the week holds for it (more than one: kept per session)
    due: bool  # counted weekly and, if term time only, the week has a term day


def week_days(monday: date) -> tuple[date, date]:
    return monday, monday + timedelta(days=6)


def week_has_term_day(terms: TermDates, monday: date) -> bool:
    return terms.has_term_day(Period(*week_days(monday)))


def provision_week(
    *, case_file: Mapping[str, Any], extras: Mapping[str, Any], monday: date
) -> tuple[list[WeekRow], bool]:
    """Each item with what the week records for it, and whether the week has a term day."""
    first, last = week_days(monday)
    terms = terms_for(extras, first, last)
    in_term = week_has_term_day(terms, monday)
    log = log_from_case(case_file)
    rows = []
    for item in case_items(case_file, extras):
        mine = [row for row in log if row.provision == item.id and first <= row.date <= last]
        weekly = item.per in WEEKLY or not item.quantified
        rows.append(
            WeekRow(
                item=item,
                recorded=mine[-1] if mine else None,
                records=len(mine),
                due=weekly and (in_term or not item.term_time_only),
            )
        )
    return rows, in_term


# -- the tracker --------------------------------------------------------------------------


def hours(minutes: int) -> str:
    """Minutes as hours for people: "1.5", "20", "0.3"."""
    return f"{minutes / 60:.1f}".removesuffix(".0")


def hours_text(counts: Any) -> str:
    """ "12.5 of 20 hours delivered", or "" when the plan does not say how long."""
    if counts.expected_minutes is None or counts.delivered_minutes is None:
        return ""
    return (
        f"{hours(counts.delivered_minutes)} of {hours(counts.expected_minutes)} "
        f"hour{'' if counts.expected_minutes == 60 else 's'} delivered"
    )


@dataclass(frozen=True)
class TrackerItem:
    item: Item
    counts: Any  # the rules' ItemShortfall
    gap_weeks: tuple[date, ...]  # Mondays of the periods still to fill, oldest first
    flag: str  # UNQUANTIFIED, or ""

    @property
    def hours(self) -> str:
        return hours_text(self.counts)


@dataclass(frozen=True)
class Tracker:
    start: date
    end: date
    shortfall: Shortfall
    items: list[TrackerItem]
    terms: TermDates
    term_rows: list[TermRow]
    terms_are_the_familys: bool
    gap_weeks: tuple[date, ...]  # every item's, once each, oldest first

    @property
    def hours(self) -> str:
        """In total, over the items whose plan says how long a session is."""
        return hours_text(self.shortfall.total) if self.shortfall.total.expected_minutes else ""


# The most gaps listed as links: a family 3 years behind is told how many, not given 150 links.
GAPS_SHOWN = 12


def provision_tracker(
    *, case_file: Mapping[str, Any], extras: Mapping[str, Any], start: date, end: date
) -> Tracker:
    """Everything the tracker page shows, from `start` to `end` inclusive."""
    terms = terms_for(extras, start, end)
    found = shortfall(case_items(case_file, extras), log_from_case(case_file), start, end, terms)
    rows = []
    every_gap: set[date] = set()
    for counts in found.items:
        # A period still to fill is shown as the week it starts in (a month's first week).
        mondays = tuple(sorted({week_start(period.start) for period in counts.gaps}))
        every_gap.update(mondays)
        rows.append(
            TrackerItem(
                item=counts.item,
                counts=counts,
                gap_weeks=mondays,
                flag="" if counts.item.quantified else UNQUANTIFIED,
            )
        )
    return Tracker(
        start=start,
        end=end,
        shortfall=found,
        items=rows,
        terms=terms,
        term_rows=term_rows(terms, start, end),
        terms_are_the_familys=has_family_terms(extras),
        gap_weeks=tuple(sorted(every_gap)),
    )


@dataclass(frozen=True)
class TermRow:
    term: Period
    holidays: tuple[Period, ...]  # the half terms inside it


def term_rows(terms: TermDates, start: date, end: date) -> list[TermRow]:
    """The terms that touch [start, end], each with the holidays inside it, for the table
    the tracker shows ("the term-dates table used")."""
    return [
        TermRow(
            term,
            tuple(h for h in terms.holidays if h.start <= term.end and h.end >= term.start),
        )
        for term in terms.terms
        if term.end >= start and term.start <= end
    ]


# -- what the family can do about it --------------------------------------------------------


@dataclass(frozen=True)
class ProvisionAction:
    """A next step offered under the tracker ("What you can do"): a journey started from this
    case (a POST to journeys:continue, as every Start button) or a page."""

    title: str
    journey: str = ""  # a journey's slug: started from this case
    href: str = ""  # or a page
    hint: str = ""


def provision_actions(*, case: Any, tracker: Tracker, can_start: bool) -> list[ProvisionAction]:
    """The steps the tracker offers: once a session is recorded as missed or only partly
    delivered, the enforcement journey (a complaint to the council or the integrated care
    board, then the Ombudsman or a letter before claim); after mediation, the chaser for an
    agreement not carried out. Only the case's owner starts a journey from it."""
    if not can_start:
        return []
    actions = []
    if tracker.shortfall.total.not_delivered or any(
        row.counts.not_delivered for row in tracker.items
    ):
        actions.append(
            ProvisionAction(
                "Complain that the provision is not being made",
                journey="not-delivered",
                hint="A complaint to the council or the health body, then the Ombudsman or a "
                "letter before claim, each with these figures.",
            )
        )
    if any(e.get("type") == EventType.MEDIATION_HELD for e in case.case_file.get("events", [])):
        actions.append(
            ProvisionAction(
                "A mediation agreement has not been carried out",
                journey="mediation-agreement",
                hint="A letter reminding the council of the time it has to do what it agreed.",
            )
        )
    return actions
