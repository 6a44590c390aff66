"""Names and mail under attack (issue 12, items 7 and 8): a name with a line break never
reaches an email header, and a refusing mail server is a form error with nothing half-done."""

from __future__ import annotations

import smtplib
from unittest import mock

import pytest
from django.core import mail
from django.test import Client

from ehcp_site.accounts.forms import SignUpForm
from journeys.models import AdvocateAccess, Case
from tests.conftest import FIXTURES, make_user

CONTROL = ["Pat\r\nBcc: victim@example.org", "Pat\nParent", "Pat\tParent"]


@pytest.fixture
def owner_and_case(db):
    import json

    owner = make_user("parent@example.org", "Pat Parent")
    case_file = json.loads((FIXTURES / "case_sam.json").read_text())
    case = Case.objects.create(journey="request", case_file=case_file, owner=owner)
    browser = Client()
    browser.force_login(owner)
    return owner, case, browser


def invite(browser, case, email="advocate@example.org"):
    return browser.post(f"/cases/{case.id}/sharing/advocates/", {"invite-email": email})


@pytest.mark.django_db
@pytest.mark.parametrize("name", CONTROL, ids=repr)
def test_sign_up_refuses_a_name_with_a_line_break_or_tab(name):
    form = SignUpForm(
        {
            "full_name": name,
            "email": "new@example.org",
            "password1": "correct horse battery",
            "password2": "correct horse battery",
        }
    )
    assert not form.is_valid()
    assert form.errors["full_name"] == ["Your name must not contain tabs or line breaks"]


def test_an_account_that_already_has_such_a_name_can_still_invite(owner_and_case):
    owner, case, browser = owner_and_case
    owner.full_name = "Pat\r\nParent"  # from before the check, or set in the admin
    owner.save()
    response = invite(browser, case)
    assert response.status_code == 302
    assert mail.outbox[-1].subject == "Pat Parent has shared an EHCP case with you"


def test_a_refusing_mail_server_is_a_form_error_and_nothing_is_half_done(owner_and_case):
    _, case, browser = owner_and_case
    assert invite(browser, case).status_code == 302
    first = AdvocateAccess.objects.get()
    refused = smtplib.SMTPRecipientsRefused({"advocate@example.org": (550, b"no")})
    with mock.patch("journeys.sharing.services.send_mail", side_effect=refused):
        response = invite(browser, case)
    assert response.status_code == 200
    assert "We could not send the email just now" in response.content.decode()
    # The earlier invitation still works and no new one was made.
    assert list(AdvocateAccess.objects.all()) == [first]
    first.refresh_from_db()
    assert first.revoked_at is None
