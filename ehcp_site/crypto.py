"""Encryption at rest for what a family tells us in their own words.

The case file (needs, diagnoses, evidence key points...), a journey's extras, answers in
progress, support workers' notes and anonymous visitors' sessions are stored encrypted with
Fernet (AES-128-CBC with HMAC-SHA256, from `cryptography`). A database dump or backup on
its own reads as ciphertext; the key lives only in the environment.

Keys: `settings.FIELD_ENCRYPTION_KEYS`, newest first (DJANGO_FIELD_ENCRYPTION_KEYS, comma
separated). The first key encrypts; every key decrypts, so a new key can be put first and
`manage.py rotate_encryption_key` re-encrypts every row with it before the old one is
removed (docs/deploy.md). Stored values start with PREFIX so a value written before
encryption was switched on is still read (and encrypted on its next save or rotation).
"""

from __future__ import annotations

import base64
import hashlib
import json
from functools import lru_cache
from typing import Any

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings
from django.core import checks
from django.core.exceptions import ImproperlyConfigured
from django.db import models

PREFIX = "enc1:"


def development_key(secret_key: str) -> str:
    """A Fernet key derived from the (development) secret key, for DEBUG only."""
    digest = hashlib.sha256(f"field-encryption:{secret_key}".encode()).digest()
    return base64.urlsafe_b64encode(digest).decode()


@lru_cache(maxsize=4)
def _fernet(keys: tuple[str, ...]) -> MultiFernet:
    if not keys:
        raise ImproperlyConfigured(
            "DJANGO_FIELD_ENCRYPTION_KEYS is not set: generate a key with "
            "`python -c 'from cryptography.fernet import Fernet; "
            "print(Fernet.generate_key().decode())'`"
        )
    try:
        return MultiFernet([Fernet(key.encode()) for key in keys])
    except ValueError as bad:
        raise ImproperlyConfigured(f"a field encryption key is not a Fernet key: {bad}") from None


def configured_keys() -> tuple[str, ...]:
    """The keys from the environment; in development (DEBUG) one derived from the
    development secret key when none is set, so `make run` needs no set-up."""
    keys = tuple(getattr(settings, "FIELD_ENCRYPTION_KEYS", ()) or ())
    if not keys and settings.DEBUG:
        keys = (development_key(settings.SECRET_KEY),)
    return keys


def fernet() -> MultiFernet:
    return _fernet(configured_keys())


@checks.register(checks.Tags.security, deploy=True)
def check_encryption_keys(app_configs=None, **kwargs) -> list[checks.CheckMessage]:
    """`check --deploy` fails when production would store family data unencrypted."""
    try:
        _fernet(configured_keys())
    except ImproperlyConfigured as problem:
        return [checks.Error(str(problem), id="ehcp.E001")]
    return []


def encrypt_text(plain: str) -> str:
    return PREFIX + fernet().encrypt(plain.encode()).decode()


def decrypt_text(stored: str) -> str:
    if not stored.startswith(PREFIX):
        return stored  # written before encryption: read as it is
    try:
        return fernet().decrypt(stored[len(PREFIX) :].encode()).decode()
    except InvalidToken:
        raise ImproperlyConfigured(
            "A stored value cannot be decrypted with any key in DJANGO_FIELD_ENCRYPTION_KEYS"
        ) from None


def rotate_text(stored: str) -> str:
    """The same value encrypted with the newest key (plain values get encrypted)."""
    if not stored.startswith(PREFIX):
        return encrypt_text(stored)
    return PREFIX + fernet().rotate(stored[len(PREFIX) :].encode()).decode()


class EncryptedTextField(models.TextField):
    """Text stored encrypted. Cannot be searched or filtered in the database: by design."""

    def from_db_value(self, value, expression, connection):
        return None if value is None else decrypt_text(value)

    def get_prep_value(self, value):
        value = super().get_prep_value(value)
        return None if value is None else encrypt_text(value)


class EncryptedJSONField(models.TextField):
    """A JSON value (dict or list) stored encrypted as text."""

    def from_db_value(self, value, expression, connection):
        if value is None:
            return None
        return json.loads(decrypt_text(value))

    def to_python(self, value: Any):
        if isinstance(value, str):
            return json.loads(decrypt_text(value))
        return value

    def get_prep_value(self, value):
        if value is None:
            return None
        return encrypt_text(json.dumps(value, ensure_ascii=False, separators=(",", ":")))

    def value_to_string(self, obj):
        return json.dumps(self.value_from_object(obj))

    def formfield(self, **kwargs):
        from django import forms

        return forms.JSONField(**kwargs)
