"""Confirming an email address: anyone can sign up with any address, so nothing that is
given to an address (an invitation, a membership) works until its owner proves it."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.test import Client
from django.utils import timezone

from ehcp_site.accounts.models import Membership, Organisation, User
from journeys.models import AdvocateAccess, OrganisationShare
from journeys.sharing.services import _token_hash
from tests.conftest import PASSWORD, make_user
from tests.factories import CaseFactory

LINK = re.compile(r"http://\S+(/account/confirm-email/\S+/)")


def sign_up(browser: Client, email: str) -> None:
    mail.outbox.clear()
    response = browser.post(
        "/account/sign-up/",
        {"full_name": "Mal Lory", "email": email, "password1": PASSWORD, "password2": PASSWORD},
    )
    assert response.status_code == 302, response.content.decode()[:400]


@pytest.mark.django_db
class VerifyEmailTests:
    def test_sign_up_emails_a_link_that_confirms_the_address(self):
        browser = Client()
        sign_up(browser, "new@example.org")
        user = User.objects.get(email="new@example.org")
        assert not user.email_verified
        assert mail.outbox[-1].to == ["new@example.org"]
        link = LINK.search(mail.outbox[-1].body)[1]
        assert browser.get(link).status_code == 302
        user.refresh_from_db()
        assert user.email_verified

    def test_a_bad_or_old_link_is_refused(self, monkeypatch):
        import time

        from django.core import signing

        browser = Client()
        sign_up(browser, "new@example.org")
        link = LINK.search(mail.outbox[-1].body)[1]
        assert browser.get(link[:-5] + "xxxx/").status_code == 400
        four_days_later = time.time() + 4 * 24 * 3600
        monkeypatch.setattr(signing.time, "time", lambda: four_days_later)
        assert browser.get(link).status_code == 400
        assert not User.objects.get().email_verified

    def test_someone_who_signs_up_as_the_invited_address_cannot_accept(self, case_file):
        parent = make_user("parent@example.org", "Pat Parent")
        case = CaseFactory(journey="request", case_file=case_file, owner=parent)
        AdvocateAccess.objects.create(
            case=case,
            email="advocate@example.org",
            token_hash=_token_hash("tok"),
            expires_at=timezone.now() + timedelta(days=7),
            invited_by=parent,
        )
        impostor = Client()
        sign_up(impostor, "advocate@example.org")  # got hold of the link, not the mailbox
        response = impostor.post("/invitations/tok/")
        assert response.status_code == 403
        assert "Confirm your email address first" in response.content.decode()
        assert impostor.get(f"/cases/{case.id}/").status_code == 404
        # The real owner of the mailbox confirms, and then the same link works.
        impostor.get(LINK.search(mail.outbox[-1].body)[1])
        assert impostor.post("/invitations/tok/").status_code == 302

    def test_a_membership_counts_only_once_the_address_is_confirmed(self, case_file):
        organisation = Organisation.objects.create(name="Sunrise")
        worker = make_user("worker@example.org", "Wren", verified=False)
        Membership.objects.create(organisation=organisation, user=worker)
        case = CaseFactory(journey="request", case_file=case_file, owner=make_user())
        OrganisationShare.objects.create(case=case, organisation=organisation)
        browser = Client()
        browser.force_login(worker)
        assert browser.get(f"/organisations/{organisation.id}/caseload/").status_code == 404
        assert browser.get(f"/cases/{case.id}/").status_code == 404
        assert "Confirm your email address first" in browser.get("/organisations/").content.decode()
        worker.email_verified_at = timezone.now()
        worker.save()
        assert browser.get(f"/organisations/{organisation.id}/caseload/").status_code == 200
        assert browser.get(f"/cases/{case.id}/").status_code == 200

    def test_the_link_can_be_sent_again_from_the_account_page(self):
        browser = Client()
        browser.force_login(make_user("x@example.org", verified=False))
        assert "not confirmed yet" in browser.get("/account/your-account/").content.decode()
        mail.outbox.clear()
        assert browser.post("/account/confirm-email/").status_code == 302
        assert mail.outbox[-1].to == ["x@example.org"]

    def test_resetting_the_password_by_email_confirms_the_address(self):
        user = make_user("x@example.org", verified=False)
        mail.outbox.clear()
        Client().post("/account/password-reset/", {"email": "x@example.org"})
        link = re.search(r"http://\S+(/account/reset/\S+/)", mail.outbox[-1].body)[1]
        browser = Client()
        form = browser.get(link, follow=True)
        browser.post(
            form.redirect_chain[-1][0] if form.redirect_chain else link,
            {"new_password1": "another-long-pass-7", "new_password2": "another-long-pass-7"},
        )
        user.refresh_from_db()
        assert user.email_verified


@pytest.mark.django_db
def test_an_advocate_who_signs_up_from_an_invitation_lands_back_on_it(case_file):
    parent = make_user("parent@example.org", "Pat Parent")
    case = CaseFactory(journey="request", case_file=case_file, owner=parent)
    AdvocateAccess.objects.create(
        case=case,
        email="advocate@example.org",
        token_hash=_token_hash("tok"),
        expires_at=timezone.now() + timedelta(days=7),
        invited_by=parent,
    )
    advocate = Client()
    page = advocate.get("/invitations/tok/").content.decode()
    assert "/account/sign-up/?next=/invitations/tok/" in page
    mail.outbox.clear()
    response = advocate.post(
        "/account/sign-up/?next=/invitations/tok/",
        {
            "full_name": "Ade Advocate",
            "email": "advocate@example.org",
            "password1": PASSWORD,
            "password2": PASSWORD,
            "next": "/invitations/tok/",
        },
    )
    assert response["Location"] == "/invitations/tok/"
    # The confirmation link brings them back to the invitation, which they can now accept.
    link = re.search(r"http://\S+(/account/confirm-email/\S+)", mail.outbox[-1].body)[1]
    response = advocate.get(link)
    assert response["Location"] == "/invitations/tok/"
    assert advocate.post("/invitations/tok/")["Location"] == f"/cases/{case.id}/"
    # Opened in another browser, it goes through sign-in and then back to the invitation.
    elsewhere = Client()
    response = elsewhere.get(link)
    assert response["Location"] == "/account/sign-in/?next=%2Finvitations%2Ftok%2F"
