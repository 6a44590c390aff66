"""Accounts in a real browser: sign up from the header, see the account links, sign out with
the keyboard; delete an account; axe-core on every account page, with and without errors,
and the header on a 320-pixel-wide phone."""

from __future__ import annotations

import re

import pytest
from django.core import mail
from playwright.sync_api import Page, expect

from tests.conftest import PASSWORD
from tests.e2e.conftest import assert_accessible

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

NAME = "Grace Okafor"
EMAIL = "grace@example.org"


def header(page: Page):
    return page.get_by_role("navigation", name="Account")


def sign_up(page: Page) -> None:
    page.get_by_label("Full name").fill(NAME)
    page.get_by_label("Email address").fill(EMAIL)
    page.get_by_label("Create a password").fill(PASSWORD)
    page.get_by_label("Type your password again").fill(PASSWORD)
    page.get_by_role("button", name="Create account").click()


def test_sign_up_shows_the_account_links_then_sign_out(page: Page):
    page.goto("/appeal-deadline/")
    header(page).get_by_role("link", name="Create an account").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Create an account")
    assert_accessible(page)

    page.get_by_role("button", name="Create account").click()
    expect(page.get_by_role("heading", name="There is a problem")).to_be_visible()
    expect(page.get_by_role("link", name="Enter your full name")).to_be_visible()
    assert_accessible(page)

    sign_up(page)
    # Back where they were, signed in.
    expect(page).to_have_url(re.compile(r"/appeal-deadline/$"))
    expect(header(page).get_by_role("link", name="Your cases")).to_be_visible()
    expect(header(page).get_by_role("link", name="Your account")).to_be_visible()
    expect(header(page).get_by_role("link", name="Sign in")).to_have_count(0)

    header(page).get_by_role("link", name="Your account").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Your account")
    expect(page.get_by_text(f"{EMAIL} (not confirmed yet)")).to_be_visible()
    expect(page.get_by_role("button", name="Send the link again")).to_be_visible()
    assert_accessible(page)

    page.get_by_role("link", name="Delete your account").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Are you sure you want to delete your account?"
    )
    assert_accessible(page)
    page.get_by_role("button", name="Delete my account").click()
    expect(page.get_by_role("link", name="Enter your password")).to_be_visible()
    assert_accessible(page)

    # Signing out is a button, reached and pressed from the keyboard.
    sign_out = header(page).get_by_role("button", name="Sign out")
    sign_out.focus()
    expect(sign_out).to_be_focused()
    page.keyboard.press("Enter")
    expect(header(page).get_by_role("link", name="Sign in")).to_be_visible()
    expect(header(page).get_by_role("button", name="Sign out")).to_have_count(0)


def test_delete_an_account(page: Page):
    page.goto("/account/sign-up/")
    sign_up(page)
    page.goto("/account/delete/")
    page.get_by_label("Your password").fill(PASSWORD)
    page.get_by_role("button", name="Delete my account").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Account deleted")
    assert_accessible(page)
    expect(header(page).get_by_role("link", name="Sign in")).to_be_visible()


def test_sign_in_and_password_reset_pages_are_accessible(page: Page):
    page.goto("/account/sign-in/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Sign in")
    assert_accessible(page)
    page.get_by_label("Email address").fill("nobody@example.org")
    page.get_by_label("Password", exact=True).fill("not-a-password")
    page.get_by_role("button", name="Sign in").click()
    expect(
        page.get_by_role("link", name="Enter a correct email address and password")
    ).to_be_visible()
    assert_accessible(page)

    page.get_by_role("link", name="Forgotten your password?").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Reset your password")
    assert_accessible(page)
    page.get_by_role("button", name="Send me a link").click()
    expect(page.get_by_role("link", name="Enter your email address")).to_be_visible()
    assert_accessible(page)
    page.get_by_label("Email address").fill("nobody@example.org")
    page.get_by_role("button", name="Send me a link").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Check your email")
    assert_accessible(page)
    assert mail.outbox == []


def test_the_header_fits_a_320_pixel_phone(page: Page):
    page.set_viewport_size({"width": 320, "height": 640})
    page.goto("/")
    expect(header(page).get_by_role("link", name="Create an account")).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    header(page).get_by_role("link", name="Create an account").click()
    sign_up(page)
    expect(header(page).get_by_role("button", name="Sign out")).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    box = header(page).get_by_role("button", name="Sign out").bounding_box()
    assert box is not None and box["x"] + box["width"] <= 320
    assert_accessible(page)


def test_the_account_page_changes_name_email_and_password_accessibly(page: Page):
    page.goto("/account/sign-up/")
    sign_up(page)
    page.goto("/account/your-account/")

    page.get_by_role("link", name="Change your name").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Change your name")
    expect(page.get_by_label("Full name")).to_have_value(NAME)
    assert_accessible(page)
    page.get_by_label("Full name").fill("Grace Adeyemi")
    page.get_by_role("button", name="Save your name").click()
    expect(page.get_by_text("Your name is changed.")).to_be_visible()
    expect(page.get_by_text("Grace Adeyemi")).to_be_visible()

    page.get_by_role("link", name="Change your email address").click()
    page.get_by_role("button", name="Save and send the link").click()
    expect(page.get_by_role("link", name="Enter your email address")).to_be_visible()
    assert_accessible(page)
    page.get_by_label("Email address").fill("grace.a@example.org")
    page.get_by_label("Your password").fill(PASSWORD)
    page.get_by_role("button", name="Save and send the link").click()
    expect(page.get_by_text("grace.a@example.org (not confirmed yet)")).to_be_visible()
    assert mail.outbox[-1].to == ["grace.a@example.org"]

    page.get_by_role("link", name="Change your password").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Change your password")
    assert_accessible(page)
    page.get_by_label("Your current password").fill(PASSWORD)
    page.get_by_label("New password", exact=True).fill("three random words here")
    page.get_by_label("Type your new password again").fill("three random words here")
    page.get_by_role("button", name="Save your new password").click()
    expect(page.get_by_text("Your password is changed.")).to_be_visible()
    assert_accessible(page)
