"""Every journey's first page, its error page and its check-answers page, on a 375-pixel
phone and on a desktop: axe-core finds nothing, and nothing is wider than the screen.

Check answers is reached by answering every step through Django's client in the browser's
own session (the journeys themselves are driven by labels in the other browser tests).
"""

from __future__ import annotations

import re

import pytest
from django.test import Client
from playwright.sync_api import Page, expect

from journeys.wizard.definition import JOURNEYS
from tests.conftest import STEP_URL, management, request_answers, stage_answers
from tests.e2e.conftest import assert_accessible

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WIDTHS = {"phone-375": (375, 740), "desktop-1280": (1280, 800)}
CHECK_ANSWERS = "check-answers"


def answers_for(slug: str) -> dict:
    from tests.journeys import test_plan_life_journeys as plan_life
    from tests.journeys import test_transfer_journeys as transfers

    plan_life_answers = {
        "annual-review": plan_life.review_answers,
        "amendments": plan_life.amendments_answers,
        "not-amended": plan_life.not_amended_answers,
        "ceasing": lambda: plan_life.ceasing_answers("considered"),
        "transfer": transfers.transfer_answers,
        "reassessment": transfers.reassessment_answers,
        "tribunal-order": transfers.tribunal_answers,
    }
    if slug in plan_life_answers:
        return plan_life_answers[slug]()
    if slug == "mediation-agreement":
        from tests.conftest import about_answers
        from tests.journeys.test_enforcement_journeys import _date, _days

        return {
            **about_answers(),
            "agreement-details": {
                **_date("agreement-details-agreement_date", _days(-40)),
                "agreement-details-agreement_requires": "other",
                "agreement-details-agreement_text": "The council will arrange an OT assessment.",
            },
        }
    return request_answers() if slug == "request" else stage_answers(slug)


def walk_to_check_answers(client: Client, slug: str) -> str:
    """Answer each step the journey shows until check answers; return its URL."""
    answers = answers_for(slug)
    response = client.get(f"/{slug}/new/")
    for _ in range(40):
        location = response["Location"]
        step = STEP_URL.match(location)["step"]
        if step == CHECK_ANSWERS:
            return location
        response = client.post(location, {**management(slug, step), **answers[step]})
        assert response.status_code == 302 and response["Location"] != location, step
    raise AssertionError(f"{slug}: check answers not reached")


def fits(page: Page, width: int) -> None:
    """axe finds nothing, and the page scrolls only down, never sideways."""
    assert_accessible(page)
    scroll_width = page.evaluate("document.documentElement.scrollWidth")
    assert scroll_width <= width, f"{page.url} is {scroll_width}px wide on a {width}px screen"


@pytest.mark.parametrize("size", WIDTHS, ids=list(WIDTHS))
@pytest.mark.parametrize("slug", list(JOURNEYS))
def test_first_error_and_check_answers_pages_fit_and_pass_axe(browser, live_server, slug, size):
    width, height = WIDTHS[size]
    context = browser.new_context(
        base_url=live_server.url, viewport={"width": width, "height": height}
    )
    try:
        page = context.new_page()
        page.goto(f"/{slug}/new/")
        first = page.get_by_role("heading", level=1).inner_text()
        fits(page, width)

        page.get_by_role("button", name="Continue", exact=True).click()
        expect(page).to_have_title(re.compile(r"^Error: "))
        expect(page.locator(".govuk-error-summary")).to_be_visible()
        expect(page.get_by_role("heading", level=1)).to_have_text(first)
        fits(page, width)

        if slug == "start":
            return  # the triage ends in a journey, not in check answers
        if slug == "not-delivered":
            # Its questions start from a saved case's record of its provision: its check
            # answers page is scanned in tests/e2e/test_enforcement_browser.py.
            return
        client = Client()
        url = walk_to_check_answers(client, slug)
        context.add_cookies(
            [
                {
                    "name": "sessionid",
                    "value": client.cookies["sessionid"].value,
                    "url": live_server.url,
                }
            ]
        )
        page.goto(url)
        expect(page.get_by_role("heading", level=1)).to_contain_text("Check your answers")
        fits(page, width)
    finally:
        context.close()
