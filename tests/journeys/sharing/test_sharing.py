"""Sharing a case: advocate invitations (one-time, 7 days, for the invited address) and
shares with support organisations; revoking takes effect on the very next request."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.test import Client
from django.utils import timezone

from ehcp_site.accounts.models import Organisation
from journeys.models import AdvocateAccess, Case, OrganisationShare
from tests.conftest import is_sign_in_redirect, make_user
from tests.factories import CaseFactory

LINK = re.compile(r"/invitations/([A-Za-z0-9_-]+)/")


@pytest.fixture
def parent():
    return make_user("parent@example.org", "Pat Parent")


@pytest.fixture
def parent_client(parent):
    browser = Client()
    browser.force_login(parent)
    return browser


@pytest.fixture
def case(parent, case_file):
    return CaseFactory(journey="request", case_file=case_file, owner=parent)


def invite(parent_client, case, email="advocate@example.org") -> str:
    """Send an invitation through the sharing page; return the link's path from the email."""
    mail.outbox.clear()
    response = parent_client.post(f"/cases/{case.id}/sharing/advocates/", {"invite-email": email})
    assert response.status_code == 302, response.content.decode()[:500]
    assert mail.outbox[-1].to == [email.lower()]
    return LINK.search(mail.outbox[-1].body)[0]


def browser_for(email: str, name: str = "Alex Advocate") -> Client:
    browser = Client()
    browser.force_login(make_user(email, name))
    return browser


@pytest.mark.django_db
class InvitationTests:
    def test_an_invited_advocate_accepts_and_can_read_and_download(self, parent_client, case):
        link = invite(parent_client, case)
        advocate = browser_for("advocate@example.org")
        overview = f"/cases/{case.id}/"
        assert advocate.get(overview).status_code == 404  # nothing before accepting
        page = advocate.get(link)
        assert page.status_code == 200
        assert "Pat Parent has shared a case with you" in page.content.decode()
        response = advocate.post(link)
        assert response["Location"] == overview
        assert advocate.get(overview).status_code == 200
        letter = advocate.get(f"/cases/{case.id}/letters/request_assessment.pdf")
        assert letter.status_code == 200 and letter.content.startswith(b"%PDF")
        assert advocate.get(f"/cases/{case.id}/letters/request_assessment.docx").status_code == 200

    def test_the_email_names_no_child_and_the_database_holds_no_token(self, parent_client, case):
        link = invite(parent_client, case)
        token = LINK.search(link)[1]
        words = mail.outbox[-1].body.replace(token, "")  # a token is random letters
        assert case.case_file["child"]["first_name"] not in words
        assert "Pat Parent" in mail.outbox[-1].body
        assert not AdvocateAccess.objects.filter(token_hash=token).exists()

    def test_an_expired_link_is_refused(self, parent_client, case):
        link = invite(parent_client, case)
        AdvocateAccess.objects.update(expires_at=timezone.now() - timedelta(seconds=1))
        advocate = browser_for("advocate@example.org")
        response = advocate.post(link)
        assert response.status_code == 410
        assert "This link has expired" in response.content.decode()
        assert advocate.get(f"/cases/{case.id}/").status_code == 404

    def test_a_link_works_for_seven_days(self, parent_client, case):
        link = invite(parent_client, case)
        access = AdvocateAccess.objects.get()
        assert access.expires_at - access.created_at == timedelta(days=7)
        AdvocateAccess.objects.update(expires_at=timezone.now() + timedelta(minutes=1))
        assert browser_for("advocate@example.org").post(link).status_code == 302

    def test_a_used_link_cannot_be_used_again_by_someone_else(self, parent_client, case):
        link = invite(parent_client, case)
        first = browser_for("advocate@example.org")
        first.post(link)
        # The same advocate opening it again simply goes to the case.
        assert first.get(link)["Location"] == f"/cases/{case.id}/"
        # Someone with another account who got hold of the link gets nowhere.
        other = browser_for("other@example.org", "Olly Other")
        response = other.post(link)
        assert response.status_code == 410
        assert "already been used" in response.content.decode()
        assert other.get(f"/cases/{case.id}/").status_code == 404

    def test_a_link_opened_by_a_different_signed_in_user_is_refused(self, parent_client, case):
        link = invite(parent_client, case)
        other = browser_for("other@example.org", "Olly Other")
        for response in (other.get(link), other.post(link)):
            assert response.status_code == 403
            assert "different email address" in response.content.decode()
        assert other.get(f"/cases/{case.id}/").status_code == 404
        # It still works for the right person afterwards.
        assert browser_for("advocate@example.org").post(link).status_code == 302

    def test_the_address_match_ignores_case(self, parent_client, case):
        link = invite(parent_client, case, "Advocate@Example.org")
        assert browser_for("advocate@example.org").post(link).status_code == 302

    def test_someone_not_signed_in_is_asked_to_sign_in_and_comes_back(self, parent_client, case):
        link = invite(parent_client, case)
        page = Client().get(link)
        assert page.status_code == 200
        text = page.content.decode()
        assert f"/account/sign-in/?next={link}" in text
        assert AdvocateAccess.objects.get().accepted_by is None

    def test_a_made_up_link_is_not_found(self):
        assert Client().get("/invitations/not-a-real-token/").status_code == 404
        assert browser_for("a@example.org").post("/invitations/nope/").status_code == 404

    def test_revoking_ends_access_on_the_next_request(self, parent_client, case):
        link = invite(parent_client, case)
        advocate = browser_for("advocate@example.org")
        advocate.post(link)
        assert advocate.get(f"/cases/{case.id}/timeline/").status_code == 200
        access = AdvocateAccess.objects.get()
        response = parent_client.post(f"/cases/{case.id}/sharing/advocates/{access.id}/revoke/")
        assert response.status_code == 302
        for path in (
            f"/cases/{case.id}/",
            f"/cases/{case.id}/timeline/",
            f"/cases/{case.id}/letters/request_assessment.pdf",
        ):
            assert advocate.get(path).status_code == 404
        # The old link does not bring access back.
        assert advocate.post(link).status_code == 410

    def test_a_cancelled_invitation_cannot_be_accepted(self, parent_client, case):
        link = invite(parent_client, case)
        access = AdvocateAccess.objects.get()
        parent_client.post(f"/cases/{case.id}/sharing/advocates/{access.id}/revoke/")
        response = browser_for("advocate@example.org").post(link)
        assert response.status_code == 410 and "cancelled" in response.content.decode()

    def test_a_new_invitation_replaces_the_unused_one(self, parent_client, case):
        old = invite(parent_client, case)
        new = invite(parent_client, case)
        advocate = browser_for("advocate@example.org")
        assert advocate.post(old).status_code == 410
        assert advocate.post(new).status_code == 302

    def test_an_advocate_cannot_change_share_or_delete(self, parent_client, case):
        advocate = browser_for("advocate@example.org")
        advocate.post(invite(parent_client, case))
        assert advocate.get(f"/cases/{case.id}/sharing/").status_code == 404
        assert advocate.post(f"/cases/{case.id}/delete/").status_code == 404
        assert advocate.get(f"/cases/{case.id}/export.zip").status_code == 404
        assert (
            advocate.post(
                f"/cases/{case.id}/timeline/",
                {
                    "event-event_type": "request_sent",
                    "event-event_date_0": "1",
                    "event-event_date_1": "10",
                    "event-event_date_2": "2026",
                },
            ).status_code
            == 404
        )
        assert Case.objects.filter(pk=case.id).exists()

    def test_you_cannot_invite_yourself_and_a_bad_address_is_explained(self, parent_client, case):
        response = parent_client.post(
            f"/cases/{case.id}/sharing/advocates/", {"invite-email": "parent@example.org"}
        )
        assert "not your own" in response.content.decode()
        response = parent_client.post(
            f"/cases/{case.id}/sharing/advocates/", {"invite-email": "not an email"}
        )
        text = response.content.decode()
        assert response.status_code == 200
        assert "Enter an email address in the correct format" in text
        assert 'value="not an email"' in text  # what was typed is kept
        assert not AdvocateAccess.objects.exists()

    def test_only_the_owner_can_invite(self, parent_client, case):
        stranger = browser_for("stranger@example.org", "Sandy Stranger")
        response = stranger.post(
            f"/cases/{case.id}/sharing/advocates/", {"invite-email": "x@example.org"}
        )
        assert response.status_code == 404
        assert is_sign_in_redirect(
            Client().post(f"/cases/{case.id}/sharing/advocates/", {"invite-email": "x@e.org"})
        )
        assert not AdvocateAccess.objects.exists()


@pytest.mark.django_db
class OrganisationShareTests:
    def test_sharing_and_stopping(self, parent_client, case):
        organisation = Organisation.objects.create(name="Sunrise SEND Support")
        page = parent_client.get(f"/cases/{case.id}/sharing/")
        assert "Sunrise SEND Support" in page.content.decode()
        organisation.description = "Help for families in Bristol"
        organisation.save()
        # Choosing from the list asks first, saying who they are and what they will see.
        response = parent_client.post(
            f"/cases/{case.id}/sharing/organisations/",
            {"organisation-organisation": str(organisation.id)},
        )
        assert response.status_code == 200
        confirm = response.content.decode()
        assert "Share this case with Sunrise SEND Support?" in confirm
        assert "Help for families in Bristol" in confirm
        assert "download every letter" in confirm
        assert 'name="confirm" value="yes"' in confirm
        assert not OrganisationShare.objects.exists()
        response = parent_client.post(
            f"/cases/{case.id}/sharing/organisations/",
            {"organisation-organisation": str(organisation.id), "confirm": "yes"},
        )
        assert response.status_code == 302
        share = OrganisationShare.objects.get()
        assert share.case == case and share.organisation == organisation
        response = parent_client.post(
            f"/cases/{case.id}/sharing/organisations/{organisation.id}/stop/"
        )
        assert response.status_code == 302
        assert not OrganisationShare.objects.exists()

    def test_choosing_no_organisation_is_explained(self, parent_client, case):
        Organisation.objects.create(name="Sunrise SEND Support")
        response = parent_client.post(f"/cases/{case.id}/sharing/organisations/", {})
        assert "Select the organisation to share with" in response.content.decode()

    def test_an_anonymous_parent_is_asked_to_create_an_account(self, client, case_file):
        from tests.conftest import request_answers, walk

        response, _ = walk(client, "/request/new/", request_answers())
        case_id = re.search(r"/request/([0-9a-f-]{36})/", response["Location"])[1]
        page = client.get(f"/cases/{case_id}/sharing/")
        assert page.status_code == 200
        assert "Create an account to share this case" in page.content.decode()
        assert is_sign_in_redirect(
            client.post(f"/cases/{case_id}/sharing/advocates/", {"invite-email": "a@e.org"})
        )
