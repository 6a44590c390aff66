"""Settings come from the environment, through one reader, with no secret defaults."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from ehcp_site.env import DEVELOPMENT_SECRET_KEY, ImproperlyConfiguredEnvironment, read_environment

ROOT = Path(__file__).resolve().parent.parent
PRODUCTION = {
    "DJANGO_SECRET_KEY": "a-long-random-production-secret-0123456789-abcdefghijklmnopqrstuvwxyz",
    "DJANGO_ALLOWED_HOSTS": "ehcp.example.org",
}


def test_production_needs_a_secret_key():
    with pytest.raises(ImproperlyConfiguredEnvironment, match="DJANGO_SECRET_KEY is required"):
        read_environment({"DJANGO_ALLOWED_HOSTS": "ehcp.example.org"})


def test_production_needs_allowed_hosts():
    with pytest.raises(ImproperlyConfiguredEnvironment, match="DJANGO_ALLOWED_HOSTS"):
        read_environment({"DJANGO_SECRET_KEY": "x" * 60})


def test_debug_fills_in_a_marked_development_key_and_local_hosts():
    env = read_environment({"DJANGO_DEBUG": "true"})
    assert env.secret_key == DEVELOPMENT_SECRET_KEY
    assert "127.0.0.1" in env.allowed_hosts
    assert env.secure_ssl_redirect is False


def test_production_defaults_are_secure():
    env = read_environment(PRODUCTION)
    assert env.debug is False
    assert env.secure_ssl_redirect is True
    assert env.database_url is None
    assert env.email_backend.endswith("smtp.EmailBackend")


def test_unreadable_boolean_is_an_error():
    with pytest.raises(ImproperlyConfiguredEnvironment, match="DJANGO_DEBUG must be true or false"):
        read_environment({"DJANGO_DEBUG": "maybe"})


def test_lists_are_comma_separated():
    env = read_environment({**PRODUCTION, "DJANGO_ALLOWED_HOSTS": "a.example, b.example,"})
    assert env.allowed_hosts == ("a.example", "b.example")


def run_manage(env_vars, *args):
    env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    env.pop("DATABASE_URL", None)
    env.update(env_vars)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=120,
        check=False,
    )


def test_check_deploy_is_clean_with_production_settings():
    result = run_manage(
        {**PRODUCTION, "DJANGO_SETTINGS_MODULE": "ehcp_site.settings"},
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
    )
    assert result.returncode == 0, result.stderr + result.stdout
    assert "no issues" in result.stdout


def test_check_deploy_flags_the_development_key():
    result = run_manage(
        {"DJANGO_DEBUG": "true", "DJANGO_SETTINGS_MODULE": "ehcp_site.settings"},
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
    )
    assert result.returncode != 0
    assert "security.W009" in result.stderr + result.stdout  # insecure SECRET_KEY


def test_the_site_refuses_to_start_without_a_secret_in_production():
    result = run_manage(
        {"DJANGO_SETTINGS_MODULE": "ehcp_site.settings", "DJANGO_ALLOWED_HOSTS": "x"}, "check"
    )
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY is required unless DJANGO_DEBUG=true" in result.stderr


def test_database_url_selects_postgresql():
    code = (
        "from ehcp_site import settings; "
        "print(settings.DATABASES['default']['ENGINE'], settings.DATABASES['default']['NAME'])"
    )
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env.update(PRODUCTION, DATABASE_URL="postgres://u:p@db.internal:5432/ehcp")
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=60,
        check=False,
    )
    assert result.stdout.split() == ["django.db.backends.postgresql", "ehcp"]
