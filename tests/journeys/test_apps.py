"""journeys/apps.py: journeys registers the one service accounts calls (accounts never
imports journeys)."""

import pytest

from ehcp_site.accounts import services as accounts_services
from journeys.cases.services import case_claim_session_work, case_drafts_delete_for_owner


def test_accounts_reaches_saved_cases_through_the_registered_service():
    service = accounts_services.cases_service()
    assert service.claim_session_work is case_claim_session_work
    assert service.drafts_delete_for_owner is case_drafts_delete_for_owner


def test_without_a_registered_service_accounts_refuses_rather_than_skip(monkeypatch):
    monkeypatch.setattr(accounts_services, "_registered", [])
    with pytest.raises(RuntimeError):
        accounts_services.cases_service()
