"""The working document page in a real browser, with the keyboard only, passing axe: from the
case page, link a change to its evidence, say what section I should say, and download the
Word file with the marks in it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.conftest import PASSWORD, make_user
from tests.e2e.conftest import assert_accessible
from tests.e2e.test_evidence_browser import tab_to, tab_to_field
from tests.factories import CaseFactory
from tests.letters.docx_text import docx_document

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

CASE_FILE = Path(__file__).resolve().parent.parent / "fixtures" / "case_sam.json"
ORIGINAL = "Sam will have access to speech and language therapy as needed."
SOUGHT = "Sam will have 1:1 speech and language therapy for 30 minutes each week."


@pytest.fixture
def plan_case():
    owner = make_user("owner@example.org", "Grace Okafor")
    case_file = json.loads(CASE_FILE.read_text())
    case_file["plan"] = {"sections": {"F": ORIGINAL, "I": "A mainstream school."}}
    case_file["decision"] = {"kind": "plan_contents", "date": "2026-09-01"}
    extras = {"plan": {"plan_fixes": [{"section": "F", "original": ORIGINAL, "proposed": SOUGHT}]}}
    return CaseFactory(journey="plan", case_file=case_file, owner=owner, extras=extras)


def sign_in_by_keyboard(page: Page, next_path: str) -> None:
    page.goto(f"/account/sign-in/?next={next_path}")
    page.get_by_label("Email address").focus()
    page.keyboard.type("owner@example.org")
    page.keyboard.press("Tab")
    page.keyboard.type(PASSWORD)
    with page.expect_navigation():  # the sign-in page has a heading too: wait for the next one
        page.keyboard.press("Enter")


def test_link_evidence_and_download_the_working_document_by_keyboard(page: Page, plan_case):
    sign_in_by_keyboard(page, f"/cases/{plan_case.id}/")
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    tab_to(page, "The working document for an appeal about the plan")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name="Working document", level=1)).to_be_visible()
    expect(page.locator("#page-count")).to_contain_text("The Tribunal's limit is 25 pages")
    assert_accessible(page)

    title = plan_case.case_file["evidence"][0]["title"]
    tab_to_field(page, "id_evidence_1")
    page.locator("#id_evidence_1").select_option(label=title)  # a select, chosen by keys
    tab_to_field(page, "id_section_i")
    page.keyboard.type("Oakfield School, a maintained special school.")
    tab_to(page, "Save")
    with page.expect_navigation():  # the fields already hold these values before the save
        page.keyboard.press("Enter")
    expect(page.locator("#id_evidence_1")).to_have_value(title)
    expect(page.locator("#id_section_i")).to_have_value(
        "Oakfield School, a maintained special school."
    )
    assert_accessible(page)

    with page.expect_download() as download:
        tab_to(page, "Download the working document (Word)")
        page.keyboard.press("Enter")
    content = Path(download.value.path()).read_bytes()
    document = docx_document(content)
    cells = [c.text for t in document.tables for r in t.rows for c in r.cells]
    assert f"evidence: {title}" in cells
    # The key, then section F (this plan has no section B): its change, as marked runs.
    runs = [
        (r.text, r.bold, r.font.strike)
        for r in document.tables[1].rows[1].cells[1].paragraphs[0].runs
    ]
    assert ("1:1 ", True, None) in runs or ("1:1 ", True, False) in runs
    assert ("access to ", True, True) in runs
