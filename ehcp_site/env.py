"""Every environment variable the project reads, read here and nowhere else.

Production behaviour is switched by environment variables, not by extra settings modules.
`DJANGO_DEBUG=true` is for a developer's machine only: it is the one case where a
development secret key and local host names are filled in for you.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass

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
    email_backend: str
    default_from_email: str
    # The public address of the service, for links in emails (no trailing slash).
    site_url: str


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
        email_backend=environ.get("DJANGO_EMAIL_BACKEND", default_email_backend),
        default_from_email=environ.get("DJANGO_DEFAULT_FROM_EMAIL", "noreply@localhost"),
        site_url=environ.get("DJANGO_SITE_URL", "http://127.0.0.1:8000").rstrip("/"),
    )
