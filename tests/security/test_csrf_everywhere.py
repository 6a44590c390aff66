"""Every URL in the URL configuration refuses a POST without a CSRF token (403), signed in
or not, whatever the view would have done: generated from the URLconf, so a new form is
covered the day it lands. Only an explicit, reviewed exemption could pass, and there is none."""

from __future__ import annotations

import re
import uuid

import pytest
from django.test import Client

from tests.conftest import make_user, url_routes

# A sample value for each kind of path parameter (their names across the URLconf).
SAMPLES = {
    "uuid": lambda: str(uuid.uuid4()),
    "int": lambda: "1",
    "slug": lambda: "request",
    "str": lambda: "token",
    "path": lambda: "1/change",
}
PARAMETER = re.compile(r"<(?:(\w+):)?(\w+)>")


def concrete(route: str) -> str | None:
    if route.startswith("^") or "(?P" in route:  # the admin's regex routes
        route = re.sub(r"\(\?P<\w+>[^)]*\)", "1", route).strip("^$").replace("\\", "")
    path = PARAMETER.sub(lambda m: SAMPLES[m[1] or "str"](), route)
    return "/" + path


ROUTES = sorted({concrete(route) for _, route in url_routes()})


def test_the_list_covers_the_forms_we_know():
    assert "/account/sign-in/" in ROUTES
    assert any(r.startswith("/cases/") and r.endswith("/sharing/advocates/") for r in ROUTES)
    assert any(r.endswith("/organisation/notes/") for r in ROUTES)
    assert len(ROUTES) > 40


@pytest.mark.django_db
@pytest.mark.parametrize("signed_in", [False, True], ids=["anonymous", "signed in"])
def test_every_post_without_a_token_is_refused(signed_in):
    browser = Client(enforce_csrf_checks=True)
    if signed_in:
        browser.force_login(make_user(is_staff=True, is_superuser=True))
    allowed = {}
    for path in ROUTES:
        status = browser.post(path, {"anything": "x"}).status_code
        if status != 403:
            allowed[path] = status
    assert allowed == {}
