"""Services for support organisations: everything that writes. Keyword-only, `<entity>_<action>`.

On a case (notes, assigning, reviewing) each takes the `CaseAccess` that
`case_access_or_404(..., need=Need.ORGANISATION)` gave the view, so the organisation acted
for is the one the case is shared with, never one named in the request; each records what it
changed with `case_audit` (what was done, never what a note says).

On members, the organisation always keeps at least one admin, checked under a row lock so
two admins demoting each other at once cannot leave it with none.
"""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from ehcp_site.accounts.models import Membership, Organisation, User, normalise_email
from journeys.models import CaseNote
from journeys.cases.selectors import CaseAccess
from journeys.cases.services import case_audit


class NotAMember(Exception):
    """A case can only be assigned to a member of the organisation it is shared with."""


class NoSuchAccount(Exception):
    """Nobody has an account with that email address."""


class AlreadyAMember(Exception):
    """That account is already in the organisation."""


class LastAdmin(Exception):
    """The change would leave the organisation without an admin."""


# -- a case ---------------------------------------------------------------------------------


@transaction.atomic
def case_note_add(*, access: CaseAccess, user, body: str) -> CaseNote:
    """Add the organisation's note to the case; only that organisation will see it."""
    note = CaseNote.objects.create(
        case=access.case,
        organisation=access.share.organisation,
        author=user,
        author_name=user.full_name or user.email,
        body=body,
    )
    case_audit(access=access, user=user, action="changed", detail="added a note")
    return note


@transaction.atomic
def case_assign(*, access: CaseAccess, user, assignee: User | None) -> None:
    """Assign the case to a member of the organisation it is shared with, or to nobody.

    Raises NotAMember for anyone else (the form offers only members; this is the check that
    counts).
    """
    share = access.share
    if (
        assignee is not None
        and not Membership.objects.filter(
            organisation=share.organisation_id, user=assignee
        ).exists()
    ):
        raise NotAMember(str(assignee.pk))
    share.assigned_to = assignee
    share.save(update_fields=["assigned_to"])
    detail = (
        f"assigned the case to {assignee.full_name or assignee.email}"
        if assignee is not None
        else "unassigned the case"
    )
    case_audit(access=access, user=user, action="changed", detail=detail)


@transaction.atomic
def case_review_mark(*, access: CaseAccess, user, reviewed: bool) -> None:
    """Mark the case reviewed by this worker now, or not reviewed."""
    share = access.share
    share.reviewed_at = timezone.now() if reviewed else None
    share.reviewed_by = user if reviewed else None
    share.save(update_fields=["reviewed_at", "reviewed_by"])
    detail = "marked the case reviewed" if reviewed else "marked the case not reviewed"
    case_audit(access=access, user=user, action="changed", detail=detail)


# -- members --------------------------------------------------------------------------------


@transaction.atomic
def membership_add(*, organisation: Organisation, email: str, role: str) -> Membership:
    """Add an existing account to the organisation. Raises NoSuchAccount (nobody, or a
    closed account, has that address) or AlreadyAMember."""
    user = User.objects.filter(email=normalise_email(email), is_active=True).first()
    if user is None:
        raise NoSuchAccount(email)
    membership, created = Membership.objects.get_or_create(
        organisation=organisation, user=user, defaults={"role": Membership.Role(role)}
    )
    if not created:
        raise AlreadyAMember(email)
    return membership


@transaction.atomic
def membership_role_change(*, membership: Membership, role: str) -> Membership:
    """Make the member a worker or an admin. Raises LastAdmin when demoting the only admin."""
    role = Membership.Role(role)
    if membership.is_admin and role != Membership.Role.ADMIN:
        _ensure_another_admin(membership)
    membership.role = role
    membership.save(update_fields=["role"])
    return membership


@transaction.atomic
def membership_remove(*, membership: Membership) -> None:
    """Take the member out of the organisation. Raises LastAdmin for the only admin.

    Cases assigned to them stay assigned (the dashboard says they have left), so nobody
    loses track of whose case it was; members pages change no case.
    """
    if membership.is_admin:
        _ensure_another_admin(membership)
    membership.delete()


def _ensure_another_admin(membership: Membership) -> None:
    # Lock the organisation's admin rows: a concurrent demotion waits, then sees this one.
    admins = list(
        Membership.objects.select_for_update()
        .filter(organisation_id=membership.organisation_id, role=Membership.Role.ADMIN)
        .values_list("pk", flat=True)
    )
    if all(pk == membership.pk for pk in admins):
        raise LastAdmin(str(membership.organisation_id))
