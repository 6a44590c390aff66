"""Settings come from the environment, through one reader, with no secret defaults."""

import json
import os
import re
from pathlib import Path

import pytest

from ehcp_site.env import (
    DEVELOPMENT_SECRET_KEY,
    ImproperlyConfiguredEnvironment,
    ServerEnvironment,
    read_environment,
    read_server_environment,
)
from tests.conftest import run_in_project

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
    return run_in_project("manage.py", *args, env=env, timeout=120, check=False)


# `check --deploy` itself: tests/security/test_check_deploy.py.


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
    result = run_in_project("-c", code, env=env, timeout=60, check=False)
    assert result.stdout.split() == ["django.db.backends.postgresql", "ehcp"]


class DeploymentVariablesTests:
    def test_defaults_trust_no_proxy_and_need_no_redis(self):
        env = read_environment(PRODUCTION)
        assert env.trusted_proxy_count == 0
        assert env.redis_url is None
        assert env.insecure_local_http is False
        assert env.static_root is None
        assert env.field_encryption_keys == ()
        assert env.retention_months == 24
        assert (env.email_host, env.email_port, env.email_use_tls) == ("localhost", 25, False)
        assert env.email_host_user == env.email_host_password == ""

    def test_reads_each_variable(self):
        env = read_environment(
            {
                **PRODUCTION,
                "DJANGO_TRUSTED_PROXY_COUNT": "2",
                "REDIS_URL": "redis://cache.internal:6379/0",
                "DJANGO_STATIC_ROOT": "/srv/ehcp/static",
                "DJANGO_FIELD_ENCRYPTION_KEYS": "new-key, old-key",
                "DJANGO_RETENTION_MONTHS": "36",
                "DJANGO_EMAIL_HOST": "smtp.example.org",
                "DJANGO_EMAIL_PORT": "587",
                "DJANGO_EMAIL_HOST_USER": "ehcp",
                "DJANGO_EMAIL_HOST_PASSWORD": "from-the-mail-provider",
                "DJANGO_EMAIL_USE_TLS": "true",
            }
        )
        assert env.trusted_proxy_count == 2
        assert env.redis_url == "redis://cache.internal:6379/0"
        assert env.static_root == "/srv/ehcp/static"
        assert env.field_encryption_keys == ("new-key", "old-key")
        assert env.retention_months == 36
        assert (env.email_host, env.email_port, env.email_use_tls) == (
            "smtp.example.org",
            587,
            True,
        )
        assert (env.email_host_user, env.email_host_password) == ("ehcp", "from-the-mail-provider")

    @pytest.mark.parametrize(
        ("raw", "message"),
        [("two", "must be a whole number"), ("-1", "must be at least 0"), ("", "whole number")],
    )
    def test_proxy_count_must_be_a_whole_number(self, raw, message):
        with pytest.raises(ImproperlyConfiguredEnvironment, match=message):
            read_environment({**PRODUCTION, "DJANGO_TRUSTED_PROXY_COUNT": raw})

    def test_insecure_local_http_is_refused_for_a_real_host(self):
        with pytest.raises(ImproperlyConfiguredEnvironment, match="for this machine only"):
            read_environment({**PRODUCTION, "DJANGO_INSECURE_LOCAL_HTTP": "true"})

    def test_insecure_local_http_is_allowed_on_this_machine(self):
        env = read_environment(
            {
                **PRODUCTION,
                "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
                "DJANGO_INSECURE_LOCAL_HTTP": "true",
            }
        )
        assert env.insecure_local_http is True


class ServerVariablesTests:
    def test_defaults(self):
        server = read_server_environment({})
        assert server == ServerEnvironment(
            bind="127.0.0.1:8000", workers=2, timeout=60, graceful_timeout=30
        )

    def test_reads_each_variable(self):
        server = read_server_environment(
            {
                "GUNICORN_BIND": "unix:/run/ehcp/gunicorn.sock",
                "GUNICORN_WORKERS": "5",
                "GUNICORN_TIMEOUT": "120",
                "GUNICORN_GRACEFUL_TIMEOUT": "10",
            }
        )
        assert server == ServerEnvironment(
            bind="unix:/run/ehcp/gunicorn.sock", workers=5, timeout=120, graceful_timeout=10
        )

    @pytest.mark.parametrize("name", ["GUNICORN_WORKERS", "GUNICORN_TIMEOUT"])
    def test_needs_at_least_one(self, name):
        with pytest.raises(ImproperlyConfiguredEnvironment, match=f"{name} must be at least 1"):
            read_server_environment({name: "0"})

    def test_needs_no_secret(self):
        # gunicorn reads its configuration before Django: a missing secret is Django's error.
        assert read_server_environment({}).workers == 2

    def test_gunicorn_reads_the_config_file(self):
        code = (
            "import json, runpy; c = runpy.run_path('ehcp_site/gunicorn_conf.py'); "
            "print(json.dumps({k: c[k] for k in ('bind', 'workers', 'timeout', "
            "'graceful_timeout', 'wsgi_app', 'access_log_format', 'secure_scheme_headers')}))"
        )
        env = {k: v for k, v in os.environ.items() if not k.startswith("GUNICORN_")}
        env.update(GUNICORN_BIND="0.0.0.0:9000", GUNICORN_WORKERS="3")
        result = run_in_project("-c", code, env=env, timeout=60, check=True)
        config = json.loads(result.stdout)
        assert config["bind"] == ["0.0.0.0:9000"]
        assert config["workers"] == 3
        assert (config["timeout"], config["graceful_timeout"]) == (60, 30)
        assert config["wsgi_app"] == "ehcp_site.wsgi:application"
        assert config["secure_scheme_headers"] == {}
        # No query string (q), request line (r), referrer (f), user agent (a) or headers.
        assert re.findall(r"%\((\w+)\)s", config["access_log_format"]) == [
            "h",
            "t",
            "m",
            "U",
            "H",
            "s",
            "B",
            "M",
        ]


SHOW_SETTINGS = (
    "import json; from django.conf import settings as s; print(json.dumps({"
    "'cache': s.CACHES['default']['BACKEND'], "
    "'static': s.STORAGES['staticfiles']['BACKEND'], "
    "'secure_cookies': [s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE], "
    "'db_options': s.DATABASES['default'].get('OPTIONS', {}), "
    "'proxy': [getattr(s, 'SECURE_PROXY_SSL_HEADER', None), s.TRUSTED_PROXY_COUNT]}))"
)


def settings_for(**variables) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "REDIS_"))}
    env.pop("DATABASE_URL", None)
    env.update(DJANGO_SETTINGS_MODULE="ehcp_site.settings", **variables)
    result = run_in_project(
        "-c", f"import django; django.setup(); {SHOW_SETTINGS}", env=env, timeout=60
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


SQLITE_OPTIONS = {
    "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    "transaction_mode": "IMMEDIATE",
    "timeout": 20,
}


class ProductionSettingsTests:
    def test_production_defaults(self):
        shown = settings_for(**PRODUCTION)
        assert shown["cache"] == "django.core.cache.backends.db.DatabaseCache"
        assert shown["static"] == "whitenoise.storage.CompressedManifestStaticFilesStorage"
        assert shown["secure_cookies"] == [True, True]
        assert shown["db_options"] == SQLITE_OPTIONS
        assert shown["proxy"] == [None, 0]

    def test_redis_url_selects_redis(self):
        shown = settings_for(**PRODUCTION, REDIS_URL="redis://127.0.0.1:6379/1")
        assert shown["cache"] == "ehcp_site.redis_cache.RedisCache"

    def test_behind_a_proxy(self):
        shown = settings_for(
            **PRODUCTION, DJANGO_TRUST_X_FORWARDED_PROTO="true", DJANGO_TRUSTED_PROXY_COUNT="1"
        )
        assert shown["proxy"] == [["HTTP_X_FORWARDED_PROTO", "https"], 1]

    def test_a_sqlite_database_url_gets_the_same_locking_options(self):
        shown = settings_for(**PRODUCTION, DATABASE_URL="sqlite:////srv/ehcp/db.sqlite3")
        assert shown["db_options"] == SQLITE_OPTIONS

    def test_postgresql_gets_no_sqlite_options(self):
        shown = settings_for(**PRODUCTION, DATABASE_URL="postgres://u:p@db.internal:5432/ehcp")
        assert shown["db_options"] == {}

    def test_development_needs_no_collectstatic(self):
        shown = settings_for(DJANGO_DEBUG="true")
        assert shown["static"] == "django.contrib.staticfiles.storage.StaticFilesStorage"

    def test_local_http_drops_the_secure_flag_only_there(self):
        shown = settings_for(
            **{**PRODUCTION, "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost"},
            DJANGO_INSECURE_LOCAL_HTTP="true",
        )
        assert shown["secure_cookies"] == [False, False]


def test_env_example_lists_every_variable_env_py_reads():
    read = set(re.findall(r'environ\.get\(\s*"([A-Z_]+)"', (ROOT / "ehcp_site/env.py").read_text()))
    listed = set(re.findall(r"^#? ?([A-Z_]+)=", (ROOT / ".env.example").read_text(), re.MULTILINE))
    assert len(read) >= 20
    assert read - listed == set()
    assert listed - read == set()
