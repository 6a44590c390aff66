"""Every letter states only the law that applies (issue 10): a table over letter kind by
relationship by school kind, rendered to text and read for each law entry's citation.

What must never appear: s.39 argued for an independent school not on the s.41 list, s.9 of
the Education Act 1996 for a school s.38(3) lists, an exception where a duty has none, reg
10(1) before the council agreed to assess, a low threshold twice, and any citation the law
module does not hold.
"""

from __future__ import annotations

import copy
import itertools
import json
import re
from datetime import date
from pathlib import Path

import pytest

from journeys.rules import law
from journeys.rules.decision_letter import NOTICE_LAW, MissingItem, item_law, required_items
from journeys.rules.law import S38_3_KINDS, Law, SchoolKind
from letters.context import MissingCaseData
from letters.registry import LetterKind
from letters.services import letter_render
from tests.letters.test_golden import letter_text

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
TODAY = date(2026, 11, 23)
EXTRAS = {
    "mediation": {"wants_mediation": False},
    # The enforcement journeys' answers (issue 15).
    "enforce": {
        "since": "2026-09-01",
        "start_by": "2026-12-07",
        "icb_name": "NHS Bristol Integrated Care Board",
        "agreement_date": "2026-10-01",
        "agreement_requires": "amend_plan",
    },
    # Issue 16: what the witness statement page and the "ask for more pages" page keep.
    "witness_statement": {
        "name": "Grace Okafor",
        "relationship": "the child's mother",
        "sections": {"needs": "Reading is very hard."},
    },
    # The decision-letter check kept for case_cease_young_person's decision (issue 16 item 5).
    "decision_letter": {
        "kind": "cease_to_maintain",
        "date": "2026-11-02",
        "missing": ["right_of_appeal", "mediation_adviser_contact"],
    },
    "send7": {
        "pages": 130,
        "documents": [
            {"title": "EP report", "date": "2026-03-02", "pages": 45, "why": "The only one."}
        ],
    },
}
CASE_FOR = {
    LetterKind.REQUEST_ASSESSMENT: "case_sam",
    LetterKind.LA_MISSED_DEADLINE: "case_sam",
    LetterKind.RECONSIDERATION_REQUEST: "case_refusal_assess",
    LetterKind.MEDIATION_ADVISER: "case_refusal_plan",
    LetterKind.MEDIATION_SUMMARY: "case_refusal_plan",
    LetterKind.DRAFT_PLAN_REPRESENTATIONS: "case_plan_draft",
    LetterKind.APPEAL_REASONS: "case_appeal_plan",
    LetterKind.EVIDENCE_INDEX: "case_appeal_plan",
    LetterKind.APPEAL_CHECKLIST: "case_appeal_plan",
    LetterKind.PHASE_TRANSFER_REQUEST: "case_transfer",
    LetterKind.REASSESSMENT_REQUEST: "case_young_person_reassess",
    LetterKind.REVIEW_CONTRIBUTION: "case_annual_review",
    LetterKind.AMENDMENT_REPRESENTATIONS: "case_annual_review",
    LetterKind.CEASE_RESPONSE: "case_cease_young_person",
    LetterKind.PROVISION_COMPLAINT_COUNCIL: "case_provision",
    LetterKind.PROVISION_COMPLAINT_ICB: "case_provision",
    LetterKind.OMBUDSMAN_COMPLAINT: "case_provision",
    LetterKind.PRE_ACTION_LETTER: "case_provision",
    LetterKind.MEDIATION_AGREEMENT_CHASER: "case_provision",
    LetterKind.WORKING_DOCUMENT: "case_appeal_plan",
    LetterKind.WITNESS_STATEMENT: "case_appeal_plan",
    LetterKind.SEND7_REQUEST: "case_appeal_plan",
    LetterKind.DECISION_LETTER_COMPLAINT: "case_cease_young_person",
}
DAY_FOR = {
    LetterKind.LA_MISSED_DEADLINE: date(2027, 1, 4),
    LetterKind.DRAFT_PLAN_REPRESENTATIONS: date(2027, 2, 8),
}
RELATIONSHIPS = ("parent", "carer", "young_person", "advocate")
SCHOOLS = (None, *SchoolKind)
# Every citation a letter may print comes from an entry of the law module.
# Also the joined citations the decision-letter check gives a missing item (the notice's
# entry, and reg 32 for the mediation information), built from those entries by cite_all.
KNOWN = (
    {entry.citation for entry in law.ENTRIES}
    | {law.appeal_deadline_citation()}
    | {
        MissingItem(item, "", item_law(item, kind)).citation
        for kind in NOTICE_LAW
        for item in required_items(kind)
    }
)
CITATION = re.compile(
    r"\((?:Children and Families Act|SEND |Tribunal Procedure|Education Act)"
    r"[^()]*(?:\([^()]*\)[^()]*)*\)"
)


def render(kind: LetterKind, relationship: str, school: SchoolKind | None) -> str | None:
    case = copy.deepcopy(json.loads((FIXTURES / f"{CASE_FOR[kind]}.json").read_text()))
    case["format"] = "ehcp-case/2"
    if relationship == "advocate":
        case["represents"] = {"name": case["applicant"]["name"], "relationship": "parent"}
        case["applicant"] = {
            "name": "Alex Reed",
            "relationship": "advocate",
            "address": ["1 High Street", "Leeds", "LS1 1AA"],
        }
    elif relationship == "young_person":
        case["applicant"]["relationship"] = "young_person"
        case["child"]["date_of_birth"] = "2008-01-05"
    else:
        case["applicant"]["relationship"] = relationship
    if relationship != "young_person":
        # A fixture about a young person, written by a parent or carer (or an advocate for
        # one): they act with the young person's agreement (letters.parties: a letter that
        # exercises a right refuses without it). Unused for a child.
        case.setdefault("acting_for_young_person", "agreed")
    plan = case.setdefault("plan", {})
    plan.setdefault("preferred_setting", "Oakfield School")
    if school is not None:
        plan["preferred_setting_kind"] = school.value
    else:  # the kind is not known (a fixture may name one)
        plan.pop("preferred_setting_kind", None)
    try:
        html = letter_render(
            kind=kind.value,
            case_file=case,
            fmt="html",
            today=DAY_FOR.get(kind, TODAY),
            extras=EXTRAS,
        ).content.decode()
    except MissingCaseData:
        return None
    return " ".join(letter_text(html).split())


ROWS = list(itertools.product(LetterKind, RELATIONSHIPS, SCHOOLS))


@pytest.fixture(scope="module")
def texts():
    return {row: render(*row) for row in ROWS}


def test_every_letter_is_written_for_every_relationship(texts):
    for (kind, relationship, _school), text in texts.items():
        assert text is not None, f"{kind} for {relationship}"


def test_only_the_school_law_that_applies(texts):
    s39 = law.cite(Law.NAME_SCHOOL_S39)
    s9 = law.cite(Law.NAME_SCHOOL_S9)
    for (kind, relationship, school), text in texts.items():
        where = f"{kind} / {relationship} / {school}"
        if school is None:
            assert s39 not in text and s9 not in text, where
        elif school is SchoolKind.INDEPENDENT_OTHER:
            assert s39 not in text, where
        else:
            assert school in S38_3_KINDS
            assert s9 not in text, where
    for kind in (
        LetterKind.DRAFT_PLAN_REPRESENTATIONS,
        LetterKind.APPEAL_REASONS,
        LetterKind.PHASE_TRANSFER_REQUEST,
    ):
        assert s9 in texts[(kind, "parent", SchoolKind.INDEPENDENT_OTHER)]
        assert s39 in texts[(kind, "parent", SchoolKind.ACADEMY)]


def test_every_citation_is_one_the_law_module_holds(texts):
    for (kind, relationship, school), text in texts.items():
        for found in CITATION.findall(text):
            assert found[1:-1].rstrip(".") in KNOWN, f"{kind} / {relationship} / {school}: {found}"


def test_exceptions_only_for_the_duties_that_have_them(texts):
    for (kind, _relationship, _school), text in texts.items():
        if kind is not LetterKind.LA_MISSED_DEADLINE:
            assert "unless an exception applies" not in text
            assert "exceptional circumstances" not in text


def test_an_advocate_is_a_representative_never_the_appellant(texts):
    for (kind, relationship, school), text in texts.items():
        if relationship != "advocate":
            continue
        where = f"{kind} / {school}"
        assert "my right to appeal" not in text, where
        assert "I intend to appeal" not in text and "I am appealing" not in text, where
        if kind in (LetterKind.APPEAL_REASONS,):
            assert "Appeal by Anita Shah" in text and "represented by Alex Reed" in text, where


def test_the_low_threshold_is_stated_at_most_once(texts):
    for text in texts.values():
        assert text.count("This is a low threshold") <= 1


def test_no_reg_10_in_a_chaser_before_the_council_agreed_to_assess(texts):
    for (kind, _relationship, _school), text in texts.items():
        if kind is LetterKind.LA_MISSED_DEADLINE:
            assert "reg 10(1)" not in text and "reg 13(2)" not in text
