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

    def test_a_duty_met_late_stays_in_the_history_marked_late_by_n_days(self, client, case_id):
        received = timezone.localdate() - timedelta(weeks=10)
        add_event(client, case_id, "request_received", received)
        # Decided 3 days after the 6 weeks ended.
        add_event(client, case_id, "decision_to_assess", received + timedelta(weeks=6, days=3))
        page = client.get(f"/cases/{case_id}/timeline/").content.decode()
        done = page[page.index("Done</h2>") :]
        assert "Late by 3 days" in done
        assert "whether it will carry out an assessment" in done

    def test_only_the_6_16_and_20_weeks_name_the_exceptions(self, client, case_id):
        add_event(client, case_id, "request_received", timezone.localdate() - timedelta(days=3))
        add_event(client, case_id, "mediation_requested", timezone.localdate() - timedelta(days=2))
        page = client.get(f"/cases/{case_id}/timeline/").content.decode()
        assert page.count("unless an exception applies") == 1  # the 6 weeks only
        assert "at least 4 weeks in a row" in page
        assert "SEND Regulations 2014, reg 37." in page  # mediation: no exceptions

    def test_the_appeal_deadline_says_by_5pm(self, client, case_id):
        add_event(client, case_id, "decision_not_to_assess", timezone.localdate())
        page = client.get(f"/cases/{case_id}/timeline/").content.decode()
        assert "Your appeal must reach the SEND Tribunal by 5pm on" in page
        assert "r.12(1)" in page

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
        add_event(client, case_id, "decision_to_assess", timezone.localdate())
        response = client.get(f"/cases/{case_id}/deadlines.ics")
        assert response["Content-Type"] == "text/calendar; charset=utf-8"
        events = [c for c in Calendar.from_ical(response.content).walk() if c.name == "VEVENT"]
        # The 16 and 20 weeks (the 6 weeks is met by the decision to assess).
        assert len(events) == 2

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
    from journeys.jobs import reminders

    def broken(case, email):
        raise ConnectionError("mail server down")

    monkeypatch.setattr(reminders, "send_confirmation", broken)
    data = {"reminders-email": "grace@example.org", "reminders-consent": "on"}
    page = client.post(f"/cases/{case_id}/reminders/", data).content.decode()
    assert "We could not send the email just now" in page
    assert Case.objects.get(pk=case_id).email == ""
    monkeypatch.undo()
    client.post(f"/cases/{case_id}/reminders/", data)
    assert len(mail.outbox) == 1  # not blocked by the failed attempt


# -- version 2 (issue 14): the new events and their deadlines on the timeline page -------------


def add_v2_event(client, case_id, kind, when, **keys):
    return client.post(
        f"/cases/{case_id}/timeline/",
        {
            "event-event_type": kind,
            **date_parts("event-event_date", when.day, when.month, when.year),
            **{f"event-{key}": value for key, value in keys.items()},
        },
    )


def long(day):
    return f"{day:%A} {day.day} {day:%B %Y}"


@pytest.mark.django_db
class VersionTwoTimelineTests:
    def test_the_form_offers_every_event_with_the_transfer_and_order_choices(self, client, case_id):
        page = client.get(f"/cases/{case_id}/timeline/").content.decode()
        for value in (
            "amendment_proposal_issued",
            "decision_not_to_amend",
            "cease_considered",
            "decision_to_cease",
            "reassessment_requested",
            "decision_not_to_reassess",
            "tribunal_decision",
            "provision_complaint_made",
            "provision_complaint_response",
            "ombudsman_complaint_made",
            "pre_action_letter_sent",
        ):
            assert f'<option value="{value}"' in page
        assert re.search(r'name="event-transfer"[^>]*value="between_post16"', page)
        assert re.search(r'name="event-order"[^>]*value="change_school_only"', page)

    @pytest.mark.parametrize(
        ("kind", "field", "message"),
        [
            ("phase_transfer_year", "transfer", "Select which kind of move it is"),
            ("tribunal_decision", "order", "Select what the Tribunal ordered"),
        ],
    )
    def test_a_missing_transfer_or_order_is_named_beside_its_field(
        self, client, case_id, kind, field, message
    ):
        response = add_v2_event(client, case_id, kind, timezone.localdate())
        assert response.status_code == 200
        page = response.content.decode()
        assert f'<a href="#id_event-{field}' in page and message in page
        assert "events" not in Case.objects.get(pk=case_id).case_file

    def test_each_new_deadline_is_shown_with_its_explanation_and_source(self, client, case_id):
        today = timezone.localdate()
        sent = today - timedelta(days=2)
        order_day = today - timedelta(days=3)
        request = today - timedelta(days=1)
        complaint = today - timedelta(days=4)
        assert add_v2_event(client, case_id, "amendment_proposal_issued", sent).status_code == 302
        assert add_v2_event(client, case_id, "reassessment_requested", request).status_code == 302
        assert (
            add_v2_event(
                client, case_id, "tribunal_decision", order_day, order="amend_plan"
            ).status_code
            == 302
        )
        assert (
            add_v2_event(client, case_id, "provision_complaint_made", complaint).status_code == 302
        )
        move = today.replace(year=today.year + 1, month=9, day=1)
        assert (
            add_v2_event(
                client, case_id, "phase_transfer_year", move, transfer="post16"
            ).status_code
            == 302
        )
        page = client.get(f"/cases/{case_id}/timeline/").content.decode()
        page = page.replace("&#x27;", "'")
        expected = [
            f"You have until {long(sent + timedelta(days=14))} to send the council your comments "
            "on its proposed changes",
            f"The council must send you the final amended plan by "
            f"{long(sent + timedelta(weeks=8))}.",
            f"The council must tell you by {long(request + timedelta(days=15))} whether it will "
            "carry out a new assessment.",
            f"The council must send you the amended plan the Tribunal ordered by "
            f"{long(order_day + timedelta(weeks=5))}.",
            "you can take the complaint to the Local Government and Social Care Ombudsman",
            f"by {long(move.replace(month=3, day=30))} (the law says \u201cbefore 31 March\u201d)",
            "SEND Regulations 2014, reg 22(2)(c).",
            "SEND Regulations 2014, reg 22(3).",
            "SEND Regulations 2014, reg 25(1).",
            "SEND Regulations 2014, reg 44(2) and reg 45(4).",
            "Local Government Act 1974, Part 3.",
            "SEND Regulations 2014, reg 18(1)(a).",
        ]
        for text in expected:
            assert text in page, text
        events = Case.objects.get(pk=case_id).case_file
        assert events["format"] == "ehcp-case/2"  # a version-2 event makes a version-2 file
        recorded = {e["type"]: e for e in events["events"]}
        assert recorded["tribunal_decision"]["order"] == "amend_plan"
        assert recorded["phase_transfer_year"]["transfer"] == "post16"
        assert "order" not in recorded["phase_transfer_year"]

    def test_an_order_chosen_for_another_event_is_not_recorded(self, client, case_id):
        day = timezone.localdate()
        add_v2_event(client, case_id, "reassessment_requested", day, order="assess")
        (event,) = Case.objects.get(pk=case_id).case_file["events"]
        assert event == {"type": "reassessment_requested", "date": day.isoformat()}


@pytest.mark.django_db
def test_a_version_1_file_round_trips_through_version_2_with_the_same_deadlines(client):
    import io
    import json
    import zipfile
    from datetime import date

    from django.core.files.uploadedfile import SimpleUploadedFile

    from journeys.cases.timeline import case_deadlines
    from journeys.rules.vocabulary import V1_EVENT_TYPES

    def upload(content):
        response = client.post(
            "/cases/import/",
            {"import-case_file": SimpleUploadedFile("case.json", content, "application/json")},
        )
        return re.search(r"/cases/([0-9a-f-]{36})/timeline/", response["Location"])[1]

    def export(case_id):
        archive = zipfile.ZipFile(io.BytesIO(client.get(f"/cases/{case_id}/export.zip").content))
        return json.loads(archive.read("case.json"))

    # Every version-1 event, each on its own day from Mon 5 Jan 2026.
    events = [
        {"type": kind.value, "date": (date(2026, 1, 5) + timedelta(days=9 * n)).isoformat()}
        for n, kind in enumerate(V1_EVENT_TYPES)
    ]
    version_1 = {
        "format": "ehcp-case/1",
        "child": {"first_name": "Sam"},
        "applicant": {"name": "Grace Okafor"},
        "local_authority": {"name": "Bristol City Council"},
        "events": events,
    }
    first = upload(json.dumps(version_1).encode())
    exported = export(first)
    assert exported == {**version_1, "format": "ehcp-case/2"}
    second = upload(json.dumps(exported).encode())
    assert export(second) == exported
    assert case_deadlines(Case.objects.get(pk=second).case_file) == case_deadlines(version_1)
    # A version-2 event added on the timeline survives the same round trip, with its order.
    added = add_v2_event(client, second, "tribunal_decision", date(2026, 5, 18), order="make_plan")
    assert added.status_code == 302, re.findall(r"govuk-error-message.*", added.content.decode())
    with_order = export(second)
    third = upload(json.dumps(with_order).encode())
    assert export(third) == with_order
    assert {"type": "tribunal_decision", "date": "2026-05-18", "order": "make_plan"} in (
        with_order["events"]
    )
