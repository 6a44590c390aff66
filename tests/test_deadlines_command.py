"""`python manage.py deadlines` (docs/case-format.md), run as a real process."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "tests" / "fixtures" / "case_sam.json"
KEYS = ["rule", "due", "from_event", "status", "source", "explanation"]


def manage(*args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "ehcp_site.settings_test"}
    return subprocess.run(
        [sys.executable, str(ROOT / "manage.py"), *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=120,
        check=False,
    )


def case_with(events, **extra):
    return {
        "format": "ehcp-case/1",
        "child": {"first_name": "Sam"},
        "applicant": {"name": "Grace Okafor"},
        "local_authority": {"name": "Bristol City Council"},
        "events": [{"type": kind, "date": day} for kind, day in events],
        **extra,
    }


def write(tmp_path, content, name="case.json"):
    path = tmp_path / name
    path.write_text(content if isinstance(content, str) else json.dumps(content))
    return str(path)


def deadlines(*args):
    result = manage("deadlines", *args)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    return json.loads(result.stdout)["deadlines"]


REFUSAL = [
    ("request_received", "2026-04-20"),
    ("decision_not_to_assess", "2026-06-03"),
    ("mediation_adviser_contacted", "2026-07-09"),
    ("mediation_certificate_issued", "2026-07-14"),
]


def test_prints_the_contract_shape_sorted_by_due(tmp_path):
    case = case_with(
        REFUSAL,
        # `decision` is not an event: it must not start anything by itself.
        decision={"kind": "refusal_to_assess", "date": "2026-06-03"},
    )
    found = deadlines("--case", write(tmp_path, case), "--today", "2026-07-20")
    assert found == [
        {
            "rule": "decide_whether_to_assess",
            "due": "2026-06-01",
            "from_event": "request_received",
            "status": "met",
            "source": "SEND Regulations 2014, reg 5(1)",
            "explanation": (
                "The council must tell you whether it will carry out an assessment "
                "by Monday 1 June 2026."
            ),
        },
        {
            "rule": "mediation_certificate",
            "due": "2026-07-14",
            "from_event": "mediation_adviser_contacted",
            "status": "met",
            "source": "SEND Regulations 2014, reg 34(1)",
            "explanation": (
                "The mediation adviser must send you your mediation certificate "
                "by Tuesday 14 July 2026."
            ),
        },
        {
            "rule": "appeal_deadline",
            "due": "2026-09-01",
            "from_event": "mediation_certificate_issued",
            "status": "upcoming",
            "source": (
                "Tribunal Procedure (First-tier Tribunal) (HESC Chamber) Rules 2008, "
                "r.20(1)(c); r.12(2) and r.12(3)(a)"
            ),
            "explanation": (
                "Your appeal must reach the SEND Tribunal by 5pm on Tuesday 1 September 2026."
            ),
        },
    ]
    assert all(list(item) == KEYS for item in found)


@pytest.mark.parametrize(
    ("today", "status"),
    [
        ("2026-12-17", "upcoming"),
        ("2026-12-18", "due_today"),
        ("2026-12-19", "overdue"),
    ],
)
def test_today_fixes_the_status(today, status):
    # The fixture records only the request: reg 10(1) and 13(2) wait for a decision to assess.
    found = deadlines("--case", str(FIXTURE), "--today", today)
    assert [(d["rule"], d["due"]) for d in found] == [("decide_whether_to_assess", "2026-12-18")]
    assert found[0]["status"] == status


def test_the_16_and_20_weeks_follow_a_decision_to_assess(tmp_path):
    case = case_with([("request_received", "2026-11-06"), ("decision_to_assess", "2026-12-10")])
    found = deadlines("--case", write(tmp_path, case), "--today", "2026-12-11")
    assert [(d["rule"], d["due"], d["from_event"]) for d in found] == [
        ("decide_whether_to_assess", "2026-12-18", "request_received"),
        ("notify_no_plan", "2027-02-26", "request_received"),
        ("final_plan", "2027-03-26", "request_received"),
    ]


def test_a_discharged_duty_is_met(tmp_path):
    case = case_with([("request_received", "2026-11-06"), ("decision_to_assess", "2027-01-08")])
    found = deadlines("--case", write(tmp_path, case), "--today", "2027-02-01")
    assert found[0]["status"] == "met"  # late, but done


def test_sorted_by_due_then_rule_id(tmp_path):
    case = case_with(
        [
            ("phase_transfer_year", "2027-09-01"),  # due 2027-02-14
            ("draft_plan_issued", "2026-12-04"),  # due 2026-12-18
            ("request_received", "2026-11-06"),  # due 2026-12-18 and later
        ]
    )
    found = deadlines("--case", write(tmp_path, case), "--today", "2026-11-10")
    keys = [(d["due"], d["rule"]) for d in found]
    assert keys == sorted(keys)
    assert keys[:2] == [
        ("2026-12-18", "decide_whether_to_assess"),
        ("2026-12-18", "draft_plan_representations"),
    ]


def test_a_case_without_events_has_no_deadlines(tmp_path):
    case = case_with([])
    del case["events"]
    assert deadlines("--case", write(tmp_path, case), "--today", "2026-11-10") == []


def test_today_defaults_to_the_date_in_london():
    found = deadlines("--case", str(FIXTURE))
    assert found[0]["status"] in {"upcoming", "due_today", "overdue"}


def fails(*args):
    result = manage("deadlines", *args)
    assert result.returncode == 2
    assert result.stdout == ""
    assert len(result.stderr.splitlines()) == 1
    return result.stderr


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "no such file"),
        ("{not json", "not valid JSON (line 1)"),
        ("[1]", "a case file must be a JSON object"),
        ({**case_with([]), "surprise": 1}, "unknown key: surprise"),
        (case_with([("tea_party", "2026-01-01")]), "events.0.type"),
        (case_with([("request_received", "2026-02-30")]), "is not a real date"),
        ({"format": "ehcp-case/1"}, "is a required property"),
    ],
    ids=["missing", "not-json", "not-object", "unknown-key", "bad-event", "bad-date", "thin"],
)
def test_a_bad_case_file_exits_2_with_one_line(tmp_path, content, message):
    path = str(tmp_path / "missing.json") if content is None else write(tmp_path, content)
    assert message in fails("--case", path, "--today", "2026-11-10")


@pytest.mark.parametrize("today", ["2026-13-01", "2026-02-30", "20261110", "tomorrow", ""])
def test_a_bad_today_exits_2_with_one_line(today):
    assert "--today" in fails("--case", str(FIXTURE), "--today", today)


def test_no_case_exits_2_with_one_line():
    assert "--case" in fails()


def test_a_version_1_phase_transfer_is_a_school_transfer(tmp_path):
    # reg 18(1)(b): "before 15 February" → Sun 14 Feb 2027, not moved.
    case = case_with([("phase_transfer_year", "2027-09-01")])
    found = deadlines("--case", write(tmp_path, case), "--today", "2027-01-01")
    assert [(d["rule"], d["due"], d["source"]) for d in found] == [
        ("phase_transfer_plan", "2027-02-14", "SEND Regulations 2014, reg 18(1)(b)")
    ]


@pytest.mark.parametrize(
    ("transfer", "move", "due", "source"),
    [
        ("school", "2027-09-01", "2027-02-14", "reg 18(1)(b)"),
        ("post16", "2027-09-01", "2027-03-30", "reg 18(1)(a)"),  # "before 31 March"
        ("between_post16", "2027-07-31", "2027-02-28", "reg 18(2)"),  # 31 Jul - 5 months
    ],
)
def test_the_transfer_kind_picks_the_phase_transfer_date(tmp_path, transfer, move, due, source):
    case = case_with([])
    case["format"] = "ehcp-case/2"
    case["events"] = [{"type": "phase_transfer_year", "date": move, "transfer": transfer}]
    result = manage("deadlines", "--case", write(tmp_path, case), "--today", "2027-01-01")
    if result.returncode == 2 and ("ehcp-case/1" in result.stderr or "transfer" in result.stderr):
        # Version 2 of the case file (the `transfer` key) lands on another branch; the
        # engine's side is tested in tests/journeys/cases/test_timeline.py.
        pytest.skip("this branch's case file does not accept version 2 `transfer` yet")
    assert result.returncode == 0, result.stderr
    found = json.loads(result.stdout)["deadlines"]
    assert [(d["rule"], d["due"]) for d in found] == [("phase_transfer_plan", due)]
    assert found[0]["source"] == f"SEND Regulations 2014, {source}"


# -- version 2 (issue 14) ---------------------------------------------------------------------


def test_a_version_2_file_prints_every_new_rule(tmp_path):
    case = case_with([])
    case["format"] = "ehcp-case/2"
    case["events"] = [
        {"type": "final_plan_issued", "date": "2026-01-05"},
        {"type": "annual_review_meeting", "date": "2027-01-05"},
        {"type": "amendment_proposal_issued", "date": "2027-02-02"},
        {"type": "reassessment_requested", "date": "2027-02-01"},
        {"type": "decision_not_to_amend", "date": "2027-03-01"},
        {"type": "tribunal_decision", "date": "2027-01-20", "order": "make_plan"},
        {"type": "provision_complaint_made", "date": "2027-01-28"},
        {"type": "pre_action_letter_sent", "date": "2027-02-01"},
        {"type": "phase_transfer_year", "date": "2027-09-01", "transfer": "post16"},
    ]
    case["provision"] = [{"id": "f1", "section": "F", "text": "1 hour of SLT a week"}]
    case["delivery_log"] = [{"provision": "f1", "date": "2027-01-11", "delivered": "no"}]
    found = deadlines("--case", write(tmp_path, case), "--today", "2027-02-20")
    rows = [(d["rule"], d["due"], d["from_event"], d["status"]) for d in found]
    # Each worked by hand (tests/journeys/rules/test_deadlines_v2.py shows the counting). The
    # annual review runs from the review of 5 Jan 2027; review_decision is met by the proposal;
    # the reply to the pre-action letter, the 15 days to decide on re-assessing and the
    # family's 15 days on the proposal have passed by 20 Feb.
    # Decision not to amend Mon 1 Mar 2027 + 2 months = Sat 1 May; Mon 3 May is a bank
    # holiday, so r.12(2) gives Tue 4 May 2027.
    assert sorted(rows) == sorted(
        [
            ("annual_review", "2028-01-04", "annual_review_meeting", "upcoming"),
            ("review_decision", "2027-02-02", "annual_review_meeting", "met"),
            ("judicial_review_limit", "2027-02-15", "pre_action_letter_sent", "overdue"),
            ("amendment_representations", "2027-02-16", "amendment_proposal_issued", "overdue"),
            ("decide_whether_to_reassess", "2027-02-16", "reassessment_requested", "overdue"),
            ("tribunal_order_compliance", "2027-02-24", "tribunal_decision", "upcoming"),
            (
                "provision_complaint_escalation",
                "2027-02-25",
                "provision_complaint_made",
                "upcoming",
            ),
            ("phase_transfer_plan", "2027-03-30", "phase_transfer_year", "upcoming"),
            ("amended_plan_final", "2027-03-30", "amendment_proposal_issued", "upcoming"),
            ("tribunal_order_compliance", "2027-04-07", "tribunal_decision", "upcoming"),
            ("judicial_review_limit", "2027-04-11", "delivery_log", "upcoming"),
            ("appeal_deadline", "2027-05-04", "decision_not_to_amend", "upcoming"),
            ("reassessment_final_plan", "2027-05-10", "reassessment_requested", "upcoming"),
        ]
    )
    assert [d["due"] for d in found] == sorted(d["due"] for d in found)
    assert all(list(item) == KEYS for item in found)
    sources = {d["rule"]: d["source"] for d in found}
    assert sources["amendment_representations"] == "SEND Regulations 2014, reg 22(2)(c)"
    assert sources["decide_whether_to_reassess"] == "SEND Regulations 2014, reg 25(1)"
    assert sources["reassessment_final_plan"] == "SEND Regulations 2014, reg 27(2)"
    assert sources["provision_complaint_escalation"] == "Local Government Act 1974, Part 3"
    assert sources["phase_transfer_plan"] == "SEND Regulations 2014, reg 18(1)(a)"
    explained = {(d["rule"], d["due"]): d["explanation"] for d in found}
    assert explained[("tribunal_order_compliance", "2027-04-07")] == (
        "The council must send you the final plan by Wednesday 7 April 2027, "
        "as the Tribunal ordered."
    )
    assert "5pm" not in explained[("tribunal_order_compliance", "2027-02-24")]


def test_a_version_1_file_and_the_same_file_as_version_2_give_the_same_deadlines(tmp_path):
    case = case_with(
        [
            ("request_received", "2026-01-05"),
            ("decision_to_assess", "2026-02-10"),
            ("final_plan_issued", "2026-05-20"),
            ("phase_transfer_year", "2027-09-01"),
        ]
    )
    v1 = deadlines("--case", write(tmp_path, case, "v1.json"), "--today", "2026-12-01")
    v2 = deadlines(
        "--case",
        write(tmp_path, {**case, "format": "ehcp-case/2"}, "v2.json"),
        "--today",
        "2026-12-01",
    )
    assert v1 == v2 and len(v1) == 6
