"""A case's page with a plan in a real browser: the stages of a plan's life, passing axe."""

from __future__ import annotations

import re
from datetime import timedelta

from django.utils import timezone
from playwright.sync_api import Page, expect

from tests.e2e.conftest import assert_accessible
from tests.e2e.test_timeline_browser import add_date, open_example_timeline


def test_the_case_page_of_a_case_with_a_plan_shows_its_stages_and_passes_axe(page: Page):
    open_example_timeline(page)
    add_date(page, "A final plan was issued", timezone.localdate() - timedelta(days=20))
    case_url = re.sub(r"timeline/.*$", "", page.url)
    page.goto(case_url)
    stages = page.locator(".govuk-task-list")
    for title in (
        "Respond to a draft or final plan",
        "Get ready for an annual review",
        "Respond to proposed changes to the plan",
        "Ask for a new assessment",
    ):
        expect(stages.get_by_text(title, exact=True)).to_be_visible()
    expect(
        stages.get_by_text(re.compile("The council must review the plan again by"))
    ).to_be_visible()
    assert_accessible(page)


def test_the_triage_offers_the_stages_in_groups_and_passes_axe(page: Page):
    page.goto("/start/new/")
    page.get_by_role("radio", name="England", exact=True).check()
    page.get_by_role("button", name="Continue").click()
    expect(page.get_by_role("heading", name="There is a plan", exact=True)).to_be_visible()
    assert_accessible(page)
    page.get_by_role("button", name="Continue").click()  # nothing chosen: the error
    expect(page.locator(".govuk-error-summary")).to_be_focused()
    assert_accessible(page)
    choice = page.get_by_role("radio", name="The council wants to stop the plan", exact=True)
    expect(choice).to_have_accessible_description("There is a plan")
