"""`python manage.py evidence_pack` (CASE_FORMAT.md), run as a real process."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

from tests import documents

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "tests" / "fixtures" / "case_sam.json"


def evidence_pack(*args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "ehcp_site.settings_test"}
    return subprocess.run(
        [sys.executable, str(ROOT / "manage.py"), "evidence_pack", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=120,
        check=False,
    )


@pytest.fixture
def case(tmp_path):
    """The fixture case, version 2, refused an assessment, with three documents in DIR."""
    case_file = json.loads(FIXTURE.read_text())
    case_file["format"] = "ehcp-case/2"
    case_file["decision"] = {"kind": "refusal_to_assess", "date": "2026-06-01"}
    case_file["evidence"][0]["file"] = "ep-report.pdf"  # 2026-03-10
    case_file["evidence"][1]["file"] = "slt.png"  # 2026-05-20
    case_file["evidence"].append(
        {"kind": "school_report", "author": "Hillside", "date": "2025-12-01", "title": "Report"}
    )  # no file: left out
    case_file["evidence"].append(
        {
            "kind": "parent_diary",
            "author": "me",
            "date": "2026-01-15",
            "title": "Diary",
            "file": "diary.pdf",
        }
    )
    folder = tmp_path / "files"
    folder.mkdir()
    (folder / "ep-report.pdf").write_bytes(documents.pdf_bytes(3))
    (folder / "slt.png").write_bytes(documents.png_bytes())
    (folder / "diary.pdf").write_bytes(documents.pdf_bytes(2))
    path = tmp_path / "case.json"
    path.write_text(json.dumps(case_file))
    return path, folder, case_file


def test_builds_the_pack_and_prints_its_index(case, tmp_path):
    path, folder, _ = case
    out = tmp_path / "pack.pdf"

    result = evidence_pack("--case", str(path), "--files", str(folder), "--out", str(out))

    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == {
        "pages": 7,
        "limit": 75,
        "over_limit": False,
        "documents": [
            {"title": "Diary", "date": "2026-01-15", "first_page": 2, "last_page": 3},
            {"title": "EP report", "date": "2026-03-10", "first_page": 4, "last_page": 6},
            {
                "title": "Speech and language therapy report",
                "date": "2026-05-20",
                "first_page": 7,
                "last_page": 7,
            },
        ],
    }
    reader = PdfReader(io.BytesIO(out.read_bytes()))
    assert [f"Page {n} of 7" in p.extract_text() for n, p in enumerate(reader.pages, 1)] == [
        True
    ] * 7
    assert len(reader.outline) == 4


def test_without_a_decision_the_limit_is_null(case, tmp_path):
    path, folder, case_file = case
    del case_file["decision"]
    path.write_text(json.dumps(case_file))
    result = evidence_pack(
        "--case", str(path), "--files", str(folder), "--out", str(tmp_path / "p")
    )
    report = json.loads(result.stdout)
    assert (report["limit"], report["over_limit"]) == (None, False)


@pytest.mark.parametrize(
    ("damage", "message"),
    [
        (lambda p, f, c: p.write_text('{"format": "ehcp-case/2"}'), "case.json: "),
        (lambda p, f, c: (f / "diary.pdf").unlink(), "diary.pdf: not found in"),
        (lambda p, f, c: (f / "slt.png").write_bytes(b"not a picture"), "slt.png: The file must"),
        (
            lambda p, f, c: (f / "ep-report.pdf").write_bytes(documents.encrypted_pdf()),
            "ep-report.pdf: The PDF is protected with a password",
        ),
        (
            lambda p, f, c: (f / "diary.pdf").write_bytes(b"%PDF-1.4 broken"),
            "diary.pdf: The PDF cannot be opened",
        ),
    ],
    ids=["invalid-case-file", "missing", "unreadable", "encrypted", "broken-pdf"],
)
def test_exits_2_with_one_line_naming_the_problem(case, tmp_path, damage, message):
    path, folder, case_file = case
    damage(path, folder, case_file)
    out = tmp_path / "pack.pdf"

    result = evidence_pack("--case", str(path), "--files", str(folder), "--out", str(out))

    assert result.returncode == 2
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and message in lines[0], result.stderr
    assert not out.exists()
