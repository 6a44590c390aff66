"""The voice pages and acting for a young person in a real browser, with axe on each (issue 14).

A parent fills in the request for their son, who is over compulsory school age: every page
speaks of him by name, asks on what basis the parent acts for him, and (from Year 9, here by
age) asks about preparing for adulthood.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.conftest import assert_accessible

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def go(page: Page, step: str) -> None:
    page.goto(re.sub(r"/[a-z-]+/$", f"/{step}/", page.url))


def continue_(page: Page) -> None:
    with page.expect_navigation():
        page.get_by_role("button", name="Continue", exact=True).click()


def on_page(page: Page, heading: str) -> None:
    expect(page.get_by_role("heading", level=1)).to_have_text(heading)
    assert_accessible(page)


def test_a_parent_acting_for_a_young_person_through_the_voice_pages(page: Page):
    page.goto("/request/new/")
    page.get_by_label("Your full name", exact=True).fill("Grace Okafor")
    page.get_by_role("radio", name="Parent", exact=True).check()
    continue_(page)
    go(page, "child-name")
    page.get_by_label("First name", exact=True).fill("Sam")
    page.get_by_label("Last name", exact=True).fill("Okafor")
    continue_(page)
    go(page, "child-date-of-birth")
    page.get_by_label("Day", exact=True).fill("10")
    page.get_by_label("Month", exact=True).fill("4")
    page.get_by_label("Year", exact=True).fill("2008")
    continue_(page)

    # Straight after the date of birth: on what basis the parent acts for the young person.
    on_page(page, "Are you acting for Sam with their agreement?")
    page.get_by_role("radio", name="Yes, Sam has asked me to act for them").check()
    continue_(page)

    go(page, "child-views")
    on_page(page, "What are Sam's views?")
    page.get_by_role("radio", name="What you have heard Sam say", exact=True).check()
    views = page.get_by_label("What does Sam say about school", exact=False)
    views.fill("I want to learn to cook.")
    continue_(page)
    on_page(page, "What is Sam good at, and what do they hope for?")
    continue_(page)  # optional: nothing entered

    go(page, "preparing-for-adulthood")
    on_page(page, "Preparing for adulthood")
    page.get_by_label("Living independently: what would Sam like to do for themselves?").fill(
        "Travel to college on the bus."
    )
    continue_(page)
    expect(page.get_by_role("heading", level=1)).not_to_have_text("Preparing for adulthood")
