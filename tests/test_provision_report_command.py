"""`manage.py provision_report` (CASE_FORMAT.md): the shortfall as JSON, run as a real process;
exit 2 with one line on stderr for a file that is not a valid case."""

from __future__ import annotations

import json

import pytest

from tests.test_commands import FIXTURE, manage

WEEKLY = {
    "id": "f1",
    "section": "F",
    "text": "1 hour a week of speech and language therapy",
    "sessions": 1,
    "per": "week",
    "minutes": 60,
    "provider": "NHS SLT service",
    "term_time_only": False,
}
VAGUE = {"id": "f2", "section": "F", "text": "Access to a quiet space", "term_time_only": False}
LOG = [
    {"provision": "f1", "date": "2026-09-07", "delivered": "yes", "minutes": 60},
    {"provision": "f1", "date": "2026-09-14", "delivered": "partly", "minutes": 30},
    {"provision": "f1", "date": "2026-09-21", "delivered": "no", "minutes": 0, "note": "ill"},
    {"provision": "f2", "date": "2026-09-22", "delivered": "no"},
    # the week of 28 September: nothing recorded for f1
]


def case_path(tmp_path, **changes) -> str:
    case = json.loads(FIXTURE.read_text())
    case.update(format="ehcp-case/2", provision=[WEEKLY, VAGUE], delivery_log=LOG)
    case.update(changes)
    path = tmp_path / "case.json"
    path.write_text(json.dumps(case))
    return str(path)


def test_prints_the_shortfall_per_item_and_in_total(tmp_path):
    result = manage(
        "provision_report",
        "--case",
        case_path(tmp_path),
        "--from",
        "2026-09-07",
        "--to",
        "2026-10-04",
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert (report["from"], report["to"]) == ("2026-09-07", "2026-10-04")
    weekly, vague = report["items"]
    assert weekly == {
        "provision": "f1",
        "expected": 4,
        "delivered": 1,
        "partly": 1,
        "missed": 1,
        "unrecorded": 1,
        "expected_minutes": 240,
        "delivered_minutes": 90,
    }
    # No frequency: nothing expected, only what was logged.
    assert vague["provision"] == "f2" and vague["expected"] is None and vague["missed"] == 1
    # The total is over the items the plan quantifies.
    for key in ("expected", "delivered", "partly", "missed", "unrecorded"):
        assert report["total"][key] == weekly[key], key
    assert report["terms"]  # which term-dates table was used


def test_from_defaults_to_the_first_log_row(tmp_path):
    result = manage("provision_report", "--case", case_path(tmp_path), "--to", "2026-10-04")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["from"] == "2026-09-07"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--from", "7/9/2026"], "--from '7/9/2026' is not a date in the form YYYY-MM-DD"),
        (["--to", "2026-02-30"], "--to '2026-02-30' is not a date"),
        (["--from", "2026-10-04", "--to", "2026-09-07"], "is before --from"),
    ],
)
def test_bad_dates_exit_2_with_one_line(tmp_path, args, message):
    result = manage("provision_report", "--case", case_path(tmp_path), *args)
    assert result.returncode == 2 and result.stdout == ""
    assert len(result.stderr.splitlines()) == 1 and message in result.stderr


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"delivery_log": [{"provision": "f1", "date": "2026-09-31"}]}, "is not a real date"),
        ({"provision": [{**WEEKLY, "per": "day"}]}, "provision.0.per"),
        ({"format": "ehcp-case/1"}, "part of version 2"),
    ],
)
def test_an_invalid_file_exits_2_with_one_line(tmp_path, changes, message):
    result = manage("provision_report", "--case", case_path(tmp_path, **changes))
    assert result.returncode == 2, result.stdout
    assert result.stdout == ""
    assert len(result.stderr.splitlines()) == 1
    assert result.stderr.startswith("provision_report: ") and message in result.stderr


def test_no_case_exits_2():
    result = manage("provision_report")
    assert result.returncode == 2 and "needs --case FILE" in result.stderr
