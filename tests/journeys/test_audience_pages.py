"""Every question page speaks to the right person, through Django's client (issue 14).

Three audiences: a parent about their child ("your child"), a young person filling it in
themselves ("you"), and a parent acting for a young person (the young person by name).
journeys/forms/wording.py rewrites the pages; the generic step view applies it.
"""

from __future__ import annotations

import html
import re

import pytest

from journeys.models import Case
from tests.conftest import STEP_URL, date_parts, management, request_answers, stage_answers

YOUNG_DOB = date_parts("child-date-of-birth-date_of_birth", 10, 4, 2008)  # 18 in Nov 2026


def answer_until(client, start_url: str, answers, stop: str) -> str:
    """Answer each step the journey shows until it asks `stop`; return that step's URL."""
    response = client.get(start_url)
    for _ in range(40):
        location = response["Location"]
        match = STEP_URL.match(location)
        if match["step"] == stop:
            return location
        step = match["step"]
        response = client.post(location, {**management(match["journey"], step), **answers[step]})
        assert response.status_code == 302 and response["Location"] != location, step
    raise AssertionError(f"never reached {stop}")


def page(client, url: str) -> str:
    return html.unescape(client.get(url).content.decode())


def heading(text: str) -> str:
    found = re.search(r"<h1[^>]*>(.*?)</h1>", text, re.S) or re.search(
        r"<legend[^>]*>\s*<h1[^>]*>(.*?)</h1>", text, re.S
    )
    return re.sub(r"<[^>]+>|\s+", " ", found[1]).strip()


def young_person_answers():
    return request_answers(
        **{
            "child-date-of-birth": YOUNG_DOB,
            "setting-details": {
                "setting-details-setting_name": "Riverside College",
                "setting-details-year_group": "Year 13",
            },
            "child-setting": {"child-setting-setting_kind": "college"},
            "your-details": {
                "your-details-name": "Sam Okafor",
                "your-details-relationship": "young_person",
            },
        }
    )


def parent_for_young_person_answers():
    return request_answers(
        **{
            "child-date-of-birth": YOUNG_DOB,
            "child-setting": {"child-setting-setting_kind": "college"},
            "setting-details": {
                "setting-details-setting_name": "Riverside College",
                "setting-details-year_group": "Year 13",
            },
            "acting-for-young-person": {
                "acting-for-young-person-acting_for_young_person": "agreed"
            },
        }
    )


@pytest.mark.django_db
class RequestJourneyAudienceTests:
    def test_a_parent_of_a_child_reads_your_child(self, client):
        url = answer_until(client, "/request/new/", request_answers(), "need-areas")
        text = page(client, url)
        assert heading(text) == "Which areas does your child need help with?"
        views = page(client, url.replace("need-areas", "child-views"))
        assert "What are your child's views?" in views
        assert "Your child's own words" in views  # whose words: a parent can say

    def test_a_young_person_reads_you(self, client):
        url = answer_until(client, "/request/new/", young_person_answers(), "need-areas")
        text = page(client, url)
        assert heading(text) == "Which areas do you need help with?"
        assert "your child" not in text.casefold()
        setting = page(client, url.replace("need-areas", "child-setting"))
        assert heading(setting) == "Where do you go to school, college or nursery?"
        views = page(client, url.replace("need-areas", "child-views"))
        # A young person's views are their own words: one question, no "whose words".
        assert heading(views) == (
            "What do you think about your education, the help you get and what matters to you?"
        )
        assert "Whose words" not in views
        # A required answer left out is asked for in the same words.
        response = client.post(url, management("request", "need-areas"))
        errors = page(client, response["Location"])
        assert "Select at least one area you need help with" in errors
        assert "acting-for-young-person" not in errors

    def test_a_parent_acting_for_a_young_person_reads_their_name(self, client):
        answers = parent_for_young_person_answers()
        acting = answer_until(client, "/request/new/", answers, "acting-for-young-person")
        text = page(client, acting)
        assert heading(text) == "Are you acting for Sam with their agreement?"
        assert "Yes, Sam has asked me to act for them" in text
        assert "(SEND Regulations 2014, reg 64)" in text
        url = answer_until(client, "/request/new/", answers, "need-areas")
        text = page(client, url)
        assert heading(text) == "Which areas does Sam need help with?"
        assert "your child" not in text.casefold()
        adulthood = page(client, url.replace("need-areas", "preparing-for-adulthood"))
        assert "what does Sam hope to do?" in adulthood

    def test_the_letter_of_a_parent_acting_for_a_young_person_says_so(self, client):
        from tests.conftest import walk

        answers = parent_for_young_person_answers()
        response, visited = walk(client, "/request/new/", answers)
        assert "acting-for-young-person" in visited and "preparing-for-adulthood" in visited
        case = Case.objects.latest("created_at")
        assert case.case_file["acting_for_young_person"] == "agreed"
        confirmation = page(client, response["Location"])
        assert "I am writing for Sam, who is 18 and has asked me to act for him." in confirmation


@pytest.mark.django_db
@pytest.mark.parametrize("journey", ["refused", "plan"])
def test_every_stage_journey_asks_a_parent_how_they_act_for_a_young_person(client, journey):
    answers = {
        **stage_answers(journey),
        "child-date-of-birth": YOUNG_DOB,
        "acting-for-young-person": {"acting-for-young-person-acting_for_young_person": "agreed"},
    }
    url = answer_until(client, f"/{journey}/new/", answers, "acting-for-young-person")
    assert heading(page(client, url)) == "Are you acting for Sam with their agreement?"
    views = answer_until(client, f"/{journey}/new/", answers, "child-views")
    assert heading(page(client, views)) == "What are Sam's views?"


@pytest.mark.django_db
def test_the_voice_reaches_the_request_letter(client):
    from tests.conftest import walk

    answers = request_answers(
        **{
            "child-views": {
                "child-views-source": "as_heard",
                "child-views-views": "I like trains. The hall is too noisy.",
            },
            "child-strengths": {"child-strengths-strengths": "Drawing maps."},
        }
    )
    response, _ = walk(client, "/request/new/", answers)
    confirmation = page(client, response["Location"])
    assert "As I have heard Sam say:" in confirmation
    assert "I like trains. The hall is too noisy." in confirmation
    assert "What Sam is good at and enjoys:" in confirmation
    case = Case.objects.latest("created_at")
    assert case.extras["request"]["child_voice"] == {
        "source": "as_heard",
        "views": "I like trains. The hall is too noisy.",
        "strengths": "Drawing maps.",
    }


@pytest.mark.django_db
def test_views_without_saying_whose_words_are_asked_about(client):
    url = answer_until(client, "/request/new/", request_answers(), "child-views")
    response = client.post(
        url, {**management("request", "child-views"), "child-views-views": "Some words"}
    )
    assert "Select whose words these are" in page(client, response["Location"])


@pytest.mark.django_db
def test_an_advocate_is_asked_whether_the_parent_they_help_acts_for_the_young_person(client):
    answers = {
        **request_answers(),
        "child-date-of-birth": YOUNG_DOB,
        "your-details": {
            "your-details-name": "Priya Shah",
            "your-details-relationship": "advocate",
        },
        "represents-details": {
            "represents-details-name": "Grace Okafor",
            "represents-details-relationship": "parent",
        },
        "represents-contact": {
            "represents-contact-address_line_1": "12 Elm Road",
            "represents-contact-town": "Bristol",
            "represents-contact-postcode": "BS1 1AA",
        },
    }
    url = answer_until(client, "/request/new/", answers, "acting-for-young-person")
    text = page(client, url)
    assert heading(text) == "Is Grace Okafor acting for Sam with their agreement?"
    assert "Yes, Sam has asked Grace Okafor to act for them" in text


@pytest.mark.django_db
def test_the_voice_reaches_the_mediation_summary(client):
    from tests.conftest import walk

    answers = {
        **stage_answers("mediation"),
        "child-views": {
            "child-views-source": "own_words",
            "child-views-views": "I want a quiet room at lunch.",
        },
        "child-strengths": {"child-strengths-strengths": "Lego and maps."},
    }
    _, visited = walk(client, "/mediation/new/", answers)
    assert visited.index("mediation-issues") < visited.index("child-views")
    case = Case.objects.latest("created_at")
    assert case.extras["mediation"]["child_voice"] == {
        "source": "own_words",
        "views": "I want a quiet room at lunch.",
        "strengths": "Lego and maps.",
    }
    from tests.letters.docx_text import docx_text
    from tests.letters.pdf_text import pdf_text

    for fmt, read in (("pdf", pdf_text), ("docx", docx_text)):
        letter = client.get(f"/cases/{case.pk}/letters/mediation_summary.{fmt}")
        assert letter.status_code == 200
        text = " ".join(read(letter.content).split())
        assert "Sam's views, strengths and hopes" in text
        assert "In Sam's own words: I want a quiet room at lunch." in text
        assert "What Sam is good at and enjoys: Lego and maps." in text
