"""The admin for staff operations (ehcp_site/accounts/admin.py and journeys/admin.py):
accounts without usernames, organisations with their members, and cases, where every look
and every change by staff is in the case's audit record."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from ehcp_site.accounts.models import Membership, Organisation
from journeys.models import AuditEvent, Case
from tests.conftest import make_user
from tests.factories import CaseFactory

User = get_user_model()


@pytest.fixture
def staff():
    return make_user("ops@example.org", "Olive Ops", is_staff=True, is_superuser=True)


@pytest.fixture
def staff_client(staff):
    browser = Client()
    browser.force_login(staff)
    return browser


@pytest.fixture
def case(case_file):
    return CaseFactory(journey="request", case_file=case_file, owner=make_user())


@pytest.mark.django_db
class CaseAdminTests:
    def test_the_list_shows_what_finds_a_case_but_not_the_case_file(self, staff_client, case):
        response = staff_client.get("/admin/journeys/case/")
        assert response.status_code == 200
        page = response.content.decode()
        assert str(case.id) in page
        assert case.council and case.council in page
        assert case.child_name and case.child_name not in page
        assert case.case_file["applicant"]["name"] not in page
        # Listing is not looking at a case.
        assert not AuditEvent.objects.exists()

    def test_opening_a_case_records_that_staff_looked(self, staff_client, staff, case):
        response = staff_client.get(f"/admin/journeys/case/{case.id}/change/")
        assert response.status_code == 200
        assert case.child_name.split()[0] in response.content.decode()  # read-only case file
        event = AuditEvent.objects.get(case=case)
        assert (event.actor, event.actor_name, event.actor_role) == (
            staff,
            "Olive Ops",
            "staff (operations)",
        )
        assert (event.action, event.detail) == ("viewed", "the case in the admin")
        staff_client.get(f"/admin/journeys/case/{case.id}/change/")
        assert AuditEvent.objects.filter(case=case, action="viewed").count() == 2

    def test_saving_a_change_records_it(self, staff_client, case):
        response = staff_client.post(
            f"/admin/journeys/case/{case.id}/change/",
            {
                "owner": str(case.owner_id),
                "email": "grace@example.org",
                "reminders_opt_in": "",
                **inline_management(),
            },
        )
        assert response.status_code == 302, response.content.decode()[:2000]
        case.refresh_from_db()
        assert case.email == "grace@example.org"
        changed = AuditEvent.objects.get(case=case, action="changed")
        assert (changed.actor_role, changed.detail) == (
            "staff (operations)",
            "the case in the admin",
        )
        assert not AuditEvent.objects.filter(action="viewed").exists()  # a POST is not a look

    def test_a_failed_save_that_shows_the_case_again_is_a_look(self, staff_client, case):
        response = staff_client.post(
            f"/admin/journeys/case/{case.id}/change/",
            {"owner": "999999", "email": "", "reminders_opt_in": "", **inline_management()},
        )
        assert response.status_code == 200  # the form again, with the case on it
        assert AuditEvent.objects.filter(case=case, action="viewed").count() == 1
        assert not AuditEvent.objects.filter(action="changed").exists()

    def test_a_staff_save_does_not_count_as_the_parent_using_the_case(self, staff_client, case):
        from datetime import timedelta

        from django.utils import timezone

        long_ago = timezone.now() - timedelta(days=400)
        type(case).objects.filter(pk=case.pk).update(last_active_at=long_ago)
        staff_client.post(
            f"/admin/journeys/case/{case.id}/change/",
            {
                "owner": str(case.owner_id),
                "email": "x@example.org",
                "reminders_opt_in": "",
                **inline_management(),
            },
        )
        case.refresh_from_db()
        assert case.email == "x@example.org" and case.last_active_at == long_ago

    def test_the_case_file_cannot_be_changed_in_the_admin(self, staff_client, case):
        before = case.case_file
        staff_client.post(
            f"/admin/journeys/case/{case.id}/change/",
            {
                "owner": str(case.owner_id),
                "email": "",
                "case_file": '{"child": {}}',
                "journey": "appeal",
                **inline_management(),
            },
        )
        case.refresh_from_db()
        assert case.case_file == before and case.journey == "request"

    def test_deleting_a_case_takes_its_record_with_it(self, staff_client, case):
        staff_client.get(f"/admin/journeys/case/{case.id}/change/")
        response = staff_client.post(f"/admin/journeys/case/{case.id}/delete/", {"post": "yes"})
        assert response.status_code == 302
        assert not Case.objects.filter(pk=case.pk).exists()
        assert not AuditEvent.objects.exists()

    def test_someone_who_is_not_staff_cannot_open_it(self, case):
        browser = Client()
        browser.force_login(make_user("nosy@example.org", "Nosy Parker"))
        response = browser.get(f"/admin/journeys/case/{case.id}/change/")
        assert response.status_code == 302 and "/admin/login/" in response["Location"]
        assert not AuditEvent.objects.exists()


def inline_management() -> dict[str, str]:
    """The (read-only) inlines' management forms the admin's change form posts."""
    data = {}
    for prefix in ("advocate_accesses", "organisation_shares"):
        data.update(
            {
                f"{prefix}-TOTAL_FORMS": "0",
                f"{prefix}-INITIAL_FORMS": "0",
                f"{prefix}-MIN_NUM_FORMS": "0",
                f"{prefix}-MAX_NUM_FORMS": "1000",
            }
        )
    return data


@pytest.mark.django_db
class UserAdminTests:
    def test_lists_and_searches_by_email(self, staff_client):
        make_user("grace@example.org", "Grace Okafor")
        page = staff_client.get("/admin/accounts/user/?q=grace").content.decode()
        assert "grace@example.org" in page and "Grace Okafor" in page
        assert "ops@example.org" not in page

    def test_adds_an_account_by_email_without_a_username(self, staff_client):
        form = staff_client.get("/admin/accounts/user/add/").content.decode()
        assert 'name="email"' in form and 'name="username"' not in form
        response = staff_client.post(
            "/admin/accounts/user/add/",
            {
                "email": "New.Worker@Example.org",
                "full_name": "Nia Worker",
                "usable_password": "true",
                "password1": "plum-kettle-river-42",
                "password2": "plum-kettle-river-42",
            },
        )
        assert response.status_code == 302, response.content.decode()[:2000]
        user = User.objects.get(email="new.worker@example.org")
        assert user.check_password("plum-kettle-river-42")

    def test_an_email_differing_only_in_case_is_a_form_error(self, staff_client):
        make_user("grace@example.org")
        response = staff_client.post(
            "/admin/accounts/user/add/",
            {
                "email": "GRACE@example.org",
                "full_name": "Grace Again",
                "usable_password": "false",
            },
        )
        assert response.status_code == 200
        assert "already exists" in response.content.decode()
        assert User.objects.filter(email="grace@example.org").count() == 1

    def test_opens_an_account(self, staff_client):
        user = make_user("grace@example.org", "Grace Okafor")
        response = staff_client.get(f"/admin/accounts/user/{user.pk}/change/")
        assert response.status_code == 200
        assert 'value="grace@example.org"' in response.content.decode()


@pytest.mark.django_db
class OrganisationAdminTests:
    def test_adds_an_organisation_with_a_member(self, staff_client):
        worker = make_user("worker@example.org", "Wren Worker")
        response = staff_client.post(
            "/admin/accounts/organisation/add/",
            {
                "name": "Sunrise SEND Support",
                "description": "A local charity",
                "memberships-TOTAL_FORMS": "1",
                "memberships-INITIAL_FORMS": "0",
                "memberships-MIN_NUM_FORMS": "0",
                "memberships-MAX_NUM_FORMS": "1000",
                "memberships-0-user": str(worker.pk),
                "memberships-0-role": "admin",
            },
        )
        assert response.status_code == 302, response.content.decode()[:2000]
        membership = Membership.objects.get()
        assert membership.user == worker and membership.is_admin
        assert membership.organisation == Organisation.objects.get(name="Sunrise SEND Support")
