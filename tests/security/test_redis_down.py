"""Redis down (issue 12, item 3): REDIS_URL points at a closed port. Every page that counts
a rate limit, and every letter download, still works: limits are counted in the database
cache, letters render without the cache, and the outage is logged once, by type."""

from __future__ import annotations

import logging
import os
import re

import pytest
from django.core.management import call_command
from django.test import override_settings

from ehcp_site import shared_cache
from tests.conftest import PASSWORD, make_user, run_in_project, start_at_child_name

CLOSED_PORT = "redis://127.0.0.1:1/0"
REDIS_DOWN = {
    "default": {
        "BACKEND": "ehcp_site.redis_cache.RedisCache",
        "LOCATION": CLOSED_PORT,
        "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
    },
    "database": {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": "t_cache"},
}


@pytest.fixture
def redis_down(db, monkeypatch, caplog):
    monkeypatch.setattr(shared_cache, "_reported", set())
    caplog.set_level(logging.ERROR, logger="ehcp_site.shared_cache")
    with override_settings(CACHES=REDIS_DOWN, LETTER_FILE_CACHE=True):
        call_command("createcachetable", verbosity=0)
        yield caplog


def test_settings_from_redis_url_keep_a_database_cache_to_fall_back_on():
    code = (
        "from django.conf import settings; "
        "print(sorted(settings.CACHES), settings.CACHES['default']['BACKEND'])"
    )
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "ehcp_site.settings",
        "DJANGO_DEBUG": "true",
        "REDIS_URL": CLOSED_PORT,
    }
    result = run_in_project("-c", f"import django; django.setup(); {code}", env=env)
    assert result.returncode == 0, result.stderr
    assert "['database', 'default'] ehcp_site.redis_cache.RedisCache" in result.stdout


def test_sign_in_sign_up_and_password_reset_work_and_are_still_limited(client, redis_down):
    make_user("parent@example.org")
    assert client.get("/account/sign-in/").status_code == 200
    signed_in = client.post(
        "/account/sign-in/", {"username": "parent@example.org", "password": PASSWORD}
    )
    assert signed_in.status_code == 302
    client.logout()
    reset = client.post("/account/password-reset/", {"email": "parent@example.org"})
    assert reset.status_code == 302
    sign_up = client.post(
        "/account/sign-up/",
        {
            "full_name": "Nia New",
            "email": "nia@example.org",
            "password1": "correct horse battery",
            "password2": "correct horse battery",
        },
    )
    assert sign_up.status_code == 302
    client.logout()
    # Counted in the database meanwhile: the sign-in limit (10 a minute) still holds.
    answers = [
        client.post("/account/sign-in/", {"username": "x@example.org", "password": "no"})
        for _ in range(10)
    ]
    assert answers[-1].status_code == 429
    assert len(redis_down.records) == 1  # logged once
    assert (
        redis_down.records[0]
        .getMessage()
        .startswith("the shared cache is unreachable (ConnectionError)")
    )


def test_letters_export_and_reminders_work(client, redis_down):
    case_id = re.search(r"[0-9a-f-]{36}", client.post("/example/")["Location"])[0]
    for fmt in ("pdf", "docx"):
        letter = client.get(f"/cases/{case_id}/letters/request_assessment.{fmt}")
        assert letter.status_code == 200
    assert client.get(f"/cases/{case_id}/export.zip").status_code == 200
    reminders = client.post(
        f"/cases/{case_id}/reminders/",
        {"reminders-email": "grace@example.org", "reminders-consent": "on"},
    )
    assert reminders.status_code == 302
    messages = sorted(r.getMessage() for r in redis_down.records)
    assert len(messages) == 2  # once for counting, once for letters
    assert "rendering letters without the cache" in messages[1]


def test_sessions_read_through_redis_come_from_the_database_while_it_is_down(client, redis_down):
    with override_settings(SESSION_ENGINE="ehcp_site.sessions_cached"):
        _, step = start_at_child_name(client)
        data = {"request-current_step": "child-name", "child-name-first_name": "Zebedee"}
        data["child-name-last_name"] = "Quartermaine"
        assert client.post(step, data).status_code == 302
        assert 'value="Quartermaine"' in client.get(step).content.decode()
    assert any("reading sessions from the database" in r.getMessage() for r in redis_down.records)
