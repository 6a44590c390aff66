"""Page breaks in the real PDF (issue 10, finding 12): a heading never ends a page, and the
sign-off never stands alone on a page (it stays with the letter's last paragraph)."""

from __future__ import annotations

import json
import re
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

import pytest

from letters.context import MissingCaseData
from letters.registry import LetterKind, letter_spec
from letters.services import letter_render
from tests.letters.pdf_text import pdf_reader

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
# Long enough answers that every letter runs over a page.
LONG = "She needs help with this every day, and the school has said so in writing. " * 12
EXTRAS = {
    "reason_responses": [{"reason": "needs can be met from SEN support", "response": LONG}],
    "what_changed": LONG,
    "outcome_sought": LONG,
    "mediation": {"wants_mediation": False},
    "appeal": {"grounds": [LONG, LONG]},
    "transfer": {"why": LONG},
    "reassessment": {"changes": {"needs": LONG, "setting": LONG, "advice": LONG}},
    # The enforcement letters (issue 15).
    "enforce": {
        "since": "2026-09-01",
        "start_by": "2027-02-01",
        "compensatory": LONG,
        "icb_name": "NHS Bristol Integrated Care Board",
        "response_said": LONG,
        "information_sought": LONG,
        "agreement_date": "2026-11-02",
        "agreement_requires": "make_plan",
        "agreement_text": LONG,
    },
    # Issue 16: the witness statement page's and the "ask for more pages" page's answers.
    "witness_statement": {
        "name": "Grace Okafor",
        "relationship": "her mother",
        "sections": {
            "about": LONG,
            "needs": "\n".join([LONG] * 3),
            "support": "\n".join([LONG] * 2),
            "outcome": LONG,
        },
    },
    # The decision-letter check kept for case_refusal_assess's decision (issue 16 item 5):
    # everything it can miss, so the complaint runs over a page.
    "decision_letter": {
        "kind": "refusal_to_assess",
        "date": "2026-02-20",
        "missing": [
            "reasons",
            "right_of_appeal",
            "appeal_time_limit",
            "mediation_right",
            "mediation_certificate",
            "mediation_adviser_contact",
            "mediation_timescale",
            "disagreement_resolution",
            "information_advice",
        ],
    },
    "send7": {
        "pages": 160,
        "documents": [
            {
                "title": f"Report {n}",
                "author": "Dr A Patel",
                "date": f"2026-0{n}-01",
                "pages": 20,
                "why": LONG if n % 2 else "",
            }
            for n in range(1, 9)
        ],
    },
}
FOOTER = re.compile(r"^(Page \d+ of \d+|[•◦▪]\s*)$")


class _Headings(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.inside = False
        self.found: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in ("h2", "h3", "h4"):
            self.inside, self.found = True, [*self.found, ""]

    def handle_endtag(self, tag):
        if tag in ("h2", "h3", "h4"):
            self.inside = False

    def handle_data(self, data):
        if self.inside:
            self.found[-1] += data


def headings(html: str) -> set[str]:
    parser = _Headings()
    parser.feed(html)
    return {" ".join(h.split()) for h in parser.found if h.strip()}


def page_lines(content: bytes) -> list[list[str]]:
    pages = []
    for page in pdf_reader(content).pages:
        lines = [" ".join(line.split()) for line in page.extract_text().splitlines()]
        pages.append([line for line in lines if line and not FOOTER.match(line)])
    return pages


def long_case(case: str) -> dict:
    case_file = json.loads((FIXTURES / f"{case}.json").read_text())
    case_file["notes"] = LONG
    for need in case_file.get("needs", []):
        need["impact"] = LONG
    return case_file


def letter_day(kind: str) -> date:
    return date(2027, 2, 8) if kind == "draft_plan_representations" else date(2027, 1, 20)


def applies(kind: LetterKind, case: str) -> bool:
    try:
        letter_spec(kind).build_context(long_case(case), today=letter_day(kind), extras=EXTRAS)
    except MissingCaseData:
        return False
    return True


# Every letter kind with every fixture it can be written from (the pure builder decides).
ROWS = [
    (kind.value, case)
    for kind in LetterKind
    for case in (
        "case_sam",
        "case_refusal_assess",
        "case_appeal_plan",
        "case_plan_draft",
        "case_transfer",
        "case_young_person_reassess",
        "case_annual_review",
        "case_cease_young_person",
        "case_provision",
    )
    if applies(kind, case)
]


@pytest.mark.parametrize(("kind", "case"), ROWS, ids=[f"{k}-{c}" for k, c in ROWS])
def test_no_heading_ends_a_page_and_the_sign_off_is_never_alone(kind, case):
    case_file, today = long_case(case), letter_day(kind)
    html = letter_render(
        kind=kind, case_file=case_file, fmt="html", today=today, extras=EXTRAS
    ).content.decode()
    pdf = letter_render(
        kind=kind, case_file=case_file, fmt="pdf", today=today, extras=EXTRAS
    ).content
    titles = headings(html)
    pages = page_lines(pdf)
    for number, lines in enumerate(pages[:-1], start=1):
        assert lines, f"page {number} is empty"
        assert lines[-1] not in titles, f"page {number} ends with the heading {lines[-1]!r}"
    for number, lines in enumerate(pages, start=1):
        if lines and lines[0] == "Yours faithfully,":
            pytest.fail(f"page {number} starts with the sign-off, apart from the letter")


def test_every_letter_kind_is_checked_with_some_case():
    assert {kind for kind, _ in ROWS} == {kind.value for kind in LetterKind}
