"""Whole journeys through Django's test client, for each branch of the triage."""

import re

import pytest

from tests.conftest import STEP_URL, management, request_answers, walk

TRIAGE_ENGLAND_REQUEST = {
    "country": {"country-country": "england"},
    "stage": {"stage-stage": "request"},
}


@pytest.mark.django_db
class RequestJourneyTests:
    def test_completes_from_start_page_to_letter(self, client):
        response, visited = walk(client, "/start/new/", TRIAGE_ENGLAND_REQUEST)
        assert visited == ["country", "stage"]
        assert response["Location"] == "/request/new/"
        response, visited = walk(client, "/request/new/", request_answers())
        assert visited[-1] == "check-answers"
        confirmation = client.get(response["Location"])
        assert confirmation.status_code == 200
        page = confirmation.content.decode()
        assert "Your letter is ready" in page
        assert "Bristol City Council" in page
        pdf_url = re.search(r'href="(/cases/[^"]+\.pdf)"', page)[1]
        download = client.get(pdf_url)
        assert download.status_code == 200
        assert download["Content-Type"] == "application/pdf"
        assert download.content.startswith(b"%PDF")
