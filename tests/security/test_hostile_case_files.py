"""Case files made to hurt (issue 12, items 1, 5 and 6): huge arrays, huge strings, names
too long for a Word document, text that is not text. Each is refused as a case file, in
one short line that quotes none of it, and the import page answers with a form error."""

from __future__ import annotations

import json
import os
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from journeys.cases.casefile import (
    CASE_SCHEMA,
    ITEM_LENGTH,
    NAME_LENGTH,
    SOME,
    TOTAL_TEXT_LENGTH,
    CaseFileError,
    validate_case_file,
)
from letters.docx import html_to_docx
from letters.services import letter_render
from tests.conftest import FIXTURES, run_in_project


def sam_case_file() -> dict:
    return json.loads((FIXTURES / "case_sam.json").read_text())


NEED = {"area": "semh", "description": "Panics at transitions.", "impact": "Misses lessons."}
EVIDENCE = {"kind": "other", "author": "Dr A Patel", "date": "2026-03-10", "key_points": "x"}


def huge_arrays() -> dict:
    """The attack run's file: 4,000 needs, evidence and support items (883 KB)."""
    case = sam_case_file()
    case["needs"] = [NEED] * 4000
    case["evidence"] = [EVIDENCE] * 4000
    case["support_tried"] = [{"description": "phonics", "outcome": "none"}] * 4000
    return case


def import_file(client, content: bytes):
    upload = SimpleUploadedFile("case.json", content, content_type="application/json")
    return client.post("/cases/import/", {"import-case_file": upload})


class BoundsTests:
    def test_the_attack_files_huge_arrays_are_refused_in_one_short_line(self):
        with pytest.raises(CaseFileError) as refused:
            validate_case_file(huge_arrays())
        message = str(refused.value)
        assert message == "evidence: more than 30 items"
        assert len(message) < 100 and "Panics" not in message

    @pytest.mark.parametrize(
        ("where", "value", "message"),
        [
            ("child.first_name", "S" * (NAME_LENGTH + 1), "child.first_name: more than 200"),
            ("applicant.name", "G" * 256, "applicant.name: more than 200 characters"),
            ("notes", "n" * 5001, "notes: more than 5,000 characters"),
            ("child.diagnoses", ["autism"] * (SOME + 1), "child.diagnoses: more than 30 items"),
        ],
    )
    def test_every_list_and_string_has_a_bound(self, where, value, message):
        case = sam_case_file()
        *parents, key = where.split(".")
        target = case
        for part in parents:
            target = target[part]
        target[key] = value
        with pytest.raises(CaseFileError, match=re.escape(message)):
            validate_case_file(case)

    def test_all_the_text_together_is_bounded(self):
        case = sam_case_file()
        item = {"description": "d" * ITEM_LENGTH, "outcome": "o" * ITEM_LENGTH}
        case["support_tried"] = [item] * 20
        case["evidence"] = [{**EVIDENCE, "key_points": "k" * ITEM_LENGTH}] * SOME
        case["needs"] = [{"area": "semh", "description": "d" * 5000, "impact": "i" * 5000}] * 4
        case["notes"] = "n" * 5000
        assert sum(len(v) for i in case["support_tried"] for v in i.values()) < TOTAL_TEXT_LENGTH
        with pytest.raises(CaseFileError, match=f"more than {TOTAL_TEXT_LENGTH:,} characters"):
            validate_case_file(case)

    def test_a_full_but_real_case_fits(self):
        case = sam_case_file()
        case["needs"] = [NEED] * 4
        case["evidence"] = [EVIDENCE] * 20
        case["support_tried"] = [{"description": "d" * 1000, "outcome": "o" * 1000}] * 20
        case["child"]["diagnoses"] = ["autism", "ADHD", "dyspraxia", "sensory processing"]
        assert validate_case_file(case) is case

    def test_the_schema_says_its_bounds(self):
        needs = CASE_SCHEMA["properties"]["needs"]
        assert needs["maxItems"] == 12 and "at most 12 items" in needs["description"]
        name = CASE_SCHEMA["properties"]["applicant"]["properties"]["name"]
        assert name["maxLength"] == NAME_LENGTH
        assert f"{TOTAL_TEXT_LENGTH:,} characters" in CASE_SCHEMA["description"]


class LoneSurrogateTests:
    """A lone surrogate is valid JSON ("\\ud800") but not text: nothing can store it."""

    CONTENT = json.dumps(sam_case_file()).replace('"Sam"', '"Sam\\ud800"', 1).encode()

    def test_the_case_file_is_refused(self):
        with pytest.raises(CaseFileError, match=r"child\.first_name: contains a character"):
            validate_case_file(json.loads(self.CONTENT))

    def test_a_key_that_is_not_text_is_refused_too(self):
        case = sam_case_file()
        case["child"]["\ud800"] = "x"
        with pytest.raises(CaseFileError, match="not text"):
            validate_case_file(case)

    @pytest.mark.django_db
    def test_the_import_page_says_so_instead_of_a_500(self, client):
        response = import_file(client, self.CONTENT)
        assert response.status_code == 200
        assert "contains a character that is not text" in response.content.decode()

    def test_the_commands_exit_2_with_one_line(self, tmp_path):
        path = tmp_path / "case.json"
        path.write_bytes(self.CONTENT)
        env = {**os.environ, "DJANGO_SETTINGS_MODULE": "ehcp_site.settings_test"}
        result = run_in_project("manage.py", "deadlines", "--case", str(path), env=env)
        assert result.returncode == 2
        assert result.stderr.strip().count("\n") == 0
        assert "not text" in result.stderr


class LongNameTests:
    def test_a_word_document_takes_a_name_longer_than_its_author_property(self):
        docx = html_to_docx("<html><body><p>Hello</p></body></html>", title="T", author="G" * 300)
        assert docx.startswith(b"PK")

    def test_the_longest_name_a_case_file_allows_makes_every_letter(self):
        case = sam_case_file()
        case["applicant"]["name"] = "G" * NAME_LENGTH
        validate_case_file(case)
        letter = letter_render(kind="request_assessment", case_file=case, fmt="docx")
        assert letter.content.startswith(b"PK")


@pytest.mark.django_db
class ImportTests:
    def test_the_attack_file_is_a_form_error(self, client):
        response = import_file(client, json.dumps(huge_arrays()).encode())
        assert response.status_code == 200
        assert "more than 30 items" in response.content.decode()

    def test_imports_are_rate_limited(self, client):
        content = json.dumps(sam_case_file()).encode()
        answers = [import_file(client, content).status_code for _ in range(11)]
        assert answers[:10] == [302] * 10
        assert answers[10] == 429
