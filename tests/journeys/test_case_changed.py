"""Two people (or two tabs, or two devices) never silently overwrite each other's answers,
and sending the same answers twice is harmless."""

from __future__ import annotations

import re

import pytest

from journeys.models import Case
from tests.conftest import STEP_URL, management, request_answers, walk


def finish_request(client, **overrides) -> str:
    response, _ = walk(client, "/request/new/", request_answers(**overrides))
    return STEP_URL.match(response["Location"])["case_id"]


def check_answers(client, journey, case_id, **extra):
    return client.post(
        f"/{journey}/{case_id}/check-answers/", {**management(journey, "check-answers"), **extra}
    )


@pytest.mark.django_db
class CaseChangedTests:
    def test_submitting_twice_saves_once_and_is_not_a_conflict(self, client):
        case_id = finish_request(client)
        first = Case.objects.get(pk=case_id)
        again = check_answers(client, "request", case_id)
        assert again.status_code == 302
        assert again["Location"] == f"/request/{case_id}/confirmation/"
        assert Case.objects.count() == 1
        assert Case.objects.get(pk=case_id).case_file == first.case_file

    def test_answers_started_from_an_older_version_are_not_saved_over_newer_ones(self, client):
        case_id = finish_request(client)
        # A refusal journey starts from the case as it is now...
        response = client.post(f"/cases/{case_id}/continue/refused/")
        assert response.status_code == 302
        # ...then, in another tab, the request is changed and saved again.
        client.post(
            f"/request/{case_id}/child-name/?return=check",
            {
                **management("request", "child-name"),
                "child-name-first_name": "Samuel",
                "child-name-last_name": "Okafor",
            },
        )
        assert check_answers(client, "request", case_id).status_code == 302
        assert Case.objects.get(pk=case_id).case_file["child"]["first_name"] == "Samuel"
        # The refusal tab (which still says "Sam") finishes and submits.
        from tests.conftest import stage_answers

        answers = stage_answers("refused")
        location = response["Location"]
        for _ in range(30):
            match = STEP_URL.match(location)
            step = match["step"]
            if step == "check-answers":
                break
            location = client.post(location, {**management("refused", step), **answers[step]})[
                "Location"
            ]
        conflict = check_answers(client, "refused", case_id)
        assert conflict.status_code == 409
        text = conflict.content.decode()
        assert "This case was changed after you started these answers" in text
        assert Case.objects.get(pk=case_id).case_file["child"]["first_name"] == "Samuel"
        assert "decision" not in Case.objects.get(pk=case_id).case_file
        # The parent chooses to save anyway: now it is saved, knowingly.
        form_action = re.search(r'<form method="post" action="([^"]+)"', text)[1]
        saved = client.post(
            form_action, {"refused-current_step": "check-answers", "overwrite": "yes"}
        )
        assert saved.status_code == 302
        assert "decision" in Case.objects.get(pk=case_id).case_file


@pytest.mark.django_db
def test_the_same_step_posted_twice_is_stored_once(client):
    start = client.get("/request/new/")["Location"]  # the first page: "About you"
    data = {**management("request", "your-details"), **request_answers()["your-details"]}
    first, second = client.post(start, data), client.post(start, data)
    assert first.status_code == second.status_code == 302
    assert first["Location"] == second["Location"]
    drafts = client.session["journey_drafts"]
    assert len(drafts) == 1
    (draft,) = drafts.values()
    assert draft["step_data"]["your-details"]["your-details-name"] == ["Grace Okafor"]


@pytest.mark.django_db
def test_downloading_a_letter_twice_gives_the_same_file(client):
    case_id = finish_request(client)
    url = f"/cases/{case_id}/letters/request_assessment.pdf"
    assert client.get(url).content == client.get(url).content


@pytest.mark.django_db
def test_a_parent_correcting_an_earlier_stage_after_a_later_one_is_not_stopped(client):
    from tests.conftest import stage_answers

    case_id = finish_request(client)
    location = client.post(f"/cases/{case_id}/continue/refused/")["Location"]
    answers = stage_answers("refused")
    while (step := STEP_URL.match(location)["step"]) != "check-answers":
        location = client.post(location, {**management("refused", step), **answers[step]})[
            "Location"
        ]
    assert check_answers(client, "refused", case_id).status_code == 302
    # Back to the request to correct the child's name: their own later save is no conflict.
    client.post(
        f"/request/{case_id}/child-name/?return=check",
        {
            **management("request", "child-name"),
            "child-name-first_name": "Samuel",
            "child-name-last_name": "Okafor",
        },
    )
    response = check_answers(client, "request", case_id)
    assert response.status_code == 302, response.content.decode()[:300]
    case_file = Case.objects.get(pk=case_id).case_file
    assert case_file["child"]["first_name"] == "Samuel"
    assert "decision" in case_file  # the refusal's answers are still there


BASE = {"child": {"first_name": "Sam", "last_name": "Okafor"}, "school_view": "supports"}


@pytest.mark.parametrize(
    ("saved", "new", "conflict"),
    [
        # Nobody changed anything since the base.
        (BASE, {"child": {"first_name": "Samuel"}}, False),
        # Someone changed the first name; these answers would put the old one back.
        (
            {**BASE, "child": {**BASE["child"], "first_name": "Samuel"}},
            {"child": {"first_name": "Sam"}},
            True,
        ),
        # ...unless these answers say the same as the newer save.
        (
            {**BASE, "child": {**BASE["child"], "first_name": "Samuel"}},
            {"child": {"first_name": "Samuel"}},
            False,
        ),
        # Someone changed the last name; these answers only write the first name.
        (
            {**BASE, "child": {**BASE["child"], "last_name": "Ok"}},
            {"child": {"first_name": "Sam"}},
            False,
        ),
        # A whole key changed since, and these answers write it.
        ({**BASE, "school_view": "does_not_support"}, {"school_view": "supports"}, True),
        # Events are only ever added: never a conflict.
        (
            {**BASE, "events": [{"type": "request_received", "date": "2026-10-01"}]},
            {"events": []},
            False,
        ),
    ],
)
def test_overwrites_newer_answers(saved, new, conflict):
    from journeys.cases.services import overwrites_newer_answers

    assert overwrites_newer_answers(saved=saved, base=BASE, new=new) is conflict
