"""The case file contract (docs/case-format.md): schema, validation and round trips."""

import copy
import json
from datetime import date

import pytest
from django.utils.datastructures import MultiValueDict
from jsonschema import Draft202012Validator

from journeys.cases.casefile import (
    CASE_SCHEMA,
    LOG_TEXT_LENGTH,
    CaseFileError,
    _text_length,
    case_from_request_answers,
    example_case_file,
    log_text_length,
    request_step_data_from_case,
    validate_case_file,
)
from journeys.wizard.answers import journey_answers
from journeys.wizard.definition import REQUEST_ASSESSMENT
from tests.conftest import request_answers

# The example in CASE_FORMAT.md, with every enum reduced to one value.
CONTRACT_EXAMPLE = {
    "format": "ehcp-case/1",
    "child": {
        "first_name": "Sam",
        "last_name": "Okafor",
        "date_of_birth": "2017-05-02",
        "pronouns": "he",
        "year_group": "Year 4",
        "setting": {"name": "Hillside Primary School", "kind": "mainstream"},
        "diagnoses": ["autism", "ADHD"],
    },
    "applicant": {
        "name": "Grace Okafor",
        "relationship": "parent",
        "address": ["12 Elm Road", "Bristol", "BS1 1AA"],
        "email": "grace@example.org",
        "phone": "07700 900123",
    },
    "local_authority": {"name": "Bristol City Council"},
    "needs": [{"area": "semh", "description": "what the child finds hard", "impact": "impact"}],
    "support_tried": [
        {"description": "small-group phonics", "since": "2025-09-01", "outcome": "none"}
    ],
    "evidence": [
        {
            "kind": "educational_psychologist",
            "author": "Dr A Patel",
            "date": "2026-03-10",
            "title": "EP report",
            "key_points": "recommends ...",
        }
    ],
    "school_view": "supports",
    "events": [{"type": "request_received", "date": "2026-01-12"}],
    "decision": {
        "kind": "refusal_to_assess",
        "date": "2026-02-20",
        "reasons_given": ["needs can be met from SEN support"],
    },
    "plan": {"sections": {"B": "...", "F": "...", "I": "..."}, "preferred_setting": "..."},
    "notes": "anything else",
}

MINIMAL = {
    "format": "ehcp-case/1",
    "child": {"first_name": "Sam"},
    "applicant": {"name": "Grace"},
    "local_authority": {"name": "Bristol City Council"},
}


def test_schema_is_a_valid_draft_2020_12_schema():
    Draft202012Validator.check_schema(CASE_SCHEMA)
    assert CASE_SCHEMA["$schema"] == "https://json-schema.org/draft/2020-12/schema"


@pytest.mark.parametrize("case", [CONTRACT_EXAMPLE, MINIMAL], ids=["full", "minimal"])
def test_contract_examples_are_valid(case):
    assert validate_case_file(copy.deepcopy(case)) == case
    assert not list(Draft202012Validator(CASE_SCHEMA).iter_errors(case))


@pytest.mark.parametrize(
    ("mutate", "message"),
    [
        (lambda c: c.update(colour="blue"), "unknown key: colour"),
        (lambda c: c["child"].update(shoe_size=3), "unknown key: child.shoe_size"),
        (lambda c: c["needs"][0].update(severity=9), "unknown key: needs.0.severity"),
        (lambda c: c.pop("applicant"), "the case file: 'applicant' is a required property"),
        (lambda c: c["child"].pop("first_name"), "child: 'first_name' is a required property"),
        (lambda c: c.update(format="ehcp-case/3"), "format: 'ehcp-case/3' is not one of"),
        (
            lambda c: c["child"].update(date_of_birth="2017-02-30"),
            "child.date_of_birth: '2017-02-30' is not a real date",
        ),
        (
            lambda c: c["child"].update(date_of_birth="02/05/2017"),
            "child.date_of_birth: '02/05/2017' does not match",
        ),
        (lambda c: c["needs"][0].update(area="maths"), "needs.0.area: 'maths' is not one of"),
        (lambda c: c["events"][0].update(type="party"), "events.0.type: 'party' is not one of"),
    ],
)
def test_invalid_case_files_are_refused_with_one_clear_line(mutate, message):
    case = copy.deepcopy(CONTRACT_EXAMPLE)
    mutate(case)
    with pytest.raises(CaseFileError) as raised:
        validate_case_file(case)
    assert str(raised.value).startswith(message)
    assert "\n" not in str(raised.value)


def test_a_non_object_is_refused():
    with pytest.raises(CaseFileError, match="must be a JSON object"):
        validate_case_file([1, 2])


def stored(step_data):
    return lambda slug: MultiValueDict(step_data[slug]) if slug in step_data else None


def posted_answers():
    """The cleaned answers a parent gives by posting `request_answers()` step by step."""
    raw = {
        slug: {k: v if isinstance(v, list) else [v] for k, v in data.items()}
        for slug, data in request_answers().items()
    }
    return journey_answers(REQUEST_ASSESSMENT, stored(raw))


class RoundTripTests:
    def test_answers_to_case_file(self):
        case = case_from_request_answers(posted_answers())
        assert case["child"] == {
            "first_name": "Sam",
            "last_name": "Okafor",
            "date_of_birth": "2017-05-02",
            "pronouns": "he",
            "year_group": "Year 4",
            "setting": {"name": "Hillside Primary School", "kind": "mainstream"},
            "diagnoses": ["autism", "ADHD"],
        }
        assert case["applicant"]["address"] == ["12 Elm Road", "Bristol", "BS1 1AA"]
        assert [n["area"] for n in case["needs"]] == ["communication_interaction", "semh"]
        assert case["support_tried"][0]["since"] == "2025-09-01"
        assert [e["author"] for e in case["evidence"]] == [
            "Dr A Patel",
            "Jo Smith, speech and language therapist",
        ]
        assert "title" not in case["evidence"][1]  # left blank, so left out
        assert case["school_view"] == "supports"
        assert case["notes"] == "Sam loves trains and drawing."

    def test_answers_to_case_file_and_back_to_the_same_answers(self):
        answers = posted_answers()
        case = case_from_request_answers(answers)
        again = journey_answers(REQUEST_ASSESSMENT, stored(request_step_data_from_case(case)))
        # The child's voice is kept beside the case file (extras), not in it.
        beside = {"check-answers", "child-views", "child-strengths", "preparing-for-adulthood"}
        assert {k: v for k, v in again.items() if k not in beside} == {
            k: v for k, v in answers.items() if k not in beside
        }

    @pytest.mark.parametrize("case_name", ["example", "fixture"])
    def test_case_file_to_answers_and_back_to_the_same_case_file(self, case_name, case_file):
        case = example_case_file() if case_name == "example" else case_file
        case.pop("events", None)  # not asked in the request journey
        answers = journey_answers(REQUEST_ASSESSMENT, stored(request_step_data_from_case(case)))
        unanswered = [s for s in REQUEST_ASSESSMENT.visible_steps(answers) if s not in answers]
        # Only the optional voice pages, kept beside the case file (extras), are left to ask.
        assert unanswered == ["child-views", "child-strengths", "check-answers"]
        assert case_from_request_answers(answers) == {**case, "format": "ehcp-case/2"}

    def test_home_educated_child_round_trips_without_a_school(self):
        case = copy.deepcopy(CONTRACT_EXAMPLE)
        for key in ("events", "decision", "plan"):
            case.pop(key)
        case["child"]["setting"] = {"kind": "home_educated"}
        case["child"].pop("year_group")
        case.pop("school_view")
        answers = journey_answers(REQUEST_ASSESSMENT, stored(request_step_data_from_case(case)))
        assert "setting-details" not in answers
        assert case_from_request_answers(answers) == {**case, "format": "ehcp-case/2"}

    def test_the_case_file_is_plain_json(self):
        case = case_from_request_answers(posted_answers())
        assert json.loads(json.dumps(case)) == case
        assert date.fromisoformat(case["child"]["date_of_birth"])


# Version 2 (CASE_FORMAT.md "Version 2"): every new key and value once.
VERSION_2 = {
    **copy.deepcopy(CONTRACT_EXAMPLE),
    "format": "ehcp-case/2",
    "applicant": {"name": "Priya Shah", "relationship": "advocate", "email": "p@example.org"},
    "represents": {
        "name": "Grace Okafor",
        "relationship": "parent",
        "address": ["12 Elm Road", "Bristol", "BS1 1AA"],
        "email": "grace@example.org",
        "phone": "07700 900123",
    },
    "acting_for_young_person": "agreed",
    "decision": {"kind": "refusal_to_reassess", "date": "2026-02-20"},
    "plan": {
        "sections": {"F": "..."},
        "preferred_setting": "Oakfield School",
        "preferred_setting_kind": "independent_other",
    },
    "evidence": [{"kind": "educational_psychologist", "file": "ep-report-2026-03.pdf"}],
    "events": [
        {"type": "phase_transfer_year", "date": "2027-09-01", "transfer": "post16"},
        {"type": "tribunal_decision", "date": "2026-11-02", "order": "amend_plan"},
        {"type": "decision_not_to_amend", "date": "2026-06-01"},
        {"type": "pre_action_letter_sent", "date": "2026-07-01"},
    ],
    "provision": [
        {
            "id": "f1",
            "section": "F",
            "text": "1 hour a week of direct speech and language therapy",
            "sessions": 1,
            "per": "week",
            "minutes": 60,
            "provider": "NHS SLT service",
            "term_time_only": True,
        }
    ],
    "delivery_log": [
        {"provision": "f1", "date": "2026-09-08", "delivered": "no", "minutes": 0, "note": "ill"}
    ],
}


class Version2Tests:
    def test_a_version_2_file_is_valid_against_the_validator_and_the_schema(self):
        assert validate_case_file(copy.deepcopy(VERSION_2)) == VERSION_2
        assert not list(Draft202012Validator(CASE_SCHEMA).iter_errors(VERSION_2))

    def test_a_version_1_file_is_still_valid(self):
        assert validate_case_file(copy.deepcopy(CONTRACT_EXAMPLE)) == CONTRACT_EXAMPLE

    @pytest.mark.parametrize(
        ("mutate", "named"),
        [
            (lambda c: c.update(represents={"name": "Grace"}), "represents"),
            (lambda c: c.update(acting_for_young_person="agreed"), "acting_for_young_person"),
            (lambda c: c.update(provision=[]), "provision"),
            (lambda c: c.update(delivery_log=[]), "delivery_log"),
            (
                lambda c: c["plan"].update(preferred_setting_kind="academy"),
                "plan.preferred_setting_kind",
            ),
            (
                lambda c: c["decision"].update(kind="refusal_to_reassess"),
                "decision.kind refusal_to_reassess",
            ),
            (lambda c: c["evidence"][0].update(file="ep.pdf"), "evidence.0.file"),
            (
                lambda c: c["events"].append(
                    {"type": "phase_transfer_year", "date": "2027-09-01", "transfer": "post16"}
                ),
                "events.1.transfer",
            ),
            (
                lambda c: c["events"].append({"type": "tribunal_decision", "date": "2026-11-02"}),
                "events.1.type tribunal_decision",
            ),
        ],
    )
    def test_a_version_1_file_using_a_version_2_key_names_it(self, mutate, named):
        case = copy.deepcopy(CONTRACT_EXAMPLE)
        mutate(case)
        with pytest.raises(CaseFileError) as raised:
            validate_case_file(case)
        assert str(raised.value) == (
            f"{named} is part of version 2 of the case file: "
            'the file should say "format": "ehcp-case/2"'
        )
        # The published schema refuses it too.
        assert list(Draft202012Validator(CASE_SCHEMA).iter_errors(case))

    @pytest.mark.parametrize(
        ("event", "message"),
        [
            (
                {"type": "request_received", "date": "2026-01-12", "transfer": "post16"},
                "events.0.transfer: only a phase_transfer_year event takes transfer",
            ),
            (
                {"type": "final_plan_issued", "date": "2026-01-12", "order": "assess"},
                "events.0.order: only a tribunal_decision event takes order",
            ),
        ],
    )
    def test_an_event_key_only_on_its_own_event(self, event, message):
        case = {**copy.deepcopy(MINIMAL), "format": "ehcp-case/2", "events": [event]}
        with pytest.raises(CaseFileError, match=message):
            validate_case_file(case)
        assert list(Draft202012Validator(CASE_SCHEMA).iter_errors(case))

    def test_represents_is_a_parent_carer_or_young_person(self):
        case = copy.deepcopy(VERSION_2)
        case["represents"]["relationship"] = "advocate"
        with pytest.raises(CaseFileError, match=r"represents\.relationship"):
            validate_case_file(case)

    def test_an_evidence_file_is_a_name_without_folders(self):
        case = copy.deepcopy(VERSION_2)
        case["evidence"][0]["file"] = "../secret.pdf"
        with pytest.raises(CaseFileError, match=r"evidence\.0\.file"):
            validate_case_file(case)

    def test_the_request_journey_round_trips_represents(self):
        case = copy.deepcopy(VERSION_2)
        for key in ("acting_for_young_person", "provision", "delivery_log", "plan", "events"):
            case.pop(key)
        case.pop("decision")
        case["evidence"] = copy.deepcopy(CONTRACT_EXAMPLE["evidence"])
        case["applicant"] = {**CONTRACT_EXAMPLE["applicant"], "relationship": "advocate"}
        answers = journey_answers(REQUEST_ASSESSMENT, stored(request_step_data_from_case(case)))
        assert "represents-details" in answers and "represents-contact" in answers
        assert case_from_request_answers(answers) == case


def weekly_log(*, items: int, weeks: int, note: str) -> list[dict]:
    """A delivery log of `weeks` weekly records for `items` items, from 1 September 2025."""
    start = date(2025, 9, 1).toordinal()
    return [
        {
            "provision": f"f{item}",
            "date": date.fromordinal(start + 7 * week).isoformat(),
            "delivered": "partly",
            "minutes": 20,
            "note": note,
        }
        for week in range(weeks)
        for item in range(1, items + 1)
    ]


class DeliveryLogBudgetTests:
    def test_three_years_of_weekly_records_for_8_items_fit_beside_a_full_case(self):
        case = copy.deepcopy(VERSION_2)
        case["notes"] = "x" * 5_000
        case["delivery_log"] = weekly_log(items=8, weeks=156, note="TA off sick, no cover")
        assert len(case["delivery_log"]) == 1_248
        assert validate_case_file(case) is case
        # The log is not counted in the case's total, and has its own budget.
        assert _text_length(case) < 10_000
        assert log_text_length(case["delivery_log"]) == 1_248 * (2 + 21)

    def test_a_log_over_its_own_budget_is_refused_by_name(self):
        case = copy.deepcopy(VERSION_2)
        case["delivery_log"] = weekly_log(items=8, weeks=70, note="n" * 200)
        assert log_text_length(case["delivery_log"]) > LOG_TEXT_LENGTH
        with pytest.raises(CaseFileError, match=r"^delivery_log: its notes hold more than 100,000"):
            validate_case_file(case)

    def test_dates_and_delivered_are_not_counted(self):
        assert (
            log_text_length([{"provision": "f1", "date": "2026-09-08", "delivered": "partly"}]) == 2
        )
        assert log_text_length("not a list") == 0
        assert log_text_length(["not a row", {"note": "ab"}]) == 2
