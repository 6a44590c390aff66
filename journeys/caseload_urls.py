"""Support organisations: their caseload, a case's organisation page, and members.

Included from ehcp_site/urls.py as `path("", include("journeys.caseload.urls"))`.
"""

from django.urls import path

from journeys.caseload import views as caseload_views

app_name = "caseload"

urlpatterns = [
    path("organisations/", caseload_views.organisation_list_view, name="organisations"),
    path(
        "organisations/<uuid:org_id>/caseload/",
        caseload_views.caseload_dashboard_view,
        name="dashboard",
    ),
    path(
        "organisations/<uuid:org_id>/members/",
        caseload_views.organisation_members_view,
        name="members",
    ),
    path(
        "organisations/<uuid:org_id>/members/<int:membership_id>/role/",
        caseload_views.membership_role_view,
        name="member-role",
    ),
    path(
        "organisations/<uuid:org_id>/members/<int:membership_id>/remove/",
        caseload_views.membership_remove_view,
        name="member-remove",
    ),
    path(
        "cases/<uuid:case_id>/organisation/",
        caseload_views.case_organisation_view,
        name="case",
    ),
    path(
        "cases/<uuid:case_id>/organisation/notes/",
        caseload_views.case_note_add_view,
        name="case-note",
    ),
    path(
        "cases/<uuid:case_id>/organisation/assign/",
        caseload_views.case_assign_view,
        name="case-assign",
    ),
    path(
        "cases/<uuid:case_id>/organisation/review/",
        caseload_views.case_review_view,
        name="case-review",
    ),
]
