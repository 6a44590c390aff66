"""The working document, read back from the real files: the marks as Word runs (bold,
strike-through) and in the PDF, the evidence pages, the key and the page count."""

from __future__ import annotations

import io
from datetime import date

import pytest
from pypdf import PdfReader

from letters.context import MissingCaseData
from letters.services import letter_render
from letters.working_document import build_working_document, pack_pages
from tests.letters.docx_text import docx_document
from tests.letters.pdf_text import pdf_text

TODAY = date(2027, 2, 1)
SECTION_F = (
    "Sam will have access to speech and language therapy as needed. "
    "He will sit near the front of the class."
)
SOUGHT = "Sam will have 1:1 speech and language therapy for 30 minutes each week."
EXTRAS = {
    "plan_fixes": [
        {
            "section": "F",
            "original": "Sam will have access to speech and language therapy as needed.",
            "flags": ["vague:access to"],
            "proposed": SOUGHT,
        }
    ],
    "working_document": {
        "evidence": {
            "Sam will have access to speech and language therapy as needed.": "SALT report"
        },
        "section_i": "Oakfield School, a maintained special school.",
    },
    "evidence_pack": {"documents": [{"title": "SALT report", "first_page": 7, "last_page": 12}]},
}


@pytest.fixture
def plan_case(case_file):
    case_file["plan"] = {
        "sections": {
            "B": "Sam has some language difficulties.",
            "F": SECTION_F,
            "I": "A mainstream school.",
        }
    }
    case_file["decision"] = {"kind": "plan_contents", "date": "2027-01-20"}
    return case_file


def render(case_file, fmt, extras=EXTRAS):
    return letter_render(
        kind="working_document", case_file=case_file, fmt=fmt, today=TODAY, extras=extras
    ).content


def runs(content):
    """(text, bold, strike) of every run in the section tables' "Wording sought" cells."""
    document = docx_document(content)
    found = []
    for table in document.tables[1:]:  # the first table is the key
        for row in table.rows[1:]:
            for paragraph in row.cells[1].paragraphs:
                found += [(r.text, bool(r.bold), bool(r.font.strike)) for r in paragraph.runs]
    return found


class WorkingDocumentDocxTests:
    def test_additions_are_bold_and_deletions_bold_struck_through(self, plan_case):
        found = runs(render(plan_case, "docx"))
        assert ("access to ", True, True) in found
        assert ("1:1 ", True, False) in found
        assert ("as needed.", True, True) in found
        assert ("for 30 minutes each week.", True, False) in found
        # The plan's own words: normal type.
        assert ("Sam will have ", False, False) in found
        assert ("Sam has some language difficulties.", False, False) in found

    def test_the_word_document_is_12_point_as_the_practice_direction_asks(self, plan_case):
        from docx.shared import Pt

        document = docx_document(render(plan_case, "docx"))
        assert document.styles["Normal"].font.size == Pt(12)
        assert document.styles["Footer"].font.size == Pt(12)
        for table in document.tables:
            for row in table.rows:
                for cell in row.cells:
                    for paragraph in cell.paragraphs:
                        for run in paragraph.runs:
                            assert run.font.size is None or run.font.size >= Pt(12), run.text

    def test_applying_the_runs_gives_the_wording_sought(self, plan_case):
        document = docx_document(render(plan_case, "docx"))
        cell = document.tables[2].rows[1].cells[1]  # section F, its first row
        kept = "".join(r.text for p in cell.paragraphs for r in p.runs if not r.font.strike)
        struck = "".join(r.text for p in cell.paragraphs for r in p.runs if r.font.strike)
        assert kept == SOUGHT
        assert "access to" in struck and "as needed." in struck

    def test_three_columns_and_the_evidence_page(self, plan_case):
        document = docx_document(render(plan_case, "docx"))
        section_f = document.tables[2]
        assert [c.text for c in section_f.rows[0].cells] == [
            "Final plan wording",
            "Wording sought",
            "Evidence",
        ]
        assert section_f.rows[1].cells[2].text == "Evidence pack, page 7: SALT report"
        assert section_f.rows[2].cells[2].text == ""  # an unchanged sentence

    def test_section_i_is_replaced_whole_as_the_family_worded_it(self, plan_case):
        document = docx_document(render(plan_case, "docx"))
        row = document.tables[3].rows[1]
        assert row.cells[0].text == "A mainstream school."
        sought = "".join(
            r.text for p in row.cells[1].paragraphs for r in p.runs if not r.font.strike
        )
        assert sought == "Oakfield School, a maintained special school."  # marks, applied
        assert row.cells[1].text == "A mainstream Oakfield School, a maintained special school."


class WorkingDocumentPdfTests:
    def test_the_pdf_has_the_key_the_tables_and_the_page(self, plan_case):
        content = render(plan_case, "pdf")
        text = pdf_text(content)
        assert "Key to the changes" in text and "SEND23" in text
        assert "Evidence pack, page 7: SALT report" in text
        assert "25 pages" in text
        assert len(PdfReader(io.BytesIO(content)).pages) <= 25

    def test_the_marks_are_drawn_in_bold(self, plan_case):
        reader = PdfReader(io.BytesIO(render(plan_case, "pdf")))
        fonts = set()
        for page in reader.pages:
            resources = page["/Resources"]["/Font"]
            fonts |= {str(resources[name].get_object()["/BaseFont"]) for name in resources}
        assert any("Bold" in font for font in fonts)

    def test_without_a_pack_the_evidence_is_named_by_title(self, plan_case):
        extras = {**EXTRAS, "evidence_pack": {}}
        text = pdf_text(render(plan_case, "pdf", extras))
        assert "evidence: SALT report" in text and "page 7" not in text


class BuildWorkingDocumentTests:
    def test_no_plan_sections_no_document(self, plan_case):
        del plan_case["plan"]
        with pytest.raises(MissingCaseData, match=r"plan\.sections"):
            build_working_document(plan_case, today=TODAY)

    @pytest.mark.parametrize("kind", [None, "refusal_to_assess", "refusal_to_issue_plan"])
    def test_only_for_an_appeal_about_the_plan(self, plan_case, kind):
        # A draft plan (no decision) is commented on by letter; a refusal has no plan.
        plan_case["decision"] = {"kind": kind, "date": "2027-01-20"} if kind else {}
        with pytest.raises(MissingCaseData, match="an appeal about the plan"):
            build_working_document(plan_case, today=TODAY)

    @pytest.mark.parametrize("kind", ["plan_contents", "placement_only", "refusal_to_amend"])
    def test_each_appeal_about_the_plan_has_one(self, plan_case, kind):
        plan_case["decision"]["kind"] = kind
        assert build_working_document(plan_case, today=TODAY).sections

    def test_no_wording_sought_sets_the_sections_out_unmarked(self, plan_case):
        letter = build_working_document(plan_case, today=TODAY)
        assert not letter.changed
        assert [t.section.section for t in letter.sections] == ["B", "F", "I"]

    def test_a_fix_with_no_document_linked_has_no_evidence(self, plan_case):
        extras = {"plan_fixes": EXTRAS["plan_fixes"]}
        letter = build_working_document(plan_case, today=TODAY, extras=extras)
        assert letter.sections[1].section.rows[0].evidence is None

    def test_pack_pages_ignore_what_is_not_a_page(self):
        documents = [
            {"title": "A", "first_page": 3},
            {"title": "A", "first_page": 9},  # a second document of the same title
            {"title": "B", "first_page": True},
            {"title": "", "first_page": 4},
            "not a document",
        ]
        assert pack_pages({"evidence_pack": {"documents": documents}}) == {"A": 3}
        assert pack_pages({"evidence_pack": {"documents": "nonsense"}}) == {}


class AppellantTests:
    def test_an_advocate_writes_but_the_parent_asks(self, plan_case):
        plan_case["format"] = "ehcp-case/2"
        plan_case["represents"] = {"name": plan_case["applicant"]["name"], "relationship": "parent"}
        plan_case["applicant"] = {"name": "Alex Reed", "relationship": "advocate"}
        letter = build_working_document(plan_case, today=TODAY)
        assert letter.appellant_name == plan_case["represents"]["name"]
        assert letter.sender_name == "Alex Reed"


class LongWordTests:
    def test_a_long_unbroken_word_stays_whole_in_word_and_the_pdf(self, plan_case):
        word = "x" * 500
        plan_case["plan"]["sections"]["B"] = f"Sam {word} reads."
        docx = docx_document(render(plan_case, "docx"))
        assert docx.tables[1].rows[1].cells[0].text == f"Sam {word} reads."
        html = render(plan_case, "html").decode()
        assert "<wbr>" in html
        # Both cells of the row hold it; the PDF's text may take the two columns line by line.
        assert pdf_text(render(plan_case, "pdf")).count("x") >= 2 * len(word)
