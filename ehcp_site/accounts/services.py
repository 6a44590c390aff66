"""Services for accounts: create, unlock and delete an account; record what staff look at.

Keyword-only, `<entity>_<action>`, as in journeys/services.py.
"""

from __future__ import annotations

from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from axes.utils import reset as axes_reset
from django.db import IntegrityError, transaction

from ehcp_site.accounts.models import User, normalise_email
from journeys.models import AuditEvent, Case, Draft

# The backend that signs someone in straight after sign-up (django-axes' backend only
# watches passwords being checked; it cannot sign anyone in).
SIGN_IN_BACKEND = "django.contrib.auth.backends.ModelBackend"
STAFF_ROLE = "staff (operations)"
STAFF_DETAIL = "the case in the admin"


class EmailTaken(Exception):
    """Another account has this email address (two sign-ups raced each other)."""


def user_create(*, full_name: str, email: str, password: str) -> User:
    """Create a parent's account. Raises EmailTaken if the address is already used."""
    try:
        with transaction.atomic():
            return User.objects.create_user(
                normalise_email(email), password, full_name=full_name.strip()
            )
    except IntegrityError as error:
        raise EmailTaken(email) from error


def user_unlock(*, user: User) -> int:
    """Forget failed sign-in attempts for this account (after a password reset: the lockout
    page tells people that resetting their password lets them back in). Returns how many."""
    return axes_reset(username=user.email)


@transaction.atomic
def user_delete(*, user: User) -> None:
    """Delete the account for real, and everything that is theirs.

    The database does most of it (on_delete=CASCADE): their cases with everything hanging
    off each one (reminders, shares, notes, audit records), their drafts, their memberships
    and the advocate access they accepted. Drafts anyone else kept of their cases go too,
    and so do the sign-in records django-axes keeps under their email address. Audit records
    of what they looked at in other people's cases stay, with the name copied at the time.
    """
    case_ids = list(Case.objects.filter(owner=user).values_list("id", flat=True))
    Draft.objects.filter(case_id__in=case_ids).delete()
    for model in (AccessAttempt, AccessFailureLog, AccessLog):
        model.objects.filter(username=user.email).delete()
    user.delete()


def case_audit_staff(*, case: Case, user: User, action: str) -> AuditEvent:
    """Record that a member of staff looked at or changed a case in the admin, so the parent
    sees it in the case's record like any other access."""
    return AuditEvent.objects.create(
        case=case,
        actor=user,
        actor_name=(user.full_name or user.email)[:150],
        actor_role=STAFF_ROLE,
        action=action,
        detail=STAFF_DETAIL,
    )
