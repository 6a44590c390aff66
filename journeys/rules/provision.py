"""The shortfall: how much of the provision a plan promises was delivered, between two dates.

Pure Python, no Django (tests/journeys/rules/test_purity.py enforces it). The tracker page,
the enforcement letters and `manage.py provision_report` all call `shortfall`; `report_json`
is the command's output, exactly as ../shared/CASE_FORMAT.md "provision_report" says.

Why it matters: the council must secure the special educational provision in the plan
(Children and Families Act 2014 s.42(2)); the law module holds that duty, this module only
counts. A family who can show, session by session, what the plan promised and what happened
has the evidence a complaint, the Ombudsman or a judge asks for.

Counting (CASE_FORMAT.md, and where it is silent the reading written here):
- An item promises `sessions` per period (`per`). The periods counted are those lying wholly
  inside the range, both dates included: a Monday-to-Sunday week; a fortnight (two of the
  counted weeks in turn, from the start of the range: a week left over is not a fortnight);
  a calendar month; a school term (autumn, spring, summer, from the term-dates table); a
  school year (1 September to 31 August).
- Term time only: a period none of whose weekdays is a term day (a week of half term, the
  summer holiday, August) is left out. A period with some term days is counted whole: the
  plan promised the session that week, and a short week does not cancel it.
- Each expected session is delivered, partly delivered, missed, or unrecorded (no log row),
  so the four add up to `expected`. The rows of an item dated inside a period are taken in
  date order, one a session. One row in a period that promises several sessions is a record
  of the whole period (a family may log by the week, CASE_FORMAT.md): it stands for all of
  them. Rows beyond the sessions promised are left out of the counts (extra sessions one week
  do not make up for a missed one in another). Rows outside the counted periods are left out.
- Minutes: `expected_minutes` is expected x the item's minutes; `delivered_minutes` adds the
  minutes of delivered rows (the item's minutes when a row gives none) and of partly delivered
  rows (as recorded, none when not recorded), capped at what the sessions they stand for
  promised. Both are None when the plan does not say how long a session is.
- An item without a frequency (the plan does not quantify it, which the wording checker flags)
  has `expected`, `unrecorded` and the minutes None and only the logged counts; the total adds
  up the quantified items only, so that its four counts still add up to its `expected`.

The term-dates table: `typical_term_dates` is a typical English school year, written as rules
(autumn term from 3 September; half terms in the last week of October, the third week of
February and the week of the late May bank holiday; Christmas until the first Monday on or
after 2 January; Easter, the week of Good Friday and the week after; summer from 23 July).
Schools' own dates differ by a few days; the family can replace the table with their school's
(`TermDates`), and every report names the table it used.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache
from typing import Any

from dateutil.easter import easter

from journeys.rules.vocabulary import Delivered, Per

TYPICAL_TERMS_NAME = "a typical English school year (the product's default term dates)"
MONDAY, FRIDAY = 0, 4


def week_start(day: date) -> date:
    """The Monday of the week (Monday to Sunday) that holds `day`."""
    return day - timedelta(days=day.weekday())


@dataclass(frozen=True)
class Period:
    start: date
    end: date  # inclusive

    def holds(self, day: date) -> bool:
        return self.start <= day <= self.end


@dataclass(frozen=True)
class TermDates:
    """The school's terms (whole terms: autumn, spring, summer) and the holidays inside them
    (half terms). A term day is a weekday inside a term and outside its holidays."""

    name: str
    terms: tuple[Period, ...]
    holidays: tuple[Period, ...] = ()

    def is_term_day(self, day: date) -> bool:
        return (
            day.weekday() <= FRIDAY
            and any(term.holds(day) for term in self.terms)
            and not any(holiday.holds(day) for holiday in self.holidays)
        )

    def has_term_day(self, period: Period) -> bool:
        # Remembered: a tracker of 3 years of 8 items asks about the same weeks once an item.
        return _has_term_day(self, period)


@lru_cache(maxsize=8192)
def _has_term_day(terms: TermDates, period: Period) -> bool:
    day = period.start
    while day <= period.end:
        if terms.is_term_day(day):
            return True
        day += timedelta(days=1)
    return False


def _first_weekday_on_or_after(day: date) -> date:
    while day.weekday() > FRIDAY:
        day += timedelta(days=1)
    return day


def _weekday_on_or_before(day: date) -> date:
    while day.weekday() > FRIDAY:
        day -= timedelta(days=1)
    return day


def _monday_on_or_after(day: date) -> date:
    return day + timedelta(days=(MONDAY - day.weekday()) % 7)


def _last_monday(year: int, month: int) -> date:
    first_of_next = date(year + month // 12, month % 12 + 1, 1)
    return week_start(first_of_next - timedelta(days=1))


def _school_year(first_year: int) -> tuple[tuple[Period, ...], tuple[Period, ...]]:
    """The typical terms and half terms of the school year starting in September `first_year`."""
    year = first_year + 1
    autumn_start = _first_weekday_on_or_after(date(first_year, 9, 3))
    spring_start = _monday_on_or_after(date(year, 1, 2))
    autumn_end = spring_start - timedelta(days=17)  # the Friday two weeks and a weekend before
    good_friday_week = week_start(easter(year) - timedelta(days=2))
    spring_end = good_friday_week - timedelta(days=3)
    summer_start = good_friday_week + timedelta(days=14)
    summer_end = _weekday_on_or_before(date(year, 7, 22))
    october = _last_monday(first_year, 10)
    february = _monday_on_or_after(date(year, 2, 15))  # the third Monday of February
    may = _last_monday(year, 5)
    terms = (
        Period(autumn_start, autumn_end),
        Period(spring_start, spring_end),
        Period(summer_start, summer_end),
    )
    half_terms = tuple(
        Period(monday, monday + timedelta(days=6)) for monday in (october, february, may)
    )
    return terms, half_terms


def typical_term_dates(start: date, end: date) -> TermDates:
    """A typical English school year's terms for every school year that touches the range."""
    first = (start.year - 1) if start.month < 9 else start.year
    last = (end.year - 1) if end.month < 9 else end.year
    terms: list[Period] = []
    holidays: list[Period] = []
    for first_year in range(first, last + 1):
        year_terms, half_terms = _school_year(first_year)
        terms.extend(year_terms)
        holidays.extend(half_terms)
    return TermDates(TYPICAL_TERMS_NAME, tuple(terms), tuple(holidays))


@dataclass(frozen=True)
class Item:
    id: str
    section: str = "F"
    text: str = ""
    sessions: int | None = None
    per: Per | None = None
    minutes: int | None = None
    provider: str = ""
    term_time_only: bool = False
    # When the plan changes part way, the old item ends and the new one starts (both
    # included); None: for as long as the range runs. Not in the case file (CASE_FORMAT.md
    # has no such keys): the tracker keeps them with the case's own settings.
    starts: date | None = None
    ends: date | None = None

    def within(self, start: date, end: date) -> tuple[date, date]:
        """The part of [start, end] in which this item was in the plan."""
        return max(start, self.starts or start), min(end, self.ends or end)

    @property
    def quantified(self) -> bool:
        return bool(self.sessions) and self.per is not None

    @property
    def frequency_text(self) -> str:
        """ "2 sessions a week, 30 minutes each, term time only"; "" when unquantified."""
        if not self.quantified:
            return ""
        assert self.per is not None and self.sessions is not None
        words = [f"{self.sessions} session{'s' if self.sessions != 1 else ''} {self.per.label}"]
        if self.minutes:
            words.append(f"{self.minutes} minutes{' each' if self.sessions != 1 else ''}")
        if self.term_time_only:
            words.append("term time only")
        return ", ".join(words)


@dataclass(frozen=True)
class LogRow:
    provision: str
    date: date
    delivered: Delivered
    minutes: int | None = None
    note: str = ""


def items_from_case(
    case_file: Mapping[str, Any], dates: Mapping[str, Mapping[str, str]] | None = None
) -> tuple[Item, ...]:
    """The `provision` items of a (validated) case file. `dates` ({item id: {"starts":
    "YYYY-MM-DD", "ends": "YYYY-MM-DD"}}, either optional) is when each item came into or left
    the plan, kept by the tracker outside the case file (the case's extras "provision_dates")."""
    dates = dates or {}
    return tuple(
        Item(
            id=raw["id"],
            section=raw.get("section", "F"),
            text=raw.get("text", ""),
            sessions=raw.get("sessions"),
            per=Per(raw["per"]) if raw.get("per") else None,
            minutes=raw.get("minutes"),
            provider=raw.get("provider", ""),
            term_time_only=bool(raw.get("term_time_only", False)),
            starts=_optional_date(dates.get(raw["id"], {}).get("starts")),
            ends=_optional_date(dates.get(raw["id"], {}).get("ends")),
        )
        for raw in case_file.get("provision", [])
    )


def _optional_date(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def term_dates_from(raw: Mapping[str, Any] | None, start: date, end: date) -> TermDates:
    """The family's own term dates, as the tracker keeps them (the case's extras
    "term_dates": {"name": "...", "terms": [["YYYY-MM-DD", "YYYY-MM-DD"], ...], "holidays":
    [[..., ...], ...]}), or, when they have given none, the typical table for the range."""
    if not raw or not raw.get("terms"):
        return typical_term_dates(start, end)

    def spans(key: str) -> tuple[Period, ...]:
        return tuple(
            Period(date.fromisoformat(a), date.fromisoformat(b)) for a, b in raw.get(key, [])
        )

    return TermDates(raw.get("name") or "your own term dates", spans("terms"), spans("holidays"))


def log_from_case(case_file: Mapping[str, Any]) -> tuple[LogRow, ...]:
    """The `delivery_log` rows of a (validated) case file. A row that does not say whether the
    session happened is read as not delivered: the family logged it because it did not."""
    return tuple(
        LogRow(
            provision=raw["provision"],
            date=date.fromisoformat(raw["date"]),
            delivered=Delivered(raw.get("delivered", Delivered.NO)),
            minutes=raw.get("minutes"),
            note=raw.get("note", ""),
        )
        for raw in case_file.get("delivery_log", [])
    )


def _weeks(start: date, end: date) -> list[Period]:
    monday = _monday_on_or_after(start)
    weeks = []
    while monday + timedelta(days=6) <= end:
        weeks.append(Period(monday, monday + timedelta(days=6)))
        monday += timedelta(days=7)
    return weeks


def _months(start: date, end: date) -> list[Period]:
    periods = []
    year, month = (
        (start.year, start.month) if start.day == 1 else _next_month(start.year, start.month)
    )
    while True:
        next_year, next_month = _next_month(year, month)
        last = date(next_year, next_month, 1) - timedelta(days=1)
        if last > end:
            return periods
        periods.append(Period(date(year, month, 1), last))
        year, month = next_year, next_month


def _next_month(year: int, month: int) -> tuple[int, int]:
    return (year + 1, 1) if month == 12 else (year, month + 1)


def _school_years(start: date, end: date) -> list[Period]:
    first = start.year if start <= date(start.year, 9, 1) else start.year + 1
    periods = []
    while date(first + 1, 8, 31) <= end:
        periods.append(Period(date(first, 9, 1), date(first + 1, 8, 31)))
        first += 1
    return periods


def periods(item: Item, start: date, end: date, terms: TermDates) -> tuple[Period, ...]:
    """The periods of the item's frequency lying wholly inside [start, end] (see the module
    docstring); for a term-time-only item, those with at least one term day."""
    if not item.quantified or end < start:
        return ()
    keep = terms.has_term_day if item.term_time_only else (lambda period: True)
    if item.per is Per.TERM:
        return tuple(t for t in terms.terms if start <= t.start and t.end <= end)
    if item.per is Per.WEEK:
        return tuple(filter(keep, _weeks(start, end)))
    if item.per is Per.FORTNIGHT:
        weeks = [week for week in _weeks(start, end) if keep(week)]
        return tuple(Period(a.start, b.end) for a, b in zip(weeks[::2], weeks[1::2], strict=False))
    if item.per is Per.MONTH:
        return tuple(filter(keep, _months(start, end)))
    return tuple(_school_years(start, end))  # Per.YEAR


@dataclass(frozen=True)
class ItemShortfall:
    item: Item | None  # None for the total
    expected: int | None
    delivered: int
    partly: int
    missed: int
    unrecorded: int | None
    expected_minutes: int | None
    delivered_minutes: int | None
    gaps: tuple[Period, ...] = field(default=(), compare=False)

    @property
    def delivered_percent(self) -> int | None:
        """Sessions delivered in full, as a whole percentage of those expected."""
        return round(100 * self.delivered / self.expected) if self.expected else None

    @property
    def missed_percent(self) -> int | None:
        """Sessions not delivered at all, as a whole percentage of those expected."""
        return round(100 * self.missed / self.expected) if self.expected else None

    @property
    def not_delivered(self) -> int:
        """Sessions known not to have happened in full: missed and partly delivered."""
        return self.missed + self.partly

    def counts(self) -> dict[str, int | None]:
        return {
            "expected": self.expected,
            "delivered": self.delivered,
            "partly": self.partly,
            "missed": self.missed,
            "unrecorded": self.unrecorded,
            "expected_minutes": self.expected_minutes,
            "delivered_minutes": self.delivered_minutes,
        }


@dataclass(frozen=True)
class Shortfall:
    start: date
    end: date
    terms_name: str
    items: tuple[ItemShortfall, ...]
    total: ItemShortfall


def _rows_by_item(log: Iterable[LogRow], start: date, end: date) -> dict[str, list[LogRow]]:
    rows: dict[str, list[LogRow]] = {}
    for row in sorted(log, key=lambda r: r.date):
        if start <= row.date <= end:
            rows.setdefault(row.provision, []).append(row)
    return rows


def _row_minutes(row: LogRow, item: Item, covers: int) -> int:
    assert item.minutes is not None
    promised = item.minutes * covers
    if row.delivered is Delivered.YES:
        return promised if row.minutes is None else min(row.minutes, promised)
    if row.delivered is Delivered.PARTLY:
        return min(row.minutes or 0, promised)
    return 0


def _item_shortfall(
    item: Item, rows: Sequence[LogRow], start: date, end: date, terms: TermDates
) -> ItemShortfall:
    counts = {Delivered.YES: 0, Delivered.PARTLY: 0, Delivered.NO: 0}
    start, end = item.within(start, end)
    rows = [row for row in rows if start <= row.date <= end]
    if not item.quantified:
        for row in rows:
            counts[row.delivered] += 1
        return ItemShortfall(
            item,
            None,
            counts[Delivered.YES],
            counts[Delivered.PARTLY],
            counts[Delivered.NO],
            None,
            None,
            None,
        )
    assert item.sessions is not None
    per_period = item.sessions
    item_periods = periods(item, start, end, terms)
    unrecorded = 0
    minutes = 0
    gaps = []
    index = 0
    for period in item_periods:
        while index < len(rows) and rows[index].date < period.start:
            index += 1
        inside = []
        while index < len(rows) and rows[index].date <= period.end:
            inside.append(rows[index])
            index += 1
        if len(inside) == 1 and per_period > 1:
            taken = [(inside[0], per_period)]  # one record for the whole period
        else:
            taken = [(row, 1) for row in inside[:per_period]]
        for row, covers in taken:
            counts[row.delivered] += covers
            if item.minutes is not None:
                minutes += _row_minutes(row, item, covers)
        missing = per_period - sum(covers for _, covers in taken)
        if missing:
            unrecorded += missing
            gaps.append(period)
    expected = per_period * len(item_periods)
    return ItemShortfall(
        item=item,
        expected=expected,
        delivered=counts[Delivered.YES],
        partly=counts[Delivered.PARTLY],
        missed=counts[Delivered.NO],
        unrecorded=unrecorded,
        expected_minutes=None if item.minutes is None else expected * item.minutes,
        delivered_minutes=None if item.minutes is None else minutes,
        gaps=tuple(gaps),
    )


def _total(items: Sequence[ItemShortfall]) -> ItemShortfall:
    quantified = [s for s in items if s.expected is not None]

    def add(name: str) -> int:
        return sum(getattr(s, name) or 0 for s in quantified)

    return ItemShortfall(
        item=None,
        expected=add("expected"),
        delivered=add("delivered"),
        partly=add("partly"),
        missed=add("missed"),
        unrecorded=add("unrecorded"),
        expected_minutes=add("expected_minutes"),
        delivered_minutes=add("delivered_minutes"),
    )


def shortfall(
    items: Sequence[Item], log: Iterable[LogRow], start: date, end: date, terms: TermDates
) -> Shortfall:
    """Per item and in total: sessions expected between `start` and `end` (both included),
    delivered, partly delivered, missed and unrecorded (see the module docstring)."""
    rows = _rows_by_item(log, start, end)
    per_item = tuple(
        _item_shortfall(item, rows.get(item.id, []), start, end, terms) for item in items
    )
    return Shortfall(start, end, terms.name, per_item, _total(per_item))


def gaps(
    item: Item, log: Iterable[LogRow], start: date, end: date, terms: TermDates
) -> tuple[Period, ...]:
    """The item's periods with fewer log rows than the sessions promised: the weeks (or
    months...) to fill in. Never assumed delivered."""
    rows = _rows_by_item(log, start, end).get(item.id, [])
    return _item_shortfall(item, rows, start, end, terms).gaps


def report_json(result: Shortfall) -> dict[str, Any]:
    """The output of `manage.py provision_report`, exactly as CASE_FORMAT.md gives it, with
    the name of the term-dates table used ("the output says which table")."""
    return {
        "from": result.start.isoformat(),
        "to": result.end.isoformat(),
        "terms": result.terms_name,
        "items": [{"provision": s.item.id, **s.counts()} for s in result.items if s.item],
        "total": result.total.counts(),
    }
