"""Services that write a case: merging a stage's case file, and each stage's extras."""

import re

import pytest

from journeys.models import Case
from journeys.cases.services import case_extras_for, merge_case_files

SAVED = {
    "format": "ehcp-case/1",
    "child": {
        "first_name": "Sam",
        "last_name": "Okafor",
        "year_group": "Year 4",
        "setting": {"name": "Hillside", "kind": "mainstream"},
        "diagnoses": ["autism"],
    },
    "applicant": {"name": "Grace", "relationship": "parent", "phone": "07700 900123"},
    "local_authority": {"name": "Bristol City Council"},
    "decision": {"kind": "refusal_to_assess", "date": "2026-02-20", "reasons_given": ["A"]},
    "events": [{"type": "request_received", "date": "2026-01-05"}],
}


def test_a_stage_that_asks_less_keeps_what_it_did_not_ask():
    new = {
        "format": "ehcp-case/1",
        "child": {"first_name": "Sam", "last_name": "Okafor", "pronouns": "he"},
        "applicant": {"name": "Grace O", "relationship": "parent"},
        "local_authority": {"name": "Bristol City Council"},
        "decision": {"kind": "refusal_to_assess", "date": "2026-02-20"},
        "events": [{"type": "decision_not_to_assess", "date": "2026-02-20"}],
    }
    merged = merge_case_files(SAVED, new)
    assert merged["child"] == {**SAVED["child"], "pronouns": "he"}
    assert merged["applicant"] == {
        "name": "Grace O",
        "relationship": "parent",
        "phone": "07700 900123",
    }
    assert merged["decision"]["reasons_given"] == ["A"]  # the same decision keeps its reasons
    assert merged["events"] == [
        {"type": "request_received", "date": "2026-01-05"},
        {"type": "decision_not_to_assess", "date": "2026-02-20"},
    ]


def test_a_different_decision_replaces_the_old_one_whole():
    new = {"decision": {"kind": "plan_contents", "date": "2026-09-01"}}
    assert merge_case_files(SAVED, new)["decision"] == new["decision"]


def test_each_journey_keeps_its_own_extras_and_its_own_win_for_its_letters():
    case = Case(
        extras={
            "refused": {
                "reason_responses": [{"reason": "A", "response": "refusal answer"}],
                "what_changed": "new report",
            },
            "appeal": {"reason_responses": [{"reason": "A", "response": "appeal answer"}]},
        }
    )
    assert case_extras_for(case, "refused")["reason_responses"][0]["response"] == ("refusal answer")
    assert case_extras_for(case, "appeal")["reason_responses"][0]["response"] == "appeal answer"
    assert case_extras_for(case)["what_changed"] == "new report"
    assert case_extras_for(case, "no-such-journey")["reason_responses"][0]["response"] == (
        "appeal answer"
    )


@pytest.mark.django_db
def test_a_confirmation_page_exists_only_for_journeys_the_case_went_through(client):
    response = client.post("/example/")
    case_id = re.search(r"/request/([0-9a-f-]{36})/", response["Location"])[1]
    assert client.get(f"/request/{case_id}/confirmation/").status_code == 200
    assert client.get(f"/appeal/{case_id}/confirmation/").status_code == 404
