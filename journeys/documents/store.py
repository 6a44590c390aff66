"""The evidence store: Django's storage API (the "evidence" entry of STORAGES), every file
encrypted before it is written.

The local filesystem by default (settings.EVIDENCE_ROOT, outside static and outside any
URL: nothing serves it directly); an S3-compatible bucket through django-storages when the
deployment has more than one server (docs/deploy.md). Either way the store only ever holds
Fernet tokens made with the family-text keys (ehcp_site/crypto.py), so a copy of the disk or
the bucket reads as noise, and `rotate_encryption_key` re-encrypts files with the rows.

Stored names are random (`<case id>/<random>.bin`): what a family called a file stays in the
encrypted case file, never in a path.
"""

from __future__ import annotations

import secrets

from cryptography.fernet import InvalidToken
from django.core.exceptions import ImproperlyConfigured
from django.core.files.base import ContentFile
from django.core.files.storage import storages

from ehcp_site.crypto import fernet

STORAGE_ALIAS = "evidence"


def evidence_storage():
    return storages[STORAGE_ALIAS]


def blob_save(*, folder: str, content: bytes) -> str:
    """Encrypt `content`, store it under a new random name in `folder`; return that name."""
    name = f"{folder}/{secrets.token_hex(16)}.bin"
    return evidence_storage().save(name, ContentFile(fernet().encrypt(content)))


def blob_read(name: str) -> bytes:
    """The decrypted bytes stored under `name` (FileNotFoundError when it has gone)."""
    with evidence_storage().open(name, "rb") as stored:
        token = stored.read()
    try:
        return fernet().decrypt(token)
    except InvalidToken:
        raise ImproperlyConfigured(
            "A stored document cannot be decrypted with any key in DJANGO_FIELD_ENCRYPTION_KEYS"
        ) from None


def blob_rotate(name: str) -> str:
    """Re-encrypt one stored file with the newest key (rotate_encryption_key): written under
    a new name first, so a crash half-way leaves the old file whole. Returns the new name;
    the caller records it, then deletes the old one (blob_delete)."""
    storage = evidence_storage()
    with storage.open(name, "rb") as stored:
        token = stored.read()
    folder = name.rpartition("/")[0]
    return storage.save(
        f"{folder}/{secrets.token_hex(16)}.bin", ContentFile(fernet().rotate(token))
    )


def blob_delete(name: str) -> None:
    """Remove the stored file for good (nothing to do when it has already gone)."""
    if name:
        evidence_storage().delete(name)


def blob_exists(name: str) -> bool:
    return evidence_storage().exists(name)
