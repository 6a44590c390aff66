"""The witness statement and the request for more pages (form SEND7), read back from the real
PDF (pypdf) and Word document (python-docx) a family downloads."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import pytest
from docx.shared import Pt

from journeys.rules.law import Law, entry
from letters.context import MissingCaseData
from letters.services import letter_pdf_pages, letter_render
from letters.tribunal_documents import build_send7_request, build_witness_statement
from tests.letters.docx_text import docx_document
from tests.letters.pdf_text import pdf_reader, pdf_text

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
TODAY = date(2026, 11, 23)
TRUTH = "I believe that the facts stated in this witness statement are true."


@pytest.fixture
def appeal_case():
    return json.loads((FIXTURES / "case_appeal_plan.json").read_text())


def witness(**sections) -> dict:
    return {
        "witness_statement": {
            "name": "Anita Shah",
            "relationship": "Priya's mother",
            "appeal_number": "EH851/26/00012",
            "sections": sections
            or {
                "about": "I am Priya's mother and I have cared for her every day.",
                "needs": "Priya cannot read a page on her own.\n\nShe covers her ears in class.",
                "outcome": "Weekly speech and language therapy from a therapist.",
            },
        }
    }


def send7(**over) -> dict:
    answers = {
        "pages": 118,
        "limit": 100,
        "documents": [
            {
                "title": "School report",
                "author": "Hillside",
                "date": "2026-07-10",
                "pages": 12,
                "why": "",
            },
            {
                "title": "EP report",
                "author": "Dr A Patel",
                "date": "2026-03-02",
                "pages": 45,
                "why": "The only assessment of how Priya learns.",
            },
            {"title": "Undated note", "author": "", "date": "", "pages": None, "why": ""},
        ],
    }
    answers.update(over)
    return {"send7": answers}


def numbered(lines: list[str]) -> list[int]:
    return [int(m.group(1)) for line in lines if (m := re.match(r"(\d+)\. ", line))]


class WitnessStatementBuilderTests:
    def test_paragraphs_are_numbered_through_the_sections(self, appeal_case):
        letter = build_witness_statement(appeal_case, today=TODAY, extras=witness())
        numbers = [n for n, _ in letter.opening] + [
            n for section in letter.sections for n, _ in section.paragraphs
        ]
        assert numbers == [1, 2, 3, 4, 5, 6]
        assert [s.heading for s in letter.sections] == [
            "Who I am and how I know Priya",
            "What Priya finds hard, day to day",
            "What I ask the Tribunal for, and why",
        ]

    def test_it_opens_with_the_witness_the_child_and_the_appeal(self, appeal_case):
        letter = build_witness_statement(appeal_case, today=TODAY, extras=witness())
        assert letter.opening[0] == (1, "My name is Anita Shah. I am Priya's mother.")
        assert letter.opening[1][1] == (
            "I make this statement in the appeal about Priya Shah, born 14 September 2015, "
            "against the decision of Hampshire County Council (the contents of the plan, "
            "dated 3 June 2026)."
        )

    def test_an_appeal_without_a_decision_names_only_the_council(self, appeal_case):
        del appeal_case["decision"]
        letter = build_witness_statement(appeal_case, today=TODAY, extras=witness())
        assert letter.opening[1][1].endswith("against the decision of Hampshire County Council.")

    @pytest.mark.parametrize(
        ("extras", "missing"),
        [
            ({}, "witness_statement.name"),
            ({"witness_statement": {"name": "A", "relationship": "B"}}, "sections"),
            (
                {"witness_statement": {"name": " ", "relationship": "B", "sections": {"x": "y"}}},
                "witness_statement.name",
            ),
        ],
    )
    def test_without_the_witnesss_own_words_there_is_no_statement(
        self, appeal_case, extras, missing
    ):
        with pytest.raises(MissingCaseData, match=missing):
            build_witness_statement(appeal_case, today=TODAY, extras=extras)

    def test_the_statement_of_truth_is_the_law_entrys(self, appeal_case):
        letter = build_witness_statement(appeal_case, today=TODAY, extras=witness())
        assert letter.law_truth is entry(Law.WITNESS_STATEMENT_OF_TRUTH)


class WitnessStatementFileTests:
    def test_the_pdf_has_numbered_paragraphs_and_the_statement_of_truth(self, appeal_case):
        content = letter_render(
            kind="witness_statement", case_file=appeal_case, fmt="pdf", extras=witness()
        ).content
        text = pdf_text(content)
        for number in range(1, 7):
            assert f" {number}. " in f" {text}"
        assert "6. Weekly speech and language therapy from a therapist." in text
        assert TRUTH in text
        assert text.index("6. Weekly") < text.index(TRUTH)
        assert "Appeal number: EH851/26/00012" in text

    def test_every_word_of_the_pdf_is_at_least_12_point(self, appeal_case):
        content = letter_render(
            kind="witness_statement", case_file=appeal_case, fmt="pdf", extras=witness()
        ).content
        sizes = []

        def visit(text, cm, tm, font, size):
            if text.strip():
                scale = (tm[2] ** 2 + tm[3] ** 2) ** 0.5 * (cm[2] ** 2 + cm[3] ** 2) ** 0.5
                sizes.append(round(size * scale, 2))

        for page in pdf_reader(content).pages:
            page.extract_text(visitor_text=visit)
        assert sizes and min(sizes) >= 12
        assert sizes.count(12) > len(sizes) / 2  # the body is 12 point, not larger

    def test_the_word_document_is_12_point_with_numbered_paragraphs(self, appeal_case):
        content = letter_render(
            kind="witness_statement", case_file=appeal_case, fmt="docx", extras=witness()
        ).content
        document = docx_document(content)
        assert document.styles["Normal"].font.size == Pt(12)
        assert document.styles["Footer"].font.size == Pt(12)
        paragraphs = [p for p in document.paragraphs if p.text.strip()]
        for paragraph in paragraphs:
            size = paragraph.style.font.size or document.styles["Normal"].font.size
            assert size >= Pt(12), paragraph.text
            for run in paragraph.runs:
                assert run.font.size is None or run.font.size >= Pt(12), run.text
        lines = [p.text for p in paragraphs]
        assert numbered(lines) == [1, 2, 3, 4, 5, 6]
        assert TRUTH in lines

    def test_other_letters_stay_11_point(self, appeal_case):
        content = letter_render(kind="appeal_reasons", case_file=appeal_case, fmt="docx").content
        assert docx_document(content).styles["Normal"].font.size == Pt(11)

    def test_its_pages_are_counted_on_the_real_pdf(self, appeal_case):
        long = "\n".join(f"Line {n}: " + "Priya finds this very hard. " * 12 for n in range(160))
        assert (
            letter_pdf_pages(kind="witness_statement", case_file=appeal_case, extras=witness()) == 1
        )
        pages = letter_pdf_pages(
            kind="witness_statement", case_file=appeal_case, extras=witness(needs=long)
        )
        assert pages > 10


class MorePagesRequestTests:
    def test_the_documents_are_in_date_order_and_the_reasons_are_the_familys(self, appeal_case):
        letter = build_send7_request(appeal_case, today=TODAY, extras=send7())
        assert [d.title for d in letter.documents] == ["EP report", "School report", "Undated note"]
        assert [(d.title, d.why) for d in letter.reasons] == [
            ("EP report", "The only assessment of how Priya learns.")
        ]
        assert (letter.pages, letter.limit, letter.over_by) == (118, 100, 18)
        assert letter.law_more_pages is entry(Law.BUNDLE_MORE_PAGES)
        assert letter.law_limit is entry(Law.BUNDLE_EVIDENCE_HIGHER)

    @pytest.mark.parametrize(
        "extras",
        [
            {},
            {"send7": {"pages": 90, "documents": []}},  # within the limit: nothing to ask
            {"send7": {"pages": "118", "documents": []}},
            {"send7": {"pages": 118}},
        ],
    )
    def test_nothing_to_ask_no_request(self, appeal_case, extras):
        with pytest.raises(MissingCaseData, match="send7"):
            build_send7_request(appeal_case, today=TODAY, extras=extras)

    def test_no_reason_from_the_family_no_request(self, appeal_case):
        answers = send7()
        for document in answers["send7"]["documents"]:
            document["why"] = ""
        with pytest.raises(MissingCaseData, match="why"):
            build_send7_request(appeal_case, today=TODAY, extras=answers)

    def test_without_a_decision_there_is_no_limit_to_exceed(self, appeal_case):
        del appeal_case["decision"]
        with pytest.raises(MissingCaseData, match=r"decision\.kind"):
            build_send7_request(appeal_case, today=TODAY, extras=send7())

    def test_read_back_from_the_pdf_and_the_word_document(self, appeal_case):
        for fmt, read in (
            ("pdf", pdf_text),
            ("docx", lambda c: " ".join(p.text for p in docx_document(c).paragraphs)),
        ):
            content = letter_render(
                kind="send7_request", case_file=appeal_case, fmt=fmt, extras=send7()
            ).content
            text = read(content)
            assert (
                "I ask the Tribunal's permission to send 118 pages of evidence, 18 pages "
                "more than the limit of 100 pages." in text
            )
            assert entry(Law.BUNDLE_MORE_PAGES).cited in text
            assert "1. EP report, by Dr A Patel, dated 2 March 2026: 45 pages" in text
            assert "EP report (45 pages): The only assessment of how Priya learns." in text
