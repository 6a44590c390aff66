"""The phase transfer and re-assessment letters (issue 14), read back from the real PDF and
DOCX: a parent, a young person writing for themselves (first person, never "my child"), and
an advocate (the representative, naming whose rights these are)."""

from __future__ import annotations

import copy
import json
import re
from datetime import date
from pathlib import Path

import pytest

from letters.context import MissingCaseData
from letters.services import letter_render
from tests.letters.docx_text import docx_text
from tests.letters.pdf_text import pdf_text

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
TODAY = date(2026, 11, 23)
EXTRAS = {
    "transfer": {"why": "Small classes, and a speech and language therapist on site."},
    "reassessment": {
        "changes": {
            "needs": "Panic attacks most days since the summer.",
            "diagnoses": "Anxiety disorder, diagnosed in September.",
        }
    },
}


def fixture(name: str) -> dict:
    return copy.deepcopy(json.loads((FIXTURES / f"{name}.json").read_text()))


def advocate(case: dict) -> dict:
    case["represents"] = {"name": case["applicant"]["name"], "relationship": "parent"}
    case["applicant"] = {
        "name": "Alex Reed",
        "relationship": "advocate",
        "address": ["1 High Street", "Bristol", "BS1 2AA"],
    }
    return case


def texts(kind: str, case: dict, *, today: date = TODAY, extras=EXTRAS) -> dict[str, str]:
    """The letter's words from its PDF and from its DOCX, spaces made single."""
    read = {"pdf": pdf_text, "docx": docx_text}
    found = {}
    for fmt, reader in read.items():
        letter = letter_render(kind=kind, case_file=case, fmt=fmt, today=today, extras=extras)
        found[fmt] = " ".join(reader(letter.content).split())
    return found


def both(found: dict[str, str], *phrases: str) -> None:
    for fmt, text in found.items():
        # A PDF may break a line inside a citation ("s. 39"): compare without that space.
        flat = re.sub(r"s\. (\d)", r"s.\1", text)
        for phrase in phrases:
            assert phrase in flat, f"{fmt}: {phrase!r} not in {flat[:400]}"


class PhaseTransferRequestTests:
    def test_a_parent_asks_for_the_academy_before_14_february(self):
        found = texts("phase_transfer_request", fixture("case_transfer"))
        both(
            found,
            "Request to name a school or college for the move",
            "I am Sam's parent. Sam is moving to a new school in September 2027.",
            "I ask you to name Oakfield Academy in section I of Sam's EHC plan",
            "(SEND Regulations 2014, reg 18(1)(b))",
            "must be finished by Sunday 14 February 2027 (the regulation says \u201cbefore 15 "
            "February\u201d, so that is the last day)",
            "Please do it well before then",
            "(Children and Families Act 2014, s.39(3) and (4))",
            "Please consult Oakfield Academy now",
            "Small classes, and a speech and language therapist on site.",
        )

    def test_a_move_to_post16_is_due_30_march(self):
        case = fixture("case_transfer")
        case["events"][-1]["transfer"] = "post16"
        both(
            texts("phase_transfer_request", case),
            "must be finished by Tuesday 30 March 2027",
            "\u201cbefore 31 March\u201d",
            "reg 18(1)(a)",
            "to a college or other post-16 place in September 2027",
        )

    def test_an_independent_school_not_on_the_list_is_argued_under_section_9(self):
        case = fixture("case_transfer")
        case["plan"]["preferred_setting_kind"] = "independent_other"
        found = texts("phase_transfer_request", case)
        both(found, "Education Act 1996, s.9")
        for text in found.values():
            assert "s.39(3)" not in text and "Please consult" not in text

    def test_a_young_person_writes_in_the_first_person(self):
        found = texts("phase_transfer_request", fixture("case_young_person_reassess"))
        both(
            found,
            "Young person: Priya Shah",
            "I am writing for myself, as a young person.",
            "I am moving to a new college or other post-16 place on 6 September 2027.",
            "in section I of my EHC plan",
            "at least 5 months before the move (SEND Regulations 2014, reg 18(2))",
            "must be finished by Tuesday 6 April 2027",
            "Why it suits me",
        )
        for text in found.values():
            assert "my child" not in text.lower()
            assert "the regulation says" not in text  # reg 18(2) says "at least", not "before"

    def test_an_advocate_is_the_representative(self):
        found = texts("phase_transfer_request", advocate(fixture("case_transfer")))
        both(
            found,
            "I am writing as the representative of Grace Okafor, Sam's parent.",
            "Grace Okafor asks you to name Oakfield Academy",
            "so that Grace Okafor has time to read the amended plan",
        )

    def test_a_late_plan_is_asked_for_now(self):
        found = texts("phase_transfer_request", fixture("case_transfer"), today=date(2027, 2, 15))
        both(found, "That date has passed", "Please send it now.")

    def test_it_needs_the_move_and_the_setting(self):
        case = fixture("case_transfer")
        case["events"] = []
        del case["plan"]
        with pytest.raises(MissingCaseData, match=r"phase_transfer_year.*plan\.preferred_setting"):
            letter_render(kind="phase_transfer_request", case_file=case, fmt="html", today=TODAY)


class ReassessmentRequestTests:
    def parent_case(self) -> dict:
        case = fixture("case_refusal_assess")
        case["format"] = "ehcp-case/2"
        case.pop("decision", None)
        return case

    def test_a_parent_says_what_has_changed(self):
        found = texts("reassessment_request", self.parent_case())
        name = self.parent_case()["child"]["first_name"]
        both(
            found,
            "Request for a re-assessment",
            f"re-assess {name}'s education, health and care needs, because they have changed "
            "since the last assessment.",
            "(Children and Families Act 2014, s.44(2))",
            f"{name}'s needs",
            "Panic attacks most days since the summer.",
            "New diagnoses",
            "Anxiety disorder, diagnosed in September.",
            "within 15 days of receiving the request",
            "(SEND Regulations 2014, reg 25(1))",
        )

    def test_a_young_person_writes_in_the_first_person(self):
        found = texts("reassessment_request", fixture("case_young_person_reassess"))
        both(
            found,
            "I am writing for myself, as a young person.",
            "I ask you to re-assess my education, health and care needs",
            "My needs",
            "CAMHS letter, by Dr L Moss, clinical psychologist, dated 15 September 2026.",
        )
        for text in found.values():
            assert "my child" not in text.lower()

    def test_from_the_case_file_alone_it_names_no_change(self):
        found = texts("reassessment_request", fixture("case_young_person_reassess"), extras=None)
        for text in found.values():
            assert "because they have changed" not in text
            assert "What has changed" not in text
        both(found, "Evidence enclosed", "CAMHS letter")

    def test_with_nothing_changed_and_no_evidence_it_is_refused(self):
        case = fixture("case_transfer")
        with pytest.raises(MissingCaseData, match="what has changed"):
            letter_render(kind="reassessment_request", case_file=case, fmt="html", today=TODAY)
