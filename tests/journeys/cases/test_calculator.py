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
