"""Services of journeys/caseload/services.py: notes, assigning, reviewing, and members."""

from __future__ import annotations

import pytest

from ehcp_site.accounts.models import Membership
from journeys.caseload.services import (
    AlreadyAMember,
    LastAdmin,
    NoSuchAccount,
    NotAMember,
    case_assign,
    case_note_add,
    case_review_mark,
    membership_add,
    membership_remove,
    membership_role_change,
)
from journeys.models import AuditEvent, CaseNote, OrganisationShare
from tests.journeys.caseload.conftest import access_for, share_case
from tests.conftest import make_user


def audit_rows(case) -> list[tuple[str, str, str, str]]:
    return list(
        AuditEvent.objects.filter(case=case)
        .order_by("at", "pk")
        .values_list("actor_name", "actor_role", "action", "detail")
    )


@pytest.mark.django_db
class CaseNoteAddTests:
    def test_the_note_belongs_to_the_organisation_the_case_is_shared_with(
        self, case_file, organisation, worker
    ):
        case = share_case(case_file, organisation)
        note = case_note_add(access=access_for(worker, case), user=worker, body="Rang school.")
        assert (note.organisation, note.author, note.author_name) == (
            organisation,
            worker,
            "Wren Worker",
        )
        assert CaseNote.objects.get().body == "Rang school."
        assert audit_rows(case) == [
            ("Wren Worker", "support worker at Sunrise SEND Support", "changed", "added a note")
        ]

    def test_the_audit_never_holds_the_note(self, case_file, organisation, worker):
        case = share_case(case_file, organisation)
        case_note_add(access=access_for(worker, case), user=worker, body="Private words")
        assert "Private words" not in str(audit_rows(case))


@pytest.mark.django_db
class CaseAssignTests:
    def test_assign_to_a_member_then_unassign(self, case_file, organisation, worker, admin):
        case = share_case(case_file, organisation)
        case_assign(access=access_for(admin, case), user=admin, assignee=worker)
        assert OrganisationShare.objects.get(case=case).assigned_to == worker
        case_assign(access=access_for(admin, case), user=admin, assignee=None)
        assert OrganisationShare.objects.get(case=case).assigned_to is None
        assert [row[2:] for row in audit_rows(case)] == [
            ("changed", "assigned the case to Wren Worker"),
            ("changed", "unassigned the case"),
        ]
        assert audit_rows(case)[0][1] == "organisation admin at Sunrise SEND Support"

    @pytest.mark.parametrize("who", ["stranger", "other organisation's worker"])
    def test_assigning_to_someone_outside_the_organisation_is_refused(
        self, case_file, organisation, worker, outsider, who
    ):
        case = share_case(case_file, organisation, assigned_to=worker)
        assignee = outsider if who != "stranger" else make_user("s@example.org", "Sandy")
        with pytest.raises(NotAMember):
            case_assign(access=access_for(worker, case), user=worker, assignee=assignee)
        assert OrganisationShare.objects.get(case=case).assigned_to == worker
        assert audit_rows(case) == []


@pytest.mark.django_db
def test_review_marks_and_unmarks(case_file, organisation, worker):
    case = share_case(case_file, organisation)
    case_review_mark(access=access_for(worker, case), user=worker, reviewed=True)
    share = OrganisationShare.objects.get(case=case)
    assert share.reviewed_at is not None and share.reviewed_by == worker
    case_review_mark(access=access_for(worker, case), user=worker, reviewed=False)
    share.refresh_from_db()
    assert share.reviewed_at is None and share.reviewed_by is None
    assert [row[3] for row in audit_rows(case)] == [
        "marked the case reviewed",
        "marked the case not reviewed",
    ]


@pytest.mark.django_db
class MembershipServiceTests:
    def test_add_an_existing_account_by_email_whatever_its_case(self, organisation):
        user = make_user("new@example.org", "Nia New")
        added = membership_add(organisation=organisation, email=" New@Example.ORG ", role="admin")
        assert (added.user, added.role) == (user, "admin")

    def test_no_account_with_that_address(self, organisation):
        with pytest.raises(NoSuchAccount):
            membership_add(organisation=organisation, email="nobody@example.org", role="worker")
        assert not Membership.objects.exists()

    def test_a_closed_account_cannot_be_added(self, organisation):
        make_user("gone@example.org", "Gone", is_active=False)
        with pytest.raises(NoSuchAccount):
            membership_add(organisation=organisation, email="gone@example.org", role="worker")

    def test_already_a_member(self, organisation, worker):
        with pytest.raises(AlreadyAMember):
            membership_add(organisation=organisation, email=worker.email, role="admin")
        assert Membership.objects.get(user=worker).role == "worker"

    def test_the_last_admin_cannot_be_demoted_or_removed(self, organisation, admin, worker):
        only_admin = Membership.objects.get(user=admin)
        with pytest.raises(LastAdmin):
            membership_role_change(membership=only_admin, role="worker")
        with pytest.raises(LastAdmin):
            membership_remove(membership=only_admin)
        assert Membership.objects.get(user=admin).role == "admin"

    def test_with_a_second_admin_the_first_can_step_down_and_go(self, organisation, admin, worker):
        membership_role_change(membership=Membership.objects.get(user=worker), role="admin")
        membership_role_change(membership=Membership.objects.get(user=admin), role="worker")
        assert Membership.objects.get(user=admin).role == "worker"
        membership_remove(membership=Membership.objects.get(user=admin))
        assert list(Membership.objects.values_list("user__email", "role")) == [
            ("worker@example.org", "admin")
        ]

    def test_an_admin_of_another_organisation_does_not_count(self, organisation, admin, outsider):
        with pytest.raises(LastAdmin):
            membership_remove(membership=Membership.objects.get(user=admin))

    def test_a_worker_can_always_be_removed(self, organisation, admin, worker):
        membership_remove(membership=Membership.objects.get(user=worker))
        assert not Membership.objects.filter(user=worker).exists()
