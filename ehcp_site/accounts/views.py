"""Account pages: sign up, sign in, sign out, reset a password, your account, delete it.

Sign-in, sign-out and the password reset are Django's own views with our forms and
templates. Signing in (or up) fires `user_logged_in`, and ehcp_site/accounts/signals.py moves
whatever this browser did anonymously (saved cases, answers in progress) into the account.
"""

from __future__ import annotations

import logging
from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login, logout, update_session_auth_hash
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render, resolve_url
from django.urls import reverse_lazy
from django.utils.decorators import method_decorator
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from ehcp_site.accounts.forms import (
    AccountDeleteForm,
    ChangeEmailForm,
    ChangeNameForm,
    ChangePasswordForm,
    NewPasswordForm,
    PasswordResetRequestForm,
    SignInForm,
    SignUpForm,
)
from ehcp_site.accounts.services import (
    SIGN_IN_BACKEND,
    EmailTaken,
    user_change_email,
    user_change_name,
    user_create,
    user_delete,
    user_mark_email_verified,
    user_send_verification,
    user_tell_address_taken,
    user_unlock,
    user_verify_email,
    user_works_for_an_organisation,
)
from ehcp_site.context_processors import SERVICE_NAME
from ehcp_site.ratelimit import rate_limited

logger = logging.getLogger(__name__)

NEXT = "next"


def safe_next(request) -> str:
    """The page to go back to after signing in or up, if it is one of ours; else ""."""
    candidate = request.POST.get(NEXT) or request.GET.get(NEXT) or ""
    if url_has_allowed_host_and_scheme(
        candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return candidate
    return ""


def page_errors(form) -> list[tuple[str, str]]:
    """The error summary's links. An error about the whole form (a wrong email address or
    password) points at the first box, so following the link puts the cursor somewhere."""
    # The GOV.UK form helpers live in journeys' template tag library (a library must sit in
    # an installed app); imported here, not at module level, so accounts never loads journeys.
    from journeys.templatetags.govuk import error_summary

    if not form.is_bound:
        return []
    first = f"#{next(iter(form)).auto_id}"
    return [
        (first if anchor == "#main" else anchor, message) for anchor, message in error_summary(form)
    ]


@sensitive_post_parameters("password1", "password2")
@never_cache
@require_http_methods(["GET", "POST"])
@rate_limited(scope="sign-up", key="ip", rate="10/h")
def sign_up_view(request) -> HttpResponse:
    """Create an account, sign in, and go back to where they were (or their cases)."""
    next_url = safe_next(request)
    if request.user.is_authenticated:
        return redirect(next_url or resolve_url(settings.LOGIN_REDIRECT_URL))
    form = SignUpForm(request.POST if request.method == "POST" else None)
    if form.is_valid():
        email = form.cleaned_data["email"]
        try:
            user = user_create(
                full_name=form.cleaned_data["full_name"],
                email=email,
                password=form.cleaned_data["password1"],
            )
        except EmailTaken:
            # The same answer as a new account, so the page never says who has one: the
            # email tells the address's owner (as password reset does).
            _send_email(request, lambda: user_tell_address_taken(email=email), email=email)
        else:
            login(request, user, backend=SIGN_IN_BACKEND)
            _send_verification(request, user, next_path=next_url)
        return redirect(next_url or resolve_url(settings.LOGIN_REDIRECT_URL))
    return render(
        request,
        "accounts/sign_up.html",
        {"form": form, "next_url": next_url, "page_errors": page_errors(form)},
    )


# Lockout (django-axes) stops guessing one account's password; this stops one address trying
# many accounts. Every form that checks a password shares it (the admin's sign-in too).
password_form_limit = rate_limited(scope="sign-in", key="ip", rate="10/m")


@method_decorator(password_form_limit, name="dispatch")
class SignInView(auth_views.LoginView):
    form_class = SignInForm
    template_name = "accounts/sign_in.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(next_url=context[NEXT], page_errors=page_errors(context["form"]))
        return context

    def get_default_redirect_url(self) -> str:
        """Without a `next`: a support worker's caseload, a parent's cases."""
        if user_works_for_an_organisation(user=self.request.user):
            return resolve_url("caseload:organisations")
        return super().get_default_redirect_url()


class SignOutView(auth_views.LogoutView):
    """POST only (Django's LogoutView refuses GET), so a link or a prefetch cannot sign
    anyone out; goes to the start page."""


@method_decorator(rate_limited(scope="password-reset", key="ip", rate="5/h"), name="dispatch")
class PasswordResetView(auth_views.PasswordResetView):
    """Ask for a reset link. The next page says the same whether or not the address has an
    account, so nobody can use it to find out who uses the service."""

    form_class = PasswordResetRequestForm
    template_name = "accounts/password_reset.html"
    email_template_name = "accounts/email/password_reset.txt"
    subject_template_name = "accounts/email/password_reset_subject.txt"
    success_url = reverse_lazy("accounts:password-reset-sent")

    def form_valid(self, form):
        # Links use the service's public address, never the Host header of this request.
        self.extra_email_context = {
            "site_url": settings.SITE_URL.rstrip("/"),
            "service_name": SERVICE_NAME,
        }
        return super().form_valid(form)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["page_errors"] = page_errors(context["form"])
        return context


class PasswordResetSentView(auth_views.PasswordResetDoneView):
    template_name = "accounts/password_reset_sent.html"


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    """Opened from the emailed link: a used or expired link gets a page saying so."""

    form_class = NewPasswordForm
    template_name = "accounts/password_reset_confirm.html"
    success_url = reverse_lazy("accounts:password-reset-complete")

    def form_valid(self, form):
        response = super().form_valid(form)
        user_unlock(user=form.user)
        user_mark_email_verified(user=form.user)  # the link came to their inbox
        return response

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        form = context.get("form")
        context["page_errors"] = page_errors(form) if form is not None else []
        return context


class PasswordResetCompleteView(auth_views.PasswordResetCompleteView):
    template_name = "accounts/password_reset_complete.html"


@login_required
@require_GET
def account_view(request) -> HttpResponse:
    return render(request, "accounts/account.html")


def _change_page(request, form, *, title: str, button: str) -> HttpResponse:
    return render(
        request,
        "accounts/change.html",
        {"form": form, "title": title, "button": button, "page_errors": page_errors(form)},
    )


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def account_name_view(request) -> HttpResponse:
    form = ChangeNameForm(
        request.POST if request.method == "POST" else None,
        initial={"full_name": request.user.full_name},
    )
    if not form.is_valid():
        return _change_page(request, form, title="Change your name", button="Save your name")
    user_change_name(user=request.user, full_name=form.cleaned_data["full_name"])
    messages.success(request, "Your name is changed.")
    return redirect("accounts:account")


@sensitive_post_parameters("password")
@never_cache
@login_required
@require_http_methods(["GET", "POST"])
@rate_limited(scope="change-email", key="user_or_ip", rate="5/h")
def account_email_view(request) -> HttpResponse:
    """A new address, confirmed again by a link sent to it."""
    form = ChangeEmailForm(request.POST if request.method == "POST" else None, user=request.user)
    if form.is_valid():
        email = form.cleaned_data["email"]
        try:
            user_change_email(user=request.user, email=email)
        except EmailTaken:
            # The same answer either way, so the page never says who has an account.
            _send_email(request, lambda: user_tell_address_taken(email=email), email=email)
        else:
            _send_verification(request, request.user)
        messages.success(request, f"We have sent a link to {email}. Open it to confirm.")
        return redirect("accounts:account")
    return _change_page(
        request, form, title="Change your email address", button="Save and send the link"
    )


@sensitive_post_parameters("old_password", "new_password1", "new_password2")
@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def account_password_view(request) -> HttpResponse:
    form = ChangePasswordForm(request.user, request.POST if request.method == "POST" else None)
    if not form.is_valid():
        return _change_page(
            request, form, title="Change your password", button="Save your new password"
        )
    form.save()
    update_session_auth_hash(request, form.user)  # stay signed in here, out everywhere else
    messages.success(request, "Your password is changed.")
    return redirect("accounts:account")


def _send_verification(request, user, *, next_path: str = "") -> None:
    _send_email(
        request,
        lambda: user_send_verification(user=user, next_path=next_path),
        email=user.email,
    )


def _send_email(request, send, *, email: str) -> None:
    try:
        send()
    except Exception as error:  # the account works; they can ask for the link again
        logger.error("sign-up email not sent (%s)", type(error).__name__)
        messages.warning(request, "We could not send the email just now. Try again later.")
    else:
        messages.success(
            request, f"We have emailed a link to {email}. Open it to confirm your address."
        )


@require_GET
def verify_email_view(request, token: str) -> HttpResponse:
    """The link in the confirmation email."""
    user = user_verify_email(token=token)
    if user is None:
        return render(request, "accounts/verify_failed.html", status=400)
    messages.success(request, "Thank you. Your email address is confirmed.")
    # Back to what they signed up for (an invitation, say), through sign-in if need be.
    next_url = safe_next(request)
    if request.user.is_authenticated:
        return redirect(next_url or "accounts:account")
    sign_in = resolve_url("accounts:sign-in")
    return redirect(f"{sign_in}?{urlencode({NEXT: next_url})}" if next_url else sign_in)


@login_required
@require_POST
@rate_limited(scope="verify-email", key="user_or_ip", rate="5/h")
def verify_email_send_view(request) -> HttpResponse:
    if not request.user.email_verified:
        _send_verification(request, request.user, next_path=safe_next(request))
    return redirect(safe_next(request) or "accounts:account")


@sensitive_post_parameters("password")
@never_cache
@login_required
@require_http_methods(["GET", "POST"])
@password_form_limit
def account_delete_view(request) -> HttpResponse:
    """Ask for the password, then delete the account and everything in it, for real."""
    form = AccountDeleteForm(request.POST if request.method == "POST" else None, user=request.user)
    if not form.is_valid():
        return render(
            request,
            "accounts/delete.html",
            {"form": form, "page_errors": page_errors(form)},
        )
    user = request.user
    logout(request)
    user_delete(user=user)
    return redirect("accounts:deleted")  # a refresh must not re-send the POST


@require_GET
def account_deleted_view(request) -> HttpResponse:
    return render(request, "accounts/deleted.html")
