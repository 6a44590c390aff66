"""A young person asks for an assessment for themselves, in a real browser (issue 14).

Jordan, 18 and at college, fills in the request. The journey asks first who is filling it in,
so from the very next page every page speaks to Jordan ("What is your name?", "Where do you go
to school, college or nursery?") and none says "your child". axe-core checks every page. The
letter is in Jordan's own voice.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.conftest import assert_accessible, choose_from_autocomplete

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

REQUEST_STAGE = "I want to ask the council for an EHC needs assessment"
VIEWS = "I want a quiet place to work at college."


def continue_(page: Page) -> None:
    with page.expect_navigation():
        page.get_by_role("button", name="Continue", exact=True).click()


def label(page: Page, text: str):
    return page.get_by_label(text, exact=True)


def speaks_to_me(page: Page, heading: str) -> None:
    """The page's h1 is `heading`; nothing on it says "your child"; axe finds nothing."""
    expect(page.get_by_role("heading", level=1)).to_have_text(heading)
    main = page.locator("main").inner_text()
    assert "your child" not in main.casefold(), f"{heading!r} says 'your child': {main}"
    assert_accessible(page)


def test_a_young_person_asks_for_an_assessment_for_themselves(page: Page):
    page.goto("/")
    page.get_by_role("button", name="Start now").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Where does the child or young person live?"
    )
    page.get_by_role("radio", name="England", exact=True).check()
    continue_(page)
    page.get_by_role("radio", name=REQUEST_STAGE, exact=True).check()
    continue_(page)

    # Who is filling it in comes first.
    speaks_to_me(page, "About you")
    label(page, "Your full name").fill("Jordan Reid")
    page.get_by_role("radio", name="I am the young person (aged 16 to 25)", exact=True).check()
    continue_(page)

    speaks_to_me(page, "How can the council contact you?")
    label(page, "Address line 1").fill("Flat 2, 5 Gloucester Road")
    label(page, "Town or city").fill("Bristol")
    label(page, "Postcode").fill("BS7 8AA")
    label(page, "Email address").fill("jordan@example.org")
    continue_(page)

    speaks_to_me(page, "What is your name?")
    # The name Jordan gave on "About you", offered to check rather than asked again blank.
    expect(label(page, "First name")).to_have_value("Jordan")
    expect(label(page, "Last name")).to_have_value("Reid")
    continue_(page)

    speaks_to_me(page, "How should the letter refer to you?")
    page.get_by_role("radio", name="They and them", exact=True).check()
    continue_(page)

    speaks_to_me(page, "What is your date of birth?")
    label(page, "Day").fill("10")
    label(page, "Month").fill("4")
    label(page, "Year").fill("2008")
    continue_(page)

    # Nobody acts for Jordan: the next page is about Jordan's college.
    speaks_to_me(page, "Where do you go to school, college or nursery?")
    page.get_by_role("radio", name="A college or sixth form", exact=True).check()
    continue_(page)

    speaks_to_me(page, "About your school, college or nursery")
    label(page, "Name of the school, college or nursery").fill("Riverside College")
    label(page, "Which year group are you in?").select_option(label="Year 13")
    continue_(page)

    speaks_to_me(page, "Do you have any diagnoses?")
    label(page, "Do you have any diagnoses?").fill("Dyslexia")
    continue_(page)

    council = "Which council is responsible for you?"
    speaks_to_me(page, council)
    choose_from_autocomplete(page, council, "Bristol")
    continue_(page)

    speaks_to_me(page, "Which areas do you need help with?")
    page.get_by_role("checkbox", name="Cognition and learning", exact=True).check()
    continue_(page)

    speaks_to_me(page, "Cognition and learning")
    label(page, "What do you find hard?").fill("Reading long texts and taking notes.")
    label(page, "How does this affect your learning or day at school?").fill(
        "I fall behind in every lesson with written work."
    )
    continue_(page)

    speaks_to_me(page, "What support have you had already?")
    label(page, "What support was given?").fill("A reader in exams.")
    label(page, "Day").fill("1")
    label(page, "Month").fill("9")
    label(page, "Year").fill("2025")
    label(page, "What happened?").fill("It helps in exams only.")
    continue_(page)

    speaks_to_me(page, "What evidence do you have?")
    continue_(page)  # none yet: evidence helps, but is not needed to ask

    speaks_to_me(page, "Does the school support the request?")
    page.get_by_role("radio", name="I do not know, or have not asked", exact=True).check()
    continue_(page)

    views = "What do you think about your education, the help you get and what matters to you?"
    speaks_to_me(page, views)
    label(page, views).fill(VIEWS)
    continue_(page)

    speaks_to_me(page, "What are you good at, and what do you hope for?")
    continue_(page)  # optional

    speaks_to_me(page, "Preparing for adulthood")
    continue_(page)  # optional

    speaks_to_me(page, "Is there anything else the council should know?")
    continue_(page)

    speaks_to_me(page, "Check your answers before we write your letter")
    with page.expect_navigation():
        page.get_by_role("button", name="Write my letter").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Your letter is ready")
    assert_accessible(page)
    preview = page.locator(".app-letter-preview")
    expect(preview).to_contain_text("I am writing for myself, as a young person.")
    expect(preview).to_contain_text(f"In my own words: {VIEWS}")
    assert "my child" not in preview.inner_text().casefold()
