"""Letter downloads (letters.views.letter_download), through Django's client."""

import re
import uuid

import pytest
from django.test import Client
from django.utils import timezone

from journeys.models import Case
from tests.conftest import is_sign_in_redirect, signed_in_client


@pytest.fixture
def case_id(client):
    """The example request case (Sam Okafor), owned by `client`'s session."""
    response = client.post("/example/")
    return re.search(r"/request/([0-9a-f-]{36})/confirmation/", response["Location"])[1]


def url(case_id, kind="request_assessment", fmt="pdf"):
    return f"/cases/{case_id}/letters/{kind}.{fmt}"


@pytest.mark.django_db
class LetterDownloadTests:
    def test_the_owner_downloads_the_letter(self, client, case_id):
        response = client.get(url(case_id))
        assert response.status_code == 200 and response.content.startswith(b"%PDF")
        assert response["Content-Type"] == "application/pdf"
        assert response["Content-Disposition"] == (
            f'attachment; filename="request-assessment-Sam-Okafor-{timezone.localdate()}.pdf"'
        )
        assert response["Cache-Control"] == "private, no-store"

    @pytest.mark.parametrize("kind", ["appeal_reasons", "appeal_checklist"])
    @pytest.mark.parametrize("fmt", ["pdf", "docx", "html"])
    def test_a_letter_the_case_cannot_make_is_404_not_500(self, client, case_id, kind, fmt):
        # The example request case records no decision: the appeal builders refuse
        # (MissingCaseData), so the letter does not exist for this case.
        assert "decision" not in Case.objects.get(pk=case_id).case_file
        response = client.get(url(case_id, kind, fmt))
        assert response.status_code == 404

    def test_a_non_latin_1_name_downloads_with_an_encoded_file_name(self, client, case_id):
        case = Case.objects.get(pk=case_id)
        case.case_file["child"]["first_name"] = "Łucja"
        case.save()
        for fmt, start in (("pdf", b"%PDF"), ("docx", b"PK")):
            response = client.get(url(case_id, fmt=fmt))
            assert response.status_code == 200 and response.content.startswith(start)
            header = response["Content-Disposition"]
            assert header.startswith("attachment; ")
            # RFC 6266 / RFC 5987 (the charset name is case-insensitive; Django writes utf-8).
            assert "filename*=utf-8''" in header.lower()
            assert f"request-assessment-%C5%81ucja-Okafor-{timezone.localdate()}.{fmt}" in header
            header.encode("latin-1")  # a header value HTTP can carry

    def test_ownership_is_still_checked(self, client, case_id):
        assert is_sign_in_redirect(Client().get(url(case_id)))
        stranger = signed_in_client()
        assert stranger.get(url(case_id)).status_code == 404
        assert stranger.get(url(case_id, "appeal_reasons")).status_code == 404
        # An unknown id looks exactly like someone else's case: sign in (anonymous) or 404.
        assert is_sign_in_redirect(client.get(url(uuid.uuid4())))
        assert stranger.get(url(uuid.uuid4())).status_code == 404

    def test_unknown_kind_or_format_is_404(self, client, case_id):
        assert client.get(url(case_id, "no_such_letter")).status_code == 404
        assert client.get(url(case_id, fmt="exe")).status_code == 404


@pytest.mark.django_db
def test_a_download_uses_the_extras_of_the_journey_it_came_from(client):
    import re

    from journeys.models import Case

    response = client.post("/example/")
    case_id = re.search(r"/request/([0-9a-f-]{36})/", response["Location"])[1]
    case = Case.objects.get(pk=case_id)
    case.case_file["decision"] = {
        "kind": "refusal_to_assess",
        "date": "2026-10-01",
        "reasons_given": ["Needs can be met at SEN support"],
    }
    case.extras = {
        "refused": {
            "reason_responses": [
                {
                    "reason": "Needs can be met at SEN support",
                    "response": "Answer from the refusal stage",
                }
            ]
        },
        "appeal": {
            "reason_responses": [
                {
                    "reason": "Needs can be met at SEN support",
                    "response": "Answer from the appeal stage",
                }
            ]
        },
    }
    case.save()
    url = f"/cases/{case_id}/letters/reconsideration_request.html"
    assert "Answer from the refusal stage" in client.get(f"{url}?journey=refused").content.decode()
    assert "Answer from the appeal stage" in client.get(f"{url}?journey=appeal").content.decode()


@pytest.mark.django_db
class LetterTooLongPageTests:
    """A letter beyond letters.services.LETTER_TEXT_LIMIT (lowered here: no letter a valid case
    makes now reaches it) gets a page that says so and what to do, status 422, never a 404."""

    @pytest.fixture(autouse=True)
    def low_limit(self, monkeypatch):
        from letters import services

        monkeypatch.setattr(services, "LETTER_TEXT_LIMIT", 2_000)
        rendered = []
        monkeypatch.setattr(services, "html_to_pdf", lambda *a, **k: rendered.append(1))
        return rendered

    @pytest.mark.parametrize(("fmt", "name"), [("pdf", "PDF"), ("docx", "Word document")])
    def test_the_download_explains_what_happened_and_what_to_do(
        self, client, case_id, low_limit, fmt, name
    ):
        response = client.get(url(case_id, fmt=fmt) + "?journey=request")
        assert response.status_code == 422
        assert response["Content-Type"].startswith("text/html")
        assert "Content-Disposition" not in response
        assert response["Cache-Control"] == "private, no-store"
        page = response.content.decode()
        assert (
            f'<h1 class="govuk-heading-l">This letter is too long to make into a {name}</h1>'
            in page
        )
        assert "Your request for an EHC needs assessment would be about" in page
        assert "Nothing you have saved has been lost." in page
        assert "Make your answers shorter" in page
        web_page = f"/cases/{case_id}/letters/request_assessment.html?journey=request"
        assert f'href="{web_page}"' in page
        assert f'href="/cases/{case_id}/"' in page
        assert low_limit == []  # no PDF was rendered
        # The web page version it offers is the whole letter, and the case page is there.
        letter = client.get(web_page)
        assert letter.status_code == 200 and b"Sam Okafor" in letter.content
        assert client.get(f"/cases/{case_id}/").status_code == 200

    def test_a_stranger_still_gets_a_404(self, case_id):
        assert signed_in_client().get(url(case_id)).status_code == 404
