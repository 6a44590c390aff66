"""ehcp_site/sessions.py: encrypted sessions, read through the cache when there is Redis."""

from __future__ import annotations

import pytest
from django.contrib.sessions.models import Session
from django.core.cache import cache
from django.test import override_settings

from tests.conftest import management, start_at_child_name

CACHED = "ehcp_site.sessions_cached"


def answer_first_step(client) -> str:
    """The child's name, after who is filling it in (asked first)."""
    _, step = start_at_child_name(client)
    data = {
        **management("request", "child-name"),
        "child-name-first_name": "Zebedee",
        "child-name-last_name": "Quartermaine",
    }
    assert client.post(step, data).status_code == 302
    return step


@pytest.mark.django_db
@override_settings(SESSION_ENGINE=CACHED)
def test_the_cache_holds_the_encrypted_session_and_the_database_the_record(client):
    step = answer_first_step(client)
    key = client.cookies["sessionid"].value
    cached = cache.get(f"django.contrib.sessions.cached_db{key}")
    assert cached.startswith("enc1:gAAAAA")  # a Fernet token, never the answers
    assert "Quartermaine" not in cached
    assert Session.objects.get(session_key=key).session_data.startswith("enc1:gAAAAA")
    # Read back through the cache, and from the database alone once the cache forgets it.
    assert 'value="Quartermaine"' in client.get(step).content.decode()
    cache.clear()
    assert 'value="Quartermaine"' in client.get(step).content.decode()
