"""journeys/cases/selectors.py: who may see a case, and the lists a visitor gets.

The full matrix of URLs and roles is tests/test_permission_matrix.py; here, the selectors
themselves, without a request cycle.
"""

from __future__ import annotations

import uuid

import pytest
from django.contrib.auth.models import AnonymousUser
from django.http import Http404
from django.test import RequestFactory
from django.utils import timezone

from ehcp_site.accounts.middleware import SignInRequired
from journeys.cases.selectors import (
    DRAFTS_SESSION_KEY,
    OWNED_CASES_KEY,
    DraftInfo,
    Need,
    Role,
    audit_event_list,
    case_access_for,
    case_access_or_404,
    case_for_answers_or_404,
    case_list_for_parent,
    case_list_shared_with_advocate,
    draft_list_for_visitor,
    requester_owns_case,
)
from journeys.models import AdvocateAccess, AuditEvent, Draft
from tests.conftest import make_user
from tests.factories import CaseFactory


def request_for(user=None, session=None):
    request = RequestFactory().get("/")
    request.user = user or AnonymousUser()
    request.session = session if session is not None else {}
    return request


@pytest.fixture
def parent(db):
    return make_user("parent@example.org", "Pat Parent")


@pytest.fixture
def case(parent):
    return CaseFactory(owner=parent)


@pytest.mark.django_db
class CaseAccessTests:
    def test_the_owner_may_do_everything(self, parent, case):
        access = case_access_or_404(request_for(parent), case.id, need=Need.OWN)
        assert access.role is Role.OWNER and access.is_owner

    def test_the_session_that_made_an_anonymous_case_owns_it(self):
        case = CaseFactory()
        session = {OWNED_CASES_KEY: [str(case.id)]}
        assert requester_owns_case(user=AnonymousUser(), session=session, case=case)
        assert not requester_owns_case(user=AnonymousUser(), session={}, case=case)

    def test_an_accepted_advocate_may_read_but_not_own(self, parent, case):
        advocate = make_user("advocate@example.org")
        AdvocateAccess.objects.create(
            case=case,
            email=advocate.email,
            token_hash="x" * 64,
            invited_by=parent,
            expires_at=timezone.now(),
            accepted_by=advocate,
            accepted_at=timezone.now(),
        )
        assert case_access_or_404(request_for(advocate), case.id, need=Need.READ).role is (
            Role.ADVOCATE
        )
        with pytest.raises(Http404):
            case_access_or_404(request_for(advocate), case.id, need=Need.OWN)

    def test_a_stranger_gets_a_404_and_a_visitor_is_asked_to_sign_in(self, case):
        with pytest.raises(Http404):
            case_access_or_404(request_for(make_user("x@example.org")), case.id, need=Need.READ)
        with pytest.raises(SignInRequired):
            case_access_or_404(request_for(), case.id, need=Need.READ)

    def test_an_unknown_id_is_no_access(self, parent):
        assert case_access_for(user=parent, session={}, case_id=uuid.uuid4()) is None


@pytest.mark.django_db
class CaseForAnswersTests:
    def test_a_new_case_id_has_no_saved_case_yet(self, parent):
        assert case_for_answers_or_404(request_for(parent), uuid.uuid4()) is None

    def test_the_owner_gets_the_saved_case_with_its_case_file(self, parent, case):
        saved = case_for_answers_or_404(request_for(parent), case.id)
        assert saved == case and saved.case_file == case.case_file

    def test_anyone_else_is_refused(self, case):
        with pytest.raises(Http404):
            case_for_answers_or_404(request_for(make_user("x@example.org")), case.id)


@pytest.mark.django_db
class CaseListTests:
    def test_a_parent_lists_their_own_cases_only(self, parent, case):
        CaseFactory(owner=make_user("other@example.org"))
        assert case_list_for_parent(user=parent, session={}) == [case]

    def test_a_visitor_lists_the_cases_their_session_made(self):
        mine, theirs = CaseFactory(), CaseFactory()
        session = {OWNED_CASES_KEY: [str(mine.id)]}
        assert case_list_for_parent(user=AnonymousUser(), session=session) == [mine]
        assert theirs not in case_list_for_parent(user=AnonymousUser(), session=session)

    def test_a_visitor_has_no_shared_cases(self):
        assert case_list_shared_with_advocate(user=AnonymousUser()) == []


@pytest.mark.django_db
class DraftListTests:
    def test_a_signed_in_parents_drafts_come_from_the_database(self, parent):
        Draft.objects.create(user=parent, case_id=uuid.uuid4(), journey="request", data={})
        (draft,) = draft_list_for_visitor(user=parent, session={})
        assert draft.journey == "request"

    def test_a_visitors_drafts_come_from_their_session_filtered_by_case(self):
        case_id = str(uuid.uuid4())
        session = {
            DRAFTS_SESSION_KEY: {
                f"request:{case_id}": {"step": "child-name"},
                f"appeal:{uuid.uuid4()}": {"step": None},
            }
        }
        (draft,) = draft_list_for_visitor(user=AnonymousUser(), session=session, case_id=case_id)
        assert (draft.case_id, draft.journey, draft.step) == (case_id, "request", "child-name")

    def test_the_childs_name_is_read_from_the_stored_answers(self):
        data = {"step_data": {"child-name": {"child-name-first_name": ["Ada"]}}}
        assert DraftInfo("id", "request", "child-dob", data).child_first_name == "Ada"
        assert DraftInfo("id", "request", None, {}).child_first_name == ""


@pytest.mark.django_db
def test_the_audit_list_is_newest_first(parent, case):
    for action in ("viewed", "downloaded"):
        AuditEvent.objects.create(
            case=case, actor=parent, actor_name="A", actor_role="advocate", action=action
        )
    assert [e.action for e in audit_event_list(case=case)] == ["downloaded", "viewed"]
