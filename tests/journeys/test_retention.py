"""The retention command end to end: warnings by email, deletion for real, activity resets."""

from __future__ import annotations

import io
from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from journeys.models import Case, Draft
from tests.conftest import make_user


def run(*args) -> str:
    out = io.StringIO()
    call_command("purge_inactive_cases", *args, stdout=out)
    return out.getvalue()


def inactive(case: Case, days: int) -> None:
    Case.objects.filter(pk=case.pk).update(last_active_at=timezone.now() - timedelta(days=days))


@pytest.fixture
def owner():
    return make_user("grace@example.org", "Grace Okafor")


@pytest.fixture
def case(owner, case_file):
    return Case.objects.create(journey="request", case_file=case_file, owner=owner)


TWO_YEARS = 731  # days, a little over 24 months from any date


@pytest.mark.django_db
class PurgeInactiveCasesTests:
    def test_a_recent_case_is_left_alone(self, case):
        assert "deleted 0 case(s)" in run()
        assert not mail.outbox

    def test_two_warnings_then_deletion(self, case):
        inactive(case, TWO_YEARS - 29)
        assert "Sent 1 first warning(s)" in run()
        assert mail.outbox[-1].to == ["grace@example.org"]
        body = mail.outbox[-1].body
        assert f"/cases/{case.id}/" in body
        assert case.case_file["child"]["first_name"] not in body  # no case content
        assert "Sent 0 first warning(s)" in run()  # once only
        Case.objects.filter(pk=case.pk).update(
            retention_warned_at=timezone.now() - timedelta(days=8)
        )
        inactive(case, TWO_YEARS - 6)
        assert "1 second warning(s)" in run()
        assert mail.outbox[-1].subject.startswith("Last reminder")
        Case.objects.filter(pk=case.pk).update(
            retention_warned_at=timezone.now() - timedelta(days=8)
        )
        inactive(case, TWO_YEARS + 1)
        Draft.objects.create(user=case.owner, case_id=case.id, journey="plan", data={})
        assert "deleted 1 case(s)" in run()
        assert not Case.objects.exists() and not Draft.objects.exists()

    def test_opening_the_case_after_a_warning_keeps_it(self, case, owner):
        inactive(case, TWO_YEARS - 29)
        run()
        browser = Client()
        browser.force_login(owner)
        browser.get(f"/cases/{case.id}/")
        case.refresh_from_db()
        assert case.retention_warnings_sent == 0
        assert timezone.now() - case.last_active_at < timedelta(minutes=1)

    def test_someone_elses_look_is_not_the_parent_using_it(self, case):
        from journeys.models import AdvocateAccess

        advocate = make_user("a@example.org", "Ada")
        AdvocateAccess.objects.create(
            case=case,
            email=advocate.email,
            token_hash="h" * 64,
            expires_at=timezone.now(),
            accepted_by=advocate,
        )
        inactive(case, 400)
        browser = Client()
        browser.force_login(advocate)
        assert browser.get(f"/cases/{case.id}/").status_code == 200
        case.refresh_from_db()
        assert (timezone.now() - case.last_active_at).days >= 399

    def test_an_unreachable_anonymous_case_goes_on_the_date_without_warning(self, case_file):
        case = Case.objects.create(journey="request", case_file=case_file)
        inactive(case, TWO_YEARS + 1)
        assert "deleted 1 case(s)" in run()
        assert not mail.outbox

    def test_a_case_without_an_account_is_not_warned_even_with_a_reminders_address(self, case_file):
        case = Case.objects.create(
            journey="request", case_file=case_file, email="r@example.org", reminders_opt_in=True
        )
        inactive(case, TWO_YEARS - 29)
        assert "Sent 0 first warning(s)" in run()  # its link could not open the case
        assert not mail.outbox

    def test_staff_saving_in_the_admin_does_not_restart_the_clock(self, case):
        inactive(case, 400)
        case.refresh_from_db()
        case.reminders_opt_in = False
        case.save(touch=False)
        case.refresh_from_db()
        assert (timezone.now() - case.last_active_at).days >= 399

    def test_a_case_used_while_the_run_was_deciding_is_kept(self, case, monkeypatch):
        from journeys.jobs import retention

        inactive(case, TWO_YEARS + 1)
        Case.objects.filter(pk=case.pk).update(
            retention_warnings_sent=2, retention_warned_at=timezone.now() - timedelta(days=8)
        )
        real = retention.retention_action

        def parent_opens_it_meanwhile(*args, **kwargs):
            Case.objects.filter(pk=case.pk).update(last_active_at=timezone.now())
            return real(*args, **kwargs)

        monkeypatch.setattr(retention, "retention_action", parent_opens_it_meanwhile)
        assert "deleted 0 case(s)" in run()
        assert Case.objects.filter(pk=case.pk).exists()

    def test_unfinished_drafts_left_for_the_period_are_deleted(self, owner):
        import uuid

        old = Draft.objects.create(user=owner, case_id=uuid.uuid4(), journey="request", data={})
        recent = Draft.objects.create(user=owner, case_id=uuid.uuid4(), journey="request", data={})
        Draft.objects.filter(pk=old.pk).update(
            updated_at=timezone.now() - timedelta(days=TWO_YEARS + 1)
        )
        assert "1 unfinished draft(s)" in run()
        assert list(Draft.objects.all()) == [recent]

    def test_a_dry_run_changes_nothing(self, case):
        inactive(case, TWO_YEARS + 100)
        assert "Would send 1 first warning(s)" in run("--dry-run")
        case.refresh_from_db()
        assert case.retention_warnings_sent == 0 and not mail.outbox
