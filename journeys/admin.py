"""The admin for staff operations on cases.

The list shows what staff need to find a case (id, stage, council, next deadline, dates),
never the case file. Opening a case is recorded in its audit record, like an advocate's or a
support worker's look, and so is saving a change: a parent can see that staff looked.
Deleting a case records nothing, because the case and its record go together.
"""

from __future__ import annotations

import json

from django.contrib import admin
from django.contrib.admin.utils import unquote
from django.utils.html import format_html

from journeys.cases.services import case_audit_staff, case_summary_refresh
from journeys.models import AdvocateAccess, AuditEvent, Case, OrganisationShare


class _ReadOnlyInline(admin.TabularInline):
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False


class AdvocateAccessInline(_ReadOnlyInline):
    model = AdvocateAccess
    # Never the token's hash: it is of no use to staff.
    fields = readonly_fields = (
        "email",
        "created_at",
        "expires_at",
        "accepted_by",
        "accepted_at",
        "revoked_at",
    )


class OrganisationShareInline(_ReadOnlyInline):
    model = OrganisationShare
    fields = readonly_fields = (
        "organisation",
        "shared_at",
        "assigned_to",
        "reviewed_at",
    )


@admin.register(Case)
class CaseAdmin(admin.ModelAdmin):
    list_display = ("id", "journey", "council", "next_deadline_on", "created_at", "updated_at")
    list_filter = ("journey",)
    ordering = ("-updated_at",)
    date_hierarchy = "created_at"
    # What staff may change: who owns the case, and its reminders. The rest is read-only.
    fields = (
        "id",
        "owner",
        "journey",
        "email",
        "reminders_opt_in",
        "council",
        "next_deadline_on",
        "next_deadline_rule",
        "created_at",
        "updated_at",
        "case_file_json",
    )
    readonly_fields = (
        "id",
        "journey",
        "council",
        "next_deadline_on",
        "next_deadline_rule",
        "created_at",
        "updated_at",
        "case_file_json",
    )
    raw_id_fields = ("owner",)
    inlines = (AdvocateAccessInline, OrganisationShareInline)

    @admin.display(description="case file")
    def case_file_json(self, case: Case) -> str:
        return format_html(
            "<pre>{}</pre>", json.dumps(case.case_file, indent=2, ensure_ascii=False)
        )

    def change_view(self, request, object_id, form_url="", extra_context=None):
        response = super().change_view(request, object_id, form_url, extra_context)
        # Any page that shows the case is a look at it: a GET, or a POST that failed
        # validation and showed the case again.
        if response.status_code == 200:
            case = self.get_object(request, unquote(object_id))
            if case is not None:
                case_audit_staff(case=case, user=request.user, action=AuditEvent.Action.VIEWED)
        return response

    def save_model(self, request, obj, form, change) -> None:
        # Staff fixing something is not the parent using the case: the retention clock
        # keeps running (no case_mark_active), but the lists must show what they fixed.
        case_summary_refresh(case=obj)
        obj.save()
        if change and form.has_changed():
            case_audit_staff(case=obj, user=request.user, action=AuditEvent.Action.CHANGED)
