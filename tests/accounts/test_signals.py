"""Signing up or in keeps what this browser did before: saved cases and answers in progress,
even in the middle of a journey, move into the account (signals.claim_session_work)."""

from __future__ import annotations

import pytest
from django.test import Client

from journeys.models import Case, Draft
from tests.conftest import PASSWORD, STEP_URL, make_user, management, request_answers, walk

ANSWERS = request_answers()


def start_request(client) -> tuple[str, str]:
    """Answer the first questions anonymously (who is filling it in, the child's name and
    pronouns); return the case id and the next step."""
    first = client.get("/request/new/")["Location"]
    case_id = STEP_URL.match(first)["case_id"]
    location = first
    for step in ("your-details", "your-contact", "child-name", "child-pronouns"):
        response = client.post(location, {**management("request", step), **ANSWERS[step]})
        assert response.status_code == 302, response.content.decode()[:300]
        location = response["Location"]
    return case_id, location


def answer_from(client, location: str, answers) -> str:
    """Answer each step the journey shows from `location`, until it leaves the steps.
    Returns where it went (the confirmation page)."""
    for _ in range(40):
        match = STEP_URL.match(location)
        if not match or match["step"] == "confirmation":
            return location
        step = match["step"]
        response = client.post(location, {**management("request", step), **answers[step]})
        assert response.status_code == 302, f"{step}: {response.content.decode()[:300]}"
        location = response["Location"]
    raise AssertionError("journey did not finish")


def sign_up(client, next_url: str = "") -> object:
    data = {
        "full_name": "Grace Okafor",
        "email": "grace@example.org",
        "password1": PASSWORD,
        "password2": PASSWORD,
    }
    if next_url:
        data["next"] = next_url
    return client.post("/account/sign-up/", data)


@pytest.mark.django_db
class MidJourneySignUpTests:
    def test_signing_up_mid_journey_comes_back_to_the_question_with_the_answers(self, client):
        case_id, step_url = start_request(client)
        assert step_url.endswith("/child-date-of-birth/")
        # The header's "Create an account" link carries the question they are on.
        page = client.get(step_url).content.decode()
        assert f'href="/account/sign-up/?next={step_url}"' in page
        form = client.get(f"/account/sign-up/?next={step_url}").content.decode()
        assert f'<input type="hidden" name="next" value="{step_url}">' in form

        response = sign_up(client, next_url=step_url)
        assert response.status_code == 302
        assert response["Location"] == step_url

        # The answers now live in the account, not the browser's session.
        draft = Draft.objects.get(user__email="grace@example.org", case_id=case_id)
        assert draft.journey == "request"
        assert client.session.get("journey_drafts") == {}
        landed = client.get(step_url)
        assert landed.status_code == 200
        assert 'name="child-date-of-birth-date_of_birth_0"' in landed.content.decode()
        earlier = client.get(f"/request/{case_id}/child-name/").content.decode()
        assert 'value="Sam"' in earlier and 'value="Okafor"' in earlier

        # And the journey carries on, signed in, to a case the account owns.
        done = answer_from(client, step_url, ANSWERS)
        assert done == f"/request/{case_id}/confirmation/"
        assert Case.objects.get(pk=case_id).owner.email == "grace@example.org"

    def test_the_answers_follow_the_account_to_another_device(self, client):
        case_id, step_url = start_request(client)
        sign_up(client, next_url=step_url)
        laptop = Client()
        laptop.post("/account/sign-in/", {"username": "grace@example.org", "password": PASSWORD})
        page = laptop.get(f"/request/{case_id}/child-name/").content.decode()
        assert 'value="Sam"' in page


@pytest.mark.django_db
class SavedCaseClaimTests:
    def finished_case(self, client) -> Case:
        response, _ = walk(client, "/request/new/", ANSWERS)
        case = Case.objects.get(pk=STEP_URL.match(response["Location"])["case_id"])
        assert case.owner is None  # the browser's, until they sign in
        return case

    def test_a_case_finished_anonymously_belongs_to_the_new_account(self, client):
        case = self.finished_case(client)
        sign_up(client)
        case.refresh_from_db()
        assert case.owner.email == "grace@example.org"
        assert client.session.get("owned_cases") == []

    def test_a_case_finished_anonymously_belongs_to_the_account_signed_in_to(self, client):
        user = make_user("parent@example.org")
        case = self.finished_case(client)
        response = client.post(
            "/account/sign-in/", {"username": "parent@example.org", "password": PASSWORD}
        )
        assert response.status_code == 302
        case.refresh_from_db()
        assert case.owner == user
        # Another browser signed in to the account sees it; a stranger does not.
        other_device = Client()
        other_device.force_login(user)
        assert other_device.get(f"/cases/{case.id}/timeline/").status_code == 200
        stranger = Client()
        stranger.force_login(make_user("stranger@example.org", "Sandy Stranger"))
        assert stranger.get(f"/cases/{case.id}/timeline/").status_code == 404

    def test_a_case_someone_else_owns_is_never_claimed(self, client):
        owner = make_user("owner@example.org")
        case = self.finished_case(client)
        case.owner = owner
        case.save(update_fields=["owner"])
        sign_up(client)
        case.refresh_from_db()
        assert case.owner == owner
