"""The shortfall arithmetic (journeys/rules/provision.py): scenario tables and properties."""

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from journeys.rules.provision import (
    TYPICAL_TERMS_NAME,
    Item,
    LogRow,
    Period,
    TermDates,
    gaps,
    items_from_case,
    log_from_case,
    periods,
    report_json,
    shortfall,
    term_dates_from,
    typical_term_dates,
    week_start,
)
from journeys.rules.vocabulary import Delivered, Per

YES, NO, PARTLY = Delivered.YES, Delivered.NO, Delivered.PARTLY
TERMS = typical_term_dates(date(2025, 9, 1), date(2028, 8, 31))


def weekly(**kwargs):
    values = {"id": "f1", "text": "Speech and language therapy", "sessions": 1, "per": Per.WEEK}
    return Item(**{**values, **kwargs})


def row(day, delivered=YES, minutes=None, item="f1"):
    return LogRow(item, date.fromisoformat(day), delivered, minutes)


def counts(item, log, start, end, terms=TERMS):
    result = shortfall([item], log, date.fromisoformat(start), date.fromisoformat(end), terms)
    return result.items[0].counts()


# The typical school year 2026-27 (typical_term_dates), written out by hand.
@pytest.mark.parametrize(
    "day, term_day",
    [
        ("2026-09-02", False),  # before the autumn term
        ("2026-09-03", True),  # first day of the autumn term (a Thursday)
        ("2026-09-05", False),  # a Saturday in term
        ("2026-10-23", True),  # Friday before half term
        ("2026-10-26", False),  # October half term (last Monday of October)
        ("2026-10-30", False),
        ("2026-11-02", True),
        ("2026-12-18", True),  # last day before Christmas
        ("2026-12-21", False),
        ("2027-01-01", False),
        ("2027-01-04", True),  # first Monday on or after 2 January
        ("2027-02-15", False),  # February half term: third Monday
        ("2027-02-22", True),
        ("2027-03-19", True),  # Easter 2027 is 28 March: holiday from 22 March
        ("2027-03-22", False),
        ("2027-04-02", False),
        ("2027-04-05", True),
        ("2027-05-31", False),  # May half term, the late May bank holiday week
        ("2027-06-07", True),
        ("2027-07-22", True),  # last day of the summer term
        ("2027-07-23", False),
        ("2027-08-16", False),
    ],
)
def test_typical_term_days(day, term_day):
    assert TERMS.is_term_day(date.fromisoformat(day)) is term_day


def test_the_typical_year_has_the_usual_39_weeks_of_term():
    # From Monday 31 August 2026 to Sunday 29 August 2027: 52 whole weeks.
    item = weekly(term_time_only=True)
    assert len(periods(item, date(2026, 8, 31), date(2027, 8, 29), TERMS)) == 40
    assert len(periods(weekly(), date(2026, 8, 31), date(2027, 8, 29), TERMS)) == 52
    # 1 September 2026 is a Tuesday: its week is not whole, nor that of 31 August 2027.
    assert len(periods(weekly(), date(2026, 9, 1), date(2027, 8, 31), TERMS)) == 51


def test_has_term_day_remembers_the_answer_of_a_day_by_day_look():
    start = date(2025, 8, 25)
    for offset in range(0, 700, 3):
        period = Period(start + timedelta(days=offset), start + timedelta(days=offset + 6))
        days = [period.start + timedelta(days=n) for n in range(7)]
        for _ in range(2):  # asked again: the remembered answer is the same
            assert TERMS.has_term_day(period) is any(TERMS.is_term_day(d) for d in days)


def test_a_term_that_starts_at_a_weekend_starts_on_the_monday():
    # 3 September 2028 is a Sunday.
    terms = typical_term_dates(date(2028, 9, 1), date(2028, 9, 30))
    assert terms.terms[0].start == date(2028, 9, 4)
    assert not terms.is_term_day(date(2028, 9, 1))


@pytest.mark.parametrize(
    "item, start, end, expected",
    [
        # weekly, all year: whole Monday-to-Sunday weeks inside the range only
        (weekly(), "2026-09-07", "2026-09-27", 3),
        (weekly(), "2026-09-08", "2026-09-27", 2),  # the week of the 7th is not whole
        (weekly(), "2026-09-07", "2026-09-26", 2),  # nor the week ending the 27th
        (weekly(sessions=3), "2026-09-07", "2026-09-27", 9),
        # term time only: the half-term week is left out
        (weekly(term_time_only=True), "2026-10-19", "2026-11-08", 2),
        (weekly(term_time_only=False), "2026-10-19", "2026-11-08", 3),
        # the first week of term has two term days (Thu, Fri): counted whole
        (weekly(term_time_only=True), "2026-08-31", "2026-09-06", 1),
        # the summer holiday
        (weekly(term_time_only=True), "2027-07-26", "2027-08-29", 0),
        # fortnightly: two counted weeks in turn; a week left over is not a fortnight
        (weekly(per=Per.FORTNIGHT), "2026-09-07", "2026-10-04", 2),
        (weekly(per=Per.FORTNIGHT), "2026-09-07", "2026-10-11", 2),
        (weekly(per=Per.FORTNIGHT, term_time_only=True), "2026-10-12", "2026-11-15", 2),
        # monthly: whole calendar months; term time only leaves out August
        (weekly(per=Per.MONTH), "2026-09-01", "2026-12-31", 4),
        (weekly(per=Per.MONTH), "2026-09-02", "2026-12-31", 3),
        (weekly(per=Per.MONTH, term_time_only=True), "2027-06-01", "2027-09-30", 3),
        (weekly(per=Per.MONTH, term_time_only=False), "2027-06-01", "2027-09-30", 4),
        # termly: whole terms of the table
        (weekly(per=Per.TERM), "2026-09-01", "2027-08-31", 3),
        (weekly(per=Per.TERM), "2026-09-04", "2027-08-31", 2),  # the autumn term began on the 3rd
        (weekly(per=Per.TERM, sessions=2), "2026-09-01", "2026-12-31", 2),
        # yearly: whole school years (1 September to 31 August)
        (weekly(per=Per.YEAR), "2025-09-01", "2027-08-31", 2),
        (weekly(per=Per.YEAR), "2025-09-02", "2027-08-31", 1),
        (weekly(per=Per.YEAR), "2025-08-15", "2027-08-30", 1),
        # a range that ends before it starts
        (weekly(), "2026-09-27", "2026-09-07", 0),
    ],
)
def test_expected_sessions(item, start, end, expected):
    assert counts(item, [], start, end)["expected"] == expected
    assert counts(item, [], start, end)["unrecorded"] == expected


@pytest.mark.parametrize(
    "item, log, expected",
    [
        # one row a session: the example of CASE_FORMAT.md (6 weeks, 60 minutes)
        (
            weekly(minutes=60),
            [
                row("2026-09-08"),
                row("2026-09-15"),
                row("2026-09-22", PARTLY, 30),
                row("2026-09-29", NO, 0),
                row("2026-10-06"),
                row("2026-10-13"),
            ],
            dict(
                expected=6,
                delivered=4,
                partly=1,
                missed=1,
                unrecorded=0,
                expected_minutes=360,
                delivered_minutes=270,
            ),
        ),
        # a missing week is unrecorded, never assumed delivered
        (
            weekly(minutes=60),
            [row("2026-09-08"), row("2026-09-22")],
            dict(
                expected=6,
                delivered=2,
                partly=0,
                missed=0,
                unrecorded=4,
                expected_minutes=360,
                delivered_minutes=120,
            ),
        ),
        # one row a week for two sessions a week stands for both
        (
            weekly(sessions=2, minutes=30),
            [row("2026-09-07", NO), row("2026-09-14"), row("2026-09-21", PARTLY, 20)],
            dict(
                expected=12,
                delivered=2,
                partly=2,
                missed=2,
                unrecorded=6,
                expected_minutes=360,
                delivered_minutes=80,
            ),
        ),
        # two rows in a week of three sessions: one session each, the third unrecorded
        (
            weekly(sessions=3),
            [row("2026-09-07"), row("2026-09-09", NO)],
            dict(
                expected=18,
                delivered=1,
                partly=0,
                missed=1,
                unrecorded=16,
                expected_minutes=None,
                delivered_minutes=None,
            ),
        ),
        # extra rows in a week do not make up for another week; minutes capped
        (
            weekly(minutes=60),
            [row("2026-09-08", minutes=120), row("2026-09-09"), row("2026-09-10")],
            dict(
                expected=6,
                delivered=1,
                partly=0,
                missed=0,
                unrecorded=5,
                expected_minutes=360,
                delivered_minutes=60,
            ),
        ),
        # rows outside the range, or for another item, are left out
        (
            weekly(),
            [row("2026-09-01", NO), row("2026-10-19", NO), row("2026-09-08", NO, item="f2")],
            dict(
                expected=6,
                delivered=0,
                partly=0,
                missed=0,
                unrecorded=6,
                expected_minutes=None,
                delivered_minutes=None,
            ),
        ),
        # partly without minutes counts none delivered
        (
            weekly(minutes=45),
            [row("2026-09-08", PARTLY)],
            dict(
                expected=6,
                delivered=0,
                partly=1,
                missed=0,
                unrecorded=5,
                expected_minutes=270,
                delivered_minutes=0,
            ),
        ),
        # an item with no frequency: only the logged counts
        (
            Item("f9", text="Access to a quiet space as needed"),
            [row("2026-09-08", NO, item="f9"), row("2026-09-10", item="f9")],
            dict(
                expected=None,
                delivered=1,
                partly=0,
                missed=1,
                unrecorded=None,
                expected_minutes=None,
                delivered_minutes=None,
            ),
        ),
    ],
)
def test_counting_the_log(item, log, expected):
    assert counts(item, log, "2026-09-07", "2026-10-18") == expected


def test_a_termly_item_over_the_half_term():
    item = weekly(per=Per.TERM, sessions=6, minutes=60, term_time_only=True)
    log = [row("2026-09-10"), row("2026-10-27", NO), row("2026-12-01")]  # one in half term
    result = counts(item, log, "2026-09-01", "2026-12-31")
    assert result["expected"] == 6
    assert (result["delivered"], result["missed"], result["unrecorded"]) == (2, 1, 3)


def test_a_plan_that_changes_part_way():
    # Until 31 October: 1 hour a week; from 1 November: 2 sessions of 30 minutes.
    old = weekly(minutes=60, ends=date(2026, 10, 31), term_time_only=True)
    new = Item(
        "f1b",
        text="SLT",
        sessions=2,
        per=Per.WEEK,
        minutes=30,
        starts=date(2026, 11, 1),
        term_time_only=True,
    )
    log = [row("2026-09-08"), row("2026-11-03", NO, item="f1b"), row("2026-11-03", NO)]
    result = shortfall([old, new], log, date(2026, 9, 1), date(2026, 11, 29), TERMS)
    old_counts, new_counts = (s.counts() for s in result.items)
    # 7 term weeks of September and October (week of 31 Aug to 25 Oct; half term left out)
    assert old_counts["expected"] == 8 - 1
    assert old_counts["delivered"] == 1 and old_counts["missed"] == 0  # the 3 Nov row is not its
    assert new_counts["expected"] == 2 * 4
    assert new_counts["missed"] == 2
    assert result.total.expected == 7 + 8


def test_the_family_s_own_term_dates():
    school = TermDates(
        "Hillside Primary's dates",
        terms=(Period(date(2026, 9, 1), date(2026, 12, 16)),),
        holidays=(Period(date(2026, 10, 19), date(2026, 10, 30)),),  # two weeks
    )
    item = weekly(term_time_only=True)
    result = shortfall([item], [], date(2026, 10, 12), date(2026, 11, 8), school)
    assert result.items[0].expected == 2
    assert report_json(result)["terms"] == "Hillside Primary's dates"


def test_term_dates_and_item_dates_as_the_tracker_keeps_them():
    raw = {
        "name": "Hillside Primary's dates",
        "terms": [["2026-09-01", "2026-12-16"]],
        "holidays": [["2026-10-19", "2026-10-30"]],
    }
    own = term_dates_from(raw, date(2026, 9, 1), date(2026, 12, 31))
    assert own.name == "Hillside Primary's dates"
    assert not own.is_term_day(date(2026, 10, 20)) and own.is_term_day(date(2026, 11, 2))
    assert term_dates_from({"terms": [["2026-09-01", "2026-12-16"]]}, date.min, date.max).name == (
        "your own term dates"
    )
    assert term_dates_from(None, date(2026, 9, 1), date(2026, 9, 30)).name == TYPICAL_TERMS_NAME
    assert term_dates_from({"terms": []}, date(2026, 9, 1), date(2026, 9, 30)).name == (
        TYPICAL_TERMS_NAME
    )
    case_file = {"provision": [{"id": "f1"}, {"id": "f2"}]}
    old, new = items_from_case(
        case_file, {"f1": {"ends": "2026-10-31"}, "f2": {"starts": "2026-11-01"}}
    )
    assert (old.starts, old.ends) == (None, date(2026, 10, 31))
    assert (new.starts, new.ends) == (date(2026, 11, 1), None)


def test_gaps_are_the_weeks_to_fill_in():
    item = weekly(sessions=2)
    log = [row("2026-09-08"), row("2026-09-15"), row("2026-09-17", NO)]
    found = gaps(item, log, date(2026, 9, 7), date(2026, 9, 27), TERMS)
    assert found == (Period(date(2026, 9, 21), date(2026, 9, 27)),)
    assert gaps(Item("f9"), log, date(2026, 9, 7), date(2026, 9, 27), TERMS) == ()


def test_report_json_is_the_documented_shape():
    case_file = {
        "provision": [
            {
                "id": "f1",
                "section": "F",
                "text": "1 hour a week of SLT",
                "sessions": 1,
                "per": "week",
                "minutes": 60,
                "provider": "NHS SLT service",
                "term_time_only": True,
            },
            {"id": "g1", "section": "G", "text": "Physiotherapy as needed"},
        ],
        "delivery_log": [
            {"provision": "f1", "date": "2026-09-07", "delivered": "yes"},
            {"provision": "f1", "date": "2026-09-15", "delivered": "no", "minutes": 0},
            {"provision": "g1", "date": "2026-09-16"},
        ],
    }
    items, log = items_from_case(case_file), log_from_case(case_file)
    assert items[0].frequency_text == "1 session a week, 60 minutes, term time only"
    assert items[1].frequency_text == "" and not items[1].quantified
    assert log[2].delivered is NO  # a row that does not say is a session not delivered
    result = shortfall(items, log, date(2026, 9, 7), date(2026, 9, 27), TERMS)
    assert report_json(result) == {
        "from": "2026-09-07",
        "to": "2026-09-27",
        "terms": TYPICAL_TERMS_NAME,
        "items": [
            {
                "provision": "f1",
                "expected": 3,
                "delivered": 1,
                "partly": 0,
                "missed": 1,
                "unrecorded": 1,
                "expected_minutes": 180,
                "delivered_minutes": 60,
            },
            {
                "provision": "g1",
                "expected": None,
                "delivered": 0,
                "partly": 0,
                "missed": 1,
                "unrecorded": None,
                "expected_minutes": None,
                "delivered_minutes": None,
            },
        ],
        # the quantified items only, so that the four counts add up to expected
        "total": {
            "expected": 3,
            "delivered": 1,
            "partly": 0,
            "missed": 1,
            "unrecorded": 1,
            "expected_minutes": 180,
            "delivered_minutes": 60,
        },
    }
    assert result.items[0].delivered_percent == 33
    assert result.items[0].missed_percent == 33
    assert result.items[0].not_delivered == 1
    assert result.items[1].delivered_percent is None


def test_small_helpers():
    assert week_start(date(2026, 9, 13)) == date(2026, 9, 7)
    assert week_start(date(2026, 9, 7)) == date(2026, 9, 7)
    assert Item("x", sessions=2, per=Per.WEEK).frequency_text == "2 sessions a week"
    assert (
        Item("x", sessions=2, per=Per.TERM, minutes=30).frequency_text
        == "2 sessions a term, 30 minutes each"
    )


# Properties -------------------------------------------------------------------------------

DAYS = st.dates(min_value=date(2025, 9, 1), max_value=date(2027, 8, 31))
ITEMS = st.builds(
    Item,
    id=st.sampled_from(["f1", "f2"]),
    sessions=st.one_of(st.none(), st.integers(0, 5)),
    per=st.one_of(st.none(), st.sampled_from(list(Per))),
    minutes=st.one_of(st.none(), st.integers(0, 120)),
    term_time_only=st.booleans(),
)
ROWS = st.lists(
    st.builds(
        LogRow,
        provision=st.sampled_from(["f1", "f2", "f3"]),
        date=DAYS,
        delivered=st.sampled_from(list(Delivered)),
        minutes=st.one_of(st.none(), st.integers(0, 500)),
    ),
    max_size=40,
)


@settings(max_examples=300, deadline=None)
@given(items=st.lists(ITEMS, max_size=3), log=ROWS, start=DAYS, length=st.integers(0, 400))
def test_every_expected_session_is_accounted_for_and_nothing_is_negative(items, log, start, length):
    end = start + timedelta(days=length)
    result = shortfall(items, log, start, end, TERMS)
    for part in (*result.items, result.total):
        values = [v for v in part.counts().values() if v is not None]
        assert all(v >= 0 for v in values)
        if part.expected is not None:
            assert part.delivered + part.partly + part.missed + part.unrecorded == part.expected
            assert len(part.gaps) <= part.unrecorded
        if part.expected_minutes is not None:
            assert part.delivered_minutes <= part.expected_minutes
    assert result.total.expected == sum(p.expected or 0 for p in result.items)


@settings(max_examples=200, deadline=None)
@given(item=ITEMS, log=ROWS, start=DAYS, length=st.integers(0, 400), extra=st.integers(0, 60))
def test_a_longer_range_never_expects_less(item, log, start, length, extra):
    end = start + timedelta(days=length)
    shorter = shortfall([item], log, start, end, TERMS).items[0]
    longer = shortfall([item], log, start, end + timedelta(days=extra), TERMS).items[0]
    if shorter.expected is not None:
        assert longer.expected >= shorter.expected


@settings(max_examples=200, deadline=None)
@given(item=ITEMS, log=ROWS, start=DAYS, length=st.integers(0, 200), day=DAYS)
def test_recording_a_session_never_adds_to_what_is_unrecorded(item, log, start, length, day):
    end = start + timedelta(days=length)
    before = shortfall([item], log, start, end, TERMS).items[0]
    after = shortfall([item], [*log, LogRow(item.id, day, YES)], start, end, TERMS).items[0]
    if before.unrecorded is not None:
        assert after.unrecorded <= before.unrecorded
