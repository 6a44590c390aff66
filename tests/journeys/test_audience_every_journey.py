"""Every page of every journey speaks to the right person from the first page (issue 14).

Each journey asks first who is filling it in (journeys/wizard/definition.py WHO_IS_FILLING_IN),
so the child's name page already knows whether to say "What is your name?" to a young person
or "What is your child's name?" to a parent. Walked here page by page through Django's client.
"""

from __future__ import annotations

import html
import re
from datetime import date
from typing import Any

import pytest

from tests.conftest import STEP_URL, date_parts, management, request_answers, stage_answers
from tests.journeys.test_plan_life_journeys import (
    amendments_answers,
    ceasing_answers,
    not_amended_answers,
    review_answers,
)
from tests.journeys.test_transfer_journeys import (
    reassessment_answers,
    transfer_answers,
    tribunal_answers,
)

ANSWERS = {
    "request": lambda: request_answers(
        **{
            "child-setting": {"child-setting-setting_kind": "college"},
            "setting-details": {
                "setting-details-setting_name": "Riverside College",
                "setting-details-year_group": "Year 13",
            },
        }
    ),
    "refused": lambda: stage_answers("refused"),
    "plan": lambda: stage_answers("plan"),
    "mediation": lambda: stage_answers("mediation"),
    "appeal": lambda: stage_answers("appeal"),
    "transfer": lambda: transfer_answers(
        **{"transfer-kind": {"transfer-kind-transfer": "between_post16"}}
    ),
    "reassessment": reassessment_answers,
    "tribunal-order": tribunal_answers,
    "annual-review": review_answers,
    "amendments": amendments_answers,
    "not-amended": not_amended_answers,
    "ceasing": lambda: ceasing_answers("considered"),
}
# 18 on 2 December 2026 and over compulsory school age: the rights are theirs.
YOUNG_DOB = (10, 4, 2008)


def as_young_person(answers: dict[str, Any]) -> dict[str, Any]:
    return {
        **answers,
        "your-details": {
            "your-details-name": "Jordan Reid",
            "your-details-relationship": "young_person",
        },
        "child-name": {"child-name-first_name": "Jordan", "child-name-last_name": "Reid"},
        "child-date-of-birth": date_parts("child-date-of-birth-date_of_birth", *YOUNG_DOB),
    }


def walk_reading(client, journey: str, answers) -> dict[str, str]:
    """Answer each page the journey shows, reading it first: {step: page text}."""
    response = client.get(f"/{journey}/new/")
    pages: dict[str, str] = {}
    for _ in range(45):
        match = STEP_URL.match(response["Location"])
        if not match or match["step"] == "confirmation":
            return pages
        step, location = match["step"], response["Location"]
        page = client.get(location)
        assert page.status_code == 200, step
        main = page.content.decode().split("<main", 1)[1].split("</main>", 1)[0]
        pages[step] = html.unescape(re.sub(r"<[^>]+>", " ", main))
        assert step in answers, f"{journey} asked {step}, which the test did not answer"
        response = client.post(location, {**management(journey, step), **answers[step]})
        assert response.status_code == 302 and response["Location"] != location, step
    raise AssertionError(f"{journey} did not finish")


def heading(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.django_db
@pytest.mark.parametrize("journey", sorted(ANSWERS))
def test_a_young_person_is_never_asked_about_their_child(client, journey):
    pages = walk_reading(client, journey, as_young_person(ANSWERS[journey]()))
    steps = list(pages)
    assert steps[:3] == ["your-details", "your-contact", "child-name"]
    said = {
        step: re.findall(r"[^.?!]*[Yy]our child[^.?!]*", " ".join(text.split()))
        for step, text in pages.items()
        if "your child" in text.casefold()
    }
    assert said == {}
    assert "What is your name?" in pages["child-name"]
    assert "What is your date of birth?" in pages["child-date-of-birth"]
    assert "acting-for-young-person" not in pages  # nobody acts for them: they fill it in


@pytest.mark.django_db
@pytest.mark.parametrize("journey", sorted(ANSWERS))
def test_a_parent_is_asked_about_their_child(client, journey):
    pages = walk_reading(client, journey, ANSWERS[journey]())
    assert list(pages)[:3] == ["your-details", "your-contact", "child-name"]
    assert "What is your child's name?" in pages["child-name"]
    assert "What is your child's date of birth?" in pages["child-date-of-birth"]
    assert "Which council is responsible for your child?" in pages["local-authority"]
    assert "What is your name?" not in " ".join(pages.values())


@pytest.mark.django_db
def test_a_young_person_too_young_for_the_rights_is_told_at_the_date_of_birth(client):
    answers = as_young_person(request_answers())
    answers["child-date-of-birth"] = date_parts("child-date-of-birth-date_of_birth", 2, 5, 2017)
    response = client.get("/request/new/")
    case_id = STEP_URL.match(response["Location"])["case_id"]
    for step in ("your-details", "your-contact", "child-name", "child-pronouns"):
        client.post(f"/request/{case_id}/{step}/", {**management("request", step), **answers[step]})
    url = f"/request/{case_id}/child-date-of-birth/"
    response = client.post(
        url, {**management("request", "child-date-of-birth"), **answers["child-date-of-birth"]}
    )
    assert response["Location"] == url  # the page again, with its error
    text = html.unescape(client.get(url).content.decode())
    assert "A young person has finished Year 11" in text
    assert "What is your date of birth?" in text


def test_the_date_of_birth_page_checks_the_young_person_only_when_they_fill_it_in():
    from journeys.forms.request import ChildDateOfBirthForm

    data = date_parts("child-date-of-birth-date_of_birth", 2, 5, 2017)
    young = {"your-details": {"relationship": "young_person"}}
    helped = {
        "your-details": {"relationship": "advocate"},
        "represents-details": {"relationship": "young_person"},
    }
    parent = {"your-details": {"relationship": "parent"}}
    for answers, valid in ((young, False), (helped, False), (parent, True), ({}, True)):
        form = ChildDateOfBirthForm(data=data, prefix="child-date-of-birth", answers=answers)
        assert form.is_valid() is valid, answers
    adult = date_parts("child-date-of-birth-date_of_birth", *YOUNG_DOB)
    form = ChildDateOfBirthForm(data=adult, prefix="child-date-of-birth", answers=young)
    assert form.is_valid()
    assert form.cleaned_data["date_of_birth"] == date(2008, 4, 10)


@pytest.mark.django_db
def test_the_triage_speaks_to_a_parent_and_a_young_person_alike(client):
    """The triage comes before anyone says who is filling it in: its words fit both."""
    pages = walk_reading(
        client,
        "start",
        {"country": {"country-country": "england"}, "stage": {"stage-stage": "transfer"}},
    )
    assert list(pages) == ["country", "stage"]
    for text in pages.values():
        assert "your child" not in text.casefold()
        assert "my child" not in text.casefold()
    assert "A move to a new school or college is coming up" in pages["stage"]


@pytest.mark.parametrize(
    ("full_name", "first", "last"),
    [("Jordan Reid", "Jordan", "Reid"), ("Mary Ann Smith", "Mary Ann", "Smith"), ("Jo", "Jo", "")],
)
def test_a_young_person_is_offered_the_name_they_gave_to_check(full_name, first, last):
    from journeys.forms.request import ChildNameForm

    young = {"your-details": {"name": full_name, "relationship": "young_person"}}
    form = ChildNameForm(prefix="child-name", answers=young)
    assert (form["first_name"].value(), form["last_name"].value()) == (first, last)
    # A parent's own name is not their child's; and what was answered is kept as answered.
    parent = {"your-details": {"name": full_name, "relationship": "parent"}}
    assert ChildNameForm(prefix="child-name", answers=parent)["first_name"].value() is None
    answered = {"child-name-first_name": "J", "child-name-last_name": "R"}
    form = ChildNameForm(data=answered, prefix="child-name", answers=young)
    assert form["first_name"].value() == "J"
