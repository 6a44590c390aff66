"""The timeline, the calendar download, reminders and the appeal calculator in a real browser."""

from __future__ import annotations

import re
from datetime import timedelta

from django.utils import timezone
from icalendar import Calendar
from playwright.sync_api import Page, expect

from tests.e2e.conftest import assert_accessible


def long(day) -> str:
    return f"{day:%A} {day.day} {day:%B %Y}"


def open_example_timeline(page: Page) -> None:
    page.goto("/")
    page.get_by_role("button", name="See an example letter").click()
    page.get_by_role("link", name="add the date to your timeline").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Dates and deadlines")


def add_date(page: Page, what: str, day) -> None:
    page.get_by_label("What happened?").select_option(label=what)
    page.get_by_label("Day", exact=True).fill(str(day.day))
    page.get_by_label("Month", exact=True).fill(str(day.month))
    page.get_by_label("Year", exact=True).fill(str(day.year))
    page.get_by_role("button", name="Add date").click()


def test_timeline_shows_what_is_due_and_passes_axe(page: Page):
    open_example_timeline(page)
    assert_accessible(page)
    received = timezone.localdate() - timedelta(days=2)
    add_date(page, "The council received the request for an assessment", received)
    due = received + timedelta(weeks=6)
    expect(
        page.get_by_text(
            f"The council must tell you whether it will carry out an assessment by {long(due)}."
        )
    ).to_be_visible()
    assert_accessible(page)

    with page.expect_download() as download_info:
        page.get_by_role("link", name=re.compile("Add these dates to your calendar")).click()
    calendar = Calendar.from_ical(download_info.value.path().read_bytes())
    # Only the 6 weeks: the 16 and 20 weeks start once the council agrees to assess.
    assert len([c for c in calendar.walk() if c.name == "VEVENT"]) == 1

    page.get_by_label("Email address").fill("grace@example.org")
    page.get_by_label("Yes, email me 14, 7 and 2 days before each date on this timeline").check()
    page.get_by_role("button", name="Send me reminders").click()
    expect(
        page.get_by_text("We have emailed a link to grace@example.org. Open it to start your")
    ).to_be_visible()
    assert_accessible(page)


def test_a_late_council_offers_the_chaser_letter(page: Page):
    open_example_timeline(page)
    add_date(
        page,
        "The council received the request for an assessment",
        timezone.localdate() - timedelta(weeks=7),
    )
    expect(page.get_by_text("The council has missed a time limit.")).to_be_visible()
    assert_accessible(page)
    with page.expect_download() as download_info:
        page.get_by_role("link", name="download a letter asking it to act (PDF)").click()
    assert download_info.value.path().read_bytes().startswith(b"%PDF")


def test_timeline_errors_are_accessible(page: Page):
    open_example_timeline(page)
    page.get_by_role("button", name="Add date").click()
    expect(page.get_by_role("heading", name="There is a problem")).to_be_visible()
    assert_accessible(page)


def test_appeal_calculator_shows_its_working(page: Page):
    page.goto("/")
    page.get_by_role("link", name="Work out the last day to appeal to the SEND Tribunal").click()
    assert_accessible(page)
    # 3 June 2026 + 2 months; the certificate of 14 July 2026 + 1 month is later, 14 August,
    # in August: the first working day after 31 August (a bank holiday), Tue 1 Sep 2026. That
    # day has passed, so the page says so plainly and what to do.
    group = page.get_by_role("group", name="What date is on the council's decision letter?")
    group.get_by_label("Day", exact=True).fill("3")
    group.get_by_label("Month", exact=True).fill("6")
    group.get_by_label("Year", exact=True).fill("2026")
    certificate = page.get_by_role("group", name=re.compile("mediation certificate issued"))
    certificate.get_by_label("Day", exact=True).fill("14")
    certificate.get_by_label("Month", exact=True).fill("7")
    certificate.get_by_label("Year", exact=True).fill("2026")
    page.get_by_role("button", name="Work out the date").click()
    expect(
        page.get_by_text(
            "The last day to appeal has passed. It was 5pm on Tuesday 1 September 2026."
        )
    ).to_be_visible()
    expect(page.get_by_role("heading", name="What you can do now")).to_be_visible()
    expect(page.get_by_text("falls in August")).to_be_visible()
    assert_accessible(page)


def test_your_data_pages_pass_axe(page: Page, tmp_path):
    open_example_timeline(page)
    with page.expect_download() as download_info:
        page.get_by_role("link", name=re.compile("Download everything about this case")).click()
    archive = tmp_path / "case.zip"
    download_info.value.save_as(archive)
    import zipfile

    case_json = tmp_path / "case.json"
    case_json.write_bytes(zipfile.ZipFile(archive).read("case.json"))
    page.get_by_role("link", name="Delete this case").click()
    assert_accessible(page)
    page.get_by_role("button", name="Delete this case").click()
    expect(page.get_by_role("heading", name="Case deleted")).to_be_visible()
    assert_accessible(page)
    page.goto("/cases/import/")
    page.get_by_role("button", name="Upload").click()
    expect(page.get_by_role("heading", name="There is a problem")).to_be_visible()
    assert_accessible(page)
    page.get_by_label("Case file").set_input_files(str(case_json))
    page.get_by_role("button", name="Upload").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Dates and deadlines")
    expect(page.get_by_text("We have loaded the case file.")).to_be_visible()
