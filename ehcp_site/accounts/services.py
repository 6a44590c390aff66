"""Services for accounts: create, verify, unlock and delete an account, and the one service
saved cases register for accounts to call (accounts never imports journeys).

Keyword-only, `<entity>_<action>`, as in journeys/cases/services.py.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlencode

from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from axes.utils import reset as axes_reset
from django.conf import settings
from django.core import signing
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from ehcp_site.accounts.models import User, normalise_email

# The backend that signs someone in straight after sign-up (django-axes' backend only
# watches passwords being checked; it cannot sign anyone in).
SIGN_IN_BACKEND = "django.contrib.auth.backends.ModelBackend"


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


def user_change_name(*, user: User, full_name: str) -> None:
    """The name advocates and support workers see from now on (the audit keeps the old one)."""
    user.full_name = full_name.strip()
    user.save(update_fields=["full_name"])


def user_change_email(*, user: User, email: str) -> None:
    """Sign in with a new address, which must be confirmed again: until its link is opened,
    invitations and memberships wait, as after signing up. Raises EmailTaken."""
    try:
        with transaction.atomic():
            user.email = normalise_email(email)
            user.email_verified_at = None
            user.save(update_fields=["email", "email_verified_at"])
    except IntegrityError as error:
        raise EmailTaken(email) from error


VERIFY_SALT = "ehcp.accounts.verify-email"
VERIFY_MAX_AGE = 60 * 60 * 24 * 3  # a confirmation link works for 3 days


def user_send_verification(*, user: User, next_path: str = "") -> None:
    """Email a link that proves they own the address (fixed words, no case content).

    `next_path` (a path on this site, such as the invitation they signed up from) is where
    the link takes them once the address is confirmed.
    """
    token = signing.dumps({"user": user.pk, "email": user.email}, salt=VERIFY_SALT)
    link = settings.SITE_URL.rstrip("/") + reverse("accounts:verify", args=[token])
    if next_path.startswith("/") and not next_path.startswith("//"):
        link += "?" + urlencode({"next": next_path})
    send_mail(
        subject="Confirm your email address for EHCP Helper",
        message=render_to_string("accounts/email/verify_email.txt", {"link": link}),
        from_email=None,
        recipient_list=[user.email],
    )


def user_tell_address_taken(*, email: str) -> None:
    """Tell the owner of `email` that someone tried to sign up with it. Sign-up answers the
    same whether or not an address has an account; this email is what tells its owner."""
    site = settings.SITE_URL.rstrip("/")
    send_mail(
        subject="Someone tried to create an EHCP Helper account with your email address",
        message=render_to_string(
            "accounts/email/account_exists.txt",
            {
                "sign_in": site + reverse("accounts:sign-in"),
                "reset": site + reverse("accounts:password-reset"),
            },
        ),
        from_email=None,
        recipient_list=[normalise_email(email)],
    )


def user_verify_email(*, token: str) -> User | None:
    """The account the link confirms, now marked confirmed; None if the link is bad, more
    than 3 days old, or for an address the account no longer has."""
    try:
        found = signing.loads(token, salt=VERIFY_SALT, max_age=VERIFY_MAX_AGE)
    except signing.BadSignature:
        return None
    user = User.objects.filter(pk=found.get("user"), email=found.get("email")).first()
    if user is not None and user.email_verified_at is None:
        user.email_verified_at = timezone.now()
        user.save(update_fields=["email_verified_at"])
    return user


def user_mark_email_verified(*, user: User) -> None:
    """A password reset by email proves the address too."""
    if user.email_verified_at is None:
        user.email_verified_at = timezone.now()
        user.save(update_fields=["email_verified_at"])


def user_works_for_an_organisation(*, user: User) -> bool:
    """Whether this account's memberships count (a confirmed address and at least one)."""
    return bool(user.email_verified and user.memberships.exists())


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
    Their cases' cached letters are deleted too.
    """
    service = cases_service()
    service.drafts_delete_for_owner(user=user)
    letters_forget = service.letters_forget_for_owner(user=user)
    for model in (AccessAttempt, AccessFailureLog, AccessLog):
        model.objects.filter(username=user.email).delete()
    user.delete()
    letters_forget()


# -- what accounts asks of saved cases ----------------------------------------------------
# journeys is the higher app: it uses accounts' users and organisations, and accounts never
# imports it. What accounts needs from saved cases is one service, which journeys registers
# when Django starts (JourneysConfig.ready, journeys/apps.py).


@dataclass(frozen=True)
class CasesService:
    # On sign-in: this browser's anonymous cases and answers in progress become the account's.
    claim_session_work: Callable[..., int]
    # Before an account is deleted: everyone's answers in progress on the account's cases.
    drafts_delete_for_owner: Callable[..., None]
    # Before an account is deleted: returns what deletes its cases' cached letters, to be
    # called once the account is gone.
    letters_forget_for_owner: Callable[..., Callable[[], None]]


_registered: list[CasesService] = []


def cases_service_register(service: CasesService) -> None:
    """Called once, by journeys' AppConfig.ready()."""
    _registered[:] = [service]


def cases_service() -> CasesService:
    """The registered service; raises if journeys never registered one (a sign-in must not
    silently leave a parent's work behind)."""
    if not _registered:
        raise RuntimeError("journeys has not registered its cases service (journeys/apps.py)")
    return _registered[0]
