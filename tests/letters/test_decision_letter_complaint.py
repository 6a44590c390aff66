"""The complaint that the council's decision letter left out what the law requires (issue 16
item 5), read back from the real PDF (pypdf) and Word document (python-docx)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from journeys.rules.law import Law, entry
from letters.context import MissingCaseData
from letters.decision_letter_complaint import build_decision_letter_complaint
from letters.services import letter_render
from tests.letters.docx_text import docx_text
from tests.letters.pdf_text import pdf_text

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
TODAY = date(2026, 11, 23)
MEDIATION = [
    "mediation_right",
    "mediation_certificate",
    "mediation_adviser_contact",
    "mediation_timescale",
]


def fixture(name: str) -> dict:
    return json.loads((FIXTURES / f"{name}.json").read_text())


def kept(kind: str, day: str, missing: list[str]) -> dict:
    """The extras a letter gets once the family kept the check (case_letter_check_save)."""
    return {"decision_letter": {"kind": kind, "date": day, "missing": missing}}


def read_back(case: dict, extras: dict) -> dict[str, str]:
    """Each format's text without whitespace: a PDF line may break after "s." in a citation."""
    readers = {"pdf": pdf_text, "docx": docx_text}
    return {
        fmt: "".join(
            reader(
                letter_render(
                    kind="decision_letter_complaint",
                    case_file=case,
                    fmt=fmt,
                    today=TODAY,
                    extras=extras,
                ).content
            ).split()
        )
        for fmt, reader in readers.items()
    }


def says(sentence: str) -> str:
    return "".join(sentence.split())


def test_a_refusal_to_assess_without_the_mediation_information_or_sendiass():
    case = fixture("case_refusal_assess")
    extras = kept("refusal_to_assess", "2026-02-20", [*MEDIATION, "information_advice"])
    for fmt, text in read_back(case, extras).items():
        assert (
            says("Complaint: the decision letter did not include what the law requires") in text
        ), fmt
        assert says(case["local_authority"]["name"]) in text, fmt
        assert (
            says("your letter of 20 February 2026, giving your decision not to carry out") in text
        )
        assert says(entry(Law.REFUSAL_NOTICE_CONTENTS).cited) in text, fmt
        assert says(entry(Law.MEDIATION_NOTICE_INFORMATION).cited) in text, fmt
        assert (
            says(
                "The decision letter does not say that mediation can be asked for (Children and "
                "Families Act 2014, s.36(5); SEND Regulations 2014, reg 5(3); SEND Regulations "
                "2014, reg 32)."
            )
            in text
        ), fmt
        assert says("certificate is needed before appealing (Children") in text, fmt
        assert (
            says("support service (SENDIASS) (Children and Families Act 2014, s.36(5)") in text
        ), fmt
        # What the letter did say is not complained of.
        assert says("does not give the council's reasons") not in text, fmt
        assert (
            says("Please send me a corrected decision letter that includes this information.")
            in text
        )


def test_a_young_persons_own_complaint_about_a_cease_letter_without_the_right_of_appeal():
    case = fixture("case_cease_young_person")
    # "reasons" is not required of a cease decision (reg 31(3)), so it is never complained of.
    extras = kept("cease_to_maintain", case["decision"]["date"], ["right_of_appeal", "reasons"])
    for fmt, text in read_back(case, extras).items():
        assert says("I am writing for myself, as a young person.") in text, fmt
        assert says("giving your decision to stop maintaining my EHC plan.") in text, fmt
        assert says(entry(Law.CEASE_NOTICE_CONTENTS).cited) in text, fmt
        assert (
            says(
                "The decision letter does not say that the decision can be appealed to the "
                "First-tier Tribunal (Special Educational Needs and Disability) (SEND Regulations "
                "2014, reg 31(3))."
            )
            in text
        ), fmt
        assert says("reasons") not in text, fmt
        assert says("reg 32") not in text, fmt  # no mediation item is missing
        assert says("Please send me a corrected decision letter") in text, fmt


@pytest.mark.parametrize(
    ("extras", "why"),
    [
        ({}, "no check kept"),
        (kept("refusal_to_assess", "2026-01-02", ["reasons"]), "a check of an earlier letter"),
        (kept("cease_to_maintain", "2026-02-20", ["right_of_appeal"]), "another decision"),
        (kept("refusal_to_assess", "2026-02-20", []), "nothing missing"),
    ],
)
def test_without_a_kept_check_of_this_decision_it_names_what_it_needs(extras, why):
    with pytest.raises(MissingCaseData, match="the decision-letter check of this decision"):
        build_decision_letter_complaint(fixture("case_refusal_assess"), today=TODAY, extras=extras)


def test_without_a_decision_it_names_the_decision():
    with pytest.raises(MissingCaseData, match=r"decision\.kind, decision\.date"):
        build_decision_letter_complaint(fixture("case_sam"), today=TODAY, extras={})
