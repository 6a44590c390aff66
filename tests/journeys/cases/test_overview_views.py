"""The case list, a case's overview (task list, next deadline, letters, facts) and "who
has seen my case", through Django's client, for the parent and for people they share with."""

from __future__ import annotations

import datetime
import re

import pytest
from django.test import Client

from ehcp_site.accounts.models import Membership, Organisation
from journeys.cases.services import case_event_add
from journeys.models import AdvocateAccess, AuditEvent, Case, CaseNote, Draft, OrganisationShare
from tests.conftest import (
    STEP_URL,
    make_user,
    management,
    request_answers,
    stage_answers,
    start_at_child_name,
    walk,
)
from tests.factories import CaseFactory


def signed_in(user) -> Client:
    browser = Client()
    browser.force_login(user)
    return browser


@pytest.fixture
def parent():
    return make_user("grace@example.org", "Grace Okafor")


@pytest.fixture
def parent_client(parent):
    return signed_in(parent)


def finish_request(browser) -> str:
    response, _ = walk(browser, "/request/new/", request_answers())
    return STEP_URL.match(response["Location"])["case_id"]


@pytest.mark.django_db
class CaseListTests:
    def test_a_signed_in_parent_sees_their_cases_with_stage_and_next_deadline(
        self, parent, parent_client, case_file
    ):
        case_id = finish_request(parent_client)
        someone_elses = {**case_file, "child": {**case_file["child"], "first_name": "Zebedee"}}
        CaseFactory(journey="request", case_file=someone_elses, owner=make_user("x@e.org"))
        case = Case.objects.get(pk=case_id)
        assert case.owner == parent
        # Recorded as the timeline page records a date (the service keeps the list's columns).
        case = case_event_add(
            case=case, event_type="request_received", event_date=datetime.date(2026, 10, 1)
        )
        text = parent_client.get("/cases/").content.decode()
        assert "Sam Okafor" in text and "Bristol City Council" in text
        # The stage in the words the caseload uses too (journeys/rules/stages.py).
        assert "Asking for an assessment" in text
        assert case.next_deadline_on is not None
        assert case.next_deadline_on.strftime("%-d %B %Y") in text
        assert "Zebedee" not in text  # someone else's case

    def test_an_anonymous_visitor_sees_this_browsers_cases_and_is_offered_an_account(self, client):
        finish_request(client)
        text = client.get("/cases/").content.decode()
        assert "Sam Okafor" in text
        assert "saved in this browser only" in text

    def test_an_unfinished_new_case_is_listed_with_a_link_to_where_they_stopped(
        self, parent_client
    ):
        _, child_name = start_at_child_name(parent_client)
        parent_client.post(
            child_name, {**management("request", "child-name"), **request_answers()["child-name"]}
        )
        text = parent_client.get("/cases/").content.decode()
        assert "Not finished yet" in text
        resume = child_name.replace("child-name", "child-pronouns")
        assert f'href="{resume}"' in text


@pytest.mark.django_db
class ResumeOnAnotherDeviceTests:
    def test_answers_in_progress_follow_the_account_to_another_browser(self, parent):
        phone, laptop = signed_in(parent), signed_in(parent)
        _, start = start_at_child_name(phone)
        for slug in ("child-name", "child-pronouns"):
            phone.post(
                start.replace("child-name", slug),
                {**management("request", slug), **request_answers()[slug]},
            )
        assert Draft.objects.filter(user=parent, journey="request").count() == 1
        resume = re.search(r'href="(/request/[^"]+)"', laptop.get("/cases/").content.decode())[1]
        assert resume.endswith("/child-date-of-birth/")
        page = laptop.get(start)
        assert 'value="Sam"' in page.content.decode()  # the first answer, on the laptop

    def test_another_account_does_not_see_the_draft(self, parent):
        phone = signed_in(parent)
        _, start = start_at_child_name(phone)
        phone.post(
            start, {**management("request", "child-name"), **request_answers()["child-name"]}
        )
        stranger = signed_in(make_user("s@example.org"))
        page = stranger.get(start)
        assert 'value="Sam"' not in page.content.decode()


@pytest.mark.django_db
class OverviewTests:
    def test_the_task_list_shows_each_stage_and_links_the_owner_onwards(self, parent_client):
        case_id = finish_request(parent_client)
        parent_client.post(f"/cases/{case_id}/continue/refused/")
        text = parent_client.get(f"/cases/{case_id}/").content.decode()
        assert f'href="/request/{case_id}/confirmation/"' in text
        assert re.search(rf'href="/refused/{case_id}/[a-z-]+/"', text)
        assert text.count("Not started") == 3
        assert f'action="/cases/{case_id}/continue/appeal/"' in text
        assert "Request for an EHC needs assessment" in text  # its letter
        assert f"/cases/{case_id}/letters/request_assessment.docx?journey=request" in text
        assert f"/cases/{case_id}/sharing/" in text
        assert not AuditEvent.objects.exists()  # the parent's own looks are not recorded

    def test_the_chaser_joins_the_letters_when_the_council_is_late(self, parent_client):
        from datetime import date, timedelta

        case_id = finish_request(parent_client)
        text = parent_client.get(f"/cases/{case_id}/").content.decode()
        assert "A statutory time limit has passed" not in text  # nothing is late yet
        case = Case.objects.get(pk=case_id)
        case_event_add(
            case=case,
            event_type="request_received",
            event_date=date.today() - timedelta(weeks=7),
        )
        text = parent_client.get(f"/cases/{case_id}/").content.decode()
        assert "A statutory time limit has passed" in text
        assert f"/cases/{case_id}/letters/la_missed_deadline.pdf?journey=request" in text
        assert f"/cases/{case_id}/letters/la_missed_deadline.docx?journey=request" in text
        docx = parent_client.get(
            f"/cases/{case_id}/letters/la_missed_deadline.docx?journey=request"
        )
        assert docx.status_code == 200 and docx.content.startswith(b"PK")

    def test_a_finished_stage_journey_is_done(self, parent_client):
        response, _ = walk(parent_client, "/refused/new/", stage_answers("refused"))
        case_id = STEP_URL.match(response["Location"])["case_id"]
        text = parent_client.get(f"/cases/{case_id}/").content.decode()
        assert f'href="/refused/{case_id}/confirmation/"' in text
        assert "Request to reconsider your decision" in text

    def test_an_advocate_reads_without_controls_and_is_recorded(self, parent, parent_client):
        case_id = finish_request(parent_client)
        advocate = make_user("alex@example.org", "Alex Advocate")
        AdvocateAccess.objects.create(
            case_id=case_id,
            email=advocate.email,
            token_hash="x" * 64,
            expires_at="2030-01-01T00:00Z",
            accepted_by=advocate,
            accepted_at="2026-11-01T00:00Z",
        )
        browser = signed_in(advocate)
        text = browser.get(f"/cases/{case_id}/").content.decode()
        assert "Grace Okafor has shared this case with you" in text
        assert "Sam cannot follow spoken instructions" in text  # the answers
        assert "/continue/" not in text and "/sharing/" not in text and "/delete/" not in text
        browser.get(f"/cases/{case_id}/letters/request_assessment.pdf?journey=request")
        seen = parent_client.get(f"/cases/{case_id}/seen-by/").content.decode()
        assert "Alex Advocate (advocate) looked at the case overview" in seen
        assert (
            "Alex Advocate (advocate) downloaded Request for an EHC needs assessment (PDF)" in seen
        )
        assert list(AuditEvent.objects.values_list("actor", flat=True)) == [advocate.pk] * 2

    def test_who_has_seen_names_the_organisation_and_counts_its_notes(self, parent_client):
        case_id = finish_request(parent_client)
        organisation = Organisation.objects.create(name="Sunrise SEND Support")
        worker = make_user("w@example.org", "Wren Worker")
        Membership.objects.create(organisation=organisation, user=worker)
        OrganisationShare.objects.create(case_id=case_id, organisation=organisation)
        CaseNote.objects.create(
            case_id=case_id,
            organisation=organisation,
            author=worker,
            author_name="Wren Worker",
            body="Private: called mum",
        )
        signed_in(worker).get(f"/cases/{case_id}/timeline/")
        seen = parent_client.get(f"/cases/{case_id}/seen-by/").content.decode()
        assert "Wren Worker (support worker at Sunrise SEND Support) looked at the timeline" in seen
        assert "Sunrise SEND Support has written 1 note about your case" in seen
        assert "called mum" not in seen

    def test_who_has_seen_reads_as_sentences_with_one_way_of_writing_times(self, parent_client):
        from datetime import datetime
        from zoneinfo import ZoneInfo

        case_id = finish_request(parent_client)
        london = ZoneInfo("Europe/London")
        for action, detail, at in [
            ("changed", "marked the case reviewed", datetime(2026, 5, 14, 15, 5, tzinfo=london)),
            ("changed", "added a note", datetime(2026, 5, 14, 12, 0, tzinfo=london)),
            ("changed", "the case in the admin", datetime(2026, 5, 14, 9, 30, tzinfo=london)),
            ("viewed", "the timeline", datetime(2026, 5, 14, 0, 0, tzinfo=london)),
        ]:
            AuditEvent.objects.create(
                case_id=case_id,
                actor_name="Wren Worker",
                actor_role="support worker at Sunrise",
                action=action,
                detail=detail,
                at=at,
            )
        seen = parent_client.get(f"/cases/{case_id}/seen-by/").content.decode()
        seen = seen.replace("</time>:</span> Wren Worker (support worker at Sunrise)", " |")
        assert "14 May 2026 at 3:05pm | marked the case reviewed." in seen
        assert "14 May 2026 at midday | added a note." in seen
        assert "at 9:30am | changed the case in the admin." in seen
        assert "at midnight | looked at the timeline." in seen
        assert "changed marked" not in seen and "p.m." not in seen

    def test_the_case_page_writes_dates_for_people_and_keeps_capitals_in_names(self, parent_client):
        case_id = finish_request(parent_client)
        page = parent_client.get(f"/cases/{case_id}/").content.decode()
        assert not re.search(r">\s*\d{4}-\d{2}-\d{2}\s*<", page), "an ISO date is shown"
        assert (
            'Start<span class="govuk-visually-hidden"> appeal to the SEND Tribunal</span>' in page
        )
        assert (
            'PDF<span class="govuk-visually-hidden"> of request for an EHC needs assessment' in page
        )

    def test_nobody_else_is_named_when_nobody_has_looked(self, parent_client):
        case_id = finish_request(parent_client)
        text = parent_client.get(f"/cases/{case_id}/seen-by/").content.decode()
        assert "Nobody but you has seen this case." in text


def case_with(owner, *events, **child):
    """A saved case of `owner` with these events (type, date) and child details."""
    from journeys.cases.casefile import example_case_file

    case_file = example_case_file()
    case_file["format"] = "ehcp-case/2"
    case_file["child"] = {**case_file["child"], **child}
    case_file["events"] = [{"type": kind, "date": day.isoformat()} for kind, day in events]
    return CaseFactory(owner=owner, case_file=case_file, journey="plan")


def stage_names(text: str) -> list[str]:
    """The stages on the task list, in order (a link, or a name without one)."""
    return re.findall(r'class="govuk-(?:link govuk-)?task-list__(?:link|name)"[^>]*>([^<]+)<', text)


def has_start_button(text: str, case_id, slug: str) -> bool:
    return f'action="/cases/{case_id}/continue/{slug}/"' in text


@pytest.mark.django_db
class TaskListStagesTests:
    """The stages that apply to a case now (journeys/rules/stages.py) on its page."""

    def test_a_case_without_a_plan_shows_the_first_five_stages(self, parent, parent_client):
        case = case_with(parent, ("request_received", datetime.date.today()))
        text = parent_client.get(f"/cases/{case.id}/").content.decode()
        assert stage_names(text) == [
            "Ask for an EHC needs assessment",
            "Challenge a refusal",
            "Respond to a draft or final plan",
            "Mediation",
            "Appeal to the SEND Tribunal",
        ]
        # The reason, under the name: here the engine's date for the council's decision.
        hint = re.search(r'id="stage-request-hint">([^<]*)<', text)[1]
        assert hint.startswith("The council must tell you whether it will carry out")
        assert text.count("Not started") == 5

    def test_a_case_with_a_final_plan_shows_the_rest_of_its_life(self, parent, parent_client):
        from journeys.rules.deadlines import last_day_of_months_starting_with, long_date
        from journeys.wizard.definition import JOURNEYS

        issued = datetime.date.today() - datetime.timedelta(days=100)
        case = case_with(parent, ("final_plan_issued", issued), year_group="Year 3")
        text = parent_client.get(f"/cases/{case.id}/").content.decode()
        assert stage_names(text) == [
            "Respond to a draft or final plan",
            "Get ready for an annual review",
            "Respond to proposed changes to the plan",
            "Ask for a new assessment",
            "Mediation",
            "Appeal to the SEND Tribunal",
        ]
        review_due = long_date(last_day_of_months_starting_with(issued, 12))
        assert f"The council must review the plan again by {review_due}." in text
        assert "Moving to a new school or college" not in text  # Year 3: no move this year
        # A stage is started from here only where its journey exists (the other branches of
        # issue 14 add the new ones; until then the stage is named without a button).
        for slug in ("plan", "annual-review", "amendments", "reassessment"):
            assert has_start_button(text, case.id, slug) == (slug in JOURNEYS)

    def test_a_transfer_within_12_months_shows_the_move(self, parent, parent_client):
        today = datetime.date.today()
        move = today + datetime.timedelta(days=200)
        case = case_with(
            parent,
            ("final_plan_issued", today - datetime.timedelta(days=300)),
            ("phase_transfer_year", move),
        )
        text = parent_client.get(f"/cases/{case.id}/").content.decode()
        names = stage_names(text)
        assert names.index("Moving to a new school or college") == 3
        assert "naming the school or college for the move" in text  # the engine's date
        far = case_with(
            parent,
            ("final_plan_issued", today - datetime.timedelta(days=300)),
            ("phase_transfer_year", today + datetime.timedelta(days=500)),
        )
        far_text = parent_client.get(f"/cases/{far.id}/").content.decode()
        assert "Moving to a new school or college" not in stage_names(far_text)

    def test_the_year_group_the_family_gave_shows_a_move_to_secondary(self, parent, parent_client):
        case = case_with(
            parent,
            ("final_plan_issued", datetime.date.today() - datetime.timedelta(days=30)),
            year_group="Year 6",
        )
        text = parent_client.get(f"/cases/{case.id}/").content.decode()
        assert "Moving to a new school or college" in stage_names(text)
        assert "You told us the year group is Year 6" in text

    def test_a_decision_to_cease_shows_the_ceasing_stage(self, parent, parent_client):
        today = datetime.date.today()
        case = case_with(
            parent,
            ("final_plan_issued", today - datetime.timedelta(days=400)),
            ("cease_considered", today - datetime.timedelta(days=40)),
            ("decision_to_cease", today - datetime.timedelta(days=10)),
        )
        text = parent_client.get(f"/cases/{case.id}/").content.decode()
        assert "The council wants to stop the plan" in stage_names(text)
        assert 'id="stage-ceasing-hint"' in text and 'id="stage-ceasing-status"' in text
        assert "The council will not change the plan" not in stage_names(text)

    def test_the_council_thinking_of_ceasing_needs_action(self, parent, parent_client):
        today = datetime.date.today()
        case = case_with(
            parent,
            ("final_plan_issued", today - datetime.timedelta(days=400)),
            ("cease_considered", today - datetime.timedelta(days=5)),
        )
        text = parent_client.get(f"/cases/{case.id}/").content.decode()
        status = re.search(r'id="stage-ceasing-status">\s*(.*?)\s*</div>', text, re.S)[1]
        assert "Action needed" in status
        assert "it is thinking of stopping the plan" in text

    def test_a_reader_sees_the_stages_without_buttons(self, parent, parent_client):
        case = case_with(parent, ("final_plan_issued", datetime.date.today()))
        advocate = make_user("alex@example.org", "Alex Advocate")
        AdvocateAccess.objects.create(
            case_id=case.id,
            email=advocate.email,
            token_hash="x" * 64,
            expires_at="2030-01-01T00:00Z",
            accepted_by=advocate,
            accepted_at="2026-11-01T00:00Z",
        )
        text = signed_in(advocate).get(f"/cases/{case.id}/").content.decode()
        assert "Get ready for an annual review" in stage_names(text)
        assert "/continue/" not in text
