"""Pages with family data are never stored by a browser or proxy (issue 12, item 12), and
the admin's password forms have the service's limits (item 14)."""

from __future__ import annotations

import re

import pytest
from django.test import Client

from ehcp_site.accounts.models import Membership, Organisation
from journeys.models import Case, OrganisationShare
from tests.conftest import make_user

NO_STORE = "no-store"


def attempt(number: int) -> dict[str, str]:
    return {"username": f"someone{number}@example.org", "password": "wrong"}


@pytest.fixture
def parent_with_a_case():
    parent = Client()
    parent.force_login(make_user())
    confirmation = parent.post("/example/")["Location"]
    case_id = re.search(r"[0-9a-f-]{36}", confirmation)[0]
    return parent, case_id, confirmation


@pytest.mark.django_db
def test_every_page_that_shows_family_data_says_no_store(parent_with_a_case):
    parent, case_id, confirmation = parent_with_a_case
    step = parent.get("/request/new/")["Location"]
    pages = [
        "/cases/",
        f"/cases/{case_id}/",
        f"/cases/{case_id}/timeline/",
        f"/cases/{case_id}/seen-by/",
        f"/cases/{case_id}/sharing/",
        confirmation,
        step,
        f"/request/{case_id}/check-answers/",
        "/account/your-account/",
    ]
    for page in pages:
        response = parent.get(page)
        assert response.status_code == 200, page
        assert NO_STORE in response["Cache-Control"], page


@pytest.mark.django_db
def test_the_caseload_says_no_store(parent_with_a_case):
    _, case_id, _ = parent_with_a_case
    organisation = Organisation.objects.create(name="Sunrise")
    worker = make_user("worker@example.org")
    Membership.objects.create(organisation=organisation, user=worker, role="admin")
    OrganisationShare.objects.create(case=Case.objects.get(pk=case_id), organisation=organisation)
    client = Client()
    client.force_login(worker)
    for page in (
        f"/organisations/{organisation.id}/caseload/",
        f"/cases/{case_id}/organisation/",
        f"/organisations/{organisation.id}/members/",
    ):
        response = client.get(page)
        assert response.status_code == 200, page
        assert NO_STORE in response["Cache-Control"], page


@pytest.mark.django_db
def test_a_page_that_sets_its_own_caching_keeps_it(client):
    assert client.get("/account/sign-in/")["Cache-Control"].startswith("max-age=0")


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/admin/login/", "/account/sign-in/"])
def test_every_password_form_has_the_sign_in_limit(client, path):
    # A different account each time: this is the limit, not django-axes' lockout.
    answers = [client.post(path, attempt(number)).status_code for number in range(11)]
    assert 429 not in answers[:10]
    assert answers[10] == 429


@pytest.mark.django_db
def test_the_admin_and_the_service_share_one_count(client):
    for number in range(5):
        assert client.post("/admin/login/", attempt(number)).status_code != 429
        assert client.post("/account/sign-in/", attempt(number + 5)).status_code != 429
    assert client.post("/admin/login/", attempt(10)).status_code == 429


@pytest.mark.django_db
def test_the_admin_password_change_still_needs_staff(client):
    client.force_login(make_user())
    response = client.get("/admin/password_change/")
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]
