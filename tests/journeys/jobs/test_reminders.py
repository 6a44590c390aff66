"""Reminders go 14, 7 and 2 days before each deadline, to those who asked, once each."""

from datetime import date, timedelta

import pytest
from django.core import mail
from django.core.management import call_command

from journeys.jobs.reminders import case_from_stop_token, reminders_send, stop_token
from journeys.models import ReminderSent
from tests.factories import CaseFactory

REQUEST_DAY = date(2026, 11, 6)  # decision due Friday 18 December 2026


def make_case(*, opted_in=True, email="grace@example.org", events=None):
    case_file = {
        "format": "ehcp-case/1",
        "child": {"first_name": "Sam"},
        "applicant": {"name": "Grace Okafor"},
        "local_authority": {"name": "Bristol City Council"},
        "events": events
        if events is not None
        else [{"type": "request_received", "date": REQUEST_DAY.isoformat()}],
    }
    return CaseFactory(
        journey="request", case_file=case_file, email=email, reminders_opt_in=opted_in
    )


@pytest.mark.django_db
class ReminderTests:
    def test_sends_14_7_and_2_days_before_each_once(self):
        make_case()
        due = date(2026, 12, 18)
        sent_on = []
        day = due - timedelta(days=20)
        while day <= due:
            before = len(mail.outbox)
            reminders_send(today=day)
            reminders_send(today=day)  # a second run the same day sends nothing more
            if len(mail.outbox) > before:
                sent_on.append(((due - day).days, len(mail.outbox) - before))
            day += timedelta(days=1)
        # Only the 6-week decision falls in this window; one email at 14, 7 and 2 days.
        assert sent_on == [(14, 1), (7, 1), (2, 1)]

    def test_email_says_what_is_due_by_whom_and_how_to_stop(self):
        case = make_case()
        reminders_send(today=date(2026, 12, 4))
        (message,) = mail.outbox
        assert message.to == ["grace@example.org"]
        assert message.subject == "Reminder: a date in your EHCP case is in 14 days"
        assert "Dear Grace Okafor," in message.body
        assert "Friday 18 December 2026" in message.body
        assert "SEND Regulations 2014" in message.body
        assert "unless an exception applies" in message.body
        assert f"/reminders/stop/{stop_token(case)}/" in message.body
        assert "&#x27;" not in message.body and "&amp;" not in message.body

    def test_an_appeal_reminder_says_by_5pm_and_has_no_exceptions(self):
        # Decision Wed 4 Mar 2026: 2 months → Mon 4 May 2026, a bank holiday → Tue 5 May.
        make_case(events=[{"type": "decision_not_to_assess", "date": "2026-03-04"}])
        reminders_send(today=date(2026, 4, 21))
        (message,) = mail.outbox
        assert "by 5pm on Tuesday 5 May 2026" in message.body
        assert "r.12(1)" in message.body
        assert "unless an exception applies" not in message.body

    def test_an_annual_review_reminder_has_no_exceptions(self):
        # Plan made Mon 5 Jan 2026: review due Mon 4 Jan 2027 (s.44(1)).
        make_case(events=[{"type": "final_plan_issued", "date": "2026-01-05"}])
        reminders_send(today=date(2026, 12, 21))
        bodies = [m.body for m in mail.outbox]
        review = next(b for b in bodies if "review the plan" in b)
        assert "Monday 4 January 2027" in review
        assert "s.44(1)" in review
        assert "unless an exception applies" not in review

    def test_a_case_saved_late_gets_the_nearest_reminder_only(self):
        make_case()
        reminders_send(today=date(2026, 12, 13))  # 5 days before
        assert len(mail.outbox) == 1
        assert "in 5 days" in mail.outbox[0].subject
        assert set(ReminderSent.objects.values_list("days_before", flat=True)) == {14, 7}
        reminders_send(today=date(2026, 12, 16))  # 2 days before
        assert len(mail.outbox) == 2

    def test_nobody_is_emailed_without_saying_yes_or_without_an_address(self):
        make_case(opted_in=False)
        make_case(email="")
        report = reminders_send(today=date(2026, 12, 4))
        assert mail.outbox == [] and report.sent == []

    def test_nothing_after_the_date_has_passed_or_once_met(self):
        make_case(
            events=[
                {"type": "request_received", "date": "2026-11-06"},
                {"type": "decision_to_assess", "date": "2026-11-20"},
            ]
        )
        reminders_send(today=date(2026, 12, 16))
        assert mail.outbox == []

    def test_the_command_reports_and_can_be_rerun(self, capsys):
        make_case()
        call_command("send_reminders", "--today", "2026-12-04")
        call_command("send_reminders", "--today", "2026-12-04")
        out = capsys.readouterr().out.splitlines()
        assert out == [
            "Checked 1 case(s); sent 1 reminder(s).",
            "Checked 1 case(s); sent 0 reminder(s).",
        ]

    def test_stop_link_needs_a_post_and_a_valid_token(self, client):
        case = make_case()
        url = f"/reminders/stop/{stop_token(case)}/"
        assert client.get(url).status_code == 200
        case.refresh_from_db()
        assert case.reminders_opt_in is True  # a GET changes nothing
        assert client.post(url).status_code == 200
        case.refresh_from_db()
        assert case.reminders_opt_in is False
        assert client.get("/reminders/stop/forged-token/").status_code == 404
        assert case_from_stop_token("forged") is None


@pytest.mark.django_db
def test_a_failed_send_is_tried_again_next_run_and_others_still_get_theirs(monkeypatch):
    from journeys.jobs import reminders

    failing, working = make_case(email="broken@example.org"), make_case()
    real_send = reminders.send_mail

    def flaky(*args, recipient_list, **kwargs):
        if recipient_list == ["broken@example.org"]:
            raise ConnectionError("mail server down")
        return real_send(*args, recipient_list=recipient_list, **kwargs)

    monkeypatch.setattr(reminders, "send_mail", flaky)
    report = reminders_send(today=date(2026, 12, 4))
    assert [r[0] for r in report.sent] == [str(working.id)]
    assert [r[0] for r in report.failed] == [str(failing.id)]
    assert not ReminderSent.objects.filter(case=failing).exists()
    monkeypatch.setattr(reminders, "send_mail", real_send)
    report = reminders_send(today=date(2026, 12, 4))
    assert [r[0] for r in report.sent] == [str(failing.id)]


# -- version 2 (issue 14): every new date is reminded -------------------------------------------

# (events, extra keys of the case file, the day the 14-day reminder goes, the words the email
# must hold: the due date worked by hand and the source.)
V2_REMINDERS = [
    pytest.param([{"type": "amendment_proposal_issued", "date": "2027-02-02"}], {},
                 date(2027, 3, 16), ("Tuesday 30 March 2027", "reg 22(3)"),
                 id="amended-plan-final"),  # 2 Feb + 8 weeks
    pytest.param([{"type": "reassessment_requested", "date": "2027-02-01"}], {},
                 date(2027, 2, 2), ("Tuesday 16 February 2027", "reg 25(1)"),
                 id="decide-whether-to-reassess"),  # 1 Feb + 15 days: the nearest, 14
    pytest.param([{"type": "tribunal_decision", "date": "2027-01-20", "order": "amend_plan"}],
                 {}, date(2027, 2, 10), ("Wednesday 24 February 2027", "reg 44(2)"),
                 id="tribunal-order"),  # 20 Jan + 5 weeks
    pytest.param([{"type": "provision_complaint_made", "date": "2027-01-28"}], {},
                 date(2027, 2, 11), ("Thursday 25 February 2027", "Local Government Act 1974"),
                 id="complaint-escalation"),  # 28 Jan + 20 working days
    pytest.param([], {"delivery_log": [{"provision": "f1", "date": "2027-01-11",
                                         "delivered": "no"}]},
                 date(2027, 3, 28), ("Sunday 11 April 2027", "r.54.5(1)"),
                 id="judicial-review"),  # first missed session 11 Jan + 3 months
    pytest.param([{"type": "phase_transfer_year", "date": "2027-09-01", "transfer": "post16"}],
                 {}, date(2027, 3, 16), ("Tuesday 30 March 2027", "reg 18(1)(a)"),
                 id="phase-transfer-post16"),
    pytest.param([{"type": "annual_review_meeting", "date": "2027-01-05"}], {},
                 date(2027, 1, 19), ("Tuesday 2 February 2027", "reg 20(10)"),
                 id="review-decision"),  # 5 Jan + 4 weeks
]  # fmt: skip


@pytest.mark.django_db
@pytest.mark.parametrize(("events", "extra", "today", "words"), V2_REMINDERS)
def test_each_new_date_gets_a_reminder(events, extra, today, words):
    case = make_case(events=events)
    case.case_file = {**case.case_file, "format": "ehcp-case/2", **extra}
    case.save()
    reminders_send(today=today)
    bodies = [m.body for m in mail.outbox]
    assert any(all(word in body for word in words) for body in bodies), bodies


@pytest.mark.django_db
def test_the_ombudsman_reminder_counts_the_complaints_period_the_family_gave():
    # Complaint Thu 17 Dec 2026; the family said 10 working days → Tue 5 Jan 2027 (25, 28 Dec
    # and 1 Jan skipped), 14 days after Tue 22 Dec. Without it: 20 → Tue 19 Jan 2027.
    case = make_case(events=[{"type": "provision_complaint_made", "date": "2026-12-17"}])
    case.extras = {"not-delivered": {"enforce": {"reply_working_days": 10}}}
    case.save()
    reminders_send(today=date(2026, 12, 22))
    (message,) = mail.outbox
    assert "Tuesday 5 January 2027" in message.body
    assert "gives 10 working days, as you told us" in message.body
    assert ReminderSent.objects.get().due == date(2027, 1, 5)
