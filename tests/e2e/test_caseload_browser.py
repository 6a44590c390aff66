"""The caseload in a real browser: a support worker signs in through the sign-in form, filters,
searches and pages through 60 shared cases, then opens one to add a note, assign it and mark
it reviewed; an admin manages members. axe-core (WCAG 2.2 A and AA) on every page, and the
dashboard on a 320-pixel-wide phone without sideways scrolling."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from ehcp_site.accounts.models import Membership, Organisation
from journeys.models import CaseNote, OrganisationShare
from tests.journeys.caseload.conftest import share_case
from tests.conftest import PASSWORD, make_user
from tests.e2e.conftest import assert_accessible

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

CASE_FILE = Path(__file__).resolve().parent.parent / "fixtures" / "case_sam.json"
CASES = 60


@pytest.fixture
def sunrise() -> Organisation:
    """Sunrise, a worker, an admin, and 60 shared cases: every tenth an appeal, deadlines from
    5 days overdue onwards, one child called Zara Quinn."""
    organisation = Organisation.objects.create(name="Sunrise SEND Support")
    worker = make_user("worker@example.org", "Wren Worker")
    admin = make_user("admin@example.org", "Ari Admin")
    Membership.objects.create(organisation=organisation, user=worker, role="worker")
    Membership.objects.create(organisation=organisation, user=admin, role="admin")
    base = json.loads(CASE_FILE.read_text())
    for number in range(CASES):
        first, last = ("Zara", "Quinn") if number == 7 else (f"Kid{number:02}", "Lane")
        share_case(
            base,
            organisation,
            first=first,
            last=last,
            journey="appeal" if number % 10 == 0 else "request",
            due_in=number - 5,
            assigned_to=admin if number % 3 == 0 else None,
        )
    return organisation


def sign_in(page: Page, email: str, next_path: str) -> None:
    page.goto(f"/account/sign-in/?next={next_path}")
    page.get_by_label("Email address").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()


def table_rows(page: Page):
    return page.locator("table.app-caseload tbody tr")


def test_a_worker_filters_searches_pages_and_works_on_a_case(page: Page, sunrise):
    sign_in(page, "worker@example.org", "/organisations/")
    # One organisation: straight to its caseload.
    expect(page).to_have_url(re.compile(rf"/organisations/{sunrise.id}/caseload/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Caseload")
    expect(page.get_by_text("Showing 1 to 50 of 60 cases")).to_be_visible()
    expect(table_rows(page)).to_have_count(50)
    # Overdue first: the case 5 days overdue heads the list.
    expect(table_rows(page).first).to_contain_text("5 days overdue")
    expect(page.get_by_role("table", name=re.compile("Cases shared with Sunrise"))).to_be_visible()
    assert_accessible(page)

    page.get_by_label("Stage").select_option(label="Appeal to the Tribunal")
    page.get_by_role("button", name="Apply filters").click()
    expect(table_rows(page)).to_have_count(6)
    expect(page.get_by_text("Showing 1 to 6 of 6 cases matching your filters")).to_be_visible()
    expect(page.get_by_label("Stage")).to_have_value("appeal")
    assert_accessible(page)

    page.get_by_role("link", name="Clear filters").first.click()
    page.get_by_label("Child or parent name").fill("zara")
    page.get_by_role("button", name="Apply filters").click()
    expect(table_rows(page)).to_have_count(1)
    expect(table_rows(page).first).to_contain_text("Zara Quinn")

    page.get_by_role("link", name="Clear filters").first.click()
    page.get_by_role("navigation", name="Pages of cases").get_by_role(
        "link", name="Next page"
    ).click()
    expect(page.get_by_text("Showing 51 to 60 of 60 cases")).to_be_visible()
    expect(table_rows(page)).to_have_count(10)
    expect(page.get_by_role("link", name="Page 2")).to_have_attribute("aria-current", "page")

    page.get_by_role("link", name="Notes and assignment for Kid55 Lane").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Notes and assignment")
    expect(page.get_by_text("No notes yet.")).to_be_visible()
    assert_accessible(page)

    page.get_by_role("button", name="Add note").click()  # empty: an error, GOV.UK style
    expect(page.get_by_role("heading", name="There is a problem")).to_be_visible()
    assert_accessible(page)
    page.get_by_label("Add a note").fill("Rang the school: the SENCo will send the SEN plan.")
    page.get_by_role("button", name="Add note").click()
    expect(page.get_by_text("Note added.")).to_be_visible()
    expect(page.get_by_text("Rang the school: the SENCo will send the SEN plan.")).to_be_visible()
    expect(page.get_by_text(re.compile(r"^Wren Worker, \d+ \w+ \d{4} at"))).to_be_visible()

    page.get_by_label("Assign this case to").select_option(label="Wren Worker")
    page.get_by_role("button", name="Save assignment").click()
    expect(page.get_by_text("Assigned to Wren Worker.")).to_be_visible()

    page.get_by_role("button", name="Mark as reviewed").click()
    expect(page.get_by_text("Marked as reviewed.")).to_be_visible()
    expect(page.get_by_role("button", name="Mark as not reviewed")).to_be_visible()
    assert_accessible(page)

    share = OrganisationShare.objects.select_related("case", "assigned_to").get(
        case__child_name="Kid55 Lane"
    )
    assert share.assigned_to.email == "worker@example.org" and share.reviewed_at is not None
    assert CaseNote.objects.get().case_id == share.case_id

    # Back on the caseload, the row says so.
    page.get_by_role("link", name="Sunrise SEND Support caseload").click()
    page.get_by_label("Child or parent name").fill("Kid55")
    page.get_by_role("button", name="Apply filters").click()
    row = table_rows(page).first
    expect(row).to_contain_text("Wren Worker")
    expect(row).to_contain_text("Yes,")
    expect(row.locator('td[data-label="Notes"]')).to_have_text("1")


NO_SIDEWAYS_SCROLL = "document.documentElement.scrollWidth <= document.documentElement.clientWidth"


def test_the_caseload_fits_a_320_pixel_phone_and_a_tablet(page: Page, sunrise):
    sign_in(page, "worker@example.org", f"/organisations/{sunrise.id}/caseload/")
    expect(table_rows(page)).to_have_count(50)
    for width in (320, 768, 770, 1024):
        page.set_viewport_size({"width": width, "height": 640})
        assert page.evaluate(NO_SIDEWAYS_SCROLL), f"the caseload scrolls sideways at {width}px"
    page.set_viewport_size({"width": 320, "height": 640})
    # Each row is a stacked card, its cells labelled with their column.
    first_cell = table_rows(page).first.locator('td[data-label="Council"]')
    label = first_cell.evaluate("cell => getComputedStyle(cell, '::before').content")
    assert label == '"Council"'
    assert_accessible(page)
    page.get_by_role("link", name="Notes and assignment for Kid00 Lane").click()
    assert page.evaluate(NO_SIDEWAYS_SCROLL)


def test_an_admin_manages_members(page: Page, sunrise):
    make_user("nia@example.org", "Nia New")
    sign_in(page, "admin@example.org", f"/organisations/{sunrise.id}/members/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Members")
    expect(page.get_by_role("table", name="Members of Sunrise SEND Support")).to_be_visible()
    assert_accessible(page)

    page.get_by_label("Email address").fill("nobody@example.org")
    page.get_by_role("button", name="Add member").click()
    expect(
        page.get_by_role("link", name=re.compile("Ask them to create an account first"))
    ).to_be_visible()
    assert_accessible(page)

    page.get_by_label("Email address").fill("nia@example.org")
    page.get_by_label("Organisation admin").check()
    page.get_by_role("button", name="Add member").click()
    expect(page.get_by_text("Added Nia New as Organisation admin.")).to_be_visible()

    page.get_by_label("Role for Wren Worker").select_option("admin")
    page.get_by_role("button", name="Change role for Wren Worker").click()
    expect(page.get_by_text("Wren Worker is now Organisation admin.")).to_be_visible()

    page.get_by_role("button", name="Remove Nia New from Sunrise SEND Support").click()
    expect(page.get_by_text("Removed Nia New from Sunrise SEND Support.")).to_be_visible()
    assert list(Membership.objects.order_by("user__email").values_list("user__email", "role")) == [
        ("admin@example.org", "admin"),
        ("worker@example.org", "admin"),
    ]

    page.set_viewport_size({"width": 320, "height": 640})
    assert page.evaluate(NO_SIDEWAYS_SCROLL)
    assert_accessible(page)
