"""Test settings: only things that make the suite faster or hermetic.

Tests run with the development environment defaults (no real secret is needed)
unless the caller sets variables itself, e.g. DATABASE_URL for the PostgreSQL run.
"""

import os

os.environ.setdefault("DJANGO_DEBUG", "true")

from ehcp_site.settings import *  # noqa: F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# One process runs the tests, so the fastest cache will do (production shares Redis or the
# database between app servers).
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# A fixed test key (pytest-django runs tests with DEBUG off, so no development key applies).
FIELD_ENCRYPTION_KEYS = ["dGVzdC1vbmx5LWZpZWxkLWVuY3J5cHRpb24ta2V5LTA="]

# Packs are built at once, in the test's own process (the worker is tested apart).
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}

# Documents go to a temporary folder of this process's own, never the checkout's
# private/evidence, removed when the process ends (a test's rolled-back rows leave files).
import atexit  # noqa: E402
import shutil  # noqa: E402
import tempfile  # noqa: E402

_EVIDENCE_ROOT = tempfile.mkdtemp(prefix="ehcp-evidence-test-")
atexit.register(shutil.rmtree, _EVIDENCE_ROOT, ignore_errors=True)

STORAGES = {
    **STORAGES,  # noqa: F405
    "evidence": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": _EVIDENCE_ROOT},
    },
}
