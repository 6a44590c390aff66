"""The decision-letter check and the evidence for each need, in a real browser, with axe,
driven from the keyboard."""

from __future__ import annotations

import re
from pathlib import Path

from playwright.sync_api import Page, expect

from tests.e2e.conftest import assert_accessible

KENT = (
    (
        Path(__file__).parents[1]
        / "journeys"
        / "rules"
        / "data"
        / "decision_letters"
        / "02_kent_refusal_to_assess_bare.txt"
    )
    .read_text(encoding="utf-8")
    .partition("\n---\n")[2]
)


def open_example_case(page: Page) -> None:
    page.goto("/")
    page.get_by_role("button", name="See an example letter").click()
    page.get_by_role("link", name="add the date to your timeline").click()
    page.get_by_role("link", name=re.compile(r"^Back to .*'s case$")).click()


def test_checking_a_decision_letter_from_the_keyboard(page: Page):
    open_example_case(page)
    page.get_by_role("link", name="Check the council's decision letter").focus()
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Check the council's decision letter")
    assert_accessible(page)

    # Nothing chosen, nothing pasted: the errors, accessibly.
    page.get_by_role("button", name="Check the letter").focus()
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name="There is a problem")).to_be_visible()
    assert_accessible(page)

    page.get_by_label("Refusal to assess", exact=True).focus()
    page.keyboard.press("Space")
    page.get_by_label("Paste the text of the letter").focus()
    page.keyboard.insert_text(KENT)
    page.get_by_role("button", name="Check the letter").focus()
    page.keyboard.press("Enter")
    expect(
        page.get_by_role(
            "heading", name="The letter does not seem to mention 8 things the law requires"
        )
    ).to_be_visible()
    expect(
        page.get_by_text("The decision letter does not give the time limit for appealing.")
    ).to_be_visible()
    assert_accessible(page)


def test_the_evidence_for_each_need_passes_axe(page: Page):
    open_example_case(page)
    page.get_by_role("link", name="See the evidence for each need").focus()
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Evidence for each need")
    assert_accessible(page)


def test_keeping_the_findings_for_the_appeal_passes_axe(page: Page):
    from journeys.models import Case

    open_example_case(page)
    case = Case.objects.get(pk=re.search(r"/cases/([0-9a-f-]+)/", page.url)[1])
    case.case_file = {
        **case.case_file,
        "decision": {"kind": "refusal_to_assess", "date": "2026-02-03"},
    }
    case.save()
    page.get_by_role("link", name="Check the council's decision letter").click()
    expect(page.get_by_label("Refusal to assess", exact=True)).to_be_checked()
    page.get_by_label("Paste the text of the letter").fill(KENT)
    page.get_by_role("button", name="Check the letter").click()
    page.get_by_role("button", name="Use these in my reasons for appeal").focus()
    page.keyboard.press("Enter")
    expect(page.get_by_role("alert")).to_contain_text("your reasons for appeal will now say")
    assert_accessible(page)
    case.refresh_from_db()
    assert case.extras["letter-check"]["decision_letter"]["kind"] == "refusal_to_assess"


def test_writing_a_complaint_about_the_letter_passes_axe(page: Page):
    from journeys.models import Case

    open_example_case(page)
    case = Case.objects.get(pk=re.search(r"/cases/([0-9a-f-]+)/", page.url)[1])
    case.case_file = {
        **case.case_file,
        "decision": {"kind": "refusal_to_assess", "date": "2026-02-03"},
    }
    case.save()
    page.get_by_role("link", name="Check the council's decision letter").click()
    page.get_by_label("Paste the text of the letter").fill(KENT)
    page.get_by_role("button", name="Check the letter").click()
    page.get_by_role("button", name="Write a complaint about the letter").focus()
    page.keyboard.press("Enter")
    expect(
        page.get_by_role("heading", name="Complain to the council about the letter")
    ).to_be_visible()
    assert_accessible(page)
    with page.expect_download() as download:
        page.get_by_role("link", name=re.compile(r"^PDF")).click()
    assert download.value.suggested_filename.startswith("decision-letter-complaint-")
