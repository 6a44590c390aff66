"""The wizard under attack (issue 12, items 2, 4 and 16): junk POST fields, control
characters in every name field, and someone else's new case id."""

from __future__ import annotations

import re

import pytest
from django import forms
from django.core.exceptions import SuspiciousOperation, ValidationError
from django.test import Client, RequestFactory

from journeys.forms import request as request_forms
from journeys.models import Case
from journeys.wizard import storage as draft_storage_module
from journeys.wizard.definition import JOURNEYS
from journeys.wizard.storage import CaseSessionStorage
from tests.conftest import management, request_answers, start_at_child_name, walk

CONTROL = ["Sam\tJames", "Sam\nJames", "Sam\r\nJames", "Sam\x0bJames", "Sam\x7fJames"]


def start(client, journey="request"):
    """A new journey, who is filling it in answered: the child's name page is next."""
    return start_at_child_name(client, journey)


def name_fields():
    """Every name box of every journey, as (journey, step, field)."""
    found = set()
    for journey in JOURNEYS.values():
        for step in journey.steps:
            form_class = step.form_class
            if issubclass(form_class, forms.BaseFormSet):
                form_class = form_class.form
            for name, field in form_class.base_fields.items():
                if "name" in name and isinstance(field, forms.CharField):
                    found.add((journey.slug, step.slug, name))
    return sorted(found)


def field_of(journey: str, step: str, name: str) -> forms.Field:
    form_class = JOURNEYS[journey].step(step).form_class
    if issubclass(form_class, forms.BaseFormSet):
        form_class = form_class.form
    return form_class.base_fields[name]


class ControlCharacterTests:
    def test_the_name_fields_are_found(self):
        fields = {(step, name) for _, step, name in name_fields()}
        assert {
            ("child-name", "first_name"),
            ("child-name", "last_name"),
            ("your-details", "name"),
            ("witnesses", "name"),
            ("adviser-name", "adviser_name"),
        } <= fields

    @pytest.mark.parametrize(("journey", "step", "name"), name_fields())
    @pytest.mark.parametrize("value", CONTROL, ids=repr)
    def test_every_name_field_refuses_tabs_and_line_breaks(self, journey, step, name, value):
        with pytest.raises(ValidationError, match="must not contain tabs or line breaks"):
            field_of(journey, step, name).clean(value)

    @pytest.mark.django_db
    def test_the_step_says_so_next_to_the_box(self, client):
        _, step = start(client)
        response = client.post(
            step,
            {
                **management("request", "child-name"),
                "child-name-first_name": "Sam\tJames",
                "child-name-last_name": "Okafor",
            },
            follow=True,  # a page with errors is shown after a redirect (issue 13)
        )
        assert response.status_code == 200
        assert "First name must not contain tabs or line breaks" in response.content.decode()

    @pytest.mark.django_db
    def test_a_case_file_refusal_at_submit_goes_back_to_the_step_not_a_500(
        self, client, monkeypatch
    ):
        # The step accepts the tab, as it did before it was validated at the field.
        field = request_forms.YourDetailsForm.base_fields["name"]
        monkeypatch.setattr(field, "validators", [])
        answers = request_answers(
            **{"your-details": {"your-details-name": "Grace\tOkafor", **_relationship()}}
        )
        del answers["check-answers"]
        with pytest.raises(AssertionError, match="asked check-answers"):
            walk(client, "/request/new/", answers)  # every step accepted its answers
        case_id = client.session["new_case_ids"][-1]
        check = f"/request/{case_id}/check-answers/"
        response = client.post(check, management("request", "check-answers"))
        assert response.status_code == 302
        assert response["Location"] == f"/request/{case_id}/your-details/?problem=answers"
        page = client.get(response["Location"]).content.decode()
        assert "There is a problem" in page
        assert "We could not use one of these answers" in page
        assert not Case.objects.exists()


class Session(dict):
    modified = False


def _relationship():
    return {"your-details-relationship": "parent"}


@pytest.mark.django_db
class JunkFieldTests:
    JUNK = "j" * (2_400_000)

    def test_only_the_forms_own_fields_are_kept(self, client):
        case_id, step = start(client)
        response = client.post(
            step,
            {
                **management("request", "child-name"),
                **request_answers()["child-name"],
                "junk": self.JUNK,
                "child-name-junk": "also junk",
            },
        )
        assert response.status_code == 302
        draft = client.session["journey_drafts"][f"request:{case_id}"]
        kept = draft["step_data"]["child-name"]
        assert set(kept) == {"child-name-first_name", "child-name-last_name"}
        assert len(repr(client.session["journey_drafts"])) < 10_000

    def test_a_page_with_errors_keeps_no_junk_for_its_redirect(self, client):
        # Found when issue 13's redirect-after-an-error kept everything posted in the session.
        case_id, step = start(client)
        for junk in ("junk", "child-name-junk"):
            response = client.post(
                step,
                {**management("request", "child-name"), junk: self.JUNK},  # no name: invalid
            )
            assert response.status_code in (200, 302)
            assert len(repr(dict(client.session))) < 50_000
        # A small invalid answer is still kept for the redirect, and only its own fields.
        response = client.post(
            step,
            {**management("request", "child-name"), "child-name-first_name": "Sam", "junk": "x"},
        )
        assert response.status_code == 302
        kept = client.session["journeys.invalid_answers"][f"request:{case_id}:child-name"]
        assert set(kept) == {"child-name-first_name"}

    def test_the_redirects_keep_only_the_last_few_pages(self, client):
        for _ in range(8):
            _, step = start(client)
            client.post(step, {**management("request", "child-name")})
        assert len(client.session["journeys.invalid_answers"]) <= 5

    def test_a_date_and_a_formset_keep_every_box_they_read(self, client):
        _, visited = walk(client, "/request/new/", request_answers())
        assert visited[-1] == "check-answers"
        case = Case.objects.get()
        assert case.case_file["child"]["date_of_birth"] == "2017-05-02"
        assert len(case.case_file["evidence"]) == 2

    def test_wizard_posts_are_rate_limited_per_client(self, client):
        _, step = start(client)
        data = {**management("request", "child-name"), **request_answers()["child-name"]}
        # start() posted two answers already (who is filling it in): 120 in all are allowed.
        answers = [client.post(step, data).status_code for _ in range(119)]
        assert answers[:118] == [302] * 118
        assert answers[118] == 429


class DraftSizeTests:
    def storage(self, request, case_id):
        return CaseSessionStorage("request", request, case_id=case_id, journey_slug="request")

    def request(self):
        request = RequestFactory().get("/")
        request.session = Session()
        return request

    def test_a_draft_bigger_than_any_journey_is_refused(self, monkeypatch):
        monkeypatch.setattr(draft_storage_module, "MAX_DRAFT_SIZE", 1000)
        storage = self.storage(self.request(), "c1")
        with pytest.raises(SuspiciousOperation):
            storage.set_step_data("child-name", {"child-name-first_name": ["x" * 2000]})

    def test_a_session_keeps_its_newest_drafts_within_its_size(self, monkeypatch):
        monkeypatch.setattr(draft_storage_module, "MAX_SESSION_DRAFTS_SIZE", 5000)
        request = self.request()
        for number in range(5):
            storage = self.storage(request, f"case-{number}")
            storage.set_step_data("child-name", {"child-name-first_name": ["x" * 1500]})
        kept = request.session["journey_drafts"]
        assert len(repr(kept)) < 6000
        assert "request:case-4" in kept and "request:case-0" not in kept


@pytest.mark.django_db
class NewCaseIdTests:
    def test_someone_who_learns_a_new_case_id_cannot_answer_under_it(self, client):
        case_id, step = start(client)
        attacker = Client()
        assert attacker.get(step)["Location"] == "/request/new/?restarted=1"
        data = {**management("request", "child-name"), **request_answers()["child-name"]}
        assert attacker.post(step, data)["Location"] == "/request/new/?restarted=1"
        assert f"request:{case_id}" not in attacker.session.get("journey_drafts", {})

    def test_so_the_case_is_saved_by_the_browser_that_made_the_id(self, client):
        response, _ = walk(client, "/request/new/", request_answers())
        case_id = re.search(r"[0-9a-f-]{36}", response["Location"])[0]
        attacker = Client()
        attacker.get(f"/request/{case_id}/child-name/")
        assert str(Case.objects.get().id) == case_id
        assert client.get(response["Location"]).status_code == 200

    def test_the_id_stays_its_makers_after_signing_in(self, client):
        from tests.conftest import make_user

        _, step = start(client)
        client.force_login(make_user())
        assert client.get(step).status_code == 200
