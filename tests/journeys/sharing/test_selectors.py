"""journeys/sharing/selectors.py: the rows of a case's sharing page."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from ehcp_site.accounts.models import Organisation
from journeys.models import AdvocateAccess, CaseNote, OrganisationShare
from journeys.sharing.selectors import (
    advocate_access_list,
    organisation_get,
    organisation_ids_shared_with,
    organisation_share_rows,
)
from tests.conftest import make_user
from tests.factories import CaseFactory


@pytest.fixture
def parent(db):
    return make_user("parent@example.org", "Pat Parent")


@pytest.fixture
def case(parent):
    return CaseFactory(owner=parent)


@pytest.mark.django_db
class OrganisationShareRowsTests:
    def test_each_share_comes_with_how_many_notes_its_organisation_wrote(self, parent, case):
        charity = Organisation.objects.create(name="SEND Support")
        other = Organisation.objects.create(name="Parent Carers")
        for organisation in (charity, other):
            OrganisationShare.objects.create(case=case, organisation=organisation)
        worker = make_user("worker@example.org")
        for body in ("one", "two"):
            CaseNote.objects.create(
                case=case, organisation=charity, author=worker, author_name="W", body=body
            )
        rows = {
            share.organisation.name: count for share, count in organisation_share_rows(case=case)
        }
        assert rows == {"SEND Support": 2, "Parent Carers": 0}
        assert set(organisation_ids_shared_with(case=case)) == {charity.id, other.id}

    def test_another_cases_shares_are_not_listed(self, parent, case):
        elsewhere = CaseFactory(owner=parent)
        OrganisationShare.objects.create(
            case=elsewhere, organisation=Organisation.objects.create(name="Elsewhere")
        )
        assert organisation_share_rows(case=case) == []
        assert organisation_ids_shared_with(case=case) == []


@pytest.mark.django_db
def test_invitations_are_listed_newest_first(parent, case):
    now = timezone.now()
    for days, email in ((2, "old@example.org"), (1, "new@example.org")):
        AdvocateAccess.objects.create(
            case=case,
            email=email,
            token_hash=email.ljust(64, "x"),
            invited_by=parent,
            created_at=now - timedelta(days=days),
            expires_at=now + timedelta(days=7),
        )
    assert [a.email for a in advocate_access_list(case=case)] == [
        "new@example.org",
        "old@example.org",
    ]


@pytest.mark.django_db
def test_an_unknown_organisation_is_none():
    import uuid

    assert organisation_get(organisation_id=uuid.uuid4()) is None
