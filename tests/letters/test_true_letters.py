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


class PlanLettersTests:
    """Findings 3, 6, 8 and 10: the school's law by its kind, section B kept, amendments after
    a review, a personal budget, s.42(2), and a review statement that is only a suggestion."""

    def test_an_independent_school_not_on_the_s41_list_is_argued_under_s9(self):
        case = fixture("case_plan_draft")
        case["plan"]["preferred_setting_kind"] = "independent_other"
        for text in (
            pdf("draft_plan_representations", case, today=date(2027, 2, 8)),
            docx("draft_plan_representations", case, today=date(2027, 2, 8)),
        ):
            assert "(Education Act 1996, s.9)" in text
            assert "is not covered by section 39" in text
            assert "s.39(3)" not in text  # never argued under s.39

    def test_an_academy_is_argued_under_s39(self):
        case = fixture("case_appeal_plan")
        case["plan"]["preferred_setting_kind"] = "academy"
        text = pdf("appeal_reasons", case, today=date(2026, 7, 20))
        assert "(Children and Families Act 2014, s.39(3) and (4))" in text
        assert "Education Act 1996" not in text

    def test_section_b_is_answered_not_dropped(self):
        case = fixture("case_plan_draft")
        extras = {
            "plan_fixes": [
                {
                    "section": "B",
                    "original": "Sam has some difficulties with communication at times.",
                    "flags": ["vague_need"],
                    "proposed": "Sam cannot follow spoken instructions of more than two steps.",
                }
            ]
        }
        text = pdf("draft_plan_representations", case, today=date(2027, 2, 8), extras=extras)
        assert "Section B: special educational needs" in text
        assert "Sam has some difficulties with communication at times." in text
        assert "Sam cannot follow spoken instructions of more than two steps." in text

    def test_amended_draft_after_a_review_cites_reg_22(self):
        case = fixture("case_plan_draft")
        case["events"].insert(0, {"type": "annual_review_meeting", "date": "2027-01-10"})
        extras = {"meeting_requested": True, "personal_budget_requested": True}
        for text in (
            pdf("draft_plan_representations", case, today=date(2027, 2, 8), extras=extras),
            docx("draft_plan_representations", case, today=date(2027, 2, 8), extras=extras),
        ):
            assert "(SEND Regulations 2014, reg 22(2)(c))" in text
            assert "reg 13(1)" not in text  # no first-draft law, and no reg 13 meeting
            assert "proposed amendments" in text
            assert "(Children and Families Act 2014, s.49)" in text
            assert "I ask you to prepare a personal budget" in text
            assert "(Children and Families Act 2014, s.42(2))" in text

    def test_no_personal_budget_unless_asked(self):
        text = pdf("draft_plan_representations", fixture("case_plan_draft"), today=date(2027, 2, 8))
        assert "personal budget for" not in text

    def test_a_missing_review_statement_is_not_called_a_fault(self):
        extras = {
            "plan_fixes": [
                {
                    "section": "F",
                    "original": "A teaching assistant will read with Sam daily for 20 minutes.",
                    "flags": ["no_review", "no_qualification"],
                    "proposed": "",
                }
            ]
        }
        case = fixture("case_plan_draft")
        text = pdf("draft_plan_representations", case, today=date(2027, 2, 8), extras=extras)
        assert "training, qualification or experience" in text
        assert "how and when progress will be checked" not in text


class CommonReasonsTests:
    """Finding 9: a council's common reasons are answered with their own law, and the low
    threshold is said once per letter."""

    @pytest.mark.parametrize("kind", ["reconsideration_request", "appeal_reasons"])
    def test_health_matter_and_universal_offer(self, kind):
        case = fixture("case_refusal_assess" if kind != "appeal_reasons" else "case_appeal_refusal")
        case["decision"]["reasons_given"] = [
            "speech and language therapy is a health matter",
            "his needs can be met through the universal offer",
            "needs can be met from SEN support",
        ]
        extras = {"mediation": {"wants_mediation": False}}
        text = pdf(kind, case, today=date(2026, 11, 23), extras=extras)
        assert "s.21(5); SEND Code of Practice 2015, para 9.74)" in text
        assert "(Children and Families Act 2014, s.21(1) and (2))" in text
        assert text.count("This is a low threshold") == 1


class SmallTextTests:
    """Finding 12: the small faults a new user saw."""

    def test_the_decision_letter_is_not_by_the_council_from_the_council(self):
        text = pdf("appeal_reasons", fixture("case_appeal_refusal"), today=date(2026, 11, 20))
        assert "Decision letter from Leeds City Council, by Leeds City Council" not in text
        assert "Decision letter from Leeds City Council by Leeds City Council" not in text
        assert "Document 1: Decision letter, by Leeds City Council" in text

    def test_a_parents_own_notes_are_by_them_not_by_me(self):
        case = fixture("case_appeal_plan")
        for item in case["evidence"]:
            if item["kind"] == "parent_diary":
                item["author"] = "me"
        for kind in ("evidence_index", "appeal_reasons"):
            text = pdf(kind, case, today=date(2026, 7, 20))
            assert "Author: me" not in text and "by me," not in text
            assert "Anita Shah" in text

    def test_the_mediation_summary_never_cuts_evidence_mid_sentence(self):
        case = fixture("case_refusal_assess")
        long_point = (
            "The educational psychologist found that Oliver's working memory is below the second "
            "centile and that he needs daily structured support from a trained adult to learn"
        )
        case["evidence"][0]["key_points"] = long_point + ". More detail follows here."
        text = pdf("mediation_summary", case, today=date(2026, 3, 2))
        assert "\u2026" not in text
        assert long_point[:60] not in text  # too long for one line: left out, not cut

    def test_the_review_wording_is_a_sentence(self):
        from journeys.rules.wording import specific_wording

        wording = specific_wording(
            who="A teaching assistant",
            what="phonics",
            how_often="daily",
            how_long="20 minutes",
            reviewed="targets reviewed every half term",
        )
        assert "reviewed targets reviewed" not in wording
        assert wording.endswith("Targets will be reviewed every half term.")


class RefusalToReassessTests:
    """A version-2 refusal to re-assess is appealed under s.51(2)(d) (issue 14): its appeal
    documents are written, not refused, and cite the re-assessment duty."""

    def refused(self):
        case = fixture("case_appeal_refusal")
        case["format"] = "ehcp-case/2"
        case["decision"]["kind"] = "refusal_to_reassess"
        return case

    def test_the_reasons_for_appeal_state_the_re_assessment_test(self):
        text = pdf("appeal_reasons", self.refused()).replace("s. ", "s.")  # a PDF line break
        assert "Children and Families Act 2014, s.44(2)" in text
        assert "Children and Families Act 2014, s.51(2)(d)" in text
        assert "not to re-assess Rowan's education, health and care needs" in text
        assert "To order Leeds City Council to re-assess Rowan's education, health and" in text
        assert "s.36(8)" not in text  # the first assessment's test is not this appeal's

    def test_the_checklist_uses_send35_and_asks_for_the_certificate(self):
        text = pdf("appeal_checklist", self.refused())
        assert "SEND35" in text and "SEND35a" not in text
        assert "mediation certificate" in text

    def test_the_evidence_index_lists_the_plan_and_the_documents(self):
        text = pdf("evidence_index", self.refused())
        assert "1. Decision letter Author: Leeds City Council" in text
        assert "Current EHC plan, with all its appendices" in text


def test_a_child_with_no_place_and_no_support_listed_is_not_said_to_get_none():
    # Rule 1: the letter says where the child is, as the family said; it does not assume that
    # nobody is making special educational provision, nor argue beyond the law module.
    case = fixture("case_sam")
    case["child"]["setting"] = {"kind": "home_educated"}
    case["support_tried"] = []
    text = pdf("request_assessment", case)
    assert "Sam is home educated." in text
    assert "no school or setting has been making" not in text
    assert "nobody will find out" not in text


def test_an_advocate_never_claims_an_agreement_nobody_was_asked_about():
    case = as_advocate(fixture("case_sam"))
    text = pdf("request_assessment", case)
    assert "with their agreement" not in text
    assert "I am writing as the representative of Grace Okafor, Sam's parent." in text
