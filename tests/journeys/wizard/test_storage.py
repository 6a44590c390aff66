"""journeys/wizard/storage.py: formtools' storage interface over the session and Draft rows.

One suite, run against both backends (as formtools tests each of its own), plus what only
one of them does: the session's cap on drafts, the database's merge of two tabs' writes.
"""

from __future__ import annotations

import uuid

import pytest
from django.contrib.auth.models import AnonymousUser
from django.contrib.sessions.backends.signed_cookies import SessionStore
from django.test import RequestFactory
from django.utils.datastructures import MultiValueDict

from journeys.cases.selectors import DRAFTS_SESSION_KEY
from journeys.models import Draft
from journeys.wizard.storage import (
    MAX_DRAFTS_PER_SESSION,
    CaseDatabaseStorage,
    CaseSessionStorage,
    draft_key,
    draft_storage,
)
from tests.conftest import make_user

CASE_ID = uuid.UUID("00000000-0000-4000-8000-000000000001")


def request_for(user=None, session=None):
    request = RequestFactory().get("/")
    request.user = user or AnonymousUser()
    request.session = session if session is not None else SessionStore()
    return request


def storage_for(request, *, case_id=CASE_ID, journey="request"):
    return draft_storage("request", request, case_id=case_id, journey_slug=journey)


@pytest.fixture(params=["session", "database"])
def request_(request, db):
    return request_for(make_user("parent@example.org") if request.param == "database" else None)


@pytest.mark.django_db
class DraftStorageTests:
    def test_the_visitor_gets_the_backend_of_their_kind(self, request_):
        expected = CaseDatabaseStorage if request_.user.is_authenticated else CaseSessionStorage
        assert type(storage_for(request_)) is expected

    def test_nothing_is_kept_until_the_first_write(self, request_):
        storage = storage_for(request_)
        assert not storage.exists()
        assert storage.get_step_data("child-name") is None

    def test_a_step_written_is_read_back_by_the_next_request(self, request_):
        storage_for(request_).set_step_data(
            "child-name", MultiValueDict({"child-name-first_name": ["Ada"]})
        )
        again = storage_for(request_)
        assert again.exists()
        assert again.get_step_data("child-name")["child-name-first_name"] == "Ada"

    def test_the_current_step_and_extra_data_are_kept(self, request_):
        storage = storage_for(request_)
        storage.current_step = "child-pronouns"
        storage.extra_data = {"base_case_file": {"format": "ehcp-case/1"}}
        again = storage_for(request_)
        assert again.current_step == "child-pronouns"
        assert again.extra_data == {"base_case_file": {"format": "ehcp-case/1"}}

    def test_each_journey_of_a_case_has_its_own_draft(self, request_):
        storage_for(request_, journey="request").set_step_data("child-name", {"a": ["1"]})
        assert not storage_for(request_, journey="appeal").exists()

    def test_reset_empties_the_draft(self, request_):
        storage = storage_for(request_)
        storage.set_step_data("child-name", {"a": ["1"]})
        storage.reset()
        assert storage_for(request_).get_step_data("child-name") is None

    def test_each_write_bumps_the_version_the_view_caches_answers_by(self, request_):
        storage = storage_for(request_)
        before = storage.version
        storage.set_step_data("child-name", {"a": ["1"]})
        assert storage.version > before


@pytest.mark.django_db
class CaseSessionStorageTests:
    def test_drafts_live_in_the_session_under_the_journey_and_case(self):
        request = request_for()
        storage_for(request).set_step_data("child-name", {"a": ["1"]})
        assert list(request.session[DRAFTS_SESSION_KEY]) == [draft_key("request", CASE_ID)]
        assert not Draft.objects.exists()

    def test_a_session_keeps_only_the_most_recent_drafts(self):
        request = request_for()
        for _ in range(MAX_DRAFTS_PER_SESSION + 3):
            storage_for(request, case_id=uuid.uuid4()).set_step_data("child-name", {"a": ["1"]})
        assert len(request.session[DRAFTS_SESSION_KEY]) == MAX_DRAFTS_PER_SESSION


@pytest.mark.django_db
class CaseDatabaseStorageTests:
    def test_another_account_does_not_find_the_draft(self):
        storage_for(request_for(make_user("a@example.org"))).set_step_data("s", {"a": ["1"]})
        assert not storage_for(request_for(make_user("b@example.org"))).exists()

    def test_two_tabs_saving_different_steps_keep_both_answers(self):
        parent = make_user("parent@example.org")
        first, second = storage_for(request_for(parent)), storage_for(request_for(parent))
        first.set_step_data("child-name", {"child-name-first_name": ["Ada"]})
        second.data  # noqa: B018 - the second tab read the draft before the first one wrote
        second.set_step_data("child-pronouns", {"child-pronouns-pronouns": ["she"]})
        row = Draft.objects.get(user=parent)
        assert set(row.data["step_data"]) == {"child-name", "child-pronouns"}
