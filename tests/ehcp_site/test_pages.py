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
