"""A parent's cases and sharing in a real browser: the case list, a case's task list, inviting
an advocate, the advocate accepting in their own browser and downloading a letter, stopping
sharing, and "who has seen this case". axe-core (WCAG 2.2 A and AA) on every page."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from django.core import mail
from playwright.sync_api import Page, expect

from ehcp_site.accounts.models import Organisation
from tests.conftest import PASSWORD, make_user
from tests.e2e.conftest import assert_accessible
from tests.factories import CaseFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

CASE_FILE = Path(__file__).resolve().parent.parent / "fixtures" / "case_sam.json"


def sign_in(page: Page, email: str, next_path: str = "/cases/") -> None:
    page.goto(f"/account/sign-in/?next={next_path}")
    page.get_by_label("Email address").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()


def test_a_parent_shares_a_case_with_an_advocate_and_sees_who_looked(page: Page, browser):
    parent = make_user("grace@example.org", "Grace Okafor")
    make_user("alex@example.org", "Alex Advocate")
    Organisation.objects.create(name="Sunrise SEND Support")
    case_file = json.loads(CASE_FILE.read_text())
    case_file["events"] = [{"type": "request_received", "date": "2026-10-01"}]
    case = CaseFactory(journey="request", case_file=case_file, owner=parent, extras={"request": {}})
    child = case.child_name

    sign_in(page, parent.email)
    expect(page.get_by_role("heading", name="Your cases")).to_be_visible()
    expect(page.get_by_role("heading", name=child)).to_be_visible()
    assert_accessible(page)

    page.get_by_role("link", name=re.compile(f"Open {child}")).click()
    expect(page.get_by_role("heading", name=re.compile("case$"), level=1)).to_be_visible()
    expect(page.locator(".govuk-task-list__item")).to_have_count(5)
    assert_accessible(page)

    page.get_by_role("link", name=re.compile("Share this case")).click()
    page.get_by_role("button", name="Send invitation").click()  # empty: an error
    expect(page.locator(".govuk-error-summary")).to_be_visible()
    assert_accessible(page)
    page.get_by_label("Their email address").fill("alex@example.org")
    page.get_by_role("button", name="Send invitation").click()
    expect(page.get_by_text("We have emailed an invitation")).to_be_visible()
    page.get_by_label("Which organisation?").select_option(label="Sunrise SEND Support")
    page.get_by_role("button", name="Share with this organisation").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Share this case with Sunrise SEND Support?"
    )
    assert_accessible(page)
    page.get_by_role("button", name="Yes, share with Sunrise SEND Support").click()
    expect(page.get_by_text("Shared with Sunrise SEND Support.")).to_be_visible()
    assert_accessible(page)

    link = re.search(r"http://\S+/invitations/\S+/", mail.outbox[-1].body)[0]
    path = "/" + link.split("/", 3)[3]
    advocate_context = browser.new_context(base_url=page.url.split("/cases")[0])
    advocate = advocate_context.new_page()
    try:
        advocate.goto(path)
        expect(advocate.get_by_role("heading", level=1)).to_contain_text("Sign in to see the case")
        assert_accessible(advocate)
        sign_in(advocate, "alex@example.org", path)
        expect(advocate.get_by_role("heading", level=1)).to_contain_text("has shared a case")
        assert_accessible(advocate)
        advocate.get_by_role("button", name="See the case").click()
        expect(advocate.get_by_text("has shared this case with you")).to_be_visible()
        assert_accessible(advocate)
        with advocate.expect_download() as download:
            advocate.get_by_role("link", name=re.compile("^PDF")).first.click()
        assert download.value.suggested_filename.endswith(".pdf")
    finally:
        advocate_context.close()

    page.goto(f"/cases/{case.id}/seen-by/")
    expect(page.get_by_text("Alex Advocate (advocate) looked at the case overview")).to_be_visible()
    expect(page.get_by_text(re.compile("Alex Advocate \\(advocate\\) downloaded"))).to_be_visible()
    assert_accessible(page)

    page.goto(f"/cases/{case.id}/sharing/")
    page.get_by_role("button", name=re.compile("Stop sharing with alex@example.org")).click()
    expect(page.get_by_text("They can no longer see this case.")).to_be_visible()


def test_the_pages_that_say_no_are_accessible(page: Page):
    page.goto("/invitations/not-a-real-link/")
    expect(page.get_by_role("heading", level=1)).to_have_text("This link does not work")
    assert_accessible(page)
    page.goto("/cases/")
    expect(page.get_by_text("You have no saved cases yet.")).to_be_visible()
    assert_accessible(page)
