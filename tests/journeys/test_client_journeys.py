"""Whole journeys through Django's test client, for each branch of the triage."""

import re
from datetime import date

import pytest

from journeys.models import Case
from tests.conftest import (
    STEP_URL,
    formset,
    is_sign_in_redirect,
    management,
    request_answers,
    signed_in_client,
    walk,
)

TRIAGE_ENGLAND_REQUEST = {
    "country": {"country-country": "england"},
    "stage": {"stage-stage": "request"},
}


@pytest.fixture(params=["session", "database"])
def client(request, client):
    """Every journey here runs twice, as formtools tests each storage backend: a visitor's
    answers live in their session, a signed-in parent's in Draft rows (wizard/storage.py)."""
    if request.param == "database":
        return signed_in_client("parent@example.org", "Pat Parent")
    return client


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
        pdf_url = re.search(r'href="(/cases/[^"]+\.pdf\?journey=request)"', page)[1]
        download = client.get(pdf_url)
        assert download.status_code == 200
        assert download["Content-Type"] == "application/pdf"
        assert download.content.startswith(b"%PDF")


@pytest.mark.django_db
class TriageBranchTests:
    @pytest.mark.parametrize(
        ("country", "help_name"),
        [("wales", "SNAP Cymru"), ("scotland", "Enquire"), ("northern_ireland", "SENAC")],
    )
    def test_other_nations_get_their_own_system_not_the_journey(self, client, country, help_name):
        response, visited = walk(client, "/start/new/", {"country": {"country-country": country}})
        assert visited == ["country"]
        assert response["Location"] == f"/other-nations/{country}/"
        page = client.get(response["Location"]).content.decode()
        assert "This service covers England only" in page
        assert help_name in page

    @pytest.mark.parametrize(
        "stage",
        ["refused", "plan", "mediation", "appeal", "transfer", "reassessment", "tribunal-order"],
    )
    def test_each_stage_starts_its_own_journey(self, client, stage):
        response, _ = walk(
            client,
            "/start/new/",
            {"country": {"country-country": "england"}, "stage": {"stage-stage": stage}},
        )
        assert response["Location"] == f"/{stage}/new/"
        first = client.get(response["Location"])
        assert first["Location"].endswith("/your-details/")  # who is filling it in, first
        assert client.get(first["Location"]).status_code == 200

    def test_unknown_nation_or_journey_is_404(self, client):
        assert client.get("/other-nations/england/").status_code == 404
        assert client.get("/other-nations/atlantis/").status_code == 404
        assert client.get("/party/new/").status_code == 404


def start_request(client):
    """Start a request and answer who is filling it in (the journey asks that first), so the
    child's name is the next question."""
    response = client.get("/request/new/")
    match = STEP_URL.match(response["Location"])
    for step in ("your-details", "your-contact"):
        post_step(client, match["case_id"], step, request_answers()[step])
    return match["case_id"], response["Location"]


def post_step(client, case_id, step, data, query=""):
    return client.post(
        f"/request/{case_id}/{step}/{query}", {**management("request", step), **data}
    )


@pytest.mark.django_db
class RequestJourneyBehaviourTests:
    def test_home_educated_child_is_never_asked_about_a_school(self, client):
        answers = request_answers(
            **{
                "child-setting": {"child-setting-setting_kind": "home_educated"},
                "support-now": formset(
                    "support-now",
                    [
                        {
                            "description": "Home education with a tutor, 2 hours a week",
                            "since_0": "1",
                            "since_1": "9",
                            "since_2": "2025",
                            "outcome": "Not enough: he cannot read yet",
                        }
                    ],
                ),
            }
        )
        response, visited = walk(client, "/request/new/", answers)
        assert "setting-details" not in visited and "school-view" not in visited
        # What they receive now, not the school's SEN support (issue 10, finding 11).
        assert "support-now" in visited and "support-tried" not in visited
        assert client.get(response["Location"]).status_code == 200
        case = Case.objects.get(pk=STEP_URL.match(response["Location"])["case_id"])
        assert case.case_file["child"]["setting"] == {"kind": "home_educated"}
        assert case.case_file["support_tried"][0]["description"].startswith("Home education")

    def test_an_error_shows_the_summary_and_keeps_what_was_typed(self, client):
        case_id, _ = start_request(client)
        response = post_step(
            client,
            case_id,
            "child-name",
            {"child-name-first_name": "Sam", "child-name-last_name": ""},
        )
        # Post/Redirect/Get: the errors are shown by a GET, so Back and refresh never ask
        # to resend the form ("Confirm form resubmission").
        step_url = f"/request/{case_id}/child-name/"
        assert response.status_code == 302
        assert response["Location"] == step_url
        for _ in range(2):  # and a refresh shows the same: bad input loses nothing
            page = client.get(step_url).content.decode()
            assert "<title>Error: " in page
            assert "There is a problem" in page
            assert (
                '<a href="#id_child-name-last_name">Enter your child&#x27;s last name</a>' in page
            )
            assert 'value="Sam"' in page
        # Once answered, the errors are gone for good.
        post_step(client, case_id, "child-name", request_answers()["child-name"])
        page = client.get(step_url).content.decode()
        assert "There is a problem" not in page
        assert client.session.get("journeys.invalid_answers") == {}

    def test_answers_survive_a_refresh_and_the_back_button(self, client):
        case_id, _ = start_request(client)
        post_step(client, case_id, "child-name", request_answers()["child-name"])
        # Back, or a refresh, is a GET of the step: the answer is still there.
        page = client.get(f"/request/{case_id}/child-name/").content.decode()
        assert 'value="Sam"' in page and 'value="Okafor"' in page

    def test_answers_survive_a_closed_tab(self, client):
        case_id, _ = start_request(client)
        post_step(client, case_id, "child-name", request_answers()["child-name"])
        # Same browser (same session cookie), a new tab later.
        client.cookies = client.cookies  # the session cookie is all that carries over
        page = client.get(f"/request/{case_id}/child-name/").content.decode()
        assert 'value="Okafor"' in page

    def test_tampered_management_data_is_a_400(self, client):
        case_id, _ = start_request(client)
        response = client.post(f"/request/{case_id}/child-name/", request_answers()["child-name"])
        assert response.status_code == 400
        response = client.post(
            f"/request/{case_id}/child-name/",
            {"request-current_step": "no-such-step", **request_answers()["child-name"]},
        )
        assert response.status_code == 400
        # A step that exists but is hidden for these answers is tampering too.
        response = client.post(
            f"/request/{case_id}/child-name/",
            {"request-current_step": "school-view", "school-view-school_view": "supports"},
        )
        assert response.status_code == 400

    def test_a_lost_session_restarts_instead_of_crashing(self, client):
        case_id, _ = start_request(client)
        post_step(client, case_id, "child-name", request_answers()["child-name"])
        client.cookies.clear()  # the session has gone (cleared cookies, or expired)
        response = client.get(f"/request/{case_id}/child-pronouns/")
        assert response.status_code == 302
        assert response["Location"] == "/request/new/?restarted=1"
        page = client.get(response["Location"])
        assert page.status_code == 200
        assert "We could not find your answers" in page.content.decode()
        response = post_step(client, case_id, "child-pronouns", {"child-pronouns-pronouns": "he"})
        assert response["Location"] == "/request/new/?restarted=1"

    def test_a_lost_session_at_the_end_restarts_too(self, client):
        response, _ = walk(client, "/request/new/", request_answers())
        confirmation = response["Location"]
        client.cookies.clear()
        # Without the session the case is not theirs on this browser: sign in, if they saved.
        assert is_sign_in_redirect(client.get(confirmation), confirmation)
        case_id = STEP_URL.match(confirmation)["case_id"]
        assert is_sign_in_redirect(client.get(f"/request/{case_id}/done/"))

    def test_another_visitor_cannot_see_the_case_or_its_letter(self, client):
        from django.test import Client

        response, _ = walk(client, "/request/new/", request_answers())
        confirmation = response["Location"]
        case_id = STEP_URL.match(confirmation)["case_id"]
        assert is_sign_in_redirect(Client().get(confirmation), confirmation)
        stranger = signed_in_client()
        assert stranger.get(confirmation).status_code == 404
        letter = f"/cases/{case_id}/letters/request_assessment.pdf"
        assert client.get(letter).status_code == 200
        assert stranger.get(letter).status_code == 404
        assert stranger.get(f"/request/{case_id}/check-answers/").status_code == 404

    def test_unknown_letter_kind_or_format_is_404(self, client):
        response, _ = walk(client, "/request/new/", request_answers())
        case_id = STEP_URL.match(response["Location"])["case_id"]
        assert client.get(f"/cases/{case_id}/letters/request_assessment.exe").status_code == 404
        assert client.get(f"/cases/{case_id}/letters/love_letter.pdf").status_code == 404

    def test_an_invisible_step_redirects_to_the_start_of_the_journey(self, client):
        answers = request_answers(**{"child-setting": {"child-setting-setting_kind": "none"}})
        response, _ = walk(client, "/request/new/", answers)
        case_id = STEP_URL.match(response["Location"])["case_id"]
        response = client.get(f"/request/{case_id}/school-view/")
        assert response.status_code == 302
        assert response["Location"] == f"/request/{case_id}/your-details/"

    def test_skipping_ahead_by_url_cannot_submit_unanswered_steps(self, client):
        case_id, _ = start_request(client)
        post_step(client, case_id, "child-name", request_answers()["child-name"])
        response = post_step(client, case_id, "check-answers", {})
        assert response["Location"] == f"/request/{case_id}/child-pronouns/"
        # Nothing was saved: no confirmation page (a visitor is asked to sign in, as for any
        # case id they do not hold; a signed-in parent gets a 404).
        confirmation = client.get(f"/request/{case_id}/confirmation/")
        assert is_sign_in_redirect(confirmation) or confirmation.status_code == 404
        from journeys.models import Case

        assert not Case.objects.filter(pk=case_id).exists()

    def test_knowing_another_familys_case_id_does_not_let_you_change_it(self, client):

        from journeys.models import Case

        response, _ = walk(client, "/request/new/", request_answers())
        case_id = STEP_URL.match(response["Location"])["case_id"]
        stranger = signed_in_client()
        # The stranger answers the whole request journey under the family's case id.
        stranger.get(f"/request/{case_id}/child-name/")
        for slug, data in request_answers(
            **{"child-name": {"child-name-first_name": "Mallory", "child-name-last_name": "Evil"}}
        ).items():
            response = stranger.post(
                f"/request/{case_id}/{slug}/", {**management("request", slug), **data}
            )
        assert response.status_code == 404  # submitting check-answers is refused
        assert Case.objects.get(pk=case_id).case_file["child"]["first_name"] == "Sam"
        assert stranger.get(f"/request/{case_id}/confirmation/").status_code == 404


@pytest.mark.django_db
class ChangeAnswerTests:
    def finished(self, client, **overrides):
        response, _ = walk(client, "/request/new/", request_answers(**overrides))
        return STEP_URL.match(response["Location"])["case_id"]

    def test_every_row_on_check_answers_has_a_change_link_back_to_its_question(self, client):
        case_id = self.finished(client)
        page = client.get(f"/request/{case_id}/check-answers/").content.decode()
        links = set(re.findall(rf'href="/request/{case_id}/([\w-]+)/\?return=check"', page))
        assert links == {
            "child-name",
            "child-pronouns",
            "child-date-of-birth",
            "child-setting",
            "setting-details",
            "child-diagnoses",
            "local-authority",
            "your-details",
            "your-contact",
            "need-areas",
            "need-communication",
            "need-semh",
            "support-tried",
            "evidence",
            "school-view",
            "child-views",
            "child-strengths",
            "anything-else",
        }

    def test_change_returns_to_check_answers(self, client):
        case_id = self.finished(client)
        page = client.get(f"/request/{case_id}/child-name/?return=check").content.decode()
        assert f'href="/request/{case_id}/check-answers/"' in page  # the back link
        response = post_step(
            client,
            case_id,
            "child-name",
            {"child-name-first_name": "Samuel", "child-name-last_name": "Okafor"},
            query="?return=check",
        )
        assert response["Location"] == f"/request/{case_id}/check-answers/"
        page = client.get(response["Location"]).content.decode()
        assert "Samuel" in page

    def test_a_change_that_opens_a_new_question_asks_it_before_going_back(self, client):
        case_id = self.finished(client)
        areas = {"need-areas-areas": ["communication_interaction", "semh", "cognition_learning"]}
        response = post_step(client, case_id, "need-areas", areas, query="?return=check")
        assert response["Location"] == f"/request/{case_id}/need-cognition/?return=check"
        response = post_step(
            client,
            case_id,
            "need-cognition",
            {
                "need-cognition-description": "Reading is very slow.",
                "need-cognition-impact": "Cannot access written work.",
            },
            query="?return=check",
        )
        assert response["Location"] == f"/request/{case_id}/check-answers/"

    def test_a_change_that_hides_a_question_drops_its_answer_from_the_letter(self, client):
        case_id = self.finished(client)
        post_step(
            client,
            case_id,
            "child-setting",
            {"child-setting-setting_kind": "home_educated"},
            query="?return=check",
        )
        # Newly relevant: what a child with no place receives now.
        post_step(client, case_id, "support-now", formset("support-now", []), query="?return=check")
        post_step(client, case_id, "check-answers", {})
        page = client.get(f"/request/{case_id}/confirmation/").content.decode()
        assert "Hillside Primary School" not in page
        assert "home educated" in page


@pytest.mark.django_db
class AddAnotherTests:
    def test_add_another_keeps_the_parent_on_the_page_with_a_new_blank_item(self, client):
        case_id, _ = start_request(client)
        for slug in ("child-name", "child-pronouns", "child-date-of-birth"):
            post_step(client, case_id, slug, request_answers()[slug])
        data = {**request_answers()["evidence"], "add_another": "1"}
        response = post_step(client, case_id, "evidence", data)
        assert response["Location"] == f"/request/{case_id}/evidence/"
        page = client.get(response["Location"]).content.decode()
        assert "Evidence 3" in page  # two saved items and one new blank one
        assert 'value="Dr A Patel"' in page
        assert "Remove evidence 1" in page and "Remove evidence 3" not in page

    def test_add_another_with_a_blank_item_adds_no_second_blank(self, client):
        case_id, _ = start_request(client)
        post_step(client, case_id, "child-name", request_answers()["child-name"])
        blank = {
            "evidence-TOTAL_FORMS": "1",
            "evidence-INITIAL_FORMS": "0",
            "evidence-0-kind": "",
            "evidence-0-author": "",
            "add_another": "1",
        }
        post_step(client, case_id, "evidence", blank)
        page = client.get(f"/request/{case_id}/evidence/").content.decode()
        assert "Evidence 1" in page and "Evidence 2" not in page


@pytest.mark.django_db
def test_the_example_button_shows_a_letter_for_the_example_case(client):
    response = client.post("/example/")
    assert response.status_code == 302
    page = client.get(response["Location"]).content.decode()
    assert "Your letter is ready" in page
    assert "Sam" in page and "Bristol City Council" in page
    assert client.get("/example/").status_code == 405


@pytest.mark.django_db
def test_forms_reject_a_missing_csrf_token(client):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    assert strict.post("/example/").status_code == 403
    response = strict.get("/request/new/")
    location = response["Location"]
    step = STEP_URL.match(location)["step"]
    assert (
        strict.post(
            location, {**management("request", step), **request_answers()[step]}
        ).status_code
        == 403
    )


@pytest.mark.django_db
def test_need_areas_page_offers_checkboxes_so_several_can_be_chosen(client):
    case_id, _ = start_request(client)
    post_step(client, case_id, "child-name", request_answers()["child-name"])
    page = client.get(f"/request/{case_id}/need-areas/").content.decode()
    assert page.count('type="checkbox"') == 4
    assert 'type="radio"' not in page


@pytest.mark.django_db
def test_a_case_loaded_from_a_file_shows_its_answers_on_the_first_question(client):
    response = client.post("/example/")
    case_id = re.search(r"/request/([0-9a-f-]{36})/", response["Location"])[1]
    page = client.get(f"/request/{case_id}/child-name/?return=check").content.decode()
    assert 'value="Sam"' in page and 'value="Okafor"' in page


@pytest.mark.django_db
def test_the_done_url_by_get_changes_nothing(client):
    from journeys.models import Case

    response, _ = walk(client, "/request/new/", request_answers())
    case_id = STEP_URL.match(response["Location"])["case_id"]
    post_step(
        client,
        case_id,
        "child-name",
        {"child-name-first_name": "Samuel", "child-name-last_name": "Okafor"},
    )
    response = client.get(f"/request/{case_id}/done/")
    assert response["Location"] == f"/request/{case_id}/check-answers/"
    assert Case.objects.get(pk=case_id).case_file["child"]["first_name"] == "Sam"


@pytest.mark.django_db
def test_add_another_stops_at_twenty_items(client):
    case_id, _ = start_request(client)
    post_step(client, case_id, "child-name", request_answers()["child-name"])
    item = {
        "kind": "other",
        "title": "",
        "author": "Me",
        "date_0": "1",
        "date_1": "1",
        "date_2": "2025",
        "key_points": "Notes",
    }
    response = post_step(
        client, case_id, "evidence", {**formset("evidence", [item] * 20), "add_another": "1"}
    )
    assert response.status_code == 302
    page = client.get(f"/request/{case_id}/evidence/").content.decode()
    assert "Evidence 20" in page and "Evidence 21" not in page
    response = post_step(client, case_id, "evidence", formset("evidence", [item] * 20))
    assert response.status_code == 302  # still valid: nothing locked


@pytest.mark.django_db
def test_a_young_person_must_be_over_compulsory_school_age(client):
    from journeys.wizard.answers import form_for_step
    from journeys.wizard.definition import REQUEST_ASSESSMENT

    step = REQUEST_ASSESSMENT.step("your-details")
    data = {"your-details-name": "Sam Okafor", "your-details-relationship": "young_person"}
    ten = {"child-date-of-birth": {"date_of_birth": date(2016, 5, 2)}}
    form = form_for_step(step, data, ten)
    assert form.errors["relationship"] == [
        "A young person has finished Year 11: the rights become theirs on the 1 September "
        "after their 16th birthday. Choose parent or carer, or check the date of birth"
    ]
    seventeen = {"child-date-of-birth": {"date_of_birth": date(2009, 1, 1)}}
    assert form_for_step(step, data, seventeen).is_valid()


@pytest.mark.django_db
def test_the_example_case_is_marked_everywhere_and_never_counted_or_shared(case_file):
    from ehcp_site.accounts.models import Membership, Organisation
    from journeys.caseload.selectors import CaseloadFilters, caseload_shares
    from journeys.models import Case, OrganisationShare
    from tests.conftest import make_user

    parent = make_user("parent@example.org", "Pat Parent")
    from django.test import Client

    client = Client()
    client.force_login(parent)
    confirmation = client.get(client.post("/example/")["Location"]).content.decode()
    example = Case.objects.get()
    assert example.is_example
    assert "This is an example, about a made-up child" in confirmation
    assert "<title>Your letter is ready (example)" in confirmation
    overview = client.get(f"/cases/{example.id}/").content.decode()
    assert "Sam&#x27;s example case" in overview or "Sam's example case" in overview
    listing = client.get("/cases/").content.decode()
    assert "You have no saved cases yet." in listing  # not counted among real cases
    assert "Sam Okafor's example case" in listing
    # Never shared: the sharing page says so, and a crafted share is refused.
    organisation = Organisation.objects.create(name="Sunrise")
    Membership.objects.create(organisation=organisation, user=make_user("w@example.org", "W"))
    assert (
        "An example case cannot be shared"
        in client.get(f"/cases/{example.id}/sharing/").content.decode()
    )
    response = client.post(
        f"/cases/{example.id}/sharing/organisations/",
        {"organisation-organisation": str(organisation.id), "confirm": "yes"},
    )
    assert response.status_code == 404
    # Even a share made some other way never reaches a caseload.
    OrganisationShare.objects.create(case=example, organisation=organisation)
    today = date.today()
    assert not caseload_shares(organisation=organisation, filters=CaseloadFilters(), today=today)


@pytest.mark.django_db
def test_the_confirmation_title_agrees_with_its_heading(client):
    response, _ = walk(client, "/request/new/", request_answers())
    page = client.get(response["Location"]).content.decode()
    assert '<h1 class="govuk-panel__title">Your letter is ready</h1>' in page
    assert "<title>Your letter is ready \u2013 " in page
