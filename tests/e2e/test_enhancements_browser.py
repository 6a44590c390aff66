"""Progressive enhancement (static/js/app.js): type-ahead for the councils and a character
count for long answers, under the Content Security Policy, and the plain page without
JavaScript."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.conftest import assert_accessible, choose_from_autocomplete

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

COUNCIL_QUESTION = "Which council is responsible for your child?"


def to_step(page: Page, step: str) -> None:
    """A new request with who is filling it in and the child's name, then straight to one
    of its steps."""
    page.goto("/request/new/")
    page.get_by_label("Your full name", exact=True).fill("Joanne Whitfield")
    page.get_by_role("radio", name="Parent", exact=True).check()
    page.get_by_role("button", name="Continue").click()
    expect(page.get_by_role("heading", level=1)).not_to_have_text("About you")
    page.goto(re.sub(r"/[a-z-]+/$", "/child-name/", page.url))
    page.get_by_label("First name", exact=True).fill("Amara")
    page.get_by_label("Last name", exact=True).fill("Whitfield")
    page.get_by_role("button", name="Continue").click()
    expect(page.get_by_role("heading", level=1)).not_to_have_text("What is your child's name?")
    page.goto(re.sub(r"/[a-z-]+/$", f"/{step}/", page.url))


def watch_console(page: Page) -> list[str]:
    """Scripts refused (CSP), errors thrown, and our files that failed to load."""
    problems: list[str] = []

    def on_console(message) -> None:
        # A failed load is reported by URL below (the browser's own favicon request is not ours).
        if message.type == "error" and not message.text.startswith("Failed to load resource"):
            problems.append(message.text)

    def on_response(response) -> None:
        if response.status >= 400 and not response.url.endswith("/favicon.ico"):
            problems.append(f"{response.status} {response.url}")

    page.on("console", on_console)
    page.on("pageerror", lambda error: problems.append(str(error)))
    page.on("response", on_response)
    return problems


def test_the_council_list_offers_type_ahead_and_submits_the_chosen_council(page: Page):
    problems = watch_console(page)
    to_step(page, "local-authority")
    box = page.get_by_role("combobox", name=COUNCIL_QUESTION)
    expect(box).to_be_visible()
    box.fill("brist")
    expect(page.get_by_role("option", name="Bristol", exact=True)).to_be_visible()
    assert_accessible(page)
    choose_from_autocomplete(page, COUNCIL_QUESTION, "Bristol")
    page.get_by_role("button", name="Continue").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Which areas does your child need help with?"
    )
    page.go_back()
    expect(page.get_by_role("combobox", name=COUNCIL_QUESTION)).to_have_value("Bristol")
    assert problems == []  # no script refused by the CSP, nothing thrown


def test_without_javascript_the_council_is_a_plain_select(browser, live_server):
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    try:
        page = context.new_page()
        to_step(page, "local-authority")
        expect(page.get_by_role("combobox", name=COUNCIL_QUESTION)).to_have_js_property(
            "tagName", "SELECT"
        )
        page.get_by_label(COUNCIL_QUESTION).select_option(label="Bristol")
        page.get_by_role("button", name="Continue").click()
        expect(page.get_by_role("heading", level=1)).to_have_text(
            "Which areas does your child need help with?"
        )
    finally:
        context.close()


def test_a_long_answer_counts_down_and_the_limit_is_in_the_hint(page: Page, browser, live_server):
    problems = watch_console(page)
    to_step(page, "anything-else")
    box = page.get_by_label("Is there anything else the council should know?")
    limit = int(
        box.get_attribute("aria-describedby")
        and page.locator(".govuk-character-count").get_attribute("data-maxlength")
    )
    box.fill("a" * 10)
    expect(page.locator(".govuk-character-count__status")).to_have_text(
        f"You have {limit - 10:,} characters remaining"
    )
    box.fill("a" * (limit + 2))
    expect(page.locator(".govuk-character-count__status")).to_have_text(
        "You have 2 characters too many"
    )
    assert_accessible(page)
    assert problems == []
    # Without JavaScript the limit is still written under the box.
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    try:
        plain = context.new_page()
        to_step(plain, "anything-else")
        expect(plain.locator(".govuk-character-count__message")).to_have_text(
            f"You can enter up to {limit:,} characters"
        )
    finally:
        context.close()


def test_back_after_an_error_never_asks_to_resend_the_form(page: Page):
    page.goto("/request/new/")
    page.get_by_label("Your full name", exact=True).fill("Joanne Whitfield")
    page.get_by_role("radio", name="Parent", exact=True).check()
    page.get_by_role("button", name="Continue").click()
    expect(page.get_by_role("heading", level=1)).not_to_have_text("About you")
    page.goto(re.sub(r"/[a-z-]+/$", "/child-name/", page.url))
    page.get_by_role("button", name="Continue").click()
    expect(page).to_have_title(re.compile(r"^Error: "))
    page.get_by_label("First name", exact=True).fill("Amara")
    page.get_by_label("Last name", exact=True).fill("Whitfield")
    page.get_by_role("button", name="Continue").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "How should the letter refer to your child?"
    )
    page.go_back()  # to the page that showed the error: a GET, so no "Confirm resubmission"
    expect(page.get_by_role("heading", level=1)).to_have_text("What is your child's name?")
    expect(page.get_by_label("First name", exact=True)).to_have_value("Amara")
    page.reload()  # and a refresh resends nothing either
    expect(page.get_by_label("Last name", exact=True)).to_have_value("Whitfield")
    assert_accessible(page)
