"""Pages outside the journeys."""

from __future__ import annotations

import pytest


@pytest.mark.django_db(databases=[])
def test_healthz_answers_ok_without_touching_the_database(client):
    response = client.get("/healthz/")
    assert response.status_code == 200
    assert response.content == b"ok"
    assert response["Content-Type"].startswith("text/plain")


def test_healthz_is_get_only(client):
    assert client.post("/healthz/").status_code == 405


@pytest.mark.django_db
def test_after_signing_in_the_start_page_offers_to_carry_on(client, case_file):
    from journeys.models import Case
    from tests.conftest import (
        PASSWORD,
        make_user,
        management,
        request_answers,
        start_at_child_name,
    )

    parent = make_user("pat@example.org", "Pat Parent")
    Case.objects.create(journey="request", case_file=case_file, owner=parent)
    # Answers started without an account, on the question after the child's name...
    _, location = start_at_child_name(client)
    client.post(
        location, {**management("request", "child-name"), **request_answers()["child-name"]}
    )
    # ...then signing in: the start page offers them first, and the saved case.
    response = client.post("/account/sign-in/", {"username": parent.email, "password": PASSWORD})
    assert response.status_code == 302
    page = client.get("/").content.decode()
    assert "Carry on where you left off" in page
    resume = location.replace("/child-name/", "/child-pronouns/")
    assert f'href="{resume}"' in page
    assert "Ask for an EHC needs assessment for Sam" in page
    assert "Your cases (1)" in page


@pytest.mark.django_db
def test_a_first_visit_has_nothing_to_carry_on(client):
    assert "Carry on where you left off" not in client.get("/").content.decode()
