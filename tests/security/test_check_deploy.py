"""`manage.py check --deploy --fail-level WARNING` with production variables, as .ci/run
calls it: clean for a real deployment, loud for anything meant only for one machine."""

import pytest

from tests.security.conftest import manage, production_env


def check_deploy(tmp_path, **extra):
    return manage(production_env(tmp_path, **extra), "check", "--deploy", "--fail-level", "WARNING")


@pytest.mark.parametrize(
    "extra",
    [
        {},
        # Several app servers: PostgreSQL, a shared Redis cache, one proxy in front.
        {
            "DATABASE_URL": "postgres://ehcp@db.internal:5432/ehcp",
            "REDIS_URL": "redis://cache.internal:6379/0",
            "DJANGO_TRUSTED_PROXY_COUNT": "2",
        },
    ],
    ids=["one server", "several servers"],
)
def test_check_deploy_is_clean_with_production_settings(tmp_path, extra):
    result = check_deploy(tmp_path, **extra)
    assert result.returncode == 0, result.stderr + result.stdout
    assert "no issues" in result.stdout


def test_check_deploy_flags_make_serves_local_http(tmp_path):
    result = check_deploy(
        tmp_path,
        DJANGO_ALLOWED_HOSTS="127.0.0.1,localhost",
        DJANGO_SECURE_SSL_REDIRECT="false",
        DJANGO_INSECURE_LOCAL_HTTP="true",
    )
    assert result.returncode != 0
    output = result.stderr + result.stdout
    for warning in ("security.W008", "security.W012", "security.W016"):  # redirect, cookies
        assert warning in output


def test_check_deploy_flags_the_development_key(tmp_path):
    env = production_env(tmp_path, DJANGO_DEBUG="true")
    del env["DJANGO_SECRET_KEY"]
    result = manage(env, "check", "--deploy", "--fail-level", "WARNING")
    assert result.returncode != 0
    assert "security.W009" in result.stderr + result.stdout  # insecure SECRET_KEY
