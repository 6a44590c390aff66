"""Every environment variable the project reads, read here and nowhere else.

Production behaviour is switched by environment variables, not by extra settings modules.
`DJANGO_DEBUG=true` is for a developer's machine only: it is the one case where a
development secret key and local host names are filled in for you.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

TRUE_WORDS = frozenset({"1", "true", "yes", "on"})
FALSE_WORDS = frozenset({"0", "false", "no", "off", ""})

# Only ever used when DJANGO_DEBUG is true; `check --deploy` flags it as insecure by name.
DEVELOPMENT_SECRET_KEY = "django-insecure-development-only-never-use-in-production"  # noqa: S105


class ImproperlyConfiguredEnvironment(RuntimeError):
    """Raised at start-up when a required variable is missing or unreadable."""


def _as_bool(name: str, raw: str) -> bool:
    word = raw.strip().lower()
    if word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS:
        return False
    raise ImproperlyConfiguredEnvironment(f"{name} must be true or false, not {raw!r}")


def _as_list(raw: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in raw.split(",") if part.strip())


def _as_int(name: str, raw: str, *, minimum: int) -> int:
    try:
        value = int(raw.strip())
    except ValueError:
        raise ImproperlyConfiguredEnvironment(
            f"{name} must be a whole number, not {raw!r}"
        ) from None
    if value < minimum:
        raise ImproperlyConfiguredEnvironment(f"{name} must be at least {minimum}, not {value}")
    return value


# The only host names DJANGO_INSECURE_LOCAL_HTTP may be used with.
LOCAL_HOSTS = frozenset({"localhost", "127.0.0.1", "[::1]"})


@dataclass(frozen=True)
class Environment:
    debug: bool
    secret_key: str
    allowed_hosts: tuple[str, ...]
    database_url: str | None
    # Behind a TLS-terminating proxy the app still redirects plain HTTP unless told otherwise.
    secure_ssl_redirect: bool
    trust_x_forwarded_proto: bool
    csrf_trusted_origins: tuple[str, ...]
    # How many reverse proxies append to X-Forwarded-For in front of the app (0: none, so
    # the header is ignored and REMOTE_ADDR is the client). Rate limits and lockouts use it.
    trusted_proxy_count: int
    # `make serve` only: session and CSRF cookies without the Secure flag, so a browser sends
    # them back over plain http on 127.0.0.1. Refused unless every allowed host is local.
    insecure_local_http: bool
    # A shared cache for several app servers; without it the database holds the cache.
    redis_url: str | None
    # Where collectstatic puts the files WhiteNoise serves (None: `staticfiles/` in the repo).
    static_root: str | None
    # Where uploaded evidence is kept, encrypted (None: `private/evidence/` in the checkout).
    # Never under static or any served folder: only permission-checked case pages serve it.
    evidence_root: str | None
    # Fernet keys for family data at rest (ehcp_site/crypto.py), newest first. No default:
    # `check --deploy` refuses production without one; DEBUG derives a development key.
    field_encryption_keys: tuple[str, ...]
    # Months without use after which `manage.py purge_inactive_cases` deletes a case.
    retention_months: int
    # Keep rendered letters in the cache (letters/cache.py); off only to benchmark without.
    letter_file_cache: bool
    email_backend: str
    default_from_email: str
    # The SMTP server for the SMTP backend: a local relay on port 25 unless told otherwise.
    email_host: str
    email_port: int
    email_host_user: str
    email_host_password: str
    email_use_tls: bool
    # The public address of the service, for links in emails (no trailing slash).
    site_url: str


def env_file_path(base_dir: Path, environ: Mapping[str, str] = os.environ) -> Path | None:
    """The `.env` manage.py reads: DJANGO_ENV_FILE, else the checkout's `.env`; None when
    DJANGO_ENV_FILE is set but empty (the tests' processes, which must see exactly the
    variables they are given)."""
    chosen = environ.get("DJANGO_ENV_FILE")
    if chosen is None:
        return base_dir / ".env"
    return Path(chosen) if chosen else None


def read_env_file(path: Path | None) -> dict[str, str]:
    """Return the NAME=value lines of a checkout's `.env` (written by `make`), or {} without one.

    Only manage.py reads it, and never over a variable already set: production takes its
    variables from the process manager, never from a file in the checkout.
    """
    if path is None:
        return {}
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        return {}
    values = {}
    for line in lines:
        name, equals, value = line.strip().partition("=")
        if equals and name and not name.startswith("#"):
            values[name.strip()] = value.strip()
    return values


def read_environment(environ: Mapping[str, str] = os.environ) -> Environment:
    """Return the typed configuration; raise ImproperlyConfiguredEnvironment when unusable."""
    debug = _as_bool("DJANGO_DEBUG", environ.get("DJANGO_DEBUG", "false"))

    secret_key = environ.get("DJANGO_SECRET_KEY", "")
    if not secret_key:
        if not debug:
            raise ImproperlyConfiguredEnvironment(
                "DJANGO_SECRET_KEY is required unless DJANGO_DEBUG=true"
            )
        secret_key = DEVELOPMENT_SECRET_KEY

    allowed_hosts = _as_list(environ.get("DJANGO_ALLOWED_HOSTS", ""))
    if not allowed_hosts:
        if not debug:
            raise ImproperlyConfiguredEnvironment(
                "DJANGO_ALLOWED_HOSTS is required unless DJANGO_DEBUG=true"
            )
        allowed_hosts = ("localhost", "127.0.0.1", "[::1]")

    insecure_local_http = _as_bool(
        "DJANGO_INSECURE_LOCAL_HTTP", environ.get("DJANGO_INSECURE_LOCAL_HTTP", "false")
    )
    if insecure_local_http and not set(allowed_hosts) <= LOCAL_HOSTS:
        raise ImproperlyConfiguredEnvironment(
            "DJANGO_INSECURE_LOCAL_HTTP=true is for this machine only: DJANGO_ALLOWED_HOSTS "
            f"may then hold only {', '.join(sorted(LOCAL_HOSTS))}"
        )

    default_email_backend = (
        "django.core.mail.backends.console.EmailBackend"
        if debug
        else "django.core.mail.backends.smtp.EmailBackend"
    )
    return Environment(
        debug=debug,
        secret_key=secret_key,
        allowed_hosts=allowed_hosts,
        database_url=environ.get("DATABASE_URL") or None,
        secure_ssl_redirect=_as_bool(
            "DJANGO_SECURE_SSL_REDIRECT",
            environ.get("DJANGO_SECURE_SSL_REDIRECT", "false" if debug else "true"),
        ),
        trust_x_forwarded_proto=_as_bool(
            "DJANGO_TRUST_X_FORWARDED_PROTO", environ.get("DJANGO_TRUST_X_FORWARDED_PROTO", "false")
        ),
        csrf_trusted_origins=_as_list(environ.get("DJANGO_CSRF_TRUSTED_ORIGINS", "")),
        trusted_proxy_count=_as_int(
            "DJANGO_TRUSTED_PROXY_COUNT", environ.get("DJANGO_TRUSTED_PROXY_COUNT", "0"), minimum=0
        ),
        insecure_local_http=insecure_local_http,
        redis_url=environ.get("REDIS_URL") or None,
        static_root=environ.get("DJANGO_STATIC_ROOT") or None,
        evidence_root=environ.get("DJANGO_EVIDENCE_ROOT") or None,
        field_encryption_keys=_as_list(environ.get("DJANGO_FIELD_ENCRYPTION_KEYS", "")),
        retention_months=_as_int(
            "DJANGO_RETENTION_MONTHS", environ.get("DJANGO_RETENTION_MONTHS", "24"), minimum=1
        ),
        letter_file_cache=_as_bool(
            "DJANGO_LETTER_FILE_CACHE", environ.get("DJANGO_LETTER_FILE_CACHE", "true")
        ),
        email_backend=environ.get("DJANGO_EMAIL_BACKEND", default_email_backend),
        default_from_email=environ.get("DJANGO_DEFAULT_FROM_EMAIL", "noreply@localhost"),
        email_host=environ.get("DJANGO_EMAIL_HOST", "localhost"),
        email_port=_as_int("DJANGO_EMAIL_PORT", environ.get("DJANGO_EMAIL_PORT", "25"), minimum=1),
        email_host_user=environ.get("DJANGO_EMAIL_HOST_USER", ""),
        email_host_password=environ.get("DJANGO_EMAIL_HOST_PASSWORD", ""),
        email_use_tls=_as_bool(
            "DJANGO_EMAIL_USE_TLS", environ.get("DJANGO_EMAIL_USE_TLS", "false")
        ),
        site_url=environ.get("DJANGO_SITE_URL", "http://127.0.0.1:8000").rstrip("/"),
    )


@dataclass(frozen=True)
class ServerEnvironment:
    """What gunicorn needs (ehcp_site/gunicorn_conf.py): no secrets, so it is read apart."""

    bind: str
    workers: int
    # Seconds a worker may spend on one request; "download everything" renders every letter.
    timeout: int
    # Seconds a worker gets to finish its requests after a restart or stop signal.
    graceful_timeout: int


def read_server_environment(environ: Mapping[str, str] = os.environ) -> ServerEnvironment:
    """Return gunicorn's settings; raise ImproperlyConfiguredEnvironment when unusable."""
    return ServerEnvironment(
        bind=environ.get("GUNICORN_BIND", "").strip() or "127.0.0.1:8000",
        workers=_as_int("GUNICORN_WORKERS", environ.get("GUNICORN_WORKERS", "2"), minimum=1),
        timeout=_as_int("GUNICORN_TIMEOUT", environ.get("GUNICORN_TIMEOUT", "60"), minimum=1),
        graceful_timeout=_as_int(
            "GUNICORN_GRACEFUL_TIMEOUT", environ.get("GUNICORN_GRACEFUL_TIMEOUT", "30"), minimum=1
        ),
    )
