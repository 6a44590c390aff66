"""Pages for support organisations: the organisations you belong to, the caseload dashboard,
one case as its organisation sees it (notes, assigning, reviewed) and the members page.

Thin: each view parses, asks a selector (journeys/caseload/selectors.py, or `case_access_or_404` for a
case) who may do what, calls one service (journeys/caseload/services.py) and renders or
redirects. Every look at a case's organisation page is recorded ("viewed"), and every change
("changed"); the dashboard and the members page record nothing, as they show no case content
beyond the list.
"""

from __future__ import annotations

import uuid

from django.contrib import messages
from django.http import HttpResponse, HttpResponseBadRequest
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from ehcp_site.accounts.models import Membership
from journeys.caseload.selectors import (
    case_note_list,
    case_stage_and_deadline,
    caseload_page,
    membership_get_in_organisation_or_404,
    membership_get_or_404,
    membership_list_for_organisation,
    membership_list_for_user,
)
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
from journeys.caseload.forms import (
    CaseAssignForm,
    CaseloadFilterForm,
    CaseNoteForm,
    CaseReviewForm,
    MemberAddForm,
    MemberRoleForm,
)
from journeys.cases.selectors import CaseAccess, Need, case_access_or_404
from journeys.cases.services import case_audit
from journeys.templatetags.govuk import error_summary

# -- organisations and the dashboard --------------------------------------------------------


@require_GET
def organisation_list_view(request) -> HttpResponse:
    """Your organisations; with only one, straight to its caseload."""
    memberships = membership_list_for_user(user=request.user)
    if len(memberships) == 1:
        return redirect("caseload:dashboard", org_id=memberships[0].organisation_id)
    return render(request, "caseload/organisations.html", {"memberships": memberships})


@require_GET
def caseload_dashboard_view(request, org_id: uuid.UUID) -> HttpResponse:
    membership = membership_get_or_404(user=request.user, organisation_id=org_id)
    members = membership_list_for_organisation(organisation=membership.organisation)
    form = CaseloadFilterForm(request.GET or None, members=members)
    filters = form.filters()
    caseload = caseload_page(
        organisation=membership.organisation,
        filters=filters,
        today=timezone.localdate(),
        page_number=request.GET.get("page"),
    )
    return render(
        request,
        "caseload/dashboard.html",
        {
            "membership": membership,
            "organisation": membership.organisation,
            "form": form,
            "filtered": bool(filters.as_query()),
            "caseload": caseload,
            "page_errors": error_summary(form) if form.is_bound else [],
        },
    )


# -- one case, as its organisation sees it --------------------------------------------------


def _organisation_access(request, case_id: uuid.UUID) -> CaseAccess:
    return case_access_or_404(request, case_id, need=Need.ORGANISATION)


def _render_case(request, access: CaseAccess, *, note_form=None, assign_form=None):
    """The case's organisation page. Showing it (after a failed change too) is a "viewed"."""
    share, case = access.share, access.case
    members = membership_list_for_organisation(organisation=share.organisation)
    note_form = note_form or CaseNoteForm(prefix="note")
    assign_form = assign_form or CaseAssignForm(
        prefix="assign",
        members=members,
        initial={"assigned_to": str(share.assigned_to_id or "")},
    )
    case_audit(access=access, user=request.user, action="viewed", detail="the organisation's notes")
    return render(
        request,
        "caseload/case.html",
        {
            "access": access,
            "case": case,
            "share": share,
            "organisation": share.organisation,
            **case_stage_and_deadline(case=case, today=timezone.localdate()),
            "notes": case_note_list(case=case, organisation=share.organisation),
            "note_form": note_form,
            "assign_form": assign_form,
            "page_errors": [*error_summary(note_form), *error_summary(assign_form)],
        },
    )


@require_GET
def case_organisation_view(request, case_id: uuid.UUID) -> HttpResponse:
    return _render_case(request, _organisation_access(request, case_id))


@require_POST
def case_note_add_view(request, case_id: uuid.UUID) -> HttpResponse:
    access = _organisation_access(request, case_id)
    form = CaseNoteForm(request.POST, prefix="note")
    if not form.is_valid():
        return _render_case(request, access, note_form=form)
    case_note_add(access=access, user=request.user, body=form.cleaned_data["body"])
    messages.success(request, "Note added.")
    return redirect("caseload:case", case_id=access.case.id)


@require_POST
def case_assign_view(request, case_id: uuid.UUID) -> HttpResponse:
    access = _organisation_access(request, case_id)
    members = membership_list_for_organisation(organisation=access.share.organisation)
    form = CaseAssignForm(request.POST, prefix="assign", members=members)
    if form.is_valid():
        assignee = form.assignee()
        try:
            case_assign(access=access, user=request.user, assignee=assignee)
        except NotAMember:  # they left the organisation since the page was shown
            form.add_error("assigned_to", "Choose someone in your organisation")
        else:
            name = (assignee.full_name or assignee.email) if assignee else None
            messages.success(request, f"Assigned to {name}." if name else "Case unassigned.")
            return redirect("caseload:case", case_id=access.case.id)
    return _render_case(request, access, assign_form=form)


@require_POST
def case_review_view(request, case_id: uuid.UUID) -> HttpResponse:
    access = _organisation_access(request, case_id)
    form = CaseReviewForm(request.POST)
    if not form.is_valid():  # the buttons send only "yes" or "no"
        return HttpResponseBadRequest("Mark the case reviewed or not reviewed")
    reviewed = form.cleaned_data["reviewed"] == "yes"
    case_review_mark(access=access, user=request.user, reviewed=reviewed)
    messages.success(request, "Marked as reviewed." if reviewed else "Marked as not reviewed.")
    return redirect("caseload:case", case_id=access.case.id)


# -- members --------------------------------------------------------------------------------


def _render_members(request, admin: Membership, *, add_form=None, row_error=None):
    """The members page. `row_error` is (membership id, message) for a refused change."""
    add_form = add_form or MemberAddForm(prefix="add", initial={"role": "worker"})
    errors = error_summary(add_form)
    if row_error is not None:
        errors = [(f"#role-{row_error[0]}", row_error[1]), *errors]
    return render(
        request,
        "caseload/members.html",
        {
            "membership": admin,
            "organisation": admin.organisation,
            "members": membership_list_for_organisation(organisation=admin.organisation),
            "roles": Membership.Role.choices,
            "add_form": add_form,
            "row_error": row_error,
            "page_errors": errors,
        },
    )


def _name(membership: Membership) -> str:
    return membership.user.full_name or membership.user.email


@require_http_methods(["GET", "POST"])
def organisation_members_view(request, org_id: uuid.UUID) -> HttpResponse:
    """The members of the organisation (admins only); a POST adds one."""
    admin = membership_get_or_404(user=request.user, organisation_id=org_id, admin_only=True)
    if request.method == "GET":
        return _render_members(request, admin)
    form = MemberAddForm(request.POST, prefix="add")
    if form.is_valid():
        email = form.cleaned_data["email"]
        try:
            added = membership_add(
                organisation=admin.organisation, email=email, role=form.cleaned_data["role"]
            )
        except NoSuchAccount:
            form.add_error(
                "email",
                f"There is no account with the email address {email}. "
                "Ask them to create an account first, then add them here.",
            )
        except AlreadyAMember:
            form.add_error("email", f"{email} is already a member of {admin.organisation}")
        else:
            messages.success(request, f"Added {_name(added)} as {added.get_role_display()}.")
            return redirect("caseload:members", org_id=org_id)
    return _render_members(request, admin, add_form=form)


@require_POST
def membership_role_view(request, org_id: uuid.UUID, membership_id: int) -> HttpResponse:
    admin = membership_get_or_404(user=request.user, organisation_id=org_id, admin_only=True)
    member = membership_get_in_organisation_or_404(
        organisation=admin.organisation, membership_id=membership_id
    )
    form = MemberRoleForm(request.POST)
    if not form.is_valid():  # the select offers only the two roles
        return HttpResponseBadRequest("Choose a role")
    try:
        membership_role_change(membership=member, role=form.cleaned_data["role"])
    except LastAdmin:
        message = f"{_name(member)} is the only admin. Make someone else an admin first."
        return _render_members(request, admin, row_error=(member.pk, message))
    messages.success(request, f"{_name(member)} is now {member.get_role_display()}.")
    if member.user_id == request.user.pk and not member.is_admin:  # no longer an admin here
        return redirect("caseload:dashboard", org_id=org_id)
    return redirect("caseload:members", org_id=org_id)


@require_POST
def membership_remove_view(request, org_id: uuid.UUID, membership_id: int) -> HttpResponse:
    admin = membership_get_or_404(user=request.user, organisation_id=org_id, admin_only=True)
    member = membership_get_in_organisation_or_404(
        organisation=admin.organisation, membership_id=membership_id
    )
    try:
        membership_remove(membership=member)
    except LastAdmin:
        message = f"{_name(member)} is the only admin. Make someone else an admin first."
        return _render_members(request, admin, row_error=(member.pk, message))
    messages.success(request, f"Removed {_name(member)} from {admin.organisation}.")
    if member.user_id == request.user.pk:  # you have left the organisation
        return redirect("caseload:organisations")
    return redirect("caseload:members", org_id=org_id)
