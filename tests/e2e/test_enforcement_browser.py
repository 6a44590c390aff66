"""The complaint that the plan is not delivered (issue 15) in a real browser, axe on every
page: a case file with the plan's provision and a delivery log is loaded, the case page starts
the journey with what the case holds filled in, and the complaint is read back from its PDF
and its Word document with the figures from the log."""

from __future__ import annotations

import re
from datetime import date, timedelta
from pathlib import Path

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from tests.e2e.conftest import assert_accessible
from tests.e2e.test_stage_journeys_browser import (
    assert_error,
    assert_letter_says,
    button,
    choose,
    continue_,
    docx_of,
    fill_date,
    label,
    on_page,
    pdf_of,
    press,
    write_letters,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

CASE_FILE = Path(__file__).resolve().parent.parent / "fixtures" / "case_provision.json"
COMPLAINT = "Complaint: the provision in the EHC plan is not being made"


def test_from_a_case_with_a_log_to_the_complaint(page: Page):
    page.goto("/cases/import/")
    page.get_by_label("Case file").set_input_files(str(CASE_FILE))
    press(page, page.get_by_role("button", name="Upload"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Dates and deadlines")
    case_id = re.search(r"/cases/([0-9a-f-]{36})/", page.url)[1]

    page.goto(f"/cases/{case_id}/")
    assert_accessible(page)
    press(page, button(page, "Start the plan is not being delivered"))

    # The child, the parent, the council and the record are known: the first question is
    # what to do.
    on_page(page, "What do you want to do?")
    choose(page, "Complain that the provision is not being made")
    continue_(page)

    on_page(page, "Which provision is not being made?")
    continue_(page)
    assert_error(
        page, "Which provision is not being made?", ["Select the provision that is not being made"]
    )
    page.get_by_label(re.compile("^Education: special educational provision")).check()
    continue_(page)

    on_page(page, "From what date should we count what was missed?")
    fill_date(page, date(2026, 9, 1))
    continue_(page)

    on_page(page, "By what date should the provision start?")
    start_by = timezone.localdate() + timedelta(days=14)
    fill_date(page, start_by)
    continue_(page)

    on_page(page, "What would make up for the sessions that were missed?")
    label(page, "What would make up for the sessions that were missed?").fill(
        "Ten extra therapy sessions before the summer."
    )
    continue_(page)

    asked = "How many working days does the council's complaints procedure give it to answer?"
    on_page(page, f"{asked} (optional)")
    page.get_by_label(re.compile(re.escape(asked))).fill("15")
    continue_(page)

    on_page(page, "When will you send this letter?")
    fill_date(page, timezone.localdate())
    continue_(page)

    write_letters(page, ["Ten extra therapy sessions"], [COMPLAINT])
    # What follows: the council's own time to answer, then the Ombudsman.
    expect(
        page.get_by_text(re.compile("Local Government and Social Care Ombudsman")).first
    ).to_be_visible()
    pdf = pdf_of(page, COMPLAINT)
    assert_letter_says(
        pdf,
        "complaint (PDF)",
        [
            "Complaints team Bristol City Council",
            "Children and Families Act 2014, s.42(2)",
            "Ten extra therapy sessions before the summer.",
            "Daily 1:1 reading support",
        ],
    )
    docx = docx_of(page, COMPLAINT)
    assert_letter_says(docx, "complaint (Word)", ["Bristol City Council", "Not recorded"])

    # The record page, as the family sees it when they go back to it.
    page.goto(f"/not-delivered/{case_id}/provision-record/")
    on_page(page, "What you have recorded")
    expect(page.get_by_text(re.compile("13 records of what happened"))).to_be_visible()
