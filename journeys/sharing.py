"""Services for sharing a case: invitations to advocates and shares with organisations.

An invitation is a one-time link, valid for 7 days, for an account with the address it was
sent to. Only the SHA-256 of its token is stored. Revoking access (or stopping a share)
takes effect on the next request, because journeys/cases/selectors.py reads these rows every time.
"""

from __future__ import annotations

import enum
import hashlib
import secrets
from datetime import timedelta

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from ehcp_site.accounts.models import Organisation, normalise_email
from journeys.models import AdvocateAccess, Case, OrganisationShare

INVITATION_LIFETIME = timedelta(days=7)


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


@transaction.atomic
def sharing_invite_advocate(*, case: Case, email: str, invited_by) -> AdvocateAccess:
    """Email a one-time link to `email`. An earlier unused invitation to the same address
    stops working, so only the newest link is live."""
    email = normalise_email(email)
    now = timezone.now()
    # Addresses are encrypted, so the earlier invitations are matched here, not in SQL.
    pending = AdvocateAccess.objects.filter(
        case=case, accepted_by__isnull=True, revoked_at__isnull=True
    )
    AdvocateAccess.objects.filter(
        pk__in=[access.pk for access in pending if access.email == email]
    ).update(revoked_at=now)
    token = secrets.token_urlsafe(32)
    access = AdvocateAccess.objects.create(
        case=case,
        email=email,
        token_hash=_token_hash(token),
        invited_by=invited_by,
        created_at=now,
        expires_at=now + INVITATION_LIFETIME,
    )
    link = settings.SITE_URL.rstrip("/") + reverse("journeys:invitation", args=[token])
    # The email names no child: a mistyped address must not learn anything about the case.
    context = {
        "inviter": invited_by.full_name,
        "link": link,
        "expires": access.expires_at,
    }
    send_mail(
        subject=f"{invited_by.full_name} has shared an EHCP case with you",
        message=render_to_string("journeys/email/advocate_invitation.txt", context),
        from_email=None,
        recipient_list=[email],
    )
    return access


class InvitationOutcome(enum.Enum):
    ACCEPTED = "accepted"
    ALREADY_YOURS = "already yours"  # the same advocate opening the link again
    NOT_FOUND = "not found"
    EXPIRED = "expired"
    USED = "used"  # accepted by someone else's account
    REVOKED = "revoked"
    WRONG_ACCOUNT = "wrong account"
    EMAIL_NOT_CONFIRMED = "email not confirmed"  # anyone can sign up with any address


def invitation_from_token(token: str) -> AdvocateAccess | None:
    return (
        AdvocateAccess.objects.select_related("case", "invited_by")
        .filter(token_hash=_token_hash(token))
        .first()
    )


def invitation_check(*, access: AdvocateAccess | None, user) -> InvitationOutcome | None:
    """Why this invitation cannot be accepted by `user` now, or None if it can."""
    if access is None:
        return InvitationOutcome.NOT_FOUND
    if access.revoked_at is not None:
        return InvitationOutcome.REVOKED
    if access.accepted_by_id is not None:
        if access.accepted_by_id == user.pk:
            return InvitationOutcome.ALREADY_YOURS
        return InvitationOutcome.USED
    if timezone.now() >= access.expires_at:
        return InvitationOutcome.EXPIRED
    if normalise_email(user.email) != access.email:
        return InvitationOutcome.WRONG_ACCOUNT
    if not user.email_verified:
        return InvitationOutcome.EMAIL_NOT_CONFIRMED
    return None


@transaction.atomic
def sharing_accept_invitation(
    *, token: str, user
) -> tuple[InvitationOutcome, AdvocateAccess | None]:
    """Accept the invitation for `user` if it is live, theirs and unused."""
    access = invitation_from_token(token)
    if access is not None:
        access = AdvocateAccess.objects.select_for_update().get(pk=access.pk)
    refused = invitation_check(access=access, user=user)
    if refused is not None:
        return refused, access
    access.accepted_by = user
    access.accepted_at = timezone.now()
    access.save(update_fields=["accepted_by", "accepted_at"])
    return InvitationOutcome.ACCEPTED, access


def sharing_revoke_advocate(*, case: Case, access_id) -> bool:
    """End an advocate's access (or cancel an invitation). Returns False if not found."""
    return bool(
        AdvocateAccess.objects.filter(case=case, pk=access_id, revoked_at__isnull=True).update(
            revoked_at=timezone.now()
        )
    )


def sharing_share_with_organisation(
    *, case: Case, organisation: Organisation, shared_by
) -> OrganisationShare:
    share, _ = OrganisationShare.objects.get_or_create(
        case=case, organisation=organisation, defaults={"shared_by": shared_by}
    )
    return share


def sharing_stop_organisation(*, case: Case, organisation_id) -> bool:
    """Stop sharing with an organisation: its workers lose the case on their next request.
    Their notes stay with the organisation's record of the case but nobody can see them
    unless the parent shares the case again; deleting the case deletes them."""
    deleted, _ = OrganisationShare.objects.filter(
        case=case, organisation_id=organisation_id
    ).delete()
    return bool(deleted)
