"""The reference line names a young person as a young person (over compulsory school age on
the letter's date: journeys.rules.eligibility.is_young_person), whoever writes for them: the
young person, a parent or carer acting for them, or an advocate. A child's case still says
"Child:". Read back from the real PDF and Word files."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from letters.services import letter_render
from tests.letters.docx_text import docx_text
from tests.letters.pdf_text import pdf_text

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
TODAY = date(2026, 11, 23)  # Priya (born 10 March 2008) is 18: a young person
LETTERS = ("reassessment_request", "review_contribution")


def read(kind: str, case: dict, fmt: str) -> str:
    content = letter_render(kind=kind, case_file=case, fmt=fmt, today=TODAY).content
    return pdf_text(content) if fmt == "pdf" else docx_text(content)


def young_person_case(relationship: str = "parent") -> dict:
    """case_young_person_reassess, written by Priya's mother (with Priya's agreement), or by
    an advocate for Priya."""
    case = json.loads((FIXTURES / "case_young_person_reassess.json").read_text())
    own = case["applicant"]
    case["applicant"] = {
        "name": "Helen Shah" if relationship == "parent" else "Sam Advocate",
        "relationship": relationship,
        "address": own["address"],
        "email": "helen@example.org",
    }
    if relationship == "parent":
        case["acting_for_young_person"] = "agreed"
    else:
        case["represents"] = {"name": "Priya Shah", "relationship": "young_person"}
    return case


@pytest.mark.parametrize("fmt", ["pdf", "docx"])
@pytest.mark.parametrize("kind", LETTERS)
def test_a_parent_writing_for_a_young_person_names_her_as_one(kind, fmt):
    text = read(kind, young_person_case(), fmt)
    assert "Young person: Priya Shah, born 10 March 2008" in text
    assert "Child:" not in text
    assert "I am writing for Priya, who is 18 and has asked me to act for her." in text


@pytest.mark.parametrize("kind", LETTERS)
def test_an_advocate_for_a_young_person_names_her_as_one(kind):
    text = read(kind, young_person_case("advocate"), "pdf")
    assert "Young person: Priya Shah, born 10 March 2008" in text
    assert "Child:" not in text


@pytest.mark.parametrize("fmt", ["pdf", "docx"])
@pytest.mark.parametrize("kind", LETTERS)
def test_a_young_person_writing_for_herself_is_unchanged(kind, fmt):
    case = json.loads((FIXTURES / "case_young_person_reassess.json").read_text())
    assert "Young person: Priya Shah, born 10 March 2008" in read(kind, case, fmt)


@pytest.mark.parametrize("fmt", ["pdf", "docx"])
@pytest.mark.parametrize("kind", LETTERS)
def test_a_childs_case_still_says_child(kind, fmt):
    case = young_person_case()
    case["child"]["date_of_birth"] = "2014-03-10"  # 12: a child, whoever writes
    del case["acting_for_young_person"]
    text = read(kind, case, fmt)
    assert "Child: Priya Shah, born 10 March 2014" in text
    assert "Young person:" not in text
