"""The phase transfer journey (issue 14) in a real browser, with axe-core on every page shown,
an error state included. The letter is downloaded as a PDF and as a Word document and read
back for the school asked for, the date the council must meet and the family's own words."""

from __future__ import annotations

from datetime import date

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from journeys.forms.transfers import move_years
from journeys.rules.deadlines import long_date
from tests.e2e.test_stage_journeys_browser import (
    answer_about_pages,
    assert_error,
    assert_letter_says,
    choose,
    continue_,
    docx_of,
    label,
    on_page,
    pdf_of,
    skip_voice_pages,
    write_letters,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TOM = {
    "first": "Tom",
    "last": "Hughes",
    "pronouns": "He and him",
    "born": date(2016, 2, 14),
    "council_option": "Kent",
    "council": "Kent County Council",
    "parent": "Ellen Hughes",
    "address": "7 Church Road",
    "town": "Maidstone",
    "postcode": "ME14 1AA",
    "email": "ellen@example.org",
}
LETTER = "Request to name a school or college for the move"
WHY = "Small classes and a speech and language therapist on site every day."


def test_a_parent_asks_for_a_secondary_school_for_the_move(page: Page):
    year = int(move_years(timezone.localdate())[0][0])
    page.goto("/transfer/new/")
    on_page(page, "About you")  # who is filling it in, first
    answer_about_pages(page, TOM)

    on_page(page, "Which move is coming up?")
    continue_(page)  # nothing chosen: the error state, checked by axe too
    assert_error(page, "Which move is coming up?", ["Select which move is coming up"])
    choose(
        page,
        "To a new school: for example from nursery to primary school, or from primary to "
        "secondary school",
    )
    continue_(page)

    on_page(page, "When will the move happen?")
    choose(page, f"September {year}")
    continue_(page)

    on_page(page, "Which school or college do you want named in the plan for the move?")
    label(page, "Which school or college do you want named in the plan for the move?").fill(
        "Oakwood Academy"
    )
    continue_(page)

    on_page(page, "What kind of school or college is it?")
    choose(page, "An academy or free school")
    continue_(page)

    on_page(page, "Why does this school or college suit your child?")
    label(page, "Why does this school or college suit your child?").fill(WHY)
    continue_(page)

    skip_voice_pages(page)  # optional: the child's views and strengths

    write_letters(page, ["Oakwood Academy", f"September {year}", WHY], [LETTER])
    due = long_date(date(year, 2, 14))
    main = page.locator("main")
    expect(main).to_contain_text("before 15 February")
    expect(main).to_contain_text("letter saying it is late")
    for text in (pdf_of(page, LETTER), docx_of(page, LETTER)):
        assert_letter_says(
            text,
            "transfer request",
            [
                "I ask you to name Oakwood Academy in section I of Tom's EHC plan",
                f"must be finished by {due}",
                "reg 18(1)(b)",
                "s.39(3) and (4)",
                WHY,
                TOM["council"],
            ],
        )
