"""The rendered text of every letter for every fixture, pinned: the oracle for refactoring.

Each letter kind is rendered from each case in tests/fixtures (and from each with the extras a
journey would add) and its text compared with tests/letters/golden/<kind>--<case>.txt. A
change to any letter's words shows here as a diff to read. To accept a deliberate change,
run `UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/letters/test_golden.py` and read the
diff of tests/letters/golden/ before committing it.
"""

from __future__ import annotations

import json
import os
import re
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

import pytest

from letters.context import MissingCaseData
from letters.registry import LetterKind
from letters.services import letter_render

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
GOLDEN = Path(__file__).resolve().parent / "golden"
TODAY = date(2026, 11, 23)

# What the journeys add beyond the case file, for the "+extras" rows.
EXTRAS = {
    "reason_responses": [
        {
            "reason": "needs can be met from SEN support",
            "response": "Two years of SEN support have not helped him to read.",
        }
    ],
    "what_changed": "A new speech and language therapy report.",
    "outcome_sought": "An assessment now.",
    "plan_fixes": [
        {
            "section": "F",
            "original": "Access to speech and language therapy as needed.",
            "flags": ["vague:access to", "no_frequency"],
            "proposed": "A speech and language therapist will deliver 1:1 therapy weekly.",
        }
    ],
    # The working document page (issue 16): the document that supports each sentence, the
    # wording sought for section I, and the latest pack's index (its first pages).
    "working_document": {
        "evidence": {"Access to speech and language therapy as needed.": "SALT report"},
        "section_i": "Oakfield School, a maintained special school.",
    },
    "evidence_pack": {"documents": [{"title": "SALT report", "first_page": 4, "last_page": 9}]},
    "meeting_requested": True,
    "mediation": {"wants_mediation": True, "issues": ["Whether he needs a plan."]},
    "appeal": {"grounds": ["The council ignored the EP report."], "health_or_care": False},
    # Issue 14: the phase transfer and re-assessment journeys' answers.
    "transfer": {"why": "Small classes, and a speech and language therapist on site."},
    "reassessment": {
        "changes": {
            "needs": "Panic attacks most days since the summer.",
            "advice": "CAMHS now recommend weekly therapy.",
        }
    },
    # The plan-life journeys (issue 14).
    "review": {
        "meeting_date": "2026-10-01",
        "meeting_held": False,
        "gone_well": "He has made two friends and enjoys reading with an adult.",
        "not_gone_well": "Speech and language therapy stopped in March.",
        "outcomes": [
            {"outcome": "Sam will follow two-step instructions.", "on_track": "partly"},
            {
                "outcome": "Sam will read a short book on his own.",
                "on_track": "no",
                "comment": "No reading support since March.",
            },
        ],
        "provision_delivered": "4 of the 12 therapy sessions took place.",
        "changes": {"F": "Weekly therapy from a qualified speech and language therapist."},
    },
    "amendments_wanted": "Keep the 1:1 support at lunchtime, which the proposal removes.",
    "cease": {
        "stage": "considered",
        "reasons": ["The outcomes in the plan have been achieved."],
        "outcomes_said": "achieved",
    },
    # The child's voice and preparing for adulthood (issue 14), as the voice pages keep them.
    "child_voice": {
        "source": "as_heard",
        "views": "I like drawing. School is too loud.",
        "strengths": "Kind, funny, and brilliant with animals.",
        "hopes": "To work with animals one day.",
    },
    "adulthood": {"employment": "A course at the land-based college."},
    # The enforcement journeys (issue 15): a complaint about sections F, G and H since the
    # start of the school year, and a mediation agreement to amend the plan.
    "enforce": {
        "sections": ["F", "G", "H"],
        "since": "2026-09-01",
        "start_by": "2026-12-07",
        "compensatory": "Six extra therapy sessions before Easter.",
        "icb_name": "NHS Bristol Integrated Care Board",
        "complaint_reference": "CMP-1234",
        "adr": True,
        "agreement_date": "2026-09-01",
        "agreement_requires": "amend_plan",
        "agreement_text": "The council will add weekly occupational therapy to section F.",
    },
    # Issue 16: the witness statement page and the evidence pack's "ask for more pages" page.
    "witness_statement": {
        "name": "Grace Okafor",
        "relationship": "the child's mother",
        "appeal_number": "EH123/26/00045",
        "sections": {
            "about": "I have looked after my child every day since birth.",
            "needs": "Reading is very hard.\n\nNoise in the classroom leads to meltdowns.",
            "outcome": "A plan with weekly speech and language therapy.",
        },
    },
    # The decision-letter check kept for case_appeal_refusal's decision (issue 16 item 5): its
    # appeal is in time, so only the complaint about the letter reads it.
    "decision_letter": {
        "kind": "refusal_to_assess",
        "date": "2026-10-30",
        "missing": ["mediation_adviser_contact", "information_advice"],
    },
    "send7": {
        "pages": 112,
        "limit": 100,
        "documents": [
            {
                "title": "School report",
                "author": "Hillside Primary",
                "date": "2026-07-10",
                "pages": 12,
                "why": "",
            },
            {
                "title": "EP report",
                "author": "Dr A Patel",
                "date": "2026-03-02",
                "pages": 40,
                "why": "The only assessment of how my child learns.",
            },
        ],
    },
}


class _Text(HTMLParser):
    BLOCKS = frozenset({"p", "li", "h1", "h2", "h3", "h4", "address", "tr", "br", "div"})

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self.skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("style", "script", "title"):
            self.skip += 1
        if tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag in ("style", "script", "title"):
            self.skip -= 1

    def handle_data(self, data):
        if not self.skip:
            self.parts.append(data)


def letter_text(html: str) -> str:
    parser = _Text()
    parser.feed(html)
    lines = (re.sub(r"\s+", " ", line).strip() for line in "".join(parser.parts).split("\n"))
    return "\n".join(line for line in lines if line) + "\n"


CASES = sorted(path.stem for path in FIXTURES.glob("case_*.json"))
ROWS = [
    (kind.value, case, with_extras)
    for kind in LetterKind
    for case in CASES
    for with_extras in (False, True)
]


def render_text(kind: str, case: str, with_extras: bool) -> str:
    case_file = json.loads((FIXTURES / f"{case}.json").read_text())
    try:
        html = letter_render(
            kind=kind,
            case_file=case_file,
            fmt="html",
            today=TODAY,
            extras=EXTRAS if with_extras else None,
        ).content.decode()
    except MissingCaseData as missing:
        return f"REFUSED: {missing}\n"
    return letter_text(html)


@pytest.mark.parametrize(
    ("kind", "case", "with_extras"),
    ROWS,
    ids=[f"{k}--{c}{'+extras' if e else ''}" for k, c, e in ROWS],
)
def test_the_letter_says_what_the_golden_file_says(kind, case, with_extras):
    path = GOLDEN / f"{kind}--{case}{'+extras' if with_extras else ''}.txt"
    text = render_text(kind, case, with_extras)
    if os.environ.get("UPDATE_GOLDEN"):
        path.write_text(text)
    assert path.exists(), f"no golden file {path.name}: run with UPDATE_GOLDEN=1"
    assert text == path.read_text()


def test_every_golden_file_belongs_to_a_row():
    expected = {f"{k}--{c}{'+extras' if e else ''}.txt" for k, c, e in ROWS}
    assert {p.name for p in GOLDEN.glob("*.txt")} <= expected
