"""Services that write a case: merging a stage's case file, and each stage's extras."""

import re
from datetime import date, timedelta

import pytest
from django.utils import timezone

from journeys.cases.services import (
    case_create,
    case_drafts_delete_for_owner,
    case_event_add,
    case_extras_for,
    case_letter_check_save,
    case_summary_refresh,
    case_touch,
    merge_case_files,
)
from journeys.models import Case
from journeys.rules.decision_letter import check_decision_letter
from tests.factories import CaseFactory

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


# -- what every write of a case also does (once Case.save did it) ------------------------


class CaseSummaryRefreshTests:
    def test_the_list_columns_say_what_the_case_file_says(self):
        case = Case(
            case_file={
                **SAVED,
                "events": [{"type": "request_received", "date": "2026-01-05"}],
            }
        )
        fields = case_summary_refresh(case=case)
        assert set(fields) == set(Case.SUMMARY_FIELDS)
        assert (case.child_name, case.parent_name, case.council) == (
            "Sam Okafor",
            "Grace",
            "Bristol City Council",
        )
        assert case.next_deadline_rule == "decide_whether_to_assess"
        assert case.next_deadline_on is not None

    def test_a_case_with_nothing_open_has_no_next_deadline(self):
        case = Case(case_file={"format": "ehcp-case/1", "child": {"first_name": "Ada"}})
        case_summary_refresh(case=case)
        assert (case.child_name, case.next_deadline_on, case.next_deadline_rule) == (
            "Ada",
            None,
            "",
        )


@pytest.mark.django_db
class CaseRetentionClockTests:
    def test_a_parents_write_restarts_the_clock(self):
        case = CaseFactory()
        Case.objects.filter(pk=case.pk).update(
            last_active_at=timezone.now() - timedelta(days=400), retention_warnings_sent=1
        )
        case.refresh_from_db()
        case = case_event_add(case=case, event_type="request_received", event_date=date(2026, 1, 5))
        case.refresh_from_db()
        assert (timezone.now() - case.last_active_at).days == 0
        assert case.retention_warnings_sent == 0
        assert case.next_deadline_rule == "decide_whether_to_assess"

    def test_opening_a_case_touches_it_at_most_once_a_day(self):
        case = CaseFactory()
        before = case.last_active_at
        case_touch(case=case)
        case.refresh_from_db()
        assert case.last_active_at == before  # touched less than a day ago: no write

    def test_a_created_case_has_its_summary(self):
        case = case_create(journey="request", case_file=SAVED)
        assert Case.objects.filter(child_name="Sam Okafor").get() == case


@pytest.mark.django_db
def test_deleting_an_account_deletes_every_draft_of_its_cases():
    from journeys.models import Draft
    from tests.conftest import make_user

    parent, friend = make_user("p@example.org"), make_user("f@example.org")
    mine, theirs = CaseFactory(owner=parent), CaseFactory(owner=friend)
    for case in (mine, theirs):
        Draft.objects.create(user=friend, case_id=case.id, journey="appeal", data={})
    case_drafts_delete_for_owner(user=parent)
    assert list(Draft.objects.values_list("case_id", flat=True)) == [theirs.id]


def test_a_stage_asking_only_the_setting_kind_keeps_the_schools_name_and_the_plan():
    saved = {**SAVED, "plan": {"sections": {"F": "Access to therapy."}}}
    new = {
        "format": "ehcp-case/2",
        "child": {"first_name": "Sam", "setting": {"kind": "mainstream"}},
        "applicant": {"name": "Grace"},
        "local_authority": {"name": "Bristol City Council"},
        "plan": {"preferred_setting": "Oakfield", "preferred_setting_kind": "academy"},
    }
    merged = merge_case_files(saved, new)
    assert merged["child"]["setting"] == {"name": "Hillside", "kind": "mainstream"}
    assert merged["plan"] == {
        "sections": {"F": "Access to therapy."},
        "preferred_setting": "Oakfield",
        "preferred_setting_kind": "academy",
    }
    moved = {**new, "child": {"first_name": "Sam", "setting": {"kind": "home_educated"}}}
    assert merge_case_files(saved, moved)["child"]["setting"] == {"kind": "home_educated"}


@pytest.mark.django_db
def test_adding_a_date_that_contradicts_the_timeline_is_refused():
    from journeys.cases.services import EventContradicts, case_event_add

    case = CaseFactory(journey="refused", case_file=SAVED)
    with pytest.raises(EventContradicts, match="already recorded"):
        case_event_add(case=case, event_type="request_received", event_date=date(2026, 1, 9))
    with pytest.raises(EventContradicts, match="before the council received the request"):
        case_event_add(case=case, event_type="final_plan_issued", event_date=date(2026, 1, 1))
    case_event_add(case=case, event_type="final_plan_issued", event_date=date(2026, 6, 1))
    assert {"type": "final_plan_issued", "date": "2026-06-01"} in Case.objects.get(
        pk=case.pk
    ).case_file["events"]


@pytest.mark.django_db
def test_a_saved_letter_check_reaches_every_letters_extras(case_file):
    case_file = {**case_file, "decision": {"kind": "refusal_to_assess", "date": "2026-02-20"}}
    case = CaseFactory(journey="request", case_file=case_file, extras={"appeal": {"late": True}})
    check = check_decision_letter("You can appeal to the SEND Tribunal.", "refusal_to_assess")
    case_letter_check_save(case=case, check=check)
    case.refresh_from_db()
    merged = case_extras_for(case, "appeal")
    assert merged["late"] is True  # the journey's own extras are untouched
    assert merged["decision_letter"]["missing"] == [code.value for code in check.missing_codes]
    assert "right_of_appeal" not in merged["decision_letter"]["missing"]
