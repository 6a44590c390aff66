"""The appeal deadline calculator page, through Django's client (nothing is stored)."""

from datetime import timedelta

import pytest
from django.utils import timezone

from tests.conftest import date_parts


def ask(client, decision=None, certificate=None):
    query = {}
    if decision:
        query.update(date_parts("appeal-decision_date", *decision))
    if certificate:
        query.update(date_parts("appeal-certificate_date", *certificate))
    return client.get("/appeal-deadline/", query).content.decode()


@pytest.mark.django_db
class AppealCalculatorTests:
    def test_blank_page_asks_the_question(self, client):
        page = ask(client)
        assert "What date is on the council&#x27;s decision letter?" in page
        assert "There is a problem" not in page

    def test_gives_the_date_and_the_working(self, client):
        page = ask(client, decision=(3, 6, 2026), certificate=(14, 7, 2026))
        assert "Tuesday 1 September 2026" in page
        assert "falls in August" in page
        assert "r.20(1)(c)" in page

    def test_without_a_certificate(self, client):
        page = ask(client, decision=(10, 3, 2026))
        assert "Monday 11 May 2026" in page

    def test_certificate_before_decision_is_refused_and_answers_kept(self, client):
        page = ask(client, decision=(10, 3, 2026), certificate=(1, 3, 2026))
        assert "The certificate date must be the same as or after the decision letter date" in page
        assert 'value="10"' in page and 'value="1"' in page
        assert "Monday 11 May 2026" not in page

    def test_future_and_impossible_dates(self, client):
        tomorrow = timezone.localdate() + timedelta(days=1)
        page = ask(client, decision=(tomorrow.day, tomorrow.month, tomorrow.year))
        assert "The decision letter date must be today or in the past" in page
        page = ask(client, decision=(31, 2, 2026))
        assert "The decision letter date must be a real date" in page

    def test_a_decision_date_is_required(self, client):
        page = client.get("/appeal-deadline/", {"appeal-certificate_date_0": ""}).content.decode()
        assert "Enter the date on the decision letter" in page


@pytest.mark.django_db
class AppealCalculatorLawTests:
    def test_the_deadline_is_by_5pm_and_cites_r12_1(self, client):
        # Decision 11 Mar 2026 → Mon 11 May 2026, a working day (passed: "It was 5pm on").
        page = ask(client, decision=(11, 3, 2026))
        assert "5pm on Monday 11 May 2026" in page
        assert "Your appeal must reach the Tribunal by 5pm on Monday 11 May 2026." in page
        assert "r.12(1)" in page

    def test_the_certificate_counts_from_the_date_it_was_issued(self, client):
        page = ask(client, decision=(3, 6, 2026), certificate=(14, 7, 2026))
        assert "1 month from the date the certificate was issued is Friday 14 August 2026" in page
        assert "received" not in page

    def test_a_passed_date_says_so_and_what_to_do(self, client):
        # Decision 11 Mar 2025 → Mon 12 May 2025, long past whenever this runs.
        page = ask(client, decision=(11, 3, 2025))
        assert "The last day to appeal has passed." in page
        assert "include a request to extend time with your reasons" in page
        assert "The Tribunal may refuse." in page
        assert "r.5(3)(a) and r.20(4)" in page
        assert "a fresh request starts a new 6 weeks" in page
        assert "s.36(1)" in page
        assert "govuk-panel--confirmation" not in page

    def test_a_date_still_to_come_does_not_talk_about_late_appeals(self, client):
        today = timezone.localdate()
        page = ask(client, decision=(today.day, today.month, today.year))
        assert "has passed" not in page
        assert "r.5(3)(a)" not in page
        assert "By 5pm on" in page
