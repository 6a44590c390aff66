from django.urls import path

from journeys.cases import calculator, check_views, overview_views, provision_views
from journeys.cases import views as case_views
from journeys.evidence import views as evidence_views
from journeys.evidence import working_document_views
from journeys.sharing import views as sharing_views
from journeys.wizard import views
from journeys.wizard.definition import JOURNEYS

app_name = "journeys"

urlpatterns = [
    path("<slug:journey>/new/", views.journey_new, name="new"),
    path("example/", views.journey_example, name="example"),
    path("appeal-deadline/", calculator.appeal_deadline_calculator, name="appeal-calculator"),
    path("cases/", overview_views.case_list_view, name="case-list"),
    path("cases/<uuid:case_id>/", overview_views.case_overview_view, name="case-overview"),
    path("cases/<uuid:case_id>/seen-by/", overview_views.case_seen_by_view, name="seen-by"),
    path("cases/<uuid:case_id>/sharing/", sharing_views.case_sharing_view, name="sharing"),
    path(
        "cases/<uuid:case_id>/sharing/advocates/",
        sharing_views.case_invite_advocate_view,
        name="sharing-invite",
    ),
    path(
        "cases/<uuid:case_id>/sharing/advocates/<uuid:access_id>/revoke/",
        sharing_views.case_revoke_advocate_view,
        name="sharing-revoke",
    ),
    path(
        "cases/<uuid:case_id>/sharing/organisations/",
        sharing_views.case_share_organisation_view,
        name="sharing-organisation",
    ),
    path(
        "cases/<uuid:case_id>/sharing/organisations/<uuid:organisation_id>/stop/",
        sharing_views.case_stop_organisation_view,
        name="sharing-stop",
    ),
    path("invitations/<str:token>/", sharing_views.invitation_view, name="invitation"),
    path("cases/<uuid:case_id>/timeline/", case_views.case_timeline_view, name="timeline"),
    path(
        "cases/<uuid:case_id>/timeline/remove/",
        case_views.case_event_remove_view,
        name="timeline-remove",
    ),
    path(
        "cases/<uuid:case_id>/provision/",
        provision_views.provision_tracker_view,
        name="provision",
    ),
    path(
        "cases/<uuid:case_id>/provision/items/",
        provision_views.provision_items_view,
        name="provision-items",
    ),
    path(
        "cases/<uuid:case_id>/provision/log/<str:monday>/",
        provision_views.provision_week_view,
        name="provision-week",
    ),
    path(
        "cases/<uuid:case_id>/provision/terms/",
        provision_views.provision_terms_view,
        name="provision-terms",
    ),
    path("cases/<uuid:case_id>/reminders/", case_views.case_reminders_view, name="reminders"),
    path(
        "cases/<uuid:case_id>/check-decision-letter/",
        check_views.case_check_letter_view,
        name="check-letter",
    ),
    path(
        "cases/<uuid:case_id>/evidence-gaps/",
        check_views.case_evidence_gaps_view,
        name="evidence-gaps",
    ),
    path(
        "cases/<uuid:case_id>/continue/<slug:journey>/",
        case_views.case_continue_view,
        name="continue",
    ),
    path("cases/<uuid:case_id>/evidence/", evidence_views.evidence_list_view, name="evidence"),
    path(
        "cases/<uuid:case_id>/working-document/",
        working_document_views.case_working_document_view,
        name="working-document",
    ),
    path(
        "cases/<uuid:case_id>/working-document/working-document.<slug:fmt>",
        working_document_views.case_working_document_download_view,
        name="working-document-download",
    ),
    path(
        "cases/<uuid:case_id>/evidence/add/",
        evidence_views.evidence_upload_view,
        name="evidence-upload",
    ),
    path(
        "cases/<uuid:case_id>/evidence/<uuid:file_id>/download/",
        evidence_views.evidence_download_view,
        name="evidence-download",
    ),
    path(
        "cases/<uuid:case_id>/evidence/<uuid:file_id>/delete/",
        evidence_views.evidence_delete_view,
        name="evidence-delete",
    ),
    path(
        "cases/<uuid:case_id>/evidence/pack/",
        evidence_views.evidence_pack_view,
        name="evidence-pack",
    ),
    path(
        "cases/<uuid:case_id>/evidence/pack/more-pages/",
        evidence_views.evidence_more_pages_view,
        name="evidence-more-pages",
    ),
    path(
        "cases/<uuid:case_id>/witness-statement/",
        evidence_views.witness_statement_view,
        name="witness-statement",
    ),
    path(
        "cases/<uuid:case_id>/witness-statement/ready/",
        evidence_views.witness_statement_ready_view,
        name="witness-statement-ready",
    ),
    path(
        "cases/<uuid:case_id>/evidence/pack/<uuid:pack_id>/",
        evidence_views.evidence_pack_status_view,
        name="evidence-pack-status",
    ),
    path(
        "cases/<uuid:case_id>/evidence/pack/<uuid:pack_id>/evidence-pack.pdf",
        evidence_views.evidence_pack_download_view,
        name="evidence-pack-download",
    ),
    path("cases/<uuid:case_id>/export.zip", case_views.case_export_view, name="export"),
    path("cases/<uuid:case_id>/delete/", case_views.case_delete_view, name="delete"),
    path("cases/import/", case_views.case_import_view, name="import"),
    path("cases/deleted/", case_views.case_deleted_view, name="deleted"),
    path("cases/<uuid:case_id>/deadlines.ics", case_views.case_calendar_view, name="calendar"),
    path("reminders/stop/<str:token>/", case_views.reminders_stop_view, name="reminders-stop"),
    path(
        "reminders/confirm/<str:token>/",
        case_views.reminders_confirm_view,
        name="reminders-confirm",
    ),
    path(
        "<slug:journey>/<uuid:case_id>/confirmation/",
        views.journey_confirmation,
        name="confirmation",
    ),
    *(
        path(
            f"{journey.slug}/<uuid:case_id>/<slug:step>/",
            views.JourneyStepView.for_journey(journey),
            name=f"{journey.slug}-step",
        )
        for journey in JOURNEYS.values()
    ),
]
