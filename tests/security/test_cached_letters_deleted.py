"""Cached letters go with their case (issue 12, item 11): deleting a case, an account, or
an inactive case removes its rendered letters from the cache at once, not a day later."""

from __future__ import annotations

import io
from datetime import timedelta

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.test import Client, override_settings
from django.utils import timezone

from ehcp_site.accounts.services import user_delete
from journeys.models import Case
from tests.conftest import PASSWORD, make_user


def cached_letter_keys() -> list[str]:
    return [key for key in cache._cache if "letter-file:" in key]  # locmem in tests


@pytest.fixture
def parent_with_letters():
    parent = make_user()
    browser = Client()
    browser.force_login(parent)
    browser.post("/example/")
    case = Case.objects.get()
    with override_settings(LETTER_FILE_CACHE=True):
        for fmt in ("pdf", "docx"):
            response = browser.get(f"/cases/{case.id}/letters/request_assessment.{fmt}")
            assert response.status_code == 200
    assert len(cached_letter_keys()) == 2
    return parent, browser, case


@pytest.mark.django_db
def test_deleting_a_case_deletes_its_cached_letters(parent_with_letters):
    _, browser, case = parent_with_letters
    assert browser.post(f"/cases/{case.id}/delete/").status_code == 302
    assert not Case.objects.exists()
    assert cached_letter_keys() == []


@pytest.mark.django_db
def test_deleting_an_account_deletes_its_cases_cached_letters(parent_with_letters):
    _, browser, _ = parent_with_letters
    response = browser.post("/account/delete/", {"password": PASSWORD})
    assert response.status_code == 302
    assert cached_letter_keys() == []


@pytest.mark.django_db
def test_the_service_itself_forgets_them(parent_with_letters):
    parent, _, _ = parent_with_letters
    user_delete(user=parent)
    assert cached_letter_keys() == []


@pytest.mark.django_db
def test_purging_an_inactive_case_deletes_its_cached_letters(parent_with_letters):
    _, _, case = parent_with_letters
    # Nobody can be warned about a case without an owner: it goes on the date.
    Case.objects.filter(pk=case.pk).update(
        owner=None, last_active_at=timezone.now() - timedelta(days=800)
    )
    call_command("purge_inactive_cases", stdout=io.StringIO())
    assert not Case.objects.exists()
    assert cached_letter_keys() == []
