"""The plan-life letters (issue 14), each from a parent's case and a young person's own, read
back from the real PDF and DOCX; and the appeal documents for a refusal to amend and for
ceasing a plan."""

from __future__ import annotations

import copy
import json
import re
from datetime import date
from pathlib import Path

import pytest

from letters.context import MissingCaseData
from letters.plan_life_letters import (
    build_amendment_representations,
    build_cease_response,
    build_review_contribution,
)
from letters.services import letter_render
from tests.letters.docx_text import docx_text
from tests.letters.pdf_text import pdf_text

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
TODAY = date(2026, 10, 25)
LEAKS = ("{{", "}}", "{%", "None", "&lt;", "&amp;")


def fixture(name: str) -> dict:
    return json.loads((FIXTURES / f"{name}.json").read_text())


def parent_case() -> dict:
    """Sam's plan, reviewed on 1 October 2026, with proposed changes sent on 20 October, and a
    proposal to cease it (the family's letters are tested from one case each)."""
    case = fixture("case_annual_review")
    case["events"].append({"type": "cease_considered", "date": "2026-10-21"})
    return case


def young_person_case() -> dict:
    """Jordan (born 10 April 2006, so 20), writing for themselves."""
    case = fixture("case_cease_young_person")
    case["events"] = [
        {"type": "final_plan_issued", "date": "2024-09-01"},
        {"type": "annual_review_meeting", "date": "2025-07-01"},
        {"type": "amendment_proposal_issued", "date": "2026-10-20"},
        {"type": "cease_considered", "date": "2026-10-21"},
    ]
    case.pop("decision")
    case["plan"] = {"sections": {"F": "Jordan may benefit from mentoring at times."}}
    return case


def advocate_case() -> dict:
    case = copy.deepcopy(parent_case())
    case["represents"] = {"name": "Grace Okafor", "relationship": "parent"}
    case["applicant"] = {
        "name": "Alex Reed",
        "relationship": "advocate",
        "address": ["1 High Street", "Bristol", "BS1 2AB"],
    }
    return case


EXTRAS = {
    "review": {
        "meeting_date": "2026-11-10",
        "gone_well": "Gone well: new friends.",
        "outcomes": [{"outcome": "Travel to college alone.", "on_track": "no"}],
        "provision_delivered": "Mentoring happened twice all year.",
        "changes": {"F": "Weekly mentoring from a trained mentor."},
    },
    "amendments_wanted": "Keep the travel training.",
    "reason_responses": [
        {"reason": "The outcomes in the plan have been achieved.", "response": "Not travel."}
    ],
    "cease": {
        "stage": "considered",
        "reasons": ["The outcomes in the plan have been achieved."],
        "outcomes_said": "achieved",
    },
}

KINDS = ("review_contribution", "amendment_representations", "cease_response")
CASES = {"parent": parent_case, "young_person": young_person_case, "advocate": advocate_case}


def read_back(kind: str, case: dict) -> list[str]:
    texts = []
    for fmt, reader in (("pdf", pdf_text), ("docx", docx_text)):
        content = letter_render(
            kind=kind, case_file=case, fmt=fmt, today=TODAY, extras=EXTRAS
        ).content
        # PDF text extraction can split "s.45(4)" at its full stop: join it again.
        text = re.sub(r"\s+", " ", reader(content))
        texts.append(re.sub(r"\b(s|r|reg)\. (\d)", r"\1.\2", text))
    return texts


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("who", list(CASES))
def test_each_letter_reads_back_from_pdf_and_docx(kind, who):
    for text in read_back(kind, CASES[who]()):
        assert not any(leak in text for leak in LEAKS), text
        if who == "young_person":
            assert "I am writing for myself, as a young person." in text
            assert "my child" not in text.lower() and "Jordan's" not in text
        elif who == "advocate":
            assert "I am writing as the representative of Grace Okafor, Sam's parent." in text
        else:
            assert "I am Sam's parent." in text


def test_review_contribution_says_what_the_family_said_and_the_law():
    for text in read_back("review_contribution", parent_case()):
        assert "My contribution to Sam's annual review" in text
        assert "for the review meeting on 10 November 2026" in text
        # The last review was on 1 October 2026: the next is due the day before the anniversary.
        assert "The last review meeting was on 1 October 2026" in text
        assert "Thursday 30 September 2027" in text
        assert "Travel to college alone: not on track." in text
        assert "Mentoring happened twice all year." in text
        assert "(SEND Regulations 2014, reg 20(10))" in text
    young = read_back("review_contribution", young_person_case())[1]
    assert "My contribution to my annual review" in young


def test_amendment_representations_dates_and_school():
    for text in read_back("amendment_representations", parent_case()):
        # Sent 20 October 2026: 15 days beginning with that day end on 3 November.
        assert "that is until Tuesday 3 November 2026" in text
        assert "(SEND Regulations 2014, reg 22(2)(c))" in text
        assert "That is by Tuesday 15 December 2026." in text  # 8 weeks (reg 22(3))
        assert "I ask you to name Oakfield Academy" in text
        assert "s.39(3) and (4)" in text
        assert "Keep the travel training." in text
        assert "I am sorry that these comments reach you after that day" not in text


def test_an_independent_school_off_the_s41_list_is_argued_under_s9():
    case = parent_case()
    case["plan"]["preferred_setting_kind"] = "independent_other"
    letter = build_amendment_representations(case, today=TODAY, extras={})
    assert letter.school_law.citation == "Education Act 1996, s.9"


def test_cease_response_at_19_states_code_9_200_and_what_the_council_said():
    for text in read_back("cease_response", young_person_case()):
        assert "(SEND Code of Practice 2015, para 9.200)" in text
        assert "Your letter says that my education or training outcomes have been achieved." in (
            text
        )
        assert "must continue to maintain it until the appeal is decided" in text
        assert "Not travel." in text


def test_cease_response_for_a_child_has_no_age_19_law():
    letter = build_cease_response(parent_case(), today=TODAY, extras=EXTRAS)
    assert letter.outcomes_law is None and letter.outcomes_said == ""
    assert letter.maintain_law.citation.startswith("Children and Families Act 2014, s.45(4)")


@pytest.mark.parametrize(
    ("builder", "missing"),
    [
        (build_review_contribution, "final_plan_issued or annual_review_meeting"),
        (build_amendment_representations, "amendment_proposal_issued"),
        (build_cease_response, "cease_considered"),
    ],
)
def test_each_letter_refuses_without_its_event(builder, missing, case_file):
    with pytest.raises(MissingCaseData, match=missing):
        builder(case_file, today=TODAY, extras={})


# -- the appeal documents for the decisions on a plan already in place ---------------------


def refusal_to_amend_case() -> dict:
    case = parent_case()
    case["events"].append({"type": "decision_not_to_amend", "date": "2026-10-20"})
    case["decision"] = {
        "kind": "refusal_to_amend",
        "date": "2026-10-20",
        "reasons_given": ["The plan still meets Sam's needs"],
    }
    return case


@pytest.mark.parametrize("kind", ["appeal_reasons", "evidence_index", "appeal_checklist"])
def test_appeal_documents_for_a_refusal_to_amend(kind):
    for text in read_back(kind, refusal_to_amend_case()):
        assert "Sam" in text
        if kind == "appeal_reasons":
            assert "not to amend Sam's EHC plan after a review" in text
            assert "Right of appeal: section 51(2)(e) of the Children and Families Act 2014." in (
                text
            )
            # 20 October 2026 + 2 months = Sunday 20 December 2026 → Monday 21 December.
            assert "5pm on Monday 21 December 2026" in text
            assert "What the plan must contain" in text
        if kind == "evidence_index":
            assert "Current EHC plan, with all its appendices" in text


@pytest.mark.parametrize("kind", ["appeal_reasons", "evidence_index", "appeal_checklist"])
def test_appeal_documents_for_ceasing_a_young_persons_plan(kind):
    case = fixture("case_cease_young_person")
    extras = {"cease": {"outcomes_said": "not_said"}}
    for fmt, reader in (("pdf", pdf_text), ("docx", docx_text)):
        content = letter_render(
            kind=kind, case_file=case, fmt=fmt, today=date(2026, 11, 20), extras=extras
        ).content
        text = re.sub(r"\b(s|r|reg)\. (\d)", r"\1.\2", re.sub(r"\s+", " ", reader(content)))
        assert "my child" not in text.lower()
        if kind == "appeal_reasons":
            assert "to stop maintaining my EHC plan" in text
            assert "section 51(2)(f)" in text
            assert "must continue to maintain it until the appeal is decided" in text
            assert "(SEND Code of Practice 2015, para 9.200)" in text
            assert "The council has not said whether my education or training outcomes" in text
        if kind == "appeal_checklist":
            assert "SEND35" in text and "SEND35a" not in text
