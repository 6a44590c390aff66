"""journeys/wizard/views.py: the one step view, inspected as formtools inspects its wizards
(the view's form list and conditions come from the journey as data), and its overrides of
formtools tried one by one. Whole journeys are tests/journeys/test_client_journeys.py."""

from __future__ import annotations

import re

import pytest

from journeys.wizard.definition import CHECK_ANSWERS, JOURNEYS
from journeys.wizard.views import DONE_STEP, JourneyStepView
from tests.conftest import management, request_answers, signed_in_client

NEW_STEP = re.compile(r"^/request/(?P<case_id>[0-9a-f-]{36})/your-details/$")


@pytest.mark.parametrize("slug", sorted(JOURNEYS))
def test_the_view_is_the_journey_as_formtools_data(slug):
    journey = JOURNEYS[slug]
    view = JourneyStepView.for_journey(journey)
    init = view.view_initkwargs
    # formtools turns the (slug, form) pairs into an ordered mapping
    assert list(init["form_list"]) == [step.slug for step in journey.steps]
    assert [init["form_list"][s.slug] for s in journey.steps] == [
        s.form_class for s in journey.steps
    ]
    assert set(init["condition_dict"]) == {s.slug for s in journey.steps if s.show_if}
    assert init["url_name"] == f"journeys:{slug}-step"
    assert init["done_step_name"] == DONE_STEP


@pytest.fixture(params=["session", "database"])
def browser(request, client, db):
    if request.param == "database":
        return signed_in_client("parent@example.org", "Pat Parent")
    return client


def start(browser) -> str:
    response = browser.get("/request/new/")
    return NEW_STEP.match(response["Location"])["case_id"]


@pytest.mark.django_db
class JourneyStepViewTests:
    def test_a_step_has_its_own_template_or_the_shared_layout(self, browser):
        case_id = start(browser)
        response = browser.get(f"/request/{case_id}/your-details/")
        assert [t.name for t in response.templates][:1] == ["journeys/step_base.html"] or (
            "journeys/steps/your-details.html" in [t.name for t in response.templates]
        )
        assert response.context["journey"] is JOURNEYS["request"]
        assert response.context["back_link"] == "/"

    def test_a_valid_step_redirects_to_the_next_visible_step(self, browser):
        case_id = start(browser)
        data = {**management("request", "your-details"), **request_answers()["your-details"]}
        response = browser.post(f"/request/{case_id}/your-details/", data)
        assert response.status_code == 302
        assert response["Location"] == f"/request/{case_id}/your-contact/"

    def test_posting_a_step_the_journey_does_not_have_is_a_400(self, browser):
        case_id = start(browser)
        data = {**management("request", "not-a-step"), **request_answers()["your-details"]}
        assert browser.post(f"/request/{case_id}/your-details/", data).status_code == 400

    def test_posting_without_the_management_form_is_a_400(self, browser):
        case_id = start(browser)
        response = browser.post(
            f"/request/{case_id}/your-details/", request_answers()["your-details"]
        )
        assert response.status_code == 400

    def test_the_done_url_by_get_goes_back_to_check_answers_and_saves_nothing(self, browser):
        case_id = start(browser)
        data = {**management("request", "your-details"), **request_answers()["your-details"]}
        browser.post(f"/request/{case_id}/your-details/", data)
        response = browser.get(f"/request/{case_id}/{DONE_STEP}/")
        assert response.status_code == 302
        assert response["Location"] == f"/request/{case_id}/{CHECK_ANSWERS}/"
        from journeys.models import Case

        assert not Case.objects.filter(pk=case_id).exists()

    def test_a_lost_draft_restarts_the_journey(self, browser):
        case_id = start(browser)
        response = browser.get(f"/request/{case_id}/child-pronouns/")
        assert response["Location"] == "/request/new/?restarted=1"
