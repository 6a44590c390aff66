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
    # The plan-life letters (issue 14): a parent, and a young person (or an advocate).
    "review_contribution": [("case_annual_review", None), ("case_cease_young_person", None)],
    "amendment_representations": [("case_annual_review", None), ("yp", lambda: yp_proposal())],
    "cease_response": [("case_cease_young_person", None), ("parent", lambda: parent_cease())],
}
ROWS = [(kind, name, make) for kind, cases in CASES.items() for name, make in cases]
# The family's answers a letter needs beyond the case file (the mediation choice is asked).
EXTRAS = {"mediation_adviser": {"mediation": {"wants_mediation": False}}}


def yp_proposal():
    """Proposed changes to a young person's plan, answered by them."""
    case = copy.deepcopy(fixture("case_cease_young_person"))
    case["events"] = [{"type": "amendment_proposal_issued", "date": "2026-11-10"}]
    case.pop("decision")
    return case


def parent_cease():
    """A proposal to cease Sam's plan, answered by his parent."""
    case = copy.deepcopy(fixture("case_annual_review"))
    case["events"].append({"type": "cease_considered", "date": "2026-11-02"})
    case["decision"] = {
        "kind": "cease_to_maintain",
        "date": "2026-11-02",
        "reasons_given": ["Sam's needs can now be met without a plan"],
    }
    return case


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
    # ("Page 1 of 2": its numbers too, where the letter itself has no such number.)
    footer = {"Page", "of", *(str(n) for n in range(1, 10))}
    assert "Page" in words(pdf) - words(docx) <= footer
    assert words(docx) - words(pdf) == set()
