"""The witness statement in a real browser, with the keyboard only, passing axe on every page:
the questions, the pages counted before printing, too long said, and the download."""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect

from tests.e2e.conftest import assert_accessible
from tests.e2e.test_evidence_browser import tab_to, tab_to_field
from tests.e2e.test_timeline_browser import open_example_timeline


def type_into(page: Page, element_id: str, text: str) -> None:
    tab_to_field(page, element_id)
    page.keyboard.press("Control+a")
    page.keyboard.press("Delete")
    if text:
        page.keyboard.insert_text(text)


def test_write_a_witness_statement_with_the_keyboard(page: Page):
    open_example_timeline(page)
    case_url = re.sub(r"timeline/.*$", "", page.url)
    page.goto(f"{case_url}evidence/")
    expect(page.get_by_role("heading", level=1)).to_have_text(re.compile("documents$"))
    tab_to(page, "Write a witness statement")
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name="Write a witness statement", level=1)).to_be_visible()
    expect(page.locator("#id_witness-name")).not_to_have_value("")  # the applicant, at first
    assert_accessible(page)

    # The needs the family described are there to keep or change. With nothing written, the
    # error is said in the summary, which takes focus.
    expect(page.locator("#id_witness-needs")).not_to_have_value("")
    type_into(page, "id_witness-needs", "")
    tab_to(page, "Save and count the pages")
    page.keyboard.press("Enter")
    expect(page.locator(".govuk-error-summary")).to_be_focused()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Write at least one section")
    page.wait_for_load_state()
    assert_accessible(page)

    type_into(page, "id_witness-relationship", "Sam's mother")
    type_into(page, "id_witness-needs", "Sam cannot follow two-step instructions.\nHe is kind.")
    tab_to(page, "Save and count the pages")
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name="Your witness statement", level=1)).to_be_visible()
    expect(page.locator("#statement-pages")).to_contain_text("1 page of A4")
    expect(page.locator("#too-long")).to_have_count(0)
    assert_accessible(page)
    with page.expect_download() as download:
        tab_to(page, "Download the witness statement (PDF)")
        page.keyboard.press("Enter")
    assert download.value.suggested_filename.startswith("witness-statement-")

    # Too long: said before it is printed, with where to shorten it.
    tab_to(page, "Change the statement")
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name="Write a witness statement", level=1)).to_be_visible()
    page.wait_for_load_state()
    line = "Sam finds the noise of the classroom very hard, every single day. " * 4
    type_into(page, "id_witness-support", "\n".join([line] * 70))
    type_into(page, "id_witness-outcome", "\n".join([line] * 70))
    tab_to(page, "Save and count the pages", limit=120)
    page.keyboard.press("Enter")
    expect(page.locator("#too-long")).to_contain_text("too long for the Tribunal")
    expect(page.locator("#longest-sections li").first).to_contain_text("The help Sam has had")
    assert_accessible(page)
    tab_to(page, "Shorten the statement")
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name="Write a witness statement", level=1)).to_be_visible()


def test_ask_for_more_pages_with_the_keyboard(page: Page, tmp_path):
    from datetime import date

    from journeys.cases.evidence_files import evidence_file_store
    from journeys.documents.checks import document_clean
    from journeys.models import Case
    from tests import documents

    open_example_timeline(page)
    case = Case.objects.get(pk=re.search(r"/cases/([0-9a-f-]+)/", page.url)[1])
    case.case_file = {
        **case.case_file,
        "decision": {"kind": "refusal_to_assess", "date": "2026-06-01"},
    }
    case.save()
    for title, pages, day in (("Long report", 70, 3), ("School letter", 8, 4)):
        evidence_file_store(
            case=case,
            clean=document_clean(documents.pdf_bytes(pages)),
            name=f"{title}.pdf",
            title=title,
            author="Dr A Patel",
            document_date=date(2026, 3, day),
        )
    page.goto(f"/cases/{case.id}/evidence/pack/")
    expect(page.locator("#page-count")).to_contain_text("79 pages")
    assert_accessible(page)
    tab_to(page, "ask the Tribunal for more pages")
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name="Ask the Tribunal for more pages")).to_be_visible()
    assert_accessible(page)

    # The reason is the family's: without it, the error is said and focused.
    tab_to(page, "Save and write the request")
    page.keyboard.press("Enter")
    expect(page.locator(".govuk-error-summary")).to_be_focused()
    page.wait_for_load_state()
    assert_accessible(page)
    field = page.get_by_label(re.compile("Why does the Tribunal need .Long report"))
    type_into(page, field.get_attribute("id"), "The only assessment of how Sam learns.")
    tab_to(page, "Save and write the request")
    page.keyboard.press("Enter")
    expect(page.locator("#request-ready")).to_be_visible()
    assert_accessible(page)
    with page.expect_download() as download:
        tab_to(page, "Download the request (PDF)")
        page.keyboard.press("Enter")
    assert download.value.suggested_filename.startswith("send7-request-")
