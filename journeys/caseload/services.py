"""Services for support organisations: everything that writes. Keyword-only, `<entity>_<action>`.

On a case (notes, assigning, reviewing) each takes the `CaseAccess` that
`case_access_or_404(..., need=Need.ORGANISATION)` gave the view, so the organisation acted
for is the one the case is shared with, never one named in the request; each records what it
changed with `case_audit` (what was done, never what a note says).

On members, the organisation always keeps at least one admin, checked under a row lock so
two admins demoting each other at once cannot leave it with none.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.core import signing
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from ehcp_site.accounts.models import Membership, Organisation, User, normalise_email
from journeys.cases.selectors import CaseAccess
from journeys.cases.services import case_audit
from journeys.models import CaseNote


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


JOIN_SALT = "ehcp.caseload.join"
JOIN_MAX_AGE = 60 * 60 * 24 * 7  # a link to join works for 7 days


def membership_invite(*, organisation: Organisation, email: str, role: str, invited_by) -> None:
    """Email `email` a link to join the organisation as `role`.

    The same whether or not the address has an account, so the members page never says who
    has one (issue 12): the link works for whoever signs in with that address, after
    creating an account if they have none. Nothing is stored until it is opened.
    """
    email = normalise_email(email)
    if Membership.objects.filter(organisation=organisation, user__email=email).exists():
        raise AlreadyAMember(email)  # the members page lists them: nothing new is said
    token = signing.dumps(
        {"org": str(organisation.id), "email": email, "role": str(Membership.Role(role))},
        salt=JOIN_SALT,
    )
    link = settings.SITE_URL.rstrip("/") + reverse("caseload:member-join", args=[token])
    name = " ".join(organisation.name.split())  # one line: it goes in the subject
    send_mail(
        subject=f"Join {name} on EHCP Helper",
        message=render_to_string(
            "caseload/email/join.txt",
            {
                "inviter": " ".join((invited_by.full_name or invited_by.email).split()),
                "organisation": name,
                "role": Membership.Role(role).label,
                "link": link,
            },
        ),
        from_email=None,
        recipient_list=[email],
    )


@dataclass(frozen=True)
class JoinLink:
    organisation: Organisation
    email: str
    role: str


def membership_join_link(*, token: str) -> JoinLink | None:
    """What a link to join says, or None if it is not one of ours or is too old."""
    try:
        found = signing.loads(token, salt=JOIN_SALT, max_age=JOIN_MAX_AGE)
    except signing.BadSignature:
        return None
    organisation = Organisation.objects.filter(pk=found.get("org")).first()
    if organisation is None:
        return None
    return JoinLink(organisation=organisation, email=found["email"], role=found["role"])


def membership_join(*, link: JoinLink, user) -> Membership:
    """The signed-in account with the link's address joins (already a member: unchanged)."""
    if user.email != link.email:
        raise NotAMember(link.email)
    try:
        return membership_add(organisation=link.organisation, email=user.email, role=link.role)
    except AlreadyAMember:
        return Membership.objects.get(organisation=link.organisation, user=user)


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
