"""The command-line contracts of docs/case-format.md, run as real processes."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.utils import timezone
from jsonschema import Draft202012Validator

from tests.letters.pdf_text import pdf_text

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "tests" / "fixtures" / "case_sam.json"


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


def test_journey_schema_prints_a_schema_that_validates_case_files():
    result = manage("journey_schema")
    assert result.returncode == 0, result.stderr
    schema = json.loads(result.stdout)
    Draft202012Validator.check_schema(schema)
    validator = Draft202012Validator(schema)
    assert not list(validator.iter_errors(json.loads(FIXTURE.read_text())))
    assert list(validator.iter_errors({"format": "ehcp-case/1", "surprise": 1}))


def test_render_letter_list_prints_the_kinds_one_a_line():
    result = manage("render_letter", "--list")
    assert result.returncode == 0
    assert result.stdout.splitlines() == [
        "request_assessment",
        "la_missed_deadline",
        "reconsideration_request",
        "mediation_adviser",
        "mediation_summary",
        "draft_plan_representations",
        "appeal_reasons",
        "evidence_index",
        "appeal_checklist",
        "phase_transfer_request",
        "reassessment_request",
        "review_contribution",
        "amendment_representations",
        "cease_response",
        "provision_complaint_council",
        "provision_complaint_icb",
        "ombudsman_complaint",
        "pre_action_letter",
        "mediation_agreement_chaser",
        "working_document",
        "witness_statement",
        "send7_request",
        "decision_letter_complaint",
    ]


def test_render_letter_refuses_an_enforcement_letter_without_the_journeys_answers(tmp_path):
    """From the command line there are no extras: the complaint names what it lacks."""
    result = manage(
        "render_letter",
        "provision_complaint_council",
        "--case",
        str(FIXTURE.parent / "case_provision.json"),
        "--out",
        str(tmp_path / "complaint.pdf"),
    )
    assert result.returncode == 2
    assert "enforce.since" in result.stderr and result.stdout == ""


def test_render_letter_refuses_the_decision_letter_complaint_without_a_kept_check(tmp_path):
    """The complaint reads the check kept from the check page: the command line has none."""
    result = manage(
        "render_letter",
        "decision_letter_complaint",
        "--case",
        str(FIXTURE.parent / "case_refusal_assess.json"),
        "--out",
        str(tmp_path / "complaint.pdf"),
    )
    assert result.returncode == 2
    assert "the decision-letter check of this decision" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1 and result.stdout == ""


@pytest.mark.parametrize("fmt", ["pdf", "html"])
def test_render_letter_writes_the_letter(tmp_path, fmt):
    out = tmp_path / f"letter.{fmt}"
    result = manage(
        "render_letter",
        "request_assessment",
        "--case",
        str(FIXTURE),
        "--out",
        str(out),
        "--format",
        fmt,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout == "" and result.stderr == ""
    content = out.read_bytes()
    text = pdf_text(content) if fmt == "pdf" else content.decode()
    assert "Sam Okafor" in text and "Friday 18 December 2026" in text


def test_render_letter_defaults_to_pdf(tmp_path):
    out = tmp_path / "letter"
    assert (
        manage(
            "render_letter", "request_assessment", "--case", str(FIXTURE), "--out", str(out)
        ).returncode
        == 0
    )
    assert out.read_bytes().startswith(b"%PDF")


def write(tmp_path, name, content):
    path = tmp_path / name
    path.write_text(content if isinstance(content, str) else json.dumps(content))
    return str(path)


@pytest.mark.parametrize(
    ("make_case", "message"),
    [
        (lambda tmp: str(tmp / "missing.json"), "no such file"),
        (lambda tmp: write(tmp, "bad.json", "{not json"), "not valid JSON (line 1)"),
        (lambda tmp: write(tmp, "list.json", [1]), "a case file must be a JSON object"),
        (
            lambda tmp: write(tmp, "extra.json", {**json.loads(FIXTURE.read_text()), "x": 1}),
            "unknown key: x",
        ),
        (
            lambda tmp: write(
                tmp,
                "thin.json",
                {
                    "format": "ehcp-case/1",
                    "child": {"first_name": "Sam"},
                    "applicant": {"name": "Grace"},
                    "local_authority": {"name": "Bristol City Council"},
                },
            ),
            "the request_assessment letter needs: child.last_name, child.date_of_birth, "
            "child.pronouns, applicant.relationship, applicant.address, needs",
        ),
    ],
    ids=["missing", "not-json", "not-object", "unknown-key", "lacks-fields"],
)
def test_render_letter_exits_2_with_one_line_for_a_bad_case(tmp_path, make_case, message):
    out = tmp_path / "never.pdf"
    result = manage(
        "render_letter", "request_assessment", "--case", make_case(tmp_path), "--out", str(out)
    )
    assert result.returncode == 2
    assert result.stdout == ""
    assert len(result.stderr.splitlines()) == 1
    assert message in result.stderr
    assert not out.exists()


def test_render_letter_unknown_kind_exits_2(tmp_path):
    result = manage(
        "render_letter", "love_letter", "--case", str(FIXTURE), "--out", str(tmp_path / "x.pdf")
    )
    assert result.returncode == 2
    assert "unknown letter kind 'love_letter'" in result.stderr
    assert len(result.stderr.splitlines()) == 1


def load_demo_data() -> str:
    """In-process: with DJANGO_DEBUG=true the command writes accounts and cases, which must
    go to the test database, never the developer's db.sqlite3 a subprocess would open."""
    from io import StringIO

    from django.core.management import call_command

    out = StringIO()
    call_command("load_demo_data", stdout=out)
    return out.getvalue()


@pytest.mark.django_db
def test_load_demo_data_checks_the_shipped_example_and_makes_nothing_outside_development(
    settings,
):
    from ehcp_site.accounts.models import User

    settings.DEBUG = False
    out = load_demo_data()
    assert "Demo case ready: Sam Okafor" in out
    assert "only created in development" in out
    assert not User.objects.exists()


@pytest.mark.django_db
def test_load_demo_data_makes_the_demo_organisation_once(settings):
    from ehcp_site.accounts.models import Membership, Organisation, User
    from journeys.management.commands.load_demo_data import DEMO_PASSWORD, ORGANISATION
    from journeys.models import Case, CaseNote, OrganisationShare

    settings.DEBUG = True
    out = load_demo_data()
    assert "Demo case ready: Sam Okafor" in out
    assert DEMO_PASSWORD in out
    organisation = Organisation.objects.get(name=ORGANISATION)
    assert organisation.name == "Sunrise SEND Support (demo)"
    roles = Membership.objects.filter(organisation=organisation).values_list("user__email", "role")
    assert sorted(roles) == [("admin@example.org", "admin"), ("worker@example.org", "worker")]
    for email in ("parent@example.org", "worker@example.org", "admin@example.org"):
        assert User.objects.get(email=email).check_password(DEMO_PASSWORD), email
    cases = Case.objects.filter(owner__email="parent@example.org")
    assert cases.count() >= 3
    assert OrganisationShare.objects.filter(organisation=organisation).count() == cases.count()
    # Varied enough to show the dashboard: an overdue case, a coming one, one with none.
    today = timezone.localdate()
    deadlines = [c.next_deadline_on for c in cases]
    assert any(d and d < today for d in deadlines)
    assert any(d and d >= today for d in deadlines)
    assert None in deadlines
    assert len({c.journey for c in cases}) >= 3
    counts = (Case.objects.count(), OrganisationShare.objects.count(), CaseNote.objects.count())

    again = load_demo_data()  # idempotent: nothing new the second time
    assert "(0 new)" in again
    assert (Case.objects.count(), OrganisationShare.objects.count(), CaseNote.objects.count()) == (
        counts
    )
    assert Membership.objects.count() == 2 and Organisation.objects.count() == 1


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (
            {
                **json.loads(FIXTURE.read_text()),
                "events": [{"type": "request_received", "date": "9999-12-01"}],
            },
            "events.0.date: '9999-12-01' is outside 1900-2100",
        ),
        (
            {
                **json.loads(FIXTURE.read_text()),
                "events": [{"type": "phase_transfer_year", "date": "0001-01-01"}],
            },
            "is outside 1900-2100",
        ),
        ("[" * 100000 + "]" * 100000, "nested too deeply to be a case file"),
    ],
    ids=["far-future", "year-one", "deep-nesting"],
)
@pytest.mark.parametrize("command", ["deadlines", "render_letter"])
def test_odd_files_exit_2_with_one_line_not_a_traceback(tmp_path, content, message, command):
    path = write(tmp_path, "odd.json", content)
    args = (
        ["render_letter", "la_missed_deadline", "--case", path, "--out", str(tmp_path / "x.pdf")]
        if command == "render_letter"
        else ["deadlines", "--case", path]
    )
    result = manage(*args)
    assert result.returncode == 2, result.stderr
    assert result.stdout == ""
    assert len(result.stderr.splitlines()) == 1
    assert message in result.stderr


def version_2_fixture() -> dict:
    """The Sam fixture as version 2, with version 2's keys and new event types."""
    case = json.loads(FIXTURE.read_text())
    case["format"] = "ehcp-case/2"
    case["represents"] = {"name": "Grace Okafor", "relationship": "parent"}
    case["plan"] = {"preferred_setting": "Oakfield School", "preferred_setting_kind": "academy"}
    case["events"] = [
        *case.get("events", []),
        {"type": "tribunal_decision", "date": "2026-11-02", "order": "assess"},
        {"type": "ombudsman_complaint_made", "date": "2026-11-03"},
    ]
    return case


def test_journey_schema_validates_both_versions_and_refuses_a_version_1_file_with_v2_keys():
    schema = json.loads(manage("journey_schema").stdout)
    validator = Draft202012Validator(schema)
    assert not list(validator.iter_errors(version_2_fixture()))
    v1_with_v2_key = {**json.loads(FIXTURE.read_text()), "represents": {"name": "Grace"}}
    assert list(validator.iter_errors(v1_with_v2_key))


@pytest.mark.parametrize("version", [1, 2])
def test_deadlines_and_render_letter_accept_both_versions(tmp_path, version):
    content = json.loads(FIXTURE.read_text()) if version == 1 else version_2_fixture()
    path = write(tmp_path, f"v{version}.json", content)
    result = manage("deadlines", "--case", path, "--today", "2026-12-01")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)
    out = tmp_path / "letter.html"
    result = manage(
        "render_letter", "request_assessment", "--case", path, "--out", str(out), "--format", "html"
    )
    assert result.returncode == 0, result.stderr
    assert "Sam" in out.read_text()


def test_a_version_1_file_with_a_version_2_key_exits_2_naming_the_key(tmp_path):
    path = write(
        tmp_path, "mixed.json", {**json.loads(FIXTURE.read_text()), "represents": {"name": "G"}}
    )
    result = manage("deadlines", "--case", path)
    assert result.returncode == 2
    assert len(result.stderr.splitlines()) == 1
    assert "represents is part of version 2" in result.stderr
    assert '"ehcp-case/2"' in result.stderr


@pytest.mark.django_db
def test_demo_worker_signs_in_straight_onto_the_caseload(settings):
    """The demo accounts are made confirmed: no "Confirm your email address first"."""
    from django.test import Client

    from ehcp_site.accounts.models import Organisation, User
    from journeys.management.commands.load_demo_data import DEMO_PASSWORD, ORGANISATION

    settings.DEBUG = True
    load_demo_data()
    assert all(user.email_verified for user in User.objects.all())
    organisation = Organisation.objects.get(name=ORGANISATION)
    browser = Client()
    response = browser.post(
        "/account/sign-in/",
        {"username": "worker@example.org", "password": DEMO_PASSWORD},
        follow=True,
    )
    assert response.redirect_chain[-1][0] == f"/organisations/{organisation.id}/caseload/"
    assert "Sam Okafor" in response.content.decode()
    parent = Client()
    response = parent.post(
        "/account/sign-in/", {"username": "parent@example.org", "password": DEMO_PASSWORD}
    )
    assert response["Location"] == "/cases/"
