"""Security of the account pages: CSRF on every form that changes something, no open
redirect through `next`, and production settings that hash with Argon2 over HTTPS only."""

from __future__ import annotations

import json
import os
import secrets
import string
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from tests.conftest import PASSWORD, make_user, run_in_project

ROOT = Path(__file__).resolve().parents[2]
User = get_user_model()

EVIL = ["https://evil.example", "//evil.example/cases/", "https:evil.example", "/\\evil.example"]


def csrf_client(user=None) -> Client:
    browser = Client(enforce_csrf_checks=True)
    if user is not None:
        browser.force_login(user)
    return browser


@pytest.mark.django_db
class CsrfTests:
    def test_sign_in_without_the_token_is_refused(self):
        make_user()
        browser = csrf_client()
        response = browser.post(
            "/account/sign-in/", {"username": "parent@example.org", "password": PASSWORD}
        )
        assert response.status_code == 403
        assert "_auth_user_id" not in browser.session

    def test_sign_up_without_the_token_is_refused(self):
        response = csrf_client().post(
            "/account/sign-up/",
            {
                "full_name": "Grace Okafor",
                "email": "grace@example.org",
                "password1": PASSWORD,
                "password2": PASSWORD,
            },
        )
        assert response.status_code == 403
        assert not User.objects.exists()

    def test_sign_out_without_the_token_is_refused(self):
        browser = csrf_client(make_user())
        assert browser.post("/account/sign-out/").status_code == 403
        assert "_auth_user_id" in browser.session

    def test_delete_without_the_token_is_refused(self):
        user = make_user()
        response = csrf_client(user).post("/account/delete/", {"password": PASSWORD})
        assert response.status_code == 403
        assert User.objects.filter(pk=user.pk).exists()

    def test_password_reset_without_the_token_is_refused(self):
        make_user()
        response = csrf_client().post("/account/password-reset/", {"email": "parent@example.org"})
        assert response.status_code == 403

    def test_with_the_token_from_the_page_sign_in_works(self):
        # The forms do carry the token: the refusals above are about its absence.
        make_user()
        browser = csrf_client()
        browser.get("/account/sign-in/")
        token = browser.cookies["csrftoken"].value
        response = browser.post(
            "/account/sign-in/",
            {"username": "parent@example.org", "password": PASSWORD, "csrfmiddlewaretoken": token},
        )
        assert response.status_code == 302


@pytest.mark.django_db
class OpenRedirectTests:
    @pytest.mark.parametrize("evil", EVIL)
    def test_sign_in_ignores_a_next_on_another_site(self, client, evil):
        make_user()
        response = client.post(
            "/account/sign-in/",
            {"username": "parent@example.org", "password": PASSWORD, "next": evil},
        )
        assert response.status_code == 302
        assert response["Location"] == "/cases/"

    @pytest.mark.parametrize("evil", EVIL)
    def test_sign_up_ignores_a_next_on_another_site(self, client, evil):
        response = client.post(
            "/account/sign-up/",
            {
                "full_name": "Grace Okafor",
                "email": "grace@example.org",
                "password1": PASSWORD,
                "password2": PASSWORD,
                "next": evil,
            },
        )
        assert response.status_code == 302
        assert response["Location"] == "/cases/"

    @pytest.mark.parametrize("page", ["/account/sign-in/", "/account/sign-up/"])
    def test_the_pages_do_not_pass_it_on(self, client, page):
        html = client.get(f"{page}?next=https://evil.example").content.decode()
        assert "evil.example" not in html

    def test_someone_signed_in_is_not_sent_away_either(self, client):
        client.force_login(make_user())
        response = client.get("/account/sign-up/?next=https://evil.example")
        assert response["Location"] == "/cases/"


def random_secret(length: int = 64) -> str:
    alphabet = string.ascii_letters + string.digits
    return "".join(secrets.choice(alphabet) for _ in range(length))


def test_production_hashes_with_argon2_and_sends_cookies_over_https_only():
    env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    env.pop("DATABASE_URL", None)
    env.update(
        DJANGO_SETTINGS_MODULE="ehcp_site.settings",
        DJANGO_DEBUG="false",
        DJANGO_SECRET_KEY=random_secret(),
        DJANGO_ALLOWED_HOSTS="x.example",
    )
    code = (
        "import json; from django.conf import settings; print(json.dumps({"
        "'hasher': settings.PASSWORD_HASHERS[0], "
        "'session_secure': settings.SESSION_COOKIE_SECURE, "
        "'csrf_secure': settings.CSRF_COOKIE_SECURE, "
        "'first_backend': settings.AUTHENTICATION_BACKENDS[0], "
        "'last_middleware': settings.MIDDLEWARE[-1]}))"
    )
    result = run_in_project("-c", code, env=env, timeout=60, check=False)
    assert result.returncode == 0, result.stderr
    found = json.loads(result.stdout.strip().splitlines()[-1])
    assert found == {
        "hasher": "django.contrib.auth.hashers.Argon2PasswordHasher",
        "session_secure": True,
        "csrf_secure": True,
        "first_backend": "axes.backends.AxesStandaloneBackend",
        "last_middleware": "axes.middleware.AxesMiddleware",
    }
