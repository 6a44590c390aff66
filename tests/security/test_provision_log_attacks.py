"""The week's record of provision under a huge or hostile POST (issue 15): the work is bounded,
every problem is a clear error beside its field, what was typed comes back, and nothing
already recorded is lost or changed."""

from __future__ import annotations

import copy
import time
from datetime import date, timedelta

import pytest
from django.test import Client

from journeys.cases.casefile import LOG_TEXT_LENGTH, log_text_length
from journeys.models import Case
from tests.conftest import make_user
from tests.factories import CaseFactory

MONDAY = date(2025, 10, 13)
URL = "/cases/{id}/provision/log/{monday}/"
ITEMS = [
    {
        "id": "f1",
        "section": "F",
        "text": "1 hour a week of speech and language therapy",
        "sessions": 1,
        "per": "week",
        "minutes": 60,
        "term_time_only": True,
    },
    {"id": "f2", "section": "F", "text": "Access to a quiet room", "term_time_only": True},
]
RECORDED = [{"provision": "f1", "date": "2025-10-06", "delivered": "yes", "minutes": 60}]


@pytest.fixture
def owner():
    return make_user("owner@example.org", "Olive Owner")


@pytest.fixture
def browser(owner):
    client = Client()
    client.force_login(owner)
    return client


@pytest.fixture
def case(owner, case_file):
    case_file = copy.deepcopy(case_file)
    case_file.update(format="ehcp-case/2", provision=ITEMS, delivery_log=RECORDED)
    return CaseFactory(journey="plan", case_file=case_file, owner=owner, extras={})


def post(browser, case, data, monday=MONDAY):
    return browser.post(URL.format(id=case.id, monday=monday.isoformat()), data)


def week(f1: dict, f2: dict | None = None) -> dict[str, str]:
    rows = {"item0-provision": "f1", "item1-provision": "f2", "item1-delivered": "none"}
    rows.update({f"item0-{key}": value for key, value in f1.items()})
    rows.update({f"item1-{key}": value for key, value in (f2 or {}).items()})
    return rows


def log_of(case) -> list[dict]:
    return Case.objects.get(pk=case.pk).case_file["delivery_log"]


@pytest.mark.django_db
class HostileWeekPostTests:
    @pytest.mark.parametrize(
        ("f1", "message"),
        [
            ({"delivered": "no", "note": "x" * 10_000}, "The note must be 200 characters or fewer"),
            ({"delivered": "no", "note": "off\x00sick"}, "The note must not contain tabs or line"),
            ({"delivered": "no", "minutes": "9" * 40}, "The minutes must be 10,000 or fewer"),
            ({"delivered": "no", "minutes": "-5"}, "The minutes must be 0 or more"),
            ({"delivered": "no", "minutes": "1e9"}, "The minutes must be a whole number"),
            ({"delivered": "<script>alert(1)</script>"}, "Choose what happened"),
            ({"delivered": "none", "note": "late again"}, "Choose what happened, or empty"),
        ],
    )
    def test_each_problem_is_named_beside_its_field_and_nothing_changes(
        self, browser, case, f1, message
    ):
        response = post(browser, case, week(f1))
        assert response.status_code == 200
        page = response.content.decode()
        assert "There is a problem" in page
        assert message in page
        assert 'class="govuk-error-message"' in page
        assert "<script>alert(1)</script>" not in page
        assert log_of(case) == RECORDED

    def test_what_was_typed_comes_back(self, browser, case):
        page = post(
            browser, case, week({"delivered": "partly", "minutes": "abc", "note": "TA absent"})
        ).content.decode()
        assert 'value="TA absent"' in page
        assert 'value="abc"' in page
        assert 'value="partly" checked' in page

    def test_a_row_posted_for_another_item_is_refused_as_out_of_date(self, browser, case):
        data = week({"delivered": "no"})
        data["item0-provision"] = "f2"  # f1's row, claiming to be f2's
        page = post(browser, case, data).content.decode()
        assert "The list of items changed since this page was shown" in page
        assert log_of(case) == RECORDED

    def test_rows_for_items_the_case_does_not_have_are_ignored(self, browser, case):
        data = week({"delivered": "no"})
        for index in range(2, 400):
            data[f"item{index}-provision"] = f"z{index}"
            data[f"item{index}-delivered"] = "no"
        assert post(browser, case, data).status_code == 302
        assert {row["provision"] for row in log_of(case)} == {"f1"}
        assert len(log_of(case)) == 2

    def test_too_many_fields_is_refused_before_any_work(self, browser, case):
        data = {f"junk{index}": "x" for index in range(5_000)}
        assert post(browser, case, data).status_code == 400
        assert log_of(case) == RECORDED

    def test_a_body_over_the_upload_limit_is_refused(self, browser, case):
        assert post(browser, case, {"item0-note": "x" * 3_000_000}).status_code == 400
        assert log_of(case) == RECORDED

    def test_a_full_log_refuses_more_notes_beside_them_and_keeps_everything(
        self, browser, case, owner
    ):
        # A log one note from its budget: 499 weeks of 198-character notes (and "f1" each).
        full = [
            {
                "provision": "f1",
                "date": (date(2015, 9, 7) + timedelta(weeks=n)).isoformat(),
                "delivered": "no",
                "note": "n" * 198,
            }
            for n in range(499)
        ]
        assert LOG_TEXT_LENGTH - 202 < log_text_length(full) <= LOG_TEXT_LENGTH - 2
        saved = Case.objects.get(pk=case.pk)
        saved.case_file = {**saved.case_file, "delivery_log": full}
        saved.save()
        response = post(browser, case, week({"delivered": "no", "note": "y" * 200}))
        assert response.status_code == 200
        page = response.content.decode()
        assert "There is no room for more notes" in page
        assert 'value="' + "y" * 200 + '"' in page
        assert log_of(case) == full
        # Without a note the week still records.
        assert post(browser, case, week({"delivered": "no"})).status_code == 302
        assert len(log_of(case)) == 500

    def test_nothing_happened_twice_is_one_row_per_item(self, browser, case):
        for _ in range(3):
            assert post(browser, case, {"nothing": "1"}).status_code == 302
        rows = [row for row in log_of(case) if row["date"] == MONDAY.isoformat()]
        assert sorted(row["provision"] for row in rows) == ["f1", "f2"]


MARKUP = '<script>alert("x")</script><img src=x onerror=alert(1)>'


@pytest.mark.django_db
def test_markup_in_items_and_notes_is_text_on_every_provision_page(browser, case, owner):
    saved = Case.objects.get(pk=case.pk)
    saved.case_file = {
        **saved.case_file,
        "provision": [{**ITEMS[0], "text": MARKUP, "provider": MARKUP}, ITEMS[1]],
        "delivery_log": [
            {"provision": "f1", "date": MONDAY.isoformat(), "delivered": "no", "note": MARKUP}
        ],
    }
    saved.save()
    for path in ("", "items/", f"log/{MONDAY.isoformat()}/", "terms/"):
        page = browser.get(f"/cases/{case.id}/provision/{path}?since_0=1&since_1=9&since_2=2025")
        body = page.content.decode()
        assert page.status_code == 200, path
        assert "<script>alert" not in body and "<img src=x" not in body, path
    tracker = browser.get(f"/cases/{case.id}/provision/?since_0=1&since_1=9&since_2=2025")
    assert "&lt;script&gt;" in tracker.content.decode()


@pytest.mark.django_db
def test_an_items_post_claiming_a_million_forms_is_bounded(browser, case):
    data = {
        "items-TOTAL_FORMS": "1000000",
        "items-INITIAL_FORMS": "0",
        "items-MIN_NUM_FORMS": "0",
        "items-MAX_NUM_FORMS": "200",
        "save": "1",
    }
    started = time.perf_counter()
    response = browser.post(f"/cases/{case.id}/provision/items/", data)
    assert time.perf_counter() - started < 5
    assert response.status_code == 200
    assert "A plan can have up to 200 items here" in response.content.decode()
    assert Case.objects.get(pk=case.pk).case_file["provision"] == ITEMS
