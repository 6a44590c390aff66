from django.apps import AppConfig


class JourneysConfig(AppConfig):
    name = "journeys"  # the label stays `journeys`: models, migrations and URLs keep it

    def ready(self) -> None:
        # accounts never imports journeys; it calls saved cases through this one service.
        from ehcp_site.accounts.services import CasesService, cases_service_register

        # A document's stored bytes go when its row goes, however it goes.
        from journeys.cases.evidence_files import evidence_storage_connect
        from journeys.cases.services import (
            case_claim_session_work,
            case_drafts_delete_for_owner,
            case_letters_forget_for_owner,
        )

        evidence_storage_connect()

        cases_service_register(
            CasesService(
                claim_session_work=case_claim_session_work,
                drafts_delete_for_owner=case_drafts_delete_for_owner,
                letters_forget_for_owner=case_letters_forget_for_owner,
            )
        )
