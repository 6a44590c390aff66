"""The provision tracker in Chromium (issue 15): on a 375-pixel phone, by keyboard only, a
parent records a week and sees it on the tracker; axe-core checks every page shown, and
nothing is wider than the screen."""

from __future__ import annotations

import copy
import json
from datetime import date
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from journeys.models import Case
from tests.conftest import PASSWORD, make_user
from tests.e2e.conftest import assert_accessible
from tests.e2e.test_request_journey_browser import (
    key_press_and_load,
    key_radio,
    key_type,
)
from tests.factories import CaseFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

CASE_FILE = Path(__file__).resolve().parent.parent / "fixtures" / "case_sam.json"
PHONE = {"width": 375, "height": 740}
MONDAY = date(2025, 10, 13)  # in term by any English school year
ITEMS = [
    {
        "id": "f1",
        "section": "F",
        "text": "1 hour a week of direct speech and language therapy "
        "from a qualified speech and language therapist",
        "sessions": 1,
        "per": "week",
        "minutes": 60,
        "provider": "NHS SLT service",
        "term_time_only": True,
    },
    {
        "id": "f2",
        "section": "F",
        "text": "Access to a quiet space when needed",
        "term_time_only": True,
    },
]


def fits(page: Page) -> None:
    assert_accessible(page)
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], f"{page.url} is {width}px wide on a 375px screen"


@pytest.fixture
def phone(browser, live_server):
    context = browser.new_context(base_url=live_server.url, viewport=PHONE)
    try:
        yield context.new_page()
    finally:
        context.close()


@pytest.fixture
def case():
    parent = make_user("grace@example.org", "Grace Okafor")
    case_file = copy.deepcopy(json.loads(CASE_FILE.read_text()))
    case_file.update(format="ehcp-case/2", provision=ITEMS)
    case_file["events"] = [{"type": "final_plan_issued", "date": "2025-07-01"}]
    return CaseFactory(journey="plan", case_file=case_file, owner=parent, extras={})


def sign_in_by_keyboard(page: Page, next_path: str) -> None:
    page.goto(f"/account/sign-in/?next={next_path}")
    key_type(page, "id_username", "grace@example.org")
    key_type(page, "id_password", PASSWORD)
    key_press_and_load(page, "Sign in")


def key_follow_link(page: Page, href_end: str) -> None:
    """Tab to the link whose address ends so, and press Enter."""
    for _ in range(80):
        page.keyboard.press("Tab")
        href = page.evaluate("document.activeElement.getAttribute('href') || ''")
        if href.endswith(href_end):
            with page.expect_navigation():
                page.keyboard.press("Enter")
            return
    raise AssertionError(f"no link to {href_end} reachable by Tab on {page.url}")


def test_a_parent_records_a_week_by_keyboard_on_a_phone(phone: Page, case):
    week = f"/cases/{case.id}/provision/log/{MONDAY.isoformat()}/"
    sign_in_by_keyboard(phone, week)
    expect(phone.get_by_role("heading", level=1)).to_have_text("Week beginning 13 October 2025")
    fits(phone)

    # f1: not delivered, with a note; f2: delivered.
    key_radio(phone, "item0-delivered", "id_item0-delivered_2")
    key_type(phone, "id_item0-note", "Therapist off sick, no cover")
    key_radio(phone, "item1-delivered", "id_item1-delivered_0")
    key_press_and_load(phone, "Save this week")
    expect(phone.locator(".govuk-notification-banner, .app-messages").first).to_contain_text(
        "Saved the week beginning 13 October 2025"
    )
    fits(phone)
    log = Case.objects.get(pk=case.pk).case_file["delivery_log"]
    assert {(row["provision"], row["delivered"]) for row in log} == {("f1", "no"), ("f2", "yes")}

    # An error is named in the summary and beside the field, by keyboard too.
    key_radio(phone, "item1-delivered", "id_item1-delivered_3")  # "Not recorded yet"
    key_type(phone, "id_item1-minutes", "abc")
    key_press_and_load(phone, "Save this week")
    expect(phone.locator(".govuk-error-summary")).to_contain_text("The minutes must be a whole")
    fits(phone)

    # The previous week, then "Nothing happened this week", all by keyboard.
    key_follow_link(phone, "/log/2025-10-06/")
    expect(phone.get_by_role("heading", level=1)).to_have_text("Week beginning 6 October 2025")
    key_press_and_load(phone, "Nothing happened this week")
    log = Case.objects.get(pk=case.pk).case_file["delivery_log"]
    assert {(row["provision"], row["date"]) for row in log if row["date"] == "2025-10-06"} == {
        ("f1", "2025-10-06"),
        ("f2", "2025-10-06"),
    }

    # The tracker: the chart and its table fit the phone; the unquantified item is flagged.
    phone.goto(f"/cases/{case.id}/provision/?since_0=1&since_1=9&since_2=2025")
    expect(phone.get_by_role("heading", level=1)).to_have_text("Is the plan being delivered?")
    expect(phone.get_by_role("img").first).to_be_visible()
    expect(phone.locator(".govuk-warning-text")).to_contain_text("The plan does not say how often")
    fits(phone)
    # The table scrolls inside its own region, which the keyboard can reach.
    for _ in range(60):
        phone.keyboard.press("Tab")
        if phone.evaluate("document.activeElement.classList.contains('app-table-scroll')"):
            break
    else:
        raise AssertionError("the table's scrolling region is not reachable by Tab")


def test_the_items_and_term_pages_fit_a_phone(phone: Page, case):
    sign_in_by_keyboard(phone, f"/cases/{case.id}/provision/items/")
    expect(phone.get_by_role("heading", level=1)).to_have_text("What the plan promises")
    fits(phone)
    phone.goto(f"/cases/{case.id}/provision/terms/")
    expect(phone.get_by_role("heading", level=1)).to_have_text("Term dates")
    fits(phone)
