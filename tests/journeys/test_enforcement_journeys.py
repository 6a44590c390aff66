"""Enforcing the plan (issue 15): the not-delivered and mediation-agreement journeys. Their
definitions (visible steps), whole journeys through Django's client from a saved case with a
delivery log to the letter, the events they record on the timeline, and a case without a
record sent to record it first."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from django.utils import timezone

from journeys.cases.timeline import case_timeline
from journeys.models import Case
from journeys.rules.deadlines import RuleId
from journeys.wizard.definition import MEDIATION_AGREEMENT, NOT_DELIVERED
from journeys.wizard.enforcement_cases import enforcement_step_data_from_case
from tests.conftest import (
    ABOUT_SLUGS,
    STEP_URL,
    about_answers,
    date_parts,
    management,
    walk,
)
from tests.factories import CaseFactory
from tests.letters.docx_text import docx_text
from tests.letters.pdf_text import pdf_text

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "case_provision.json"


def provision_case_file() -> dict[str, Any]:
    return json.loads(FIXTURE.read_text())


def _date(name: str, day: date) -> dict[str, str]:
    return date_parts(name, day.day, day.month, day.year)


def _days(n: int) -> date:
    return timezone.localdate() + timedelta(days=n)


def enforce_answers(step: str, sections: list[str], **overrides) -> dict[str, dict[str, Any]]:
    answers: dict[str, dict[str, Any]] = {
        **about_answers(),
        "enforce-step": {"enforce-step-step": step},
        "enforce-sections": {"enforce-sections-sections": sections},
        "icb-name": {"icb-name-icb_name": "NHS Bristol Integrated Care Board"},
        "enforce-since": _date("enforce-since-since", date(2026, 9, 1)),
        "enforce-start-by": _date("enforce-start-by-start_by", _days(14)),
        "compensatory": {"compensatory-compensatory": "Ten extra therapy sessions before July."},
        "complaint-period": {"complaint-period-reply_working_days": ""},
        "complaint-details": {
            **_date("complaint-details-complaint_date", date(2026, 10, 5)),
            "complaint-details-complaint_reference": "CMP-1234",
            "complaint-details-reply_working_days": "",
        },
        "complaint-answered": {"complaint-answered-answered": "no"},
        "pre-action-details": {
            "pre-action-details-adr": "yes",
            "pre-action-details-information_sought": "Who delivers the therapy.",
        },
        "letter-date": _date("letter-date-letter_date", timezone.localdate()),
        "check-answers": {},
    }
    answers.update(overrides)
    return answers


class NotDeliveredDefinitionTests:
    def _visible(self, step: str, sections=("F",), answered="no") -> list[str]:
        answers = {
            "enforce-step": {"step": step},
            "enforce-sections": {"sections": list(sections)},
            "complaint-answered": {"answered": answered},
        }
        return [s for s in NOT_DELIVERED.visible_steps(answers) if s not in ABOUT_SLUGS]

    def test_a_complaint_asks_nothing_about_an_earlier_complaint(self):
        # Only how long the council's procedure gives it, for the Ombudsman's date.
        assert self._visible("complaint") == [
            "provision-record",
            "enforce-step",
            "enforce-sections",
            "enforce-since",
            "enforce-start-by",
            "compensatory",
            "complaint-period",
            "letter-date",
            "check-answers",
        ]

    def test_health_care_asks_for_the_integrated_care_board(self):
        assert "icb-name" in self._visible("complaint", sections=("F", "G"))
        assert "icb-name" not in self._visible("complaint", sections=("F", "H"))
        assert "icb-name" not in self._visible("ombudsman", sections=("G",))

    def test_the_ombudsman_asks_for_the_complaint_and_its_answer(self):
        steps = self._visible("ombudsman")
        assert {"complaint-details", "complaint-answered"} <= set(steps)
        assert "complaint-response" not in steps
        assert "complaint-response" in self._visible("ombudsman", answered="yes")
        assert "pre-action-details" not in steps

    def test_a_letter_before_claim_asks_about_settling_and_information(self):
        steps = self._visible("pre_action")
        assert {"complaint-details", "pre-action-details"} <= set(steps)

    def test_the_mediation_agreement_journey_asks_only_about_the_agreement(self):
        steps = [s for s in MEDIATION_AGREEMENT.visible_steps({}) if s not in ABOUT_SLUGS]
        assert "agreement-details" in steps and steps[-1] == "check-answers"


def test_the_record_step_is_filled_from_the_case_file():
    data = enforcement_step_data_from_case(provision_case_file(), {}, "not-delivered")
    assert data["provision-record"] == {
        "provision-record-sections": ["F,G,H"],
        "provision-record-logged": ["13"],
    }
    assert data["complaint-details"]["complaint-details-complaint_date_0"] == ["5"]
    assert enforcement_step_data_from_case(provision_case_file(), {}, "ceasing") == {}


def test_the_answers_given_last_time_come_back():
    case_file = {
        "events": [
            {"type": "provision_complaint_made", "date": "2026-10-05"},
            {"type": "provision_complaint_response", "date": "2026-10-30"},
        ],
        "provision": [{"id": "g1", "section": "G", "text": "Physiotherapy"}],
    }
    extras = {
        "enforce": {
            "since": "2026-09-01",
            "start_by": "2026-12-07",
            "compensatory": "Ten sessions.",
            "icb_name": "NHS Bristol",
            "complaint_reference": "CMP-1",
            "reply_working_days": 15,
            "response_said": "We are recruiting.",
        }
    }
    data = enforcement_step_data_from_case(case_file, extras, "not-delivered")
    assert data["provision-record"]["provision-record-sections"] == ["G"]
    assert data["provision-record"]["provision-record-logged"] == ["0"]
    assert data["complaint-details"]["complaint-details-reply_working_days"] == ["15"]
    assert data["complaint-answered"] == {"complaint-answered-answered": ["yes"]}
    assert data["complaint-response"]["complaint-response-response_said"] == ["We are recruiting."]
    assert data["enforce-since"]["enforce-since-since_1"] == ["9"]
    assert data["enforce-start-by"]["enforce-start-by-start_by_0"] == ["7"]
    assert data["compensatory"] == {"compensatory-compensatory": ["Ten sessions."]}
    assert data["icb-name"] == {"icb-name-icb_name": ["NHS Bristol"]}
    # Nothing recorded yet: only the record page, which then sends the family to record.
    assert set(enforcement_step_data_from_case({}, {}, "not-delivered")) == {"provision-record"}


def _saved_case(client, case_file: dict[str, Any]) -> Case:
    from tests.conftest import make_user

    user = make_user("grace@example.org", "Grace Okafor")
    client.force_login(user)
    return CaseFactory(case_file=case_file, owner=user, journey="request", extras={})


def _finish(client, case: Case, answers) -> tuple[Any, list[str]]:
    """Continue the saved case into the journey, then answer each step it asks (as `walk`)."""
    start = client.post(f"/cases/{case.id}/continue/not-delivered/")
    assert start.status_code == 302
    visited: list[str] = []
    response = start
    while True:
        match = STEP_URL.match(response["Location"])
        if not match or match["step"] == "confirmation":
            return response, visited
        step = match["step"]
        visited.append(step)
        assert step in answers, f"the journey asked {step}, which the test did not answer"
        location = response["Location"]
        response = client.post(location, {**management("not-delivered", step), **answers[step]})
        assert response.status_code == 302 and response["Location"] != location, step


@pytest.mark.django_db
class NotDeliveredJourneyTests:
    def test_from_a_case_with_a_log_to_the_council_complaint(self, client):
        case = _saved_case(client, provision_case_file())
        response, visited = _finish(client, case, enforce_answers("complaint", ["F", "H"]))
        assert visited[0] == "enforce-step"  # the record and the opening answers are known
        assert response["Location"] == f"/not-delivered/{case.id}/confirmation/"
        case.refresh_from_db()
        # The record stays; the complaint is on the timeline, with the date to escalate.
        assert len(case.case_file["delivery_log"]) == 13
        assert {"type": "provision_complaint_made", "date": timezone.localdate().isoformat()} in (
            case.case_file["events"]
        )
        timeline = case_timeline(case.case_file, today=timezone.localdate())
        rules = {item.deadline.rule for item in (*timeline.open, *timeline.met)}
        assert RuleId.PROVISION_COMPLAINT_ESCALATION in rules
        assert RuleId.JUDICIAL_REVIEW_LIMIT in rules
        page = client.get(response["Location"]).content.decode()
        assert "Complaint: the provision in the EHC plan is not being made" in page
        pdf = client.get(f"/cases/{case.id}/letters/provision_complaint_council.pdf")
        assert pdf.status_code == 200
        text = pdf_text(pdf.content)
        assert "Complaints team Bristol City Council" in text
        assert "Children and Families Act 2014, s.42(2)" in text
        assert "Ten extra therapy sessions before July." in text
        docx = client.get(f"/cases/{case.id}/letters/provision_complaint_council.docx")
        assert "Daily 1:1 reading support" in docx_text(docx.content)

    def test_a_complaint_with_the_councils_period_shows_the_ombudsman_date_from_it(self, client):
        case = _saved_case(client, provision_case_file())
        answers = enforce_answers(
            "complaint",
            ["F"],
            **{"complaint-period": {"complaint-period-reply_working_days": "10"}},
        )
        _finish(client, case, answers)
        case.refresh_from_db()
        assert case.extras["not-delivered"]["enforce"]["reply_working_days"] == 10
        timeline = client.get(f"/cases/{case.id}/timeline/").content.decode()
        assert "10 working days, as you told us" in timeline

    def test_health_care_adds_the_letter_to_the_integrated_care_board(self, client):
        case = _saved_case(client, provision_case_file())
        response, visited = _finish(client, case, enforce_answers("complaint", ["F", "G"]))
        assert "icb-name" in visited
        page = client.get(response["Location"]).content.decode()
        assert "health care provision in the EHC plan is not being made" in page

    def test_the_ombudsman_records_the_complaint_and_the_escalation(self, client):
        case = _saved_case(client, provision_case_file())
        _finish(client, case, enforce_answers("ombudsman", ["F"]))
        case.refresh_from_db()
        types = {e["type"] for e in case.case_file["events"]}
        assert {"provision_complaint_made", "ombudsman_complaint_made"} <= types
        assert "provision_complaint_response" not in types
        text = pdf_text(client.get(f"/cases/{case.id}/letters/ombudsman_complaint.pdf").content)
        assert "Local Government Act 1974, s.26B" in text
        assert "I complained to the council (reference CMP-1234)" in text

    def test_the_letter_before_claim_records_the_letter(self, client):
        case = _saved_case(client, provision_case_file())
        answers = enforce_answers(
            "pre_action",
            ["F"],
            **{
                "complaint-answered": {"complaint-answered-answered": "yes"},
                "complaint-response": {
                    **_date("complaint-response-response_date", date(2026, 10, 30)),
                    "complaint-response-response_said": "We are recruiting a therapist.",
                },
            },
        )
        response, _ = _finish(client, case, answers)
        case.refresh_from_db()
        types = {e["type"] for e in case.case_file["events"]}
        assert {"provision_complaint_response", "pre_action_letter_sent"} <= types
        page = client.get(response["Location"]).content.decode()
        assert "solicitor" in page and "legal aid" in page and "IPSEA" in page
        text = pdf_text(client.get(f"/cases/{case.id}/letters/pre_action_letter.pdf").content)
        assert "We are recruiting a therapist." in text
        assert "Civil Procedure Rules, r.54.5(1)" in text

    def test_a_case_without_a_record_is_sent_to_record_it_first(self, client):
        case_file = provision_case_file()
        del case_file["delivery_log"]
        case = _saved_case(client, case_file)
        start = client.post(f"/cases/{case.id}/continue/not-delivered/")
        assert start["Location"] == f"/not-delivered/{case.id}/provision-record/"
        page = client.get(start["Location"]).content.decode()
        assert "First, record what the plan promises and what happened." in page
        assert f"/cases/{case.id}/" in page
        step = client.post(
            start["Location"],
            {
                **management("not-delivered", "provision-record"),
                "provision-record-sections": "F",
                "provision-record-logged": "0",
            },
        )
        assert step["Location"] == start["Location"]  # not accepted: errors shown there


@pytest.mark.django_db
def test_a_mediation_agreement_chaser_from_scratch(client):
    answers = {
        **about_answers(),
        "agreement-details": {
            **_date("agreement-details-agreement_date", _days(-40)),
            "agreement-details-agreement_requires": "other",
            "agreement-details-agreement_text": "The council will arrange an OT assessment.",
        },
        "check-answers": {},
    }
    response, _ = walk(client, "/mediation-agreement/new/", answers)
    case_id = response["Location"].split("/")[2]
    text = pdf_text(client.get(f"/cases/{case_id}/letters/mediation_agreement_chaser.pdf").content)
    assert "SEND Regulations 2014, reg 42(3)" in text
    assert "The council will arrange an OT assessment." in text


@pytest.mark.django_db
def test_the_complaint_and_the_letter_before_claim_come_back_as_reminders():
    from django.core import mail

    from journeys.jobs.reminders import reminders_send

    case_file = provision_case_file()
    # The complaint of Monday 5 October 2026: the council's 20 working days end Monday 2
    # November; the first session not delivered (14 September) gives judicial review's 3
    # months to Monday 14 December 2026.
    CaseFactory(
        journey="not-delivered", case_file=case_file, email="grace@example.org",
        reminders_opt_in=True,
    )  # fmt: skip
    reminders_send(today=date(2026, 10, 19))
    reminders_send(today=date(2026, 11, 30))
    bodies = [message.body for message in mail.outbox]
    assert any("Monday 2 November 2026" in b and "Ombudsman" in b for b in bodies)
    assert any("Monday 14 December 2026" in b and "judicial review" in b for b in bodies)


@pytest.mark.django_db
def test_the_case_page_lists_both_journeys_as_stages_to_start(client):
    case_file = provision_case_file()
    case_file["events"].append({"type": "mediation_held", "date": "2026-06-01"})
    case = _saved_case(client, case_file)
    page = client.get(f"/cases/{case.id}/").content.decode()
    assert "The plan is not being delivered" in page
    assert f'action="/cases/{case.id}/continue/not-delivered/"' in page
    assert f'action="/cases/{case.id}/continue/mediation-agreement/"' in page
    response = client.post(f"/cases/{case.id}/continue/mediation-agreement/")
    assert response["Location"] == f"/mediation-agreement/{case.id}/agreement-details/"


def test_check_your_answers_summarises_the_record_in_words():
    from journeys.forms.enforcement import ProvisionRecordForm

    rows = ProvisionRecordForm(answers={}).summary_rows({"sections": ["F"], "logged": 1})
    assert rows == [
        (
            "What you have recorded",
            ("What the plan promises, in section F", "1 record of what happened"),
        )
    ]


@pytest.mark.django_db
def test_the_letter_before_claim_page_says_where_a_solicitor_and_legal_aid_come_in(client):
    case = _saved_case(client, provision_case_file())
    answers = enforce_answers("pre_action", ["F"])
    for slug in ("pre-action-details", "letter-date", "check-answers"):
        answers.pop(slug)
    with pytest.raises(AssertionError, match="pre-action-details"):
        _finish(client, case, answers)
    page = client.get(f"/not-delivered/{case.id}/pre-action-details/").content.decode()
    assert "the step where a solicitor and legal aid come in" in page
    assert "Civil Legal Advice" in page and "Find a Solicitor" in page and "IPSEA" in page


# -- the Ombudsman date counts the complaints period the family gave ---------------------------


def _ombudsman_dates(client, reply_working_days: str) -> tuple[date, str, Any]:
    """Walk a letter before claim whose complaint (yesterday, not answered) gave
    `reply_working_days`; return the complaint's date, the timeline page and the calendar's
    Ombudsman event."""
    from icalendar import Calendar

    case = _saved_case(client, provision_case_file())
    complained = _days(-1)
    answers = enforce_answers(
        "pre_action",
        ["F"],
        **{
            "complaint-details": {
                **_date("complaint-details-complaint_date", complained),
                "complaint-details-complaint_reference": "CMP-1234",
                "complaint-details-reply_working_days": reply_working_days,
            }
        },
    )
    _finish(client, case, answers)
    case.refresh_from_db()
    assert case.extras["not-delivered"]["enforce"].get("reply_working_days") == (
        int(reply_working_days) if reply_working_days else None
    )
    page = client.get(f"/cases/{case.id}/timeline/").content.decode()
    ics = client.get(f"/cases/{case.id}/deadlines.ics").content
    (event,) = [
        c
        for c in Calendar.from_ical(ics).walk()
        if c.name == "VEVENT" and str(c["uid"]).startswith(f"{case.id}-provision_complaint")
    ]
    return complained, page, event


def _long(day: date) -> str:
    return f"{day:%A} {day.day} {day:%B %Y}"


@pytest.mark.django_db
class OmbudsmanDateTests:
    def test_the_period_the_family_gave_sets_the_date_on_the_timeline_and_calendar(self, client):
        from journeys.rules.calendar import add_working_days

        complained, page, event = _ombudsman_dates(client, "10")
        due = add_working_days(complained, 10)
        assert due != add_working_days(complained, 20)
        sentence = (
            f"If the council has not given its final answer to your complaint by {_long(due)}"
        )
        assert sentence in page
        assert "gives 10 working days, as you told us" in page
        assert event.decoded("dtstart") == due
        assert "gives 10 working days, as you told us" in str(event["summary"])

    def test_without_a_period_the_date_is_20_working_days_and_says_so(self, client):
        from journeys.rules.calendar import add_working_days

        complained, page, event = _ombudsman_dates(client, "")
        due = add_working_days(complained, 20)
        assert f"final answer to your complaint by {_long(due)}" in page
        assert "20 working days, the period many councils use" in page
        assert "as you told us" not in page
        assert event.decoded("dtstart") == due
