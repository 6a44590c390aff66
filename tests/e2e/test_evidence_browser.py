"""Documents and the evidence pack in a real browser, with the keyboard only, passing axe."""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect

from tests import documents
from tests.e2e.conftest import assert_accessible
from tests.e2e.test_timeline_browser import open_example_timeline


def tab_to(page: Page, name: str, *, limit: int = 80) -> None:
    """Press Tab until the element whose accessible text starts with `name` has focus."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        focused = page.evaluate(
            "() => (document.activeElement.innerText || document.activeElement.value || "
            "document.activeElement.getAttribute('aria-label') || '').trim()"
        )
        if focused.startswith(name):
            return
    raise AssertionError(f"Tab never reached {name!r}")


def tab_to_field(page: Page, element_id: str, *, limit: int = 80) -> None:
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement.id") == element_id:
            return
    raise AssertionError(f"Tab never reached #{element_id}")


def test_upload_a_document_and_build_the_pack_with_the_keyboard(page: Page, tmp_path):
    open_example_timeline(page)
    case_url = re.sub(r"timeline/.*$", "", page.url)
    page.goto(f"{case_url}evidence/")
    expect(page.get_by_role("heading", level=1)).to_have_text(re.compile("documents$"))
    assert_accessible(page)

    tab_to(page, "Add the document")
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name="Add a document", level=1)).to_be_visible()
    expect(page.get_by_label("Title")).not_to_have_value("")  # filled in from the case
    assert_accessible(page)

    # A file that is not a document: the error is said beside the field, and in the summary.
    wrong = tmp_path / "notes.txt"
    wrong.write_text("not a document")
    tab_to_field(page, "id_evidence-document")
    page.locator("#id_evidence-document").set_input_files(str(wrong))  # the OS file dialog
    tab_to(page, "Upload")
    page.keyboard.press("Enter")
    expect(page.locator(".govuk-error-summary")).to_be_focused()
    expect(page.locator("#id_evidence-document-error")).to_contain_text(
        "must be a PDF, JPEG, PNG or Word document"
    )
    assert_accessible(page)

    report = tmp_path / "ep-report.pdf"
    report.write_bytes(documents.pdf_bytes(3))
    tab_to_field(page, "id_evidence-document")
    page.locator("#id_evidence-document").set_input_files(str(report))
    tab_to(page, "Upload")
    page.keyboard.press("Enter")
    expect(page.get_by_text(re.compile("We have kept .* with the case"))).to_be_visible()
    expect(page.get_by_text("ep-report.pdf", exact=True)).to_be_visible()
    assert_accessible(page)

    tab_to(page, "Build an evidence pack")
    page.keyboard.press("Enter")
    expect(page.locator("#page-count")).to_contain_text("4 pages")
    assert_accessible(page)
    tab_to(page, "Build the pack")
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name="Your pack is ready")).to_be_visible()
    assert_accessible(page)
    with page.expect_download() as download:
        tab_to(page, "Download the evidence pack")
        page.keyboard.press("Enter")
    assert download.value.suggested_filename.endswith(".pdf")
