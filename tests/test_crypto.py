"""Encryption at rest: what families write is ciphertext in the raw database row, reads back
intact, survives a key rotation, and production refuses to start without a key."""

from __future__ import annotations

import io
import subprocess
import sys

import pytest
from cryptography.fernet import Fernet
from django.core.management import call_command
from django.db import connection
from django.test import override_settings

from ehcp_site.crypto import PREFIX, decrypt_text, encrypt_text
from ehcp_site.sessions import SessionStore
from journeys.models import Case, CaseNote, Draft
from tests.conftest import make_user
from tests.factories import CaseFactory

NEEDS_TEXT = "cannot follow spoken instructions"


def raw(table: str, column: str) -> list[str]:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {column} FROM {table}")  # noqa: S608 - fixed names
        return [row[0] for row in cursor.fetchall()]


@pytest.fixture
def saved(case_file):
    case_file["needs"][0]["description"] = f"Sam {NEEDS_TEXT} in class."
    owner = make_user()
    case = CaseFactory(
        journey="request",
        case_file=case_file,
        owner=owner,
        extras={"request": {"anything_else": "private words"}},
    )
    from ehcp_site.accounts.models import Organisation

    organisation = Organisation.objects.create(name="Sunrise")
    CaseNote.objects.create(
        case=case,
        organisation=organisation,
        author_name="W",
        body="Mum told me about the diagnosis",
    )
    Draft.objects.create(
        user=owner, case_id=case.id, journey="plan", data={"step_data": {"x": [NEEDS_TEXT]}}
    )
    return case


@pytest.mark.django_db
class EncryptedAtRestTests:
    def test_the_raw_rows_are_ciphertext(self, saved):
        for table, column, secret in (
            ("journeys_case", "case_file", NEEDS_TEXT),
            ("journeys_case", "extras", "private words"),
            ("journeys_casenote", "body", "diagnosis"),
            ("journeys_draft", "data", NEEDS_TEXT),
            ("journeys_case", "email", "grace.private"),
        ):
            (value,) = raw(table, column)
            assert value.startswith(PREFIX), (table, column)
            assert secret not in value, (table, column)

    def test_values_read_back_intact(self, saved):
        case = Case.objects.get(pk=saved.pk)
        assert NEEDS_TEXT in case.case_file["needs"][0]["description"]
        assert case.extras == {"request": {"anything_else": "private words"}}
        assert CaseNote.objects.get().body == "Mum told me about the diagnosis"
        assert Draft.objects.values_list("data", flat=True).get() == {
            "step_data": {"x": [NEEDS_TEXT]}
        }

    def test_the_summary_columns_stay_searchable(self, saved):
        assert Case.objects.filter(child_name__icontains="sam").exists()

    def test_rotating_the_key(self, saved, settings):
        old_key = settings.FIELD_ENCRYPTION_KEYS[0]
        new_key = Fernet.generate_key().decode()
        (before,) = raw("journeys_case", "case_file")
        updated_at = Case.objects.values_list("updated_at", flat=True).get()
        with override_settings(FIELD_ENCRYPTION_KEYS=[new_key, old_key]):
            out = io.StringIO()
            call_command("rotate_encryption_key", stdout=out)
        assert "1 cases, 1 drafts, 1 case notes" in out.getvalue()
        (after,) = raw("journeys_case", "case_file")
        assert after != before and after.startswith(PREFIX)
        with override_settings(FIELD_ENCRYPTION_KEYS=[new_key]):  # the old key is gone
            assert NEEDS_TEXT in Case.objects.get().case_file["needs"][0]["description"]
            assert CaseNote.objects.get().body.startswith("Mum")
        # Rotation is not activity (retention counts from the last real change).
        assert Case.objects.values_list("updated_at", flat=True).get() == updated_at

    def test_a_value_without_any_of_the_keys_is_refused(self, saved):
        from django.core.exceptions import ImproperlyConfigured

        unknown_key = [Fernet.generate_key().decode()]
        with (
            override_settings(FIELD_ENCRYPTION_KEYS=unknown_key),
            pytest.raises(ImproperlyConfigured),
        ):
            Case.objects.get()


def test_plain_values_from_before_encryption_are_still_read():
    assert decrypt_text('{"a": 1}') == '{"a": 1}'
    assert decrypt_text(encrypt_text("Łucja")) == "Łucja"


@pytest.mark.django_db
def test_sessions_are_encrypted():
    store = SessionStore()
    store["journey_drafts"] = {"request:1": {"answer": NEEDS_TEXT}}
    store.save()
    (value,) = raw("django_session", "session_data")
    assert value.startswith(PREFIX) and NEEDS_TEXT not in value
    assert SessionStore(store.session_key)["journey_drafts"]["request:1"]["answer"] == NEEDS_TEXT


def test_the_rotation_command_exits_2_without_a_key(tmp_path):
    result = subprocess.run(
        [sys.executable, "manage.py", "rotate_encryption_key"],
        env={
            "PATH": "/usr/bin:/bin",
            "DJANGO_SECRET_KEY": "x" * 64,
            "DJANGO_DEBUG": "false",
            "DJANGO_ALLOWED_HOSTS": "x.example",
            "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        },
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 2, result.stderr
    assert "DJANGO_FIELD_ENCRYPTION_KEYS is not set" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_the_rotation_command_covers_every_encrypted_field():
    from django.apps import apps

    from ehcp_site.crypto import EncryptedJSONField, EncryptedTextField
    from journeys.management.commands.rotate_encryption_key import ENCRYPTED_FIELDS

    encrypted = {
        (model, field.name)
        for model in apps.get_models()
        for field in model._meta.fields
        if isinstance(field, EncryptedJSONField | EncryptedTextField)
    }
    rotated = {(model, name) for model, names in ENCRYPTED_FIELDS for name in names}
    assert encrypted == rotated
