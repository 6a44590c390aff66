"""Account pages through Django's client: sign up, sign in, sign out, the header, your
account, deleting it, resetting a password, and the lockout after repeated failures."""

from __future__ import annotations

import re

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import mail
from django.test import Client, override_settings

from tests.conftest import PASSWORD, is_sign_in_redirect, make_user

User = get_user_model()

SIGN_UP = "/account/sign-up/"
SIGN_IN = "/account/sign-in/"
SIGN_OUT = "/account/sign-out/"
RESET = "/account/password-reset/"
CASE_LIST = "/cases/"
NEW_PASSWORD = "plum-kettle-river-42"
RESET_LINK = re.compile(r"^(https?://[^/\s]+)(/account/reset/[^/\s]+/[^/\s]+/)$", re.MULTILINE)


def sign_up_data(**overrides) -> dict[str, str]:
    return {
        "full_name": "Grace Okafor",
        "email": "grace@example.org",
        "password1": PASSWORD,
        "password2": PASSWORD,
        **overrides,
    }


def signed_in_as(client) -> str | None:
    """The email of the account this browser is signed in as (None: not signed in)."""
    user_id = client.session.get("_auth_user_id")
    return User.objects.get(pk=user_id).email if user_id else None


@pytest.mark.django_db
class SignUpTests:
    def test_creates_the_account_signs_in_and_goes_to_the_case_list(self, client):
        response = client.post(SIGN_UP, sign_up_data(email="Grace@Example.org"))
        assert response.status_code == 302
        assert response["Location"] == CASE_LIST
        user = User.objects.get()
        assert (user.email, user.full_name) == ("grace@example.org", "Grace Okafor")
        assert user.check_password(PASSWORD)
        assert not user.password.endswith(PASSWORD)  # stored hashed, not as typed
        assert signed_in_as(client) == "grace@example.org"

    def test_goes_back_to_a_safe_next_page(self, client):
        response = client.post(SIGN_UP, sign_up_data(next="/appeal-deadline/?x=1"))
        assert response["Location"] == "/appeal-deadline/?x=1"

    def test_errors_keep_what_was_typed_except_the_passwords(self, client):
        response = client.post(
            SIGN_UP, sign_up_data(password2="another-password-9", next="/appeal-deadline/")
        )
        assert response.status_code == 200
        page = response.content.decode()
        assert "<title>Error: Create an account" in page
        assert "There is a problem" in page
        assert '<a href="#id_password2">The passwords do not match.' in page
        assert 'id="id_password2-error"' in page
        assert 'value="Grace Okafor"' in page and 'value="grace@example.org"' in page
        assert PASSWORD not in page and "another-password-9" not in page
        assert '<input type="hidden" name="next" value="/appeal-deadline/">' in page
        assert not User.objects.exists()
        assert signed_in_as(client) is None

    def test_an_email_with_an_account_gets_the_same_answer_and_its_owner_an_email(self, client):
        # Issue 12: the page never says who has an account; the email tells the owner.
        new = client.post(SIGN_UP, sign_up_data(email="new@example.org", next="/cases/"))
        client.logout()
        make_user("grace@example.org")
        mail.outbox.clear()
        taken = client.post(SIGN_UP, sign_up_data(email="GRACE@example.org", next="/cases/"))
        assert taken.status_code == new.status_code == 302
        assert taken["Location"] == new["Location"] == "/cases/"
        page = client.get("/cases/").content.decode()
        assert "We have emailed a link to grace@example.org" in page
        assert User.objects.count() == 2
        assert signed_in_as(client) is None
        assert mail.outbox[-1].to == ["grace@example.org"]
        assert "already has one" in mail.outbox[-1].body

    def test_the_page_links_to_sign_in_keeping_next(self, client):
        page = client.get(SIGN_UP + "?next=/cases/").content.decode()
        assert 'href="/account/sign-in/?next=/cases/">Sign in</a>' in page

    def test_someone_signed_in_is_sent_on(self, client):
        client.force_login(make_user())
        assert client.get(SIGN_UP)["Location"] == CASE_LIST


@pytest.mark.django_db
class SignInTests:
    def test_page_has_an_email_box_called_username_and_the_two_links(self, client):
        page = client.get(SIGN_IN + "?next=/appeal-deadline/").content.decode()
        assert '<label class="govuk-label govuk-label--s" for="id_username">Email address' in page
        assert 'name="username" type="email"' in page and 'autocomplete="email"' in page
        assert 'autocomplete="current-password"' in page
        assert 'href="/account/sign-up/?next=/appeal-deadline/">Create an account</a>' in page
        assert 'href="/account/password-reset/">Forgotten your password?</a>' in page

    def test_signs_in_with_any_case_of_email_and_goes_to_next(self, client):
        make_user("parent@example.org")
        response = client.post(
            SIGN_IN,
            {"username": " Parent@Example.ORG", "password": PASSWORD, "next": "/appeal-deadline/"},
        )
        assert response["Location"] == "/appeal-deadline/"
        assert signed_in_as(client) == "parent@example.org"

    def test_without_next_goes_to_the_case_list(self, client):
        make_user()
        response = client.post(SIGN_IN, {"username": "parent@example.org", "password": PASSWORD})
        assert response["Location"] == CASE_LIST

    def test_a_wrong_password_is_a_plain_error_that_keeps_the_email(self, client):
        make_user()
        response = client.post(
            SIGN_IN, {"username": "parent@example.org", "password": "wrong-password-1"}
        )
        assert response.status_code == 200
        page = response.content.decode()
        assert "<title>Error: Sign in" in page
        # The summary's link puts the cursor in the email box.
        assert '<a href="#id_username">Enter a correct email address and password</a>' in page
        assert 'value="parent@example.org"' in page and "wrong-password-1" not in page
        assert signed_in_as(client) is None

    def test_an_unknown_email_gets_the_same_error(self, client):
        response = client.post(SIGN_IN, {"username": "nobody@example.org", "password": PASSWORD})
        assert "Enter a correct email address and password" in response.content.decode()


@pytest.mark.django_db
class SignOutTests:
    def test_signs_out_by_post_only(self, client):
        client.force_login(make_user())
        assert client.get(SIGN_OUT).status_code == 405
        assert signed_in_as(client) == "parent@example.org"
        response = client.post(SIGN_OUT)
        assert response.status_code == 302 and response["Location"] == "/"
        assert signed_in_as(client) is None


@pytest.mark.django_db
class HeaderTests:
    def test_signed_out_offers_sign_in_and_sign_up_back_to_this_page(self, client):
        page = client.get("/appeal-deadline/?from=home").content.decode()
        back = "next=/appeal-deadline/%3Ffrom%3Dhome"
        assert f'href="/account/sign-in/?{back}">Sign in</a>' in page
        assert f'href="/account/sign-up/?{back}">Create an account</a>' in page
        assert ">Sign out</button>" not in page and ">Your account</a>" not in page

    def test_mid_journey_the_links_come_back_to_the_question(self, client):
        step = client.get("/request/new/")["Location"]
        page = client.get(step).content.decode()
        assert f'href="/account/sign-in/?next={step}">Sign in</a>' in page

    def test_on_the_account_pages_the_links_keep_where_they_were_going(self, client):
        page = client.get(SIGN_IN + "?next=/appeal-deadline/").content.decode()
        assert 'href="/account/sign-up/?next=/appeal-deadline/">Create an account</a>' in page
        # Never back to the sign-in page itself.
        page = client.get(SIGN_IN).content.decode()
        assert 'href="/account/sign-in/">Sign in</a>' in page
        assert "next=/account/" not in page

    def test_signed_in_shows_cases_account_and_a_sign_out_button(self, client):
        client.force_login(make_user())
        page = client.get("/appeal-deadline/").content.decode()
        assert 'href="/cases/">Your cases</a>' in page
        assert 'href="/account/your-account/">Your account</a>' in page
        form = re.search(
            r'<form method="post" action="/account/sign-out/"[^>]*>(.*?)</form>', page, re.S
        )
        assert form is not None
        assert 'name="csrfmiddlewaretoken"' in form[1]
        assert '<button type="submit"' in form[1] and ">Sign out</button>" in form[1]
        assert ">Sign in</a>" not in page and ">Create an account</a>" not in page


@pytest.mark.django_db
class AccountPageTests:
    def test_asks_someone_signed_out_to_sign_in_first(self, client):
        assert is_sign_in_redirect(client.get("/account/your-account/"), "/account/your-account/")

    def test_shows_name_email_and_links(self, client):
        client.force_login(make_user("pat@example.org", "Pat O'Neill"))
        page = client.get("/account/your-account/").content.decode()
        assert "Pat O&#x27;Neill" in page and "pat@example.org" in page
        assert 'href="/cases/">Your cases</a>' in page
        assert 'href="/account/delete/">Delete your account</a>' in page


@pytest.mark.django_db
class AccountDeleteTests:
    def test_asks_someone_signed_out_to_sign_in_first(self, client):
        assert is_sign_in_redirect(client.get("/account/delete/"), "/account/delete/")
        assert is_sign_in_redirect(client.post("/account/delete/", {"password": PASSWORD}))

    def test_a_wrong_password_deletes_nothing(self, client):
        client.force_login(make_user())
        response = client.post("/account/delete/", {"password": "not-my-password"})
        assert response.status_code == 200
        page = response.content.decode()
        assert '<a href="#id_password">The password is not correct. Try again</a>' in page
        assert "not-my-password" not in page
        assert User.objects.filter(email="parent@example.org").exists()
        assert signed_in_as(client) == "parent@example.org"

    def test_the_right_password_deletes_signs_out_and_says_so(self, client):
        client.force_login(make_user())
        response = client.post("/account/delete/", {"password": PASSWORD})
        assert response.status_code == 302
        assert response["Location"] == "/account/deleted/"
        assert not User.objects.filter(email="parent@example.org").exists()
        assert signed_in_as(client) is None
        page = client.get(response["Location"]).content.decode()
        assert "Account deleted" in page
        assert "We have deleted your account and everything in it" in page


def request_reset(client, email: str):
    mail.outbox.clear()
    return client.post(RESET, {"email": email})


def link_from_email() -> tuple[str, str]:
    """(site address, path) of the reset link in the one email sent."""
    assert len(mail.outbox) == 1
    match = RESET_LINK.search(mail.outbox[0].body)
    assert match, mail.outbox[0].body
    return match[1], match[2]


@pytest.mark.django_db
class PasswordResetTests:
    def test_the_whole_flow_ends_signed_in_with_the_new_password(self, client):
        make_user("pat@example.org", "Pat O'Neill")
        response = request_reset(client, "Pat@Example.org")
        assert response["Location"] == "/account/password-reset/sent/"
        email = mail.outbox[0]
        assert email.to == ["pat@example.org"]
        assert email.subject == "Reset your EHCP Helper password"
        assert email.body.startswith("Hello Pat O'Neill,")  # plain text, not HTML-escaped
        assert "The link works once, for 24 hours." in email.body
        _, link = link_from_email()

        opened = client.get(link)  # Django moves the token out of the address
        assert opened.status_code == 302
        form_page = client.get(opened["Location"])
        assert "Choose a new password" in form_page.content.decode()
        saved = client.post(
            opened["Location"],
            {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
        )
        assert saved["Location"] == "/account/reset/done/"
        assert "Password changed" in client.get(saved["Location"]).content.decode()

        browser = Client()
        old = browser.post(SIGN_IN, {"username": "pat@example.org", "password": PASSWORD})
        assert old.status_code == 200 and signed_in_as(browser) is None
        new = browser.post(SIGN_IN, {"username": "pat@example.org", "password": NEW_PASSWORD})
        assert new.status_code == 302 and signed_in_as(browser) == "pat@example.org"

    def test_a_used_link_is_refused_with_a_clear_page(self, client):
        make_user()
        request_reset(client, "parent@example.org")
        _, link = link_from_email()
        opened = client.get(link)
        client.post(
            opened["Location"], {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD}
        )
        for browser in (client, Client()):
            again = browser.get(link)
            assert again.status_code == 200
            page = again.content.decode()
            assert "This link no longer works" in page
            assert 'href="/account/password-reset/">Ask for a new link</a>' in page
            assert 'name="new_password1"' not in page

    def test_a_made_up_link_is_refused(self, client):
        make_user()
        page = client.get("/account/reset/MQ/abc-0123456789abcdef/").content.decode()
        assert "This link no longer works" in page

    def test_does_not_reveal_whether_an_address_has_an_account(self, client):
        make_user("parent@example.org")
        with_account = request_reset(client, "parent@example.org")
        assert len(mail.outbox) == 1
        without = request_reset(client, "nobody@example.org")
        assert len(mail.outbox) == 0
        assert with_account["Location"] == without["Location"]
        page = client.get(without["Location"]).content.decode()
        assert "If the address you gave has an account, we have sent it a link" in page

    @override_settings(SITE_URL="https://ehcp.example.org")
    def test_the_link_uses_the_service_address_not_the_request_host(self, client):
        make_user()
        client.post(RESET, {"email": "parent@example.org"}, HTTP_HOST="localhost")
        site, _ = link_from_email()
        assert site == "https://ehcp.example.org"

    def test_the_pages_and_email_match_the_setting(self):
        # They promise the link works for 24 hours; keep it true if the setting changes.
        assert settings.PASSWORD_RESET_TIMEOUT == 24 * 60 * 60

    def test_errors_show_next_to_the_box(self, client):
        response = client.post(RESET, {"email": "not-an-email"})
        page = response.content.decode()
        assert response.status_code == 200
        assert '<a href="#id_email">Enter an email address in the correct format' in page
        assert 'value="not-an-email"' in page


def wrong_attempts(client, email: str, count: int) -> None:
    for _ in range(count):
        client.post(SIGN_IN, {"username": email, "password": "wrong-password-1"})


@pytest.mark.django_db
class LockoutTests:
    def test_five_failures_lock_the_address_even_for_the_right_password(self, client):
        make_user("parent@example.org")
        statuses = [
            client.post(
                SIGN_IN, {"username": "parent@example.org", "password": "wrong-password-1"}
            ).status_code
            for _ in range(5)
        ]
        assert statuses == [200, 200, 200, 200, 429]  # the fifth failure locks at once
        response = client.post(SIGN_IN, {"username": "parent@example.org", "password": PASSWORD})
        assert response.status_code == 429
        page = response.content.decode()
        assert "Too many attempts to sign in" in page
        assert "try again in 30 minutes" in page
        assert 'href="/account/password-reset/">reset your password</a>' in page
        assert signed_in_as(client) is None

    def test_four_failures_do_not_lock(self, client):
        make_user("parent@example.org")
        wrong_attempts(client, "parent@example.org", 4)
        response = client.post(SIGN_IN, {"username": "parent@example.org", "password": PASSWORD})
        assert response.status_code == 302
        assert signed_in_as(client) == "parent@example.org"

    def test_changing_the_case_of_the_email_does_not_get_round_it(self, client):
        make_user("parent@example.org")
        for email in (
            "Parent@example.org",
            "PARENT@EXAMPLE.ORG",
            " parent@example.org",
            "pArent@example.org",
            "parent@Example.org",
        ):
            wrong_attempts(client, email, 1)
        response = client.post(SIGN_IN, {"username": "parent@example.org", "password": PASSWORD})
        assert response.status_code == 429

    def test_another_address_is_not_locked(self, client):
        make_user("parent@example.org")
        make_user("other@example.org", "Olu Other")
        wrong_attempts(client, "parent@example.org", 6)
        response = client.post(SIGN_IN, {"username": "other@example.org", "password": PASSWORD})
        assert response.status_code == 302
        assert signed_in_as(client) == "other@example.org"

    def test_the_page_matches_the_setting(self):
        # The lockout page promises 30 minutes; keep it true if the setting changes.
        assert settings.AXES_COOLOFF_TIME * 60 == 30
        assert settings.AXES_FAILURE_LIMIT == 5

    def test_resetting_the_password_lets_them_straight_back_in(self, client):
        make_user("parent@example.org")
        wrong_attempts(client, "parent@example.org", 6)
        request_reset(client, "parent@example.org")
        _, link = link_from_email()
        opened = client.get(link)
        client.post(
            opened["Location"], {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD}
        )
        response = client.post(
            SIGN_IN, {"username": "parent@example.org", "password": NEW_PASSWORD}
        )
        assert response.status_code == 302
        assert signed_in_as(client) == "parent@example.org"


@pytest.mark.django_db
class AccountChangeTests:
    """The account page changes the name, the email address (confirmed again) and the
    password."""

    @pytest.fixture
    def member(self):
        from tests.conftest import make_user

        return make_user("pat@example.org", "Pat Parent")

    @pytest.fixture
    def browser(self, member):
        browser = Client()
        browser.force_login(member)
        return browser

    def test_the_account_page_offers_each_change(self, browser):
        page = browser.get("/account/your-account/").content.decode()
        for path in ("name", "email", "password"):
            assert f'href="/account/your-account/{path}/"' in page

    def test_change_the_name(self, browser, member):
        page = browser.get("/account/your-account/name/").content.decode()
        assert 'value="Pat Parent"' in page
        response = browser.post("/account/your-account/name/", {"full_name": " Pat Okafor "})
        assert response["Location"] == "/account/your-account/"
        member.refresh_from_db()
        assert member.full_name == "Pat Okafor"
        page = browser.post("/account/your-account/name/", {"full_name": ""}).content.decode()
        assert "Enter your full name" in page

    def test_change_the_email_address_which_must_be_confirmed_again(self, browser, member):
        from django.core import mail

        from tests.conftest import PASSWORD

        assert member.email_verified
        wrong = browser.post(
            "/account/your-account/email/", {"email": "new@example.org", "password": "nope"}
        )
        assert "The password is not correct" in wrong.content.decode()
        mail.outbox.clear()
        response = browser.post(
            "/account/your-account/email/", {"email": "New@Example.org", "password": PASSWORD}
        )
        assert response["Location"] == "/account/your-account/"
        member.refresh_from_db()
        assert member.email == "new@example.org"
        assert not member.email_verified  # invitations and memberships wait again
        assert mail.outbox[-1].to == ["new@example.org"]
        link = re.search(r"http://\S+(/account/confirm-email/\S+/)", mail.outbox[-1].body)[1]
        browser.get(link)
        member.refresh_from_db()
        assert member.email_verified
        # Signing in uses the new address.
        response = Client().post(
            "/account/sign-in/", {"username": "new@example.org", "password": PASSWORD}
        )
        assert response.status_code == 302

    def test_an_address_another_account_has_gets_the_same_answer(self, browser, member):
        # Issue 12, item 15: the page never says whether an address has an account.
        from django.core import mail

        from tests.conftest import PASSWORD, make_user

        make_user("taken@example.org", "Other")
        mail.outbox.clear()
        response = browser.post(
            "/account/your-account/email/", {"email": "taken@example.org", "password": PASSWORD}
        )
        assert response["Location"] == "/account/your-account/"
        page = browser.get("/account/your-account/").content.decode()
        assert "We have sent a link to taken@example.org" in page
        assert "already an account" not in page
        member.refresh_from_db()
        assert member.email != "taken@example.org"  # nothing changed
        assert mail.outbox[-1].to == ["taken@example.org"]  # its owner is told

    def test_change_the_password_and_stay_signed_in(self, browser, member):
        from tests.conftest import PASSWORD

        new = "a much longer new passphrase"
        wrong = browser.post(
            "/account/your-account/password/",
            {"old_password": "nope", "new_password1": new, "new_password2": new},
        )
        assert "Your current password is not correct" in wrong.content.decode()
        mismatch = browser.post(
            "/account/your-account/password/",
            {"old_password": PASSWORD, "new_password1": new, "new_password2": new + "x"},
        )
        assert "The passwords do not match" in mismatch.content.decode()
        response = browser.post(
            "/account/your-account/password/",
            {"old_password": PASSWORD, "new_password1": new, "new_password2": new},
        )
        assert response["Location"] == "/account/your-account/"
        member.refresh_from_db()
        assert member.check_password(new)
        assert browser.get("/account/your-account/").status_code == 200  # still signed in
