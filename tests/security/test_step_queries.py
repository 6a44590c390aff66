"""What a wizard step POST asks of the database (issue 12, "Cheaper steps"): counted, so a
change that adds a round trip to every answer fails here rather than only in a load test.
bench/README.md says how to measure the throughput ratio on a quiet machine."""

from __future__ import annotations

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext

from tests.conftest import STEP_URL, management, request_answers


def draft_up_to(client, stop: str) -> str:
    """Answer the request journey up to `stop` (not included); return its URL."""
    answers = request_answers()
    response = client.get("/request/new/")
    for _ in range(40):
        match = STEP_URL.match(response["Location"])
        if match["step"] == stop:
            return response["Location"]
        response = client.post(
            response["Location"], {**management("request", match["step"]), **answers[match["step"]]}
        )
        assert response.status_code == 302
    raise AssertionError(f"never reached {stop}")


@pytest.mark.django_db
def test_a_later_step_post_makes_two_queries(client):
    url = draft_up_to(client, "need-areas")
    post = {**management("request", "need-areas"), **request_answers()["need-areas"]}
    client.post(url, post)  # the draft exists: this is a visitor's later answer
    with CaptureQueriesContext(connection) as queries:
        response = client.post(url, post)
    assert response.status_code == 302
    # Load the session and update it: no transaction around the one UPDATE (it was a
    # savepoint, the update and its release, ehcp_site/sessions.py); the case id is checked
    # only for a new draft, and the rate limit counts in the cache. Five before issue 12.
    assert [q["sql"].split()[0] for q in queries] == ["SELECT", "UPDATE"], queries


@pytest.mark.django_db
@override_settings(SESSION_ENGINE="ehcp_site.sessions_cached")
def test_with_sessions_read_through_the_cache_it_is_one_query_and_never_plain_text(
    client, monkeypatch
):
    written: list[object] = []
    real_set = cache.set

    def recording_set(key, value, *args, **kwargs):
        if "sessions" in key:
            written.append(value)
        return real_set(key, value, *args, **kwargs)

    monkeypatch.setattr(cache, "set", recording_set)
    url = draft_up_to(client, "need-areas")  # a new session is created on the way
    post = {**management("request", "need-areas"), **request_answers()["need-areas"]}
    client.post(url, post)
    with CaptureQueriesContext(connection) as queries:
        assert client.post(url, post).status_code == 302
    assert [q["sql"].split()[0] for q in queries] == ["UPDATE"], queries
    assert written and all(isinstance(v, str) and v.startswith("enc1:") for v in written)
