"""journeys/cases/provision_services.py and provision.py: what the tracker writes and reads."""

from __future__ import annotations

import copy
from datetime import date

import pytest

from journeys.cases.provision import (
    FAMILY_TERMS_NAME,
    ITEM_DATES_KEY,
    TERMS_KEY,
    default_start,
    has_family_terms,
    provision_missed_since_september,
    provision_shortfall,
    provision_week,
    school_year_start,
    shows_tracker,
    terms_for,
)
from journeys.cases.provision_services import (
    ProvisionRefused,
    WeekEntry,
    provision_items_add,
    provision_items_save,
    provision_items_suggested,
    provision_terms_save,
    provision_week_record,
)
from journeys.models import AuditEvent, Case
from journeys.rules.vocabulary import Delivered
from tests.factories import CaseFactory

WEEKLY = {
    "id": "f1",
    "section": "F",
    "text": "1 hour a week of speech and language therapy",
    "sessions": 1,
    "per": "week",
    "minutes": 60,
    "term_time_only": True,
}
TERMLY = {
    "id": "f2",
    "section": "F",
    "text": "A termly visit from the specialist teacher",
    "sessions": 1,
    "per": "term",
    "term_time_only": True,
}
VAGUE = {"id": "g1", "section": "G", "text": "Access to OT as needed", "term_time_only": False}


@pytest.fixture
def case(case_file):
    case_file = copy.deepcopy(case_file)
    case_file.update(format="ehcp-case/2", provision=[WEEKLY, TERMLY, VAGUE])
    return CaseFactory(case_file=case_file, extras={})


def fresh(case) -> Case:
    return Case.objects.get(pk=case.pk)


class SuggestedItemsTests:
    def test_only_statements_about_provision_become_items_with_their_quantities(self):
        found = provision_items_suggested(
            sections={
                "F": "Speech and language\n2 x 30 minute sessions a week with a qualified SLT.\n"
                "Progress will be reviewed termly.",
                "G": "Access to a physiotherapist as needed.",
                "H": "",
            }
        )
        assert found == [
            {
                "section": "F",
                "text": "2 x 30 minute sessions a week with a qualified SLT.",
                "sessions": 2,
                "per": "week",
                "minutes": 30,
                "provider": "a qualified SLT",
                "term_time_only": True,
            },
            {
                "section": "G",
                "text": "Access to a physiotherapist as needed.",
                "provider": "",
                "term_time_only": True,
            },
        ]


@pytest.mark.django_db
class ItemsTests:
    def test_added_items_get_ids_not_used_before_in_their_section(self, case):
        provision_items_add(
            case=case,
            items=[{"section": "F", "text": "Daily reading"}, {"section": "G", "text": "OT"}],
        )
        ids = [item["id"] for item in fresh(case).case_file["provision"]]
        assert ids == ["f1", "f2", "g1", "f3", "g2"]

    def test_the_same_paste_twice_adds_nothing_more(self, case):
        pasted = [
            {"section": "F", "text": "Daily reading"},
            {"section": "F", "text": "Daily reading"},
        ]
        provision_items_add(case=case, items=pasted)
        provision_items_add(case=case, items=pasted)
        texts = [item["text"] for item in fresh(case).case_file["provision"]]
        assert texts.count("Daily reading") == 1 and len(texts) == 4

    def test_removing_an_item_removes_its_records_so_a_new_item_never_inherits_them(self, case):
        provision_week_record(
            case=case,
            monday=date(2025, 10, 13),
            entries=[
                WeekEntry("f1", Delivered.NO),
                WeekEntry("f2", Delivered.YES),
            ],
        )
        provision_items_save(case=case, items=[WEEKLY, {**VAGUE, "id": ""}])
        saved = fresh(case).case_file
        assert [item["id"] for item in saved["provision"]] == ["f1", "g1"]
        assert [row["provision"] for row in saved["delivery_log"]] == ["f1"]

    def test_an_item_an_amended_plan_ended_keeps_its_records_and_its_dates(self, case):
        provision_week_record(
            case=case, monday=date(2025, 10, 13), entries=[WeekEntry("f1", Delivered.NO)]
        )
        provision_items_save(
            case=case,
            items=[
                {**WEEKLY, "ends": date(2025, 10, 31)},
                {**TERMLY, "id": "", "text": "Weekly visit", "starts": date(2025, 11, 3)},
            ],
        )
        saved = fresh(case)
        assert saved.extras["provision_dates"] == {
            "f1": {"ends": "2025-10-31"},
            "f2": {"starts": "2025-11-03"},  # f2 was removed: its id is free again
        }
        assert [row["provision"] for row in saved.case_file["delivery_log"]] == ["f1"]
        assert "ends" not in saved.case_file["provision"][0]  # not a case-file key
        # Nothing is expected of f1 after it left the plan.
        found = provision_shortfall(
            case_file=saved.case_file,
            extras=saved.extras,
            start=date(2025, 9, 1),
            end=date(2025, 12, 31),
        )
        until_october = provision_shortfall(
            case_file=saved.case_file,
            extras=saved.extras,
            start=date(2025, 9, 1),
            end=date(2025, 10, 31),
        )
        assert found.items[0].expected == until_october.items[0].expected
        provision_items_save(case=case, items=[WEEKLY])
        assert "provision_dates" not in fresh(case).extras

    def test_a_count_without_a_period_is_not_kept_as_how_often(self, case):
        provision_items_save(case=case, items=[{**WEEKLY, "per": None}])
        item = fresh(case).case_file["provision"][0]
        assert "sessions" not in item and "per" not in item and item["minutes"] == 60

    def test_no_items_leaves_no_provision_key(self, case):
        provision_items_save(case=case, items=[])
        assert "provision" not in fresh(case).case_file
        assert fresh(case).provision_missed is None

    def test_an_item_over_the_case_file_bound_is_refused_and_nothing_saved(self, case):
        with pytest.raises(ProvisionRefused, match="too long to keep"):
            provision_items_add(case=case, items=[{"section": "F", "text": "x" * 2_001}])
        assert len(fresh(case).case_file["provision"]) == 3


@pytest.mark.django_db
class WeekTests:
    MONDAY = date(2025, 10, 13)

    def test_one_row_per_item_dated_the_monday_and_unknown_items_ignored(self, case):
        provision_week_record(
            case=case,
            monday=self.MONDAY,
            entries=[
                WeekEntry("f1", Delivered.PARTLY, 30, "left early"),
                WeekEntry("zz", Delivered.NO),
                WeekEntry("g1", None),
            ],
        )
        assert fresh(case).case_file["delivery_log"] == [
            {
                "provision": "f1",
                "date": "2025-10-13",
                "delivered": "partly",
                "minutes": 30,
                "note": "left early",
            }
        ]

    def test_rows_kept_per_session_are_replaced_by_the_weeks_one_row(self, case):
        saved = fresh(case)
        saved.case_file = {
            **saved.case_file,
            "delivery_log": [
                {"provision": "f1", "date": "2025-10-14", "delivered": "yes"},
                {"provision": "f1", "date": "2025-10-16", "delivered": "no"},
                {"provision": "f1", "date": "2025-10-20", "delivered": "yes"},  # next week
            ],
        }
        saved.save()
        rows, _ = provision_week(case_file=saved.case_file, extras={}, monday=self.MONDAY)
        assert rows[0].records == 2 and rows[0].recorded.delivered == "no"
        _, changed = provision_week_record(
            case=case, monday=self.MONDAY, entries=[WeekEntry("f1", Delivered.NO)]
        )
        assert changed
        assert [row["date"] for row in fresh(case).case_file["delivery_log"]] == [
            "2025-10-13",
            "2025-10-20",
        ]

    def test_repeating_a_week_changes_nothing_and_writes_no_audit(self, case):
        entries = [WeekEntry("f1", Delivered.NO, 0, "ill")]
        provision_week_record(case=case, monday=self.MONDAY, entries=entries)
        before = fresh(case).updated_at
        _, changed = provision_week_record(case=case, monday=self.MONDAY, entries=entries)
        assert not changed
        assert fresh(case).updated_at == before
        assert not AuditEvent.objects.exists()

    def test_a_changed_week_keeps_the_later_value_and_is_audited(self, case):
        provision_week_record(
            case=case, monday=self.MONDAY, entries=[WeekEntry("f1", Delivered.YES)]
        )
        _, changed = provision_week_record(
            case=case, monday=self.MONDAY, entries=[WeekEntry("f1", Delivered.NO)]
        )
        assert changed
        assert fresh(case).case_file["delivery_log"][0]["delivered"] == "no"
        event = AuditEvent.objects.get()
        assert (event.actor_name, event.action) == ("The family", "changed")
        assert event.detail == "the delivery record for the week beginning 13 October 2025"

    def test_due_items_on_a_weeks_page(self, case):
        rows, in_term = provision_week(
            case_file=fresh(case).case_file, extras={}, monday=self.MONDAY
        )
        assert in_term
        assert [(row.item.id, row.due) for row in rows] == [
            ("f1", True),  # weekly
            ("f2", False),  # termly: recorded when it happens
            ("g1", True),  # how often not given: the family records each week
        ]
        august, in_term = provision_week(
            case_file=fresh(case).case_file, extras={}, monday=date(2025, 8, 11)
        )
        assert not in_term
        assert [(row.item.id, row.due) for row in august] == [
            ("f1", False),  # term time only, in the holidays
            ("f2", False),
            ("g1", True),  # all year
        ]


@pytest.mark.django_db
class TermsTests:
    def test_the_familys_terms_are_kept_in_the_extras_and_dropped_again(self, case):
        provision_terms_save(
            case=case,
            terms=[(date(2025, 11, 3), date(2025, 12, 19)), (date(2025, 9, 3), date(2025, 10, 24))],
            holidays=[(date(2025, 10, 27), date(2025, 10, 31))],
        )
        extras = fresh(case).extras
        assert extras[TERMS_KEY] == {
            "name": FAMILY_TERMS_NAME,
            "terms": [["2025-09-03", "2025-10-24"], ["2025-11-03", "2025-12-19"]],
            "holidays": [["2025-10-27", "2025-10-31"]],
        }
        assert has_family_terms(extras)
        terms = terms_for(extras, date(2025, 9, 1), date(2025, 12, 31))
        assert terms.name == FAMILY_TERMS_NAME
        assert (terms.terms[0].start, terms.terms[0].end) == (date(2025, 9, 3), date(2025, 10, 24))
        assert not terms.is_term_day(date(2025, 10, 28))
        provision_terms_save(case=case, terms=None)
        assert TERMS_KEY not in fresh(case).extras
        assert not has_family_terms(fresh(case).extras)
        assert "typical" in terms_for({}, date(2025, 9, 1), date(2025, 12, 31)).name

    def test_the_letters_get_the_familys_terms_and_item_dates(self, case):
        from journeys.cases.services import case_extras_for

        provision_terms_save(case=case, terms=[(date(2025, 9, 3), date(2025, 10, 24))])
        case = fresh(case)
        case.extras = {**case.extras, ITEM_DATES_KEY: {"f1": {"ends": "2025-10-31"}}}
        for slug in ("not-delivered", "mediation-agreement", None):
            given = case_extras_for(case, slug)
            assert given[TERMS_KEY]["terms"] == [["2025-09-03", "2025-10-24"]]
            assert given[ITEM_DATES_KEY] == {"f1": {"ends": "2025-10-31"}}

    def test_the_terms_key_is_never_taken_for_a_finished_journey(self, case):
        provision_terms_save(case=case, terms=[(date(2025, 9, 3), date(2025, 10, 24))])
        assert not shows_tracker({}, fresh(case).extras.keys())


class ReadTests:
    @pytest.mark.parametrize(
        ("today", "start"),
        [
            (date(2026, 12, 2), date(2026, 9, 1)),
            (date(2026, 9, 1), date(2026, 9, 1)),
            (date(2026, 8, 31), date(2025, 9, 1)),
            (date(2027, 1, 5), date(2026, 9, 1)),
        ],
    )
    def test_the_school_year_starts_on_1_september(self, today, start):
        assert school_year_start(today) == start

    def test_the_tracker_counts_from_september_or_the_first_record_if_later(self):
        today = date(2026, 12, 2)
        assert default_start({}, today) == date(2026, 9, 1)
        later = {"delivery_log": [{"provision": "f1", "date": "2026-10-05", "delivered": "no"}]}
        assert default_start(later, today) == date(2026, 10, 5)
        earlier = {"delivery_log": [{"provision": "f1", "date": "2026-03-02", "delivered": "no"}]}
        assert default_start(earlier, today) == date(2026, 9, 1)

    def test_missed_is_none_without_provision_and_zero_without_records(self):
        assert provision_missed_since_september({}, {}, date(2026, 12, 2)) is None
        assert provision_missed_since_september({"provision": [WEEKLY]}, {}, date(2026, 12, 2)) == 0

    def test_the_tracker_shows_for_a_plan_or_for_provision(self):
        assert not shows_tracker({"events": []})
        assert shows_tracker({"provision": [WEEKLY]})
        assert shows_tracker({"events": [{"type": "final_plan_issued", "date": "2026-03-02"}]})
        assert shows_tracker({}, ["annual-review"])


@pytest.mark.parametrize(
    ("expected", "delivered", "words"),
    [
        (1200, 750, "12.5 of 20 hours delivered"),
        (60, 0, "0 of 1 hour delivered"),
        (90, 20, "0.3 of 1.5 hours delivered"),
        (None, None, ""),
    ],
)
def test_hours_are_said_for_people(expected, delivered, words):
    from types import SimpleNamespace

    from journeys.cases.provision import hours_text

    counts = SimpleNamespace(expected_minutes=expected, delivered_minutes=delivered)
    assert hours_text(counts) == words
