"""No request an anonymous visitor can make costs more than about a second of CPU (issue 12,
item 1). Times depend on the machine, so these tests hold the work itself: the pages of the
longest letter a valid case file can make, the letter text one request may turn into PDF,
and the previous worst case refused. bench/hostile.py measures the times (as ratios against
a typical family's case). Reasons for appeal state each document's key points once, so the
most evidence a case may hold makes a whole letter."""

from __future__ import annotations

import io
import json
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from pypdf import PdfReader

from bench.hostile import amplifying_case_file, prose, typical_case_file, worst_case_file
from journeys.cases.casefile import (
    ITEM_LENGTH,
    SOME,
    TEXT_LENGTH,
    TOTAL_TEXT_LENGTH,
    CaseFileError,
    _text_length,
    validate_case_file,
)
from letters import services
from letters.services import (
    LETTER_TEXT_LIMIT,
    PDF_TEXT_BUDGET,
    LetterTooLong,
    letter_render,
    letter_text_length,
)
from tests.letters.pdf_text import pdf_text

# The longest letter a valid case file makes, in pages: some 29 (about a second to render).
MOST_PAGES = 32


@pytest.fixture
def pdf_renders(monkeypatch):
    """Every PDF rendered, as the number of characters of letter text it held."""
    rendered: list[int] = []
    real = services.html_to_pdf

    def counting(html, **kwargs):
        rendered.append(letter_text_length(html))
        return real(html, **kwargs)

    monkeypatch.setattr(services, "html_to_pdf", counting)
    return rendered


def imported(client, case_file: dict) -> str:
    upload = SimpleUploadedFile(
        "case.json", json.dumps(case_file).encode(), content_type="application/json"
    )
    response = client.post("/cases/import/", {"import-case_file": upload})
    assert response.status_code == 302, response.content[:500]
    return response["Location"].split("/cases/")[1].split("/")[0]


def exported(client, case_id: str) -> zipfile.ZipFile:
    response = client.get(f"/cases/{case_id}/export.zip")
    assert response.status_code == 200
    return zipfile.ZipFile(io.BytesIO(response.content))


class BoundsTests:
    def test_the_previous_worst_case_is_refused(self):
        previous = worst_case_file(total=200_000)
        assert _text_length(previous) > 190_000
        with pytest.raises(CaseFileError, match="more than 110,000 characters of text in all"):
            validate_case_file(previous)

    def test_the_worst_case_fills_the_bounds_and_is_valid(self):
        worst = worst_case_file()
        assert TOTAL_TEXT_LENGTH - ITEM_LENGTH < _text_length(worst) <= TOTAL_TEXT_LENGTH
        assert validate_case_file(worst) is worst

    def test_its_request_letter_is_at_most_32_pages(self, pdf_renders):
        letter = letter_render(kind="request_assessment", case_file=worst_case_file())
        pages = len(PdfReader(io.BytesIO(letter.content)).pages)
        assert 20 < pages <= MOST_PAGES  # 52 with the previous bound
        assert TOTAL_TEXT_LENGTH * 0.9 < pdf_renders[0] <= LETTER_TEXT_LIMIT


def many_documents_case_file() -> tuple[dict, dict]:
    """A valid case with the most evidence the schema allows (SOME items, each ITEM_LENGTH
    characters of key points, each told apart by its first words), two of the council's
    reasons and the family's two answers, each TEXT_LENGTH long: (case file, extras)."""
    case = typical_case_file()
    case["evidence"] = [
        {
            "kind": "other",
            "title": f"Report {number:02d}",
            "author": "Dr A Patel",
            "date": "2026-03-10",
            "key_points": f"Finding {number:02d}. " + prose(ITEM_LENGTH - 13),
        }
        for number in range(1, SOME + 1)
    ]
    case["decision"]["reasons_given"] = [
        "Council reason one. " + prose(TEXT_LENGTH - 20),
        "Council reason two. " + prose(TEXT_LENGTH - 20),
    ]
    extras = {
        "reason_responses": [
            {"reason": reason, "response": f"Answer {n}. " + prose(TEXT_LENGTH - 10)}
            for n, reason in enumerate(case["decision"]["reasons_given"], start=1)
        ]
    }
    return case, extras


POINTER = "For the evidence, see the documents listed, with what each shows, under"


class ReasonsForAppealTests:
    """Reasons for appeal state each document's key points once, under "Evidence", so the
    letter grows with the case, not with reasons times evidence (it was 1.8 million
    characters for `amplifying_case_file`, and refused)."""

    def test_two_reasons_and_the_most_evidence_make_a_whole_letter(self, pdf_renders):
        case, extras = many_documents_case_file()
        validate_case_file(case)
        letter = letter_render(kind="appeal_reasons", case_file=case, extras=extras)
        assert SOME * ITEM_LENGTH < pdf_renders[0] < LETTER_TEXT_LIMIT  # some 87,000
        text = pdf_text(letter.content)
        for number in range(1, SOME + 1):
            assert text.count(f"Finding {number:02d}.") == 1  # its key points, once
            assert text.count(f"Report {number:02d}") == 1
        assert "Council reason two." in text and "Answer 2." in text
        assert text.count(POINTER) == 2  # one pointer a reason, no invented link
        assert len(PdfReader(io.BytesIO(letter.content)).pages) <= MOST_PAGES

    def test_thirty_reasons_and_thirty_documents_are_made_too(self, pdf_renders):
        case = amplifying_case_file()
        validate_case_file(case)
        text = pdf_text(letter_render(kind="appeal_reasons", case_file=case).content)
        assert pdf_renders[0] < LETTER_TEXT_LIMIT * 0.7  # was 1.8 million characters
        assert text.count(POINTER) == SOME
        assert "Reason number 29 is given here" in text


class LetterTooLongTests:
    """The bound still holds for any letter: shown here with a lower limit, since no letter a
    valid case makes now reaches it."""

    @pytest.fixture(autouse=True)
    def low_limit(self, monkeypatch):
        monkeypatch.setattr(services, "LETTER_TEXT_LIMIT", 20_000)

    def test_a_letter_beyond_the_limit_is_not_made(self, pdf_renders):
        case = amplifying_case_file()
        html = letter_render(kind="appeal_reasons", case_file=case, fmt="html").content
        assert letter_text_length(html.decode()) > 20_000
        for fmt in ("pdf", "docx"):
            with pytest.raises(LetterTooLong, match="more than the 20,000 a letter may"):
                letter_render(kind="appeal_reasons", case_file=case, fmt=fmt)
        assert pdf_renders == []

    def test_it_is_not_previewed_either(self):
        previews = services.letter_previews(
            kinds=["appeal_reasons", "appeal_checklist"], case_file=amplifying_case_file()
        )
        assert [preview.kind for preview in previews] == ["appeal_checklist"]

    @pytest.mark.django_db
    def test_its_download_explains_and_the_export_names_it(self, client, pdf_renders):
        case_id = imported(client, amplifying_case_file())
        response = client.get(f"/cases/{case_id}/letters/appeal_reasons.pdf")
        assert response.status_code == 422
        assert b"This letter is too long to make into a PDF" in response.content
        archive = exported(client, case_id)
        readme = archive.read("README.txt").decode()
        assert "Reasons for appeal: appeal-reasons-Priya-Shah-" in readme
        mine = [line for line in readme.splitlines() if "appeal-reasons-Priya-Shah-" in line]
        assert len(mine) == 2  # its PDF and Word file
        assert all(line.endswith("(too long to be made here)") for line in mine)
        assert not any(name.startswith("letters/appeal-reasons") for name in archive.namelist())
        assert all(size <= 20_000 for size in pdf_renders)


@pytest.mark.django_db
class ExportTests:
    def test_the_worst_case_export_renders_at_most_the_budget(self, client, pdf_renders):
        case_id = imported(client, worst_case_file())
        archive = exported(client, case_id)
        names = archive.namelist()
        assert sum(pdf_renders) <= PDF_TEXT_BUDGET
        assert json.loads(archive.read("case.json"))["notes"] == worst_case_file()["notes"]
        readme = archive.read("README.txt").decode()
        # The request letter (some 110,000 characters) is beyond the budget: Word only.
        assert "Request for an EHC needs assessment: request-assessment-" in readme
        request = [n for n in names if n.startswith("letters/request-assessment-")]
        assert len(request) == 1 and request[0].endswith(".docx")
        # Every letter is there as a Word document; each PDF is there or named.
        docx = [n for n in names if n.endswith(".docx")]
        pdfs = [n for n in names if n.endswith(".pdf")]
        assert len(pdfs) == len(pdf_renders) and len(docx) >= 5
        for name in docx:
            pdf = name.removeprefix("letters/").replace(".docx", ".pdf")
            assert f"letters/{pdf}" in names or pdf in readme

    def test_a_typical_family_exports_every_letter_as_pdf_and_word(self, client, pdf_renders):
        case_id = imported(client, typical_case_file())
        archive = exported(client, case_id)
        names = archive.namelist()
        assert "README.txt" not in names
        pdfs = [n for n in names if n.endswith(".pdf")]
        docx = [n for n in names if n.endswith(".docx")]
        assert len(pdfs) == len(docx) >= 5
        assert sum(pdf_renders) < PDF_TEXT_BUDGET / 2

    def test_letters_rendered_once_a_day_serve_the_export_and_downloads(
        self, client, settings, pdf_renders
    ):
        settings.LETTER_FILE_CACHE = True
        case_id = imported(client, typical_case_file())
        first = exported(client, case_id)
        rendered = len(pdf_renders)
        assert rendered >= 5
        again = exported(client, case_id)
        assert len(pdf_renders) == rendered  # nothing rendered again
        assert sorted(again.namelist()) == sorted(first.namelist())
        response = client.get(f"/cases/{case_id}/letters/request_assessment.pdf")
        assert response.status_code == 200
        assert len(pdf_renders) == rendered
