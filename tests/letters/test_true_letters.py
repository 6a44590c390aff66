"""Letters say only what is true (issue 10): each finding rendered to the real PDF (and, for
at least one letter per finding, the DOCX) and read back.

The law each sentence states comes from journeys/rules/law.py; these tests check both that
it appears where it applies and that it does not appear where it does not.
"""

from __future__ import annotations

import copy
import json
from datetime import date
from pathlib import Path

import pytest

from letters.context import MissingCaseData
from letters.services import letter_render
from tests.letters.docx_text import docx_text
from tests.letters.pdf_text import pdf_text

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
TODAY = date(2026, 11, 23)


def fixture(name: str) -> dict:
    return json.loads((FIXTURES / f"{name}.json").read_text())


def pdf(kind: str, case: dict, *, today: date = TODAY, extras: dict | None = None) -> str:
    return pdf_text(
        letter_render(kind=kind, case_file=case, fmt="pdf", today=today, extras=extras).content
    )


def docx(kind: str, case: dict, *, today: date = TODAY, extras: dict | None = None) -> str:
    return docx_text(
        letter_render(kind=kind, case_file=case, fmt="docx", today=today, extras=extras).content
    )


def as_advocate(case: dict) -> dict:
    """The same case, filled in by an advocate acting for the parent (CASE_FORMAT v2)."""
    case = copy.deepcopy(case)
    parent = case["applicant"]
    case["format"] = "ehcp-case/2"
    case["represents"] = {
        "name": parent["name"],
        "relationship": "parent",
        "address": parent.get("address", []),
        "email": parent.get("email", ""),
    }
    case["applicant"] = {
        "name": "Alex Reed",
        "relationship": "advocate",
        "address": ["SEND Advice Line", "1 High Street", "Bristol", "BS1 2AB"],
        "email": "alex@example.org",
    }
    return case


class WhoAppealsTests:
    """Finding 4: only the parent or young person asks or appeals; an advocate represents."""

    def test_the_request_names_the_parent_as_the_one_asking(self):
        case = as_advocate(fixture("case_sam"))
        for text in (pdf("request_assessment", case), docx("request_assessment", case)):
            assert "I am writing as the representative of Grace Okafor, Sam's parent" in text
            assert "Grace Okafor asks Bristol City Council to carry out" in text
            assert "please tell Grace Okafor and me in writing" in text
            assert "I am writing as an advocate for" not in text
            assert "Alex Reed" in text  # the writer signs

    def test_an_advocate_without_represents_is_refused_naming_it(self):
        case = as_advocate(fixture("case_sam"))
        del case["represents"]
        with pytest.raises(MissingCaseData, match="represents"):
            pdf("request_assessment", case)


class NothingTheFamilyDidNotSayTests:
    """Finding 5 (request letter): no volunteered school view."""

    def test_the_request_no_longer_says_the_school_does_not_support_it(self):
        case = fixture("case_sam")
        case["school_view"] = "does_not_support"
        text = pdf("request_assessment", case)
        assert "does not support" not in text
        assert "school supports this request" not in text

    def test_a_school_that_supports_it_is_said(self):
        case = fixture("case_sam")
        case["school_view"] = "supports"
        assert "Sam's school supports this request." in pdf("request_assessment", case)


class NoSchoolPlaceTests:
    """Finding 11: a child with no school place is not argued about a school's resources."""

    @pytest.mark.parametrize("kind", ["home_educated", "none"])
    def test_the_request_for_a_child_without_a_place(self, kind):
        case = fixture("case_sam")
        case["child"]["setting"] = {"kind": kind}
        case["child"].pop("year_group", None)
        case["school_view"] = "supports"
        case["support_tried"] = [
            {"description": "Weekly tutoring at home", "since": "2026-01-05", "outcome": ""}
        ]
        text = pdf("request_assessment", case)
        assert "resources ordinarily available" not in text
        assert "school supports this request" not in text
        assert "What he receives now:" in text
        assert "Weekly tutoring at home (since 5 January 2026)." in text
        assert "SEND Code of Practice 2015, chapter 10" in text
        assert "The support already given has not been enough" not in text

    def test_a_child_in_school_is_still_argued_on_the_schools_resources(self):
        text = pdf("request_assessment", fixture("case_sam"))
        assert "resources ordinarily available" in text
        assert "chapter 10" not in text
