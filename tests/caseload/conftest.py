"""An organisation with a worker and an admin, and a helper that shares a case with it.

Deadlines are set through the case file, as in real use: a request received 6 weeks (42
days) before a date makes that date the council's deadline to decide whether to assess, the
earliest deadline the engine gives for a request (`Case.save` fills the summary columns).
"""

from __future__ import annotations

import copy
from datetime import timedelta
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from ehcp_site.accounts.models import Membership, Organisation
from journeys.models import Case, OrganisationShare
from journeys.cases.selectors import CaseAccess, case_access_for
from tests.conftest import make_user

DECIDE_WEEKS = 6


def events_due_in(days: int | None) -> list[dict[str, str]]:
    """Events whose next deadline falls `days` from today (None: no deadline at all)."""
    if days is None:
        return []
    received = timezone.localdate() + timedelta(days=days) - timedelta(weeks=DECIDE_WEEKS)
    return [{"type": "request_received", "date": received.isoformat()}]


def share_case(
    base_case_file: dict[str, Any],
    organisation: Organisation,
    *,
    first: str = "Sam",
    last: str = "Okafor",
    parent_name: str = "Grace Okafor",
    council: str = "Bristol City Council",
    due_in: int | None = 10,
    journey: str = "request",
    owner=None,
    **share_fields,
) -> Case:
    """A case with these names and next deadline, shared with the organisation."""
    case_file = copy.deepcopy(base_case_file)
    case_file["child"].update(first_name=first, last_name=last)
    case_file["applicant"]["name"] = parent_name
    case_file["local_authority"]["name"] = council
    case_file["events"] = events_due_in(due_in)
    case = Case.objects.create(journey=journey, case_file=case_file, owner=owner)
    expected = None if due_in is None else timezone.localdate() + timedelta(days=due_in)
    assert case.next_deadline_on == expected, "the helper's deadline arithmetic is wrong"
    OrganisationShare.objects.create(case=case, organisation=organisation, **share_fields)
    return case


@pytest.fixture
def organisation(db) -> Organisation:
    return Organisation.objects.create(name="Sunrise SEND Support")


@pytest.fixture
def other_organisation(db) -> Organisation:
    return Organisation.objects.create(name="Elsewhere Advice")


@pytest.fixture
def parent(db):
    return make_user("parent@example.org", "Grace Okafor")


@pytest.fixture
def worker(organisation):
    user = make_user("worker@example.org", "Wren Worker")
    Membership.objects.create(organisation=organisation, user=user, role="worker")
    return user


@pytest.fixture
def admin(organisation):
    user = make_user("admin@example.org", "Ari Admin")
    Membership.objects.create(organisation=organisation, user=user, role="admin")
    return user


@pytest.fixture
def outsider(other_organisation):
    """A worker at another organisation."""
    user = make_user("elsewhere@example.org", "Eli Elsewhere")
    Membership.objects.create(organisation=other_organisation, user=user, role="admin")
    return user


def client_for(user, **kwargs) -> Client:
    browser = Client(**kwargs)
    browser.force_login(user)
    return browser


def access_for(user, case: Case) -> CaseAccess:
    access = case_access_for(user=user, session={}, case_id=case.id)
    assert access is not None
    return access
