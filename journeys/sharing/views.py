"""The sharing page of a case (owner only) and the link an invited advocate opens."""

from __future__ import annotations

import logging
import uuid

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST

from ehcp_site.ratelimit import rate_limited
from journeys.cases.selectors import Need, SignInRequired, case_access_or_404
from journeys.sharing.forms import InviteAdvocateForm, ShareWithOrganisationForm
from journeys.sharing.selectors import (
    advocate_access_list,
    organisation_get,
    organisation_ids_shared_with,
    organisation_share_rows,
)
from journeys.sharing.services import (
    InvitationOutcome,
    invitation_check,
    invitation_from_token,
    sharing_accept_invitation,
    sharing_invite_advocate,
    sharing_revoke_advocate,
    sharing_share_with_organisation,
    sharing_stop_organisation,
)
from journeys.templatetags.govuk import error_summary

logger = logging.getLogger(__name__)


def _render_sharing(request, case, *, invite_form=None, organisation_form=None):
    shares = organisation_share_rows(case=case)
    invite_form = invite_form or InviteAdvocateForm(
        prefix="invite", owner_email=getattr(request.user, "email", "")
    )
    organisation_form = organisation_form or ShareWithOrganisationForm(
        prefix="organisation", exclude_ids=[share.organisation_id for share, _ in shares]
    )
    return render(
        request,
        "journeys/case_sharing.html",
        {
            "case": case,
            "child_name": case.case_file["child"]["first_name"],
            "advocates": advocate_access_list(case=case),
            "shares": shares,
            "invite_form": invite_form,
            "organisation_form": organisation_form,
            "page_errors": [*error_summary(invite_form), *error_summary(organisation_form)],
            "now": timezone.now(),
        },
    )


def _owner_case(request, case_id):
    """The case, for its owner once signed in: sharing needs an account (the people you
    share with are named, and so are you). A browser's anonymous owner signs in first."""
    case = case_access_or_404(request, case_id, need=Need.OWN).case
    if not request.user.is_authenticated:
        raise SignInRequired()
    if case.is_example:
        raise Http404("An example case is never shared")
    return case


@require_http_methods(["GET"])
def case_sharing_view(request, case_id: uuid.UUID) -> HttpResponse:
    case = case_access_or_404(request, case_id, need=Need.OWN).case
    if not request.user.is_authenticated:
        # A browser's own case: explain why an account is needed, rather than only ask.
        return render(request, "journeys/case_sharing_needs_account.html", {"case_id": case_id})
    if case.is_example:
        return render(request, "journeys/case_sharing_example.html", {"case": case})
    return _render_sharing(request, case)


@require_POST
@rate_limited(scope="advocate-invitation", key="user_or_ip", rate="10/h")
def case_invite_advocate_view(request, case_id: uuid.UUID) -> HttpResponse:
    case = _owner_case(request, case_id)
    form = InviteAdvocateForm(request.POST, prefix="invite", owner_email=request.user.email)
    if not form.is_valid():
        return _render_sharing(request, case, invite_form=form)
    email = form.cleaned_data["email"]
    try:
        # One transaction with the email: if it cannot be sent, nothing was changed.
        sharing_invite_advocate(case=case, email=email, invited_by=request.user)
    except Exception as error:
        # The type only: an SMTP error can quote the address (docs/security.md).
        logger.error("invitation for case %s not sent (%s)", case.id, type(error).__name__)
        form.add_error("email", "We could not send the email just now. Try again in a minute.")
        return _render_sharing(request, case, invite_form=form)
    messages.success(request, f"We have emailed an invitation to {email}. It works for 7 days.")
    return redirect("journeys:sharing", case_id=case.id)


@require_POST
def case_revoke_advocate_view(request, case_id: uuid.UUID, access_id: uuid.UUID) -> HttpResponse:
    case = _owner_case(request, case_id)
    if not sharing_revoke_advocate(case=case, access_id=access_id):
        raise Http404("No such invitation on this case")
    messages.success(request, "Done. They can no longer see this case.")
    return redirect("journeys:sharing", case_id=case.id)


@require_POST
def case_share_organisation_view(request, case_id: uuid.UUID) -> HttpResponse:
    case = _owner_case(request, case_id)
    form = ShareWithOrganisationForm(
        request.POST, prefix="organisation", exclude_ids=organisation_ids_shared_with(case=case)
    )
    if not form.is_valid():
        return _render_sharing(request, case, organisation_form=form)
    organisation = form.cleaned_data["organisation"]
    if request.POST.get("confirm") != "yes":
        # One click from a list is too easy to get wrong: say who they are and what they
        # will see and do, then share only on "Yes".
        return render(
            request,
            "journeys/case_sharing_organisation_confirm.html",
            {
                "case": case,
                "child_name": case.case_file["child"]["first_name"],
                "organisation": organisation,
            },
        )
    sharing_share_with_organisation(case=case, organisation=organisation, shared_by=request.user)
    messages.success(request, f"Shared with {organisation.name}.")
    return redirect("journeys:sharing", case_id=case.id)


@require_POST
def case_stop_organisation_view(
    request, case_id: uuid.UUID, organisation_id: uuid.UUID
) -> HttpResponse:
    case = _owner_case(request, case_id)
    organisation = organisation_get(organisation_id=organisation_id)
    if organisation is None or not sharing_stop_organisation(
        case=case, organisation_id=organisation_id
    ):
        raise Http404("This case is not shared with that organisation")
    messages.success(request, f"Stopped sharing with {organisation.name}.")
    return redirect("journeys:sharing", case_id=case.id)


INVITATION_PROBLEMS = {
    InvitationOutcome.NOT_FOUND: (
        404,
        "This link does not work",
        "Check you copied the whole link from the email.",
    ),
    InvitationOutcome.EXPIRED: (
        410,
        "This link has expired",
        "Invitation links work for 7 days. Ask the parent to send you a new one.",
    ),
    InvitationOutcome.USED: (
        410,
        "This link has already been used",
        "Each link works once. Ask the parent to send you a new one.",
    ),
    InvitationOutcome.REVOKED: (
        410,
        "This invitation was cancelled",
        "The parent has cancelled it or sent a newer one. Ask them if you need access.",
    ),
    InvitationOutcome.EMAIL_NOT_CONFIRMED: (
        403,
        "Confirm your email address first",
        "When you created your account we emailed you a link to confirm your address. Open "
        "it, then open this invitation link again. Your account page can send it again.",
    ),
    InvitationOutcome.WRONG_ACCOUNT: (
        403,
        "This invitation is for a different email address",
        "Sign out, then sign in or create an account with the address the invitation was sent to.",
    ),
}


@require_http_methods(["GET", "POST"])
def invitation_view(request, token: str) -> HttpResponse:
    """The link in the invitation email: sign in first, then one button to accept."""
    if not request.user.is_authenticated:
        access = invitation_from_token(token)
        if access is None:
            status, heading, advice = INVITATION_PROBLEMS[InvitationOutcome.NOT_FOUND]
            return render(
                request,
                "journeys/invitation_problem.html",
                {"heading": heading, "advice": advice},
                status=status,
            )
        return render(
            request, "journeys/invitation_sign_in.html", {"next": request.get_full_path()}
        )
    if request.method == "POST":
        outcome, access = sharing_accept_invitation(token=token, user=request.user)
    else:
        access = invitation_from_token(token)
        outcome = invitation_check(access=access, user=request.user)
    if outcome in (InvitationOutcome.ACCEPTED, InvitationOutcome.ALREADY_YOURS):
        return redirect("journeys:case-overview", case_id=access.case_id)
    if outcome is None:
        return render(request, "journeys/invitation_accept.html", {"access": access})
    status, heading, advice = INVITATION_PROBLEMS[outcome]
    return render(
        request,
        "journeys/invitation_problem.html",
        {"heading": heading, "advice": advice},
        status=status,
    )
