"""Every stage letter, from two different cases, says the same words in DOCX as in PDF."""

import copy
import json
import re
from datetime import date
from pathlib import Path

import pytest

from letters.services import letter_render
from tests.letters.docx_text import docx_text
from tests.letters.pdf_text import pdf_text

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
LEAKS = ("{{", "}}", "{%", "${", "None", "&lt;", "&amp;")


def fixture(name):
    return json.loads((FIXTURES / f"{name}.json").read_text())


def second_draft_plan():
    # The same stage for a different family: another child, pronouns and council.
    case = copy.deepcopy(fixture("case_plan_draft"))
    case["child"].update(first_name="Maya", last_name="Osei", pronouns="she")
    case["local_authority"] = {"name": "Leeds City Council"}
    return case


CASES = {
    "reconsideration_request": [("case_refusal_assess", None), ("case_refusal_plan", None)],
    "mediation_adviser": [("case_refusal_assess", None), ("case_refusal_plan", None)],
    "request_assessment": [("case_sam", None), ("advocate", lambda: advocate_request())],
    "mediation_summary": [("case_refusal_assess", None), ("case_refusal_plan", None)],
    "draft_plan_representations": [("case_plan_draft", None), ("second", second_draft_plan)],
    "appeal_reasons": [("case_appeal_plan", None), ("case_appeal_refusal", None)],
    "evidence_index": [("case_appeal_plan", None), ("case_appeal_refusal", None)],
    "appeal_checklist": [("case_appeal_plan", None), ("case_appeal_refusal", None)],
}
ROWS = [(kind, name, make) for kind, cases in CASES.items() for name, make in cases]
# The family's answers a letter needs beyond the case file (the mediation choice is asked).
EXTRAS = {"mediation_adviser": {"mediation": {"wants_mediation": False}}}


def advocate_request():
    """The request filled in by an advocate for the parent (CASE_FORMAT.md version 2)."""
    case = copy.deepcopy(fixture("case_sam"))
    case["represents"] = {"name": "Grace Okafor", "relationship": "parent"}
    case["applicant"] = {
        "name": "Alex Reed",
        "relationship": "advocate",
        "address": ["1 High Street", "Bristol", "BS1 2AB"],
    }
    return case


def words(text):
    return set(re.findall(r"\w+", text))


@pytest.mark.parametrize(("kind", "name", "make"), ROWS, ids=[f"{k}-{n}" for k, n, _ in ROWS])
def test_pdf_and_docx_say_the_same_for_two_cases(kind, name, make):
    case = make() if make else fixture(name)
    today = date(2027, 2, 5) if kind == "draft_plan_representations" else date(2026, 11, 23)
    extras = EXTRAS.get(kind)
    pdf = pdf_text(
        letter_render(kind=kind, case_file=case, fmt="pdf", today=today, extras=extras).content
    )
    docx = docx_text(
        letter_render(kind=kind, case_file=case, fmt="docx", today=today, extras=extras).content
    )
    child = case["child"]["first_name"]
    for text in (pdf, docx):
        assert child in text
        for leak in LEAKS:
            assert leak not in text
    # Only the PDF's "Page 1 of 2" footer differs (DOCX numbers pages in a field).
    assert "Page" in words(pdf) - words(docx) <= {"Page", "of"}
    assert words(docx) - words(pdf) == set()
