"""Account services: creating an account, and deleting one with everything that is theirs."""

from __future__ import annotations

import uuid
from datetime import timedelta

import pytest
from axes.models import AccessAttempt, AccessLog
from django.contrib.auth import get_user_model
from django.test import Client
from django.utils import timezone

from ehcp_site.accounts.models import Membership, Organisation
from ehcp_site.accounts.services import EmailTaken, user_create, user_delete
from journeys.models import (
    AdvocateAccess,
    AuditEvent,
    Case,
    CaseNote,
    Draft,
    OrganisationShare,
    ReminderSent,
)
from tests.conftest import PASSWORD, make_user
from tests.factories import CaseFactory

User = get_user_model()


@pytest.mark.django_db
class UserCreateTests:
    def test_keeps_the_email_lower_case_and_the_password_hashed(self):
        user = user_create(full_name=" Grace Okafor ", email="Grace@Example.org", password=PASSWORD)
        assert (user.email, user.full_name) == ("grace@example.org", "Grace Okafor")
        assert user.check_password(PASSWORD)

    def test_an_address_taken_meanwhile_raises_email_taken(self):
        make_user("grace@example.org")
        with pytest.raises(EmailTaken):
            user_create(full_name="Grace", email="GRACE@example.org", password=PASSWORD)
        assert User.objects.count() == 1


def advocate_access(case, *, accepted_by, invited_by) -> AdvocateAccess:
    return AdvocateAccess.objects.create(
        case=case,
        email=accepted_by.email,
        token_hash=uuid.uuid4().hex,
        invited_by=invited_by,
        expires_at=timezone.now() + timedelta(days=7),
        accepted_by=accepted_by,
        accepted_at=timezone.now(),
    )


@pytest.mark.django_db
class UserDeleteTests:
    def test_deletes_the_account_and_everything_that_is_theirs_for_real(self, case_file):
        parent = make_user("parent@example.org", "Pat Parent")
        other = make_user("other@example.org", "Olu Other")
        organisation = Organisation.objects.create(name="Sunrise SEND Support")

        # Theirs: a case with things hanging off it, a draft, a membership.
        mine = CaseFactory(journey="request", case_file=case_file, owner=parent)
        ReminderSent.objects.create(
            case=mine, rule="assessment_decision", due=timezone.localdate(), days_before=7
        )
        OrganisationShare.objects.create(case=mine, organisation=organisation, shared_by=parent)
        CaseNote.objects.create(
            case=mine, organisation=organisation, author=other, author_name="Olu", body="note"
        )
        advocate_access(mine, accepted_by=other, invited_by=parent)
        Draft.objects.create(user=parent, case_id=uuid.uuid4(), journey="request", data={})
        Draft.objects.create(user=other, case_id=mine.id, journey="appeal", data={})
        Membership.objects.create(organisation=organisation, user=parent)
        # Someone else's case they were an advocate on, and looked at.
        theirs = CaseFactory(journey="request", case_file=case_file, owner=other)
        advocate_access(theirs, accepted_by=parent, invited_by=other)
        AuditEvent.objects.create(
            case=theirs,
            actor=parent,
            actor_name="Pat Parent",
            actor_role="advocate",
            action="viewed",
            detail="the timeline",
        )
        # The lockout's records of their sign-ins.
        browser = Client()
        browser.post("/account/sign-in/", {"username": "parent@example.org", "password": "no"})
        browser.post("/account/sign-in/", {"username": "parent@example.org", "password": PASSWORD})
        assert AccessLog.objects.filter(username="parent@example.org").exists()

        user_delete(user=parent)

        assert not User.objects.filter(email="parent@example.org").exists()
        assert not Case.objects.filter(pk=mine.pk).exists()
        assert not ReminderSent.objects.exists()
        assert not OrganisationShare.objects.exists()
        assert not CaseNote.objects.exists()
        assert not Draft.objects.exists()  # theirs, and the other user's draft of their case
        assert not Membership.objects.exists()
        assert not AdvocateAccess.objects.exists()
        assert not AccessLog.objects.filter(username="parent@example.org").exists()
        assert not AccessAttempt.objects.filter(username="parent@example.org").exists()
        # What is not theirs stays: the other user, their case, and its record of who looked.
        assert User.objects.filter(email="other@example.org").exists()
        assert Organisation.objects.filter(pk=organisation.pk).exists()
        assert Case.objects.filter(pk=theirs.pk).exists()
        record = AuditEvent.objects.get(case=theirs)
        assert (record.actor, record.actor_name) == (None, "Pat Parent")

    def test_through_the_page_the_rows_are_gone_from_the_database(self, client, case_file):
        parent = make_user()
        case = CaseFactory(journey="request", case_file=case_file, owner=parent)
        Draft.objects.create(user=parent, case_id=case.id, journey="refused", data={})
        client.force_login(parent)
        client.post("/account/delete/", {"password": PASSWORD})
        assert not User.objects.filter(pk=parent.pk).exists()
        assert not Case.objects.filter(pk=case.pk).exists()
        assert not Draft.objects.filter(case_id=case.id).exists()
