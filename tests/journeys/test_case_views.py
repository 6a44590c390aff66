"""The timeline page, the calendar file and reminders, through Django's client."""

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.core.cache import cache
from django.test import Client
from django.utils import timezone
from icalendar import Calendar

from journeys.models import Case
from tests.conftest import date_parts, is_sign_in_redirect, signed_in_client


@pytest.fixture(autouse=True)
def clear_cache():
    # The confirmation-email limit lives in the cache; each test starts without it.
    cache.clear()


@pytest.fixture
def case_id(client):
    response = client.post("/example/")
    return re.search(r"/request/([0-9a-f-]{36})/confirmation/", response["Location"])[1]


def add_event(client, case_id, kind, when):
    return client.post(
        f"/cases/{case_id}/timeline/",
        {
            "event-event_type": kind,
            **date_parts("event-event_date", when.day, when.month, when.year),
        },
    )


@pytest.mark.django_db
class TimelinePageTests:
    def test_confirmation_links_to_the_timeline(self, client, case_id):
        page = client.get(f"/request/{case_id}/confirmation/").content.decode()
        assert f'href="/cases/{case_id}/timeline/"' in page

    def test_an_empty_timeline_says_what_to_do(self, client, case_id):
        page = client.get(f"/cases/{case_id}/timeline/").content.decode()
        assert "Nothing is due yet" in page

    def test_adding_the_request_date_shows_what_is_due_in_plain_english(self, client, case_id):
        received = timezone.localdate() - timedelta(days=3)
        response = add_event(client, case_id, "request_received", received)
        assert response.status_code == 302
        page = client.get(response["Location"]).content.decode()
        due = received + timedelta(weeks=6)
        assert (
            f"The council must tell you whether it will carry out an assessment by "
            f"{due:%A} {due.day} {due:%B %Y}." in page
        )
        assert "Coming up" in page and "SEND Regulations 2014" in page
        assert "Added: The council received the request for an assessment." in page
        assert Case.objects.get(pk=case_id).case_file["events"] == [
            {"type": "request_received", "date": received.isoformat()}
        ]

    def test_a_late_council_is_named_and_the_chaser_is_offered(self, client, case_id):
        add_event(client, case_id, "request_received", timezone.localdate() - timedelta(weeks=8))
        page = client.get(f"/cases/{case_id}/timeline/").content.decode()
        assert "The council has missed a time limit" in page
        assert "Late" in page
        chaser = f"/cases/{case_id}/letters/la_missed_deadline.pdf"
        assert chaser in page
        response = client.get(chaser)
        assert response.status_code == 200 and response.content.startswith(b"%PDF")

    def test_a_future_event_date_is_refused_next_to_the_field(self, client, case_id):
        tomorrow = timezone.localdate() + timedelta(days=1)
        response = add_event(client, case_id, "request_received", tomorrow)
        assert response.status_code == 200
        page = response.content.decode()
        assert "There is a problem" in page
        assert '<a href="#id_event-event_date_0">The date must be today or in the past</a>' in page
        assert f'value="{tomorrow.day}"' in page  # what was typed is kept
        assert "events" not in Case.objects.get(pk=case_id).case_file

    def test_a_missing_event_type_is_named(self, client, case_id):
        response = add_event(client, case_id, "", timezone.localdate())
        assert "Select what happened" in response.content.decode()

    def test_removing_a_date(self, client, case_id):
        when = timezone.localdate() - timedelta(days=1)
        add_event(client, case_id, "request_received", when)
        client.post(
            f"/cases/{case_id}/timeline/remove/",
            {"type": "request_received", "date": when.isoformat()},
        )
        assert Case.objects.get(pk=case_id).case_file["events"] == []

    def test_changing_answers_later_keeps_the_dates(self, client, case_id):
        add_event(client, case_id, "request_received", timezone.localdate())
        client.post(f"/request/{case_id}/check-answers/", {"request-current_step": "check-answers"})
        assert len(Case.objects.get(pk=case_id).case_file["events"]) == 1

    def test_calendar_download(self, client, case_id):
        add_event(client, case_id, "request_received", timezone.localdate())
        response = client.get(f"/cases/{case_id}/deadlines.ics")
        assert response["Content-Type"] == "text/calendar; charset=utf-8"
        events = [c for c in Calendar.from_ical(response.content).walk() if c.name == "VEVENT"]
        assert len(events) == 3

    def test_reminders_start_only_when_the_address_is_confirmed_and_can_stop(self, client, case_id):
        response = client.post(
            f"/cases/{case_id}/reminders/",
            {"reminders-email": "grace@example.org", "reminders-consent": "on"},
        )
        assert response.status_code == 302
        case = Case.objects.get(pk=case_id)
        assert case.email == "grace@example.org" and case.reminders_opt_in is False
        (message,) = mail.outbox
        assert message.to == ["grace@example.org"]
        assert "Sam" not in message.body and "Grace" not in message.body  # no case content
        link = re.search(r"http://\S+(/reminders/confirm/\S+/)", message.body)[1]
        assert "Start reminders" in client.get(link).content.decode()
        assert Case.objects.get(pk=case_id).reminders_opt_in is False  # a GET changes nothing
        Client().post(link)  # the link works from the mail client's browser too
        assert Case.objects.get(pk=case_id).reminders_opt_in is True
        client.post(f"/cases/{case_id}/reminders/", {"stop": "1"})
        assert Case.objects.get(pk=case_id).reminders_opt_in is False

    def test_confirmation_emails_are_not_sent_again_within_minutes(self, client, case_id):
        data = {"reminders-email": "grace@example.org", "reminders-consent": "on"}
        client.post(f"/cases/{case_id}/reminders/", data)
        page = client.post(f"/cases/{case_id}/reminders/", data, follow=True).content.decode()
        assert len(mail.outbox) == 1
        assert "We sent a link a few minutes ago" in page

    def test_a_link_for_an_old_address_does_not_start_reminders(self, client, case_id):
        from journeys.jobs.reminders import confirm_token

        case = Case.objects.get(pk=case_id)
        case.email = "new@example.org"
        case.save()
        page = client.post(f"/reminders/confirm/{confirm_token(case, 'old@example.org')}/")
        assert "This link is out of date" in page.content.decode()
        assert Case.objects.get(pk=case_id).reminders_opt_in is False
        assert client.get("/reminders/confirm/forged/").status_code == 404

    def test_reminders_need_a_clear_yes(self, client, case_id):
        response = client.post(
            f"/cases/{case_id}/reminders/", {"reminders-email": "grace@example.org"}
        )
        assert "Tick the box to say you want reminders" in response.content.decode()
        assert Case.objects.get(pk=case_id).reminders_opt_in is False


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("get", "/cases/{id}/timeline/"),
        ("post", "/cases/{id}/timeline/"),
        ("post", "/cases/{id}/timeline/remove/"),
        ("post", "/cases/{id}/reminders/"),
        ("get", "/cases/{id}/deadlines.ics"),
        ("get", "/cases/{id}/letters/request_assessment.pdf"),
        ("get", "/request/{id}/confirmation/"),
    ],
)
def test_another_visitor_gets_404_on_every_case_url(client, case_id, method, path):
    assert is_sign_in_redirect(getattr(Client(), method)(path.format(id=case_id)))
    stranger = signed_in_client()
    response = getattr(stranger, method)(path.format(id=case_id))
    assert response.status_code == 404
    owner_response = getattr(client, method)(path.format(id=case_id))
    assert owner_response.status_code in (200, 302)


@pytest.mark.django_db
def test_the_consent_box_shows_its_error_beside_it(client, case_id):
    page = client.post(
        f"/cases/{case_id}/reminders/", {"reminders-email": "grace@example.org"}
    ).content.decode()
    assert 'id="id_reminders-consent-error"' in page
    assert 'aria-describedby="id_reminders-consent-error"' in page


@pytest.mark.django_db
def test_a_confirmation_email_that_fails_says_so_and_can_be_retried(client, case_id, monkeypatch):
    from journeys.cases import services

    def broken(case, email):
        raise ConnectionError("mail server down")

    monkeypatch.setattr(services, "send_confirmation", broken)
    data = {"reminders-email": "grace@example.org", "reminders-consent": "on"}
    page = client.post(f"/cases/{case_id}/reminders/", data).content.decode()
    assert "We could not send the email just now" in page
    assert Case.objects.get(pk=case_id).email == ""
    monkeypatch.undo()
    client.post(f"/cases/{case_id}/reminders/", data)
    assert len(mail.outbox) == 1  # not blocked by the failed attempt
