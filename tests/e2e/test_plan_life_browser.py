"""The annual review journey (issue 14) in a real browser, axe on every page.

It starts at the journey's own start address (the triage does not list it yet), answers every
page by its visible labels, meets one error state, and reads the contribution back from its PDF
and its Word document.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from tests.e2e.test_stage_journeys_browser import (
    answer_about_pages,
    assert_error,
    assert_letter_says,
    choose,
    continue_,
    days_ago,
    docx_of,
    fill_date,
    label,
    on_page,
    pdf_of,
    skip_voice_pages,
    write_letters,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

FAMILY = {
    "first": "Leo",
    "last": "Martin",
    "pronouns": "He and him",
    "born": date(2016, 6, 1),
    "council_option": "Bristol",
    "council": "Bristol City Council",
    "parent": "Sara Martin",
    "address": "9 Park Row",
    "town": "Bristol",
    "postcode": "BS1 5LJ",
    "email": "sara@example.org",
}
VAGUE = "Leo will have access to speech and language therapy as needed."
OUTCOME = "Leo will read a short book on his own by the end of Year 5."


def test_annual_review_journey_to_its_contribution(page: Page):
    page.goto("/annual-review/new/")
    on_page(page, "About you")  # who is filling it in, first
    answer_about_pages(page, FAMILY)

    on_page(page, "When was the plan made, or last reviewed?")
    continue_(page)
    assert_error(
        page,
        "When was the plan made, or last reviewed?",
        [
            "Enter the date the plan was made or last reviewed",
            "Select whether it is the date of the plan or of its last review",
        ],
    )
    fill_date(page, days_ago(320))
    choose(page, "The date the final plan was issued")
    continue_(page)

    on_page(page, "Has this year's review meeting happened yet?")
    choose(page, "No")
    continue_(page)

    on_page(page, "When is the review meeting?")
    fill_date(page, timezone.localdate() + timedelta(days=21))
    continue_(page)

    on_page(page, "What has gone well since the plan was made or last reviewed?")
    label(page, "What has gone well since the plan was made or last reviewed?").fill(
        "Leo has joined the chess club and made a friend."
    )
    continue_(page)

    on_page(page, "What has not gone well?")
    label(page, "What has not gone well?").fill("His therapy stopped after Easter.")
    continue_(page)

    on_page(page, "Is each outcome in the plan on track?")
    block = page.locator(".app-repeat-item").first
    label(block, "The outcome, as the plan words it").fill(OUTCOME)
    block.get_by_role("radio", name="No, not on track", exact=True).check()
    continue_(page)

    on_page(page, "What help has actually been given?")
    label(page, "What help has actually been given?").fill(
        "Only 3 of the 10 therapy sessions this term."
    )
    continue_(page)

    on_page(page, "What should change in the plan?")
    label(page, "Section F: the help your child must get").fill(
        "Weekly therapy from a qualified speech and language therapist."
    )
    continue_(page)

    on_page(page, "Paste section F of the plan, if you want us to check its wording")
    label(page, "Paste section F of the plan, if you want us to check its wording").fill(VAGUE)
    continue_(page)

    on_page(page, "Make the provision in section F specific")
    label(page, "How often?").fill("once a week")
    continue_(page)

    skip_voice_pages(page)  # optional: the child's views and strengths

    letters = ["Contribution to the annual review"]
    write_letters(page, [OUTCOME], letters)
    expect(page.get_by_text("Send it to the council before the review meeting")).to_be_visible()
    expected = [
        "My contribution to Leo's annual review",
        "Leo has joined the chess club and made a friend.",
        "Leo will read a short book on his own by the end of Year 5: not on track.",
        "Only 3 of the 10 therapy sessions this term.",
        "(Children and Families Act 2014, s.44(1))",
        "(SEND Regulations 2014, reg 20(10))",
        "once a week",
    ]
    assert_letter_says(pdf_of(page, letters[0]), "review contribution PDF", expected)
    assert_letter_says(docx_of(page, letters[0]), "review contribution DOCX", expected)
