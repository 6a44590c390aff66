"""The pure arrangement of a saved case: days-left words and facts."""

from __future__ import annotations

from datetime import date

import pytest

from journeys.cases.overview import case_facts, days_left_words

TODAY = date(2026, 11, 25)


@pytest.mark.parametrize(
    ("due", "words"),
    [
        (None, ""),
        (date(2026, 11, 25), "Due today"),
        (date(2026, 11, 26), "1 day left"),
        (date(2026, 12, 7), "12 days left"),
        (date(2026, 11, 24), "1 day overdue"),
        (date(2026, 11, 22), "3 days overdue"),
    ],
)
def test_days_left_words(due, words):
    assert days_left_words(due, today=TODAY) == words


def test_facts_say_what_the_case_file_says(case_file):
    sections = {s.heading: s for s in case_facts(case_file)}
    assert list(sections)[:2] == ["The child", "The parent or carer"]
    child = {row.key: row.lines for row in sections["The child"].rows}
    assert child["Name"] == (
        f"{case_file['child']['first_name']} {case_file['child']['last_name']}",
    )
    council = {row.key: row.lines for row in sections["The parent or carer"].rows}["Council"]
    assert council == (case_file["local_authority"]["name"],)
    assert len(sections["Needs"].rows) == len(case_file["needs"])


def test_facts_leave_out_what_is_not_known():
    minimal = {
        "format": "ehcp-case/1",
        "child": {"first_name": "Ada"},
        "applicant": {"name": "Bo"},
        "local_authority": {"name": "Leeds City Council"},
    }
    sections = case_facts(minimal)
    assert [s.heading for s in sections] == ["The child", "The parent or carer"]
    assert [row.key for row in sections[0].rows] == ["Name"]


def test_facts_name_the_person_an_advocate_acts_for():
    case_file = {
        "format": "ehcp-case/2",
        "child": {"first_name": "Ada"},
        "applicant": {"name": "Priya Shah", "relationship": "advocate"},
        "represents": {"name": "Bo Lee", "relationship": "parent", "address": ["1 A St", "Leeds"]},
        "local_authority": {"name": "Leeds City Council"},
    }
    sections = {s.heading: s for s in case_facts(case_file)}
    rows = {row.key: row.lines for row in sections["The person the advocate acts for"].rows}
    assert rows == {"Name": ("Bo Lee", "Their parent"), "Address": ("1 A St", "Leeds")}


def test_facts_write_dates_as_people_do(case_file):
    case_file = {**case_file, "child": {**case_file["child"], "date_of_birth": "2018-05-14"}}
    child = {row.key: row.lines for row in case_facts(case_file)[0].rows}
    assert child["Date of birth"] == ("14 May 2018",)


@pytest.mark.parametrize(
    ("words", "mid_sentence"),
    [
        ("First name", "first name"),
        ("Appeal to the SEND Tribunal", "appeal to the SEND Tribunal"),
        ("EHC plan", "EHC plan"),
        ("Request for an EHC needs assessment", "request for an EHC needs assessment"),
        ("A", "a"),
        ("", ""),
    ],
)
def test_lower_first_keeps_every_capital_but_the_first(words, mid_sentence):
    from journeys.templatetags.govuk import lower_first

    assert lower_first(words) == mid_sentence
