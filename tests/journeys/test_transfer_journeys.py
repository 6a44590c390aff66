"""The phase transfer, re-assessment and Tribunal order journeys (issue 14): definitions (the
visible steps for given answers), whole journeys through Django's client, the case files and
extras they save, and what their confirmation pages say and offer."""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Any

import pytest
from django.utils import timezone

from journeys.cases.timeline import overdue_council_duties
from journeys.forms.transfers import REASSESSMENT_REASONS, move_years
from journeys.models import Case
from journeys.wizard.definition import JOURNEYS, REASSESSMENT, TRANSFER, TRIBUNAL_ORDER
from tests.conftest import (
    ABOUT_SLUGS,
    STEP_URL,
    VOICE_LEFT_BLANK,
    about_answers,
    date_parts,
    request_answers,
    respond,
    signed_in_client,
    walk,
)


def next_move_year() -> str:
    return move_years(timezone.localdate())[0][0]


def transfer_answers(**overrides: dict[str, Any]) -> dict[str, dict[str, Any]]:
    later = timezone.localdate() + timedelta(days=300)
    answers = {
        **about_answers(),
        **VOICE_LEFT_BLANK,
        "transfer-kind": {"transfer-kind-transfer": "school"},
        "transfer-year": {"transfer-year-year": next_move_year()},
        "transfer-date": date_parts("transfer-date-move_date", later.day, later.month, later.year),
        "preferred-setting": {"preferred-setting-preferred_setting": "Oakfield Academy"},
        "preferred-setting-kind": {"preferred-setting-kind-preferred_setting_kind": "academy"},
        "transfer-why": {"transfer-why-why": "Small classes and a speech therapist on site."},
        "check-answers": {},
    }
    answers.update(overrides)
    return answers


def reassessment_answers(**overrides: dict[str, Any]) -> dict[str, dict[str, Any]]:
    reason = REASSESSMENT_REASONS[2]
    answers = {
        **about_answers(),
        **VOICE_LEFT_BLANK,
        "reassessment-changes": {
            "reassessment-changes-needs": "He now has panic attacks most mornings.",
            "reassessment-changes-setting": "",
            "reassessment-changes-diagnoses": "",
            "reassessment-changes-advice": "CAMHS recommend weekly therapy.",
        },
        "evidence": request_answers()["evidence"],
        "reassessment-asked": {"reassessment-asked-status": "not_asked"},
        "reassessment-requested-date": date_parts(
            "reassessment-requested-date-requested_date", 2, 11, 2026
        ),
        "decision-date": date_parts("decision-date-decision_date", 20, 10, 2026),
        "refusal-reasons": {"refusal-reasons-common": [reason], "refusal-reasons-other": ""},
        "reason-responses": {
            respond("reason-responses", reason): "The review in June did not change anything."
        },
        "check-answers": {},
    }
    answers.update(overrides)
    return answers


def tribunal_answers(**overrides: dict[str, Any]) -> dict[str, dict[str, Any]]:
    answers = {
        **about_answers(),
        **VOICE_LEFT_BLANK,
        "tribunal-how": {"tribunal-how-how": "decided"},
        "tribunal-date": date_parts("tribunal-date-decision_date", 2, 11, 2026),
        "unopposed-date": date_parts("unopposed-date-decision_date", 2, 11, 2026),
        "tribunal-order": {"tribunal-order-order": "amend_plan"},
        "tribunal-order-text": {
            "tribunal-order-text-order_text": "Section F to include weekly SLT."
        },
        "check-answers": {},
    }
    answers.update(overrides)
    return answers


YOUNG_PERSON = {
    "child-name": {"child-name-first_name": "Priya", "child-name-last_name": "Shah"},
    "child-pronouns": {"child-pronouns-pronouns": "she"},
    "child-date-of-birth": date_parts("child-date-of-birth-date_of_birth", 10, 3, 2008),
    "your-details": {
        "your-details-name": "Priya Shah",
        "your-details-relationship": "young_person",
    },
}


def finish(client, journey: str, answers):
    response, visited = walk(client, f"/{journey}/new/", answers)
    assert response.status_code == 302, response
    assert response["Location"].endswith("/confirmation/"), response["Location"]
    case_id = STEP_URL.match(response["Location"])["case_id"]
    return case_id, visited, client.get(response["Location"]).content.decode()


def download_links(page: str) -> set[str]:
    return {kind for kind, _ in re.findall(r"/letters/(\w+)\.(pdf|docx)", page)}


class TransferDefinitionTests:
    def test_a_school_move_asks_the_year(self):
        answers = {
            "transfer-kind": {"transfer": "school"},
            "preferred-setting": {"preferred_setting": "Oakfield Academy"},
        }
        assert TRANSFER.visible_steps(answers) == [
            *ABOUT_SLUGS,
            "transfer-kind",
            "transfer-year",
            "preferred-setting",
            "preferred-setting-kind",
            "transfer-why",
            "child-views",
            "child-strengths",
            "check-answers",
        ]

    def test_a_move_between_post16_places_asks_the_date(self):
        answers = {"transfer-kind": {"transfer": "between_post16"}}
        visible = TRANSFER.visible_steps(answers)
        assert "transfer-date" in visible and "transfer-year" not in visible

    def test_an_advocate_is_asked_whose_rights_these_are(self):
        answers = {"your-details": {"relationship": "advocate"}}
        visible = TRANSFER.visible_steps(answers)
        assert visible[2:4] == ["represents-details", "represents-contact"]

    def test_the_journeys_are_served(self):
        assert {"transfer", "reassessment", "tribunal-order"} <= set(JOURNEYS)


class ReassessmentDefinitionTests:
    @pytest.mark.parametrize(
        ("status", "expected"),
        [
            ("not_asked", []),
            ("asked", ["reassessment-requested-date"]),
            ("refused", ["decision-date", "refusal-reasons", "reason-responses"]),
        ],
    )
    def test_steps_after_whether_the_council_was_asked(self, status, expected):
        answers = {"reassessment-asked": {"status": status}}
        assert REASSESSMENT.visible_steps(answers)[len(ABOUT_SLUGS) :] == [
            "reassessment-changes",
            "evidence",
            "reassessment-asked",
            *expected,
            "child-views",
            "child-strengths",
            "check-answers",
        ]


class TribunalOrderDefinitionTests:
    @pytest.mark.parametrize(
        ("how", "order", "expected"),
        [
            ("decided", "amend_plan", ["tribunal-date", "tribunal-order", "tribunal-order-text"]),
            ("decided", "dismissed", ["tribunal-date", "tribunal-order"]),
            ("unopposed", "assess", ["unopposed-date", "tribunal-order", "tribunal-order-text"]),
        ],
    )
    def test_steps(self, how, order, expected):
        answers = {"tribunal-how": {"how": how}, "tribunal-order": {"order": order}}
        assert TRIBUNAL_ORDER.visible_steps(answers)[len(ABOUT_SLUGS) :] == [
            "tribunal-how",
            *expected,
            "check-answers",
        ]

    def test_an_unopposed_appeal_cannot_be_dismissed(self):
        from journeys.forms.transfers import TribunalOrderForm

        unopposed = TribunalOrderForm(answers={"tribunal-how": {"how": "unopposed"}})
        decided = TribunalOrderForm(answers={"tribunal-how": {"how": "decided"}})
        assert "dismissed" not in dict(unopposed.fields["order"].choices)
        assert "dismissed" in dict(decided.fields["order"].choices)


@pytest.fixture(params=["session", "database"])
def client(request, client):
    """Each journey runs with both storage backends (wizard/storage.py)."""
    if request.param == "database":
        return signed_in_client("parent@example.org", "Pat Parent")
    return client


@pytest.mark.django_db
class TransferJourneyTests:
    def test_a_school_move_to_its_letter(self, client):
        case_id, visited, page = finish(client, "transfer", transfer_answers())
        assert visited[: len(ABOUT_SLUGS)] == list(ABOUT_SLUGS)
        assert "transfer-date" not in visited
        assert download_links(page) == {"phase_transfer_request"}
        case = Case.objects.get(pk=case_id)
        year = int(next_move_year())
        assert case.case_file["format"] == "ehcp-case/2"
        assert case.case_file["events"] == [
            {"type": "phase_transfer_year", "date": f"{year}-09-01", "transfer": "school"}
        ]
        assert case.case_file["plan"] == {
            "preferred_setting": "Oakfield Academy",
            "preferred_setting_kind": "academy",
        }
        assert case.extras["transfer"] == {
            "transfer": {"why": "Small classes and a speech therapist on site."},
            "child_voice": {},  # the voice pages, asked and left blank
        }
        # The engine's date, with what the regulation says, and the school's law.
        assert f"by Sunday 14 February {year}" in page or f"14 February {year}" in page
        assert "before 15 February" in page
        assert "s.39(3) and (4)" in page
        assert "letter saying it is late" in page  # what to do if the plan is late
        assert "/appeal/new/" in page  # appeal as soon as the amended plan arrives
        for fmt in ("pdf", "docx"):
            response = client.get(f"/cases/{case_id}/letters/phase_transfer_request.{fmt}")
            assert response.status_code == 200

    def test_a_move_between_post16_places_is_dated_by_the_move(self, client):
        later = timezone.localdate() + timedelta(days=300)
        case_id, visited, page = finish(
            client,
            "transfer",
            transfer_answers(**{"transfer-kind": {"transfer-kind-transfer": "between_post16"}}),
        )
        assert "transfer-date" in visited and "transfer-year" not in visited
        event = Case.objects.get(pk=case_id).case_file["events"][0]
        assert event == {
            "type": "phase_transfer_year",
            "date": later.isoformat(),
            "transfer": "between_post16",
        }
        assert "at least 5 months before the move" in page

    def test_a_past_move_date_is_refused_beside_the_field(self, client):
        response = client.get("/transfer/new/")
        case_id = STEP_URL.match(response["Location"])["case_id"]
        answers = transfer_answers(
            **{"transfer-kind": {"transfer-kind-transfer": "between_post16"}}
        )
        for slug in (*ABOUT_SLUGS, "transfer-kind"):
            client.post(
                f"/transfer/{case_id}/{slug}/", {"transfer-current_step": slug, **answers[slug]}
            )
        response = client.post(
            f"/transfer/{case_id}/transfer-date/",
            {
                "transfer-current_step": "transfer-date",
                **date_parts("transfer-date-move_date", 1, 1, 2020),
            },
            follow=True,
        )
        assert "The date of the move must be today or in the future" in response.content.decode()

    def test_a_late_plan_offers_the_chaser(self, client):
        # A September move this school year whose 14 February has passed: only possible
        # between 15 February and 31 August, so the test builds the case file directly.
        from journeys.wizard.definition import _council_is_late

        today = timezone.localdate()
        case_file = {"events": [{"type": "phase_transfer_year", "date": f"{today.year}-09-01"}]}
        late = today > date(today.year, 2, 14)
        assert _council_is_late(case_file, {}) is late


@pytest.mark.django_db
class ReassessmentJourneyTests:
    def test_a_request_not_yet_made_gets_the_request_letter(self, client):
        case_id, _visited, page = finish(client, "reassessment", reassessment_answers())
        assert download_links(page) == {"reassessment_request"}
        case = Case.objects.get(pk=case_id)
        assert "decision" not in case.case_file
        assert case.extras["reassessment"]["reassessment"]["changes"] == {
            "needs": "He now has panic attacks most mornings.",
            "advice": "CAMHS recommend weekly therapy.",
        }
        assert "within 15 days of receiving the request" in page
        assert "SEND Regulations 2014, reg 25(1)" in page

    def test_the_evidence_page_speaks_of_a_re_assessment(self, client):
        response = client.get("/reassessment/new/")
        case_id = STEP_URL.match(response["Location"])["case_id"]
        answers = reassessment_answers()
        for slug in (*ABOUT_SLUGS, "reassessment-changes"):
            client.post(
                f"/reassessment/{case_id}/{slug}/",
                {"reassessment-current_step": slug, **answers[slug]},
            )
        page = client.get(f"/reassessment/{case_id}/evidence/").content.decode()
        assert "since the last assessment" in page
        assert "to ask for an assessment" not in page

    def test_nothing_changed_is_refused(self, client):
        response = client.get("/reassessment/new/")
        case_id = STEP_URL.match(response["Location"])["case_id"]
        answers = reassessment_answers()
        for slug in ABOUT_SLUGS:
            client.post(
                f"/reassessment/{case_id}/{slug}/",
                {"reassessment-current_step": slug, **answers[slug]},
            )
        response = client.post(
            f"/reassessment/{case_id}/reassessment-changes/",
            {"reassessment-current_step": "reassessment-changes"},
            follow=True,
        )
        assert "Say what has changed in at least one part" in response.content.decode()

    def test_a_request_already_made_records_when_the_council_received_it(self, client):
        case_id, visited, page = finish(
            client,
            "reassessment",
            reassessment_answers(**{"reassessment-asked": {"reassessment-asked-status": "asked"}}),
        )
        assert "reassessment-requested-date" in visited
        case = Case.objects.get(pk=case_id)
        assert case.case_file["events"] == [
            {"type": "reassessment_requested", "date": "2026-11-02"}
        ]
        assert "reassessment_request" not in download_links(page)

    def test_a_refusal_gets_the_appeal_documents(self, client):
        case_id, _visited, page = finish(
            client,
            "reassessment",
            reassessment_answers(
                **{"reassessment-asked": {"reassessment-asked-status": "refused"}}
            ),
        )
        assert download_links(page) >= {"appeal_reasons", "evidence_index", "appeal_checklist"}
        assert "reassessment_request" not in download_links(page)
        case = Case.objects.get(pk=case_id)
        assert case.case_file["decision"] == {
            "kind": "refusal_to_reassess",
            "date": "2026-10-20",
            "reasons_given": [REASSESSMENT_REASONS[2]],
        }
        assert case.case_file["events"] == [
            {"type": "decision_not_to_reassess", "date": "2026-10-20"}
        ]
        extras = case.extras["reassessment"]
        assert extras["reason_responses"][0]["response"].startswith("The review in June")
        assert extras["appeal"]["grounds"] == [
            "Needs have changed since the last assessment: He now has panic attacks most mornings.",
            "New advice from professionals: CAMHS recommend weekly therapy.",
        ]
        assert "s.51(2)(d)" in page
        for kind in ("appeal_reasons", "evidence_index", "appeal_checklist"):
            for fmt in ("pdf", "docx"):
                response = client.get(f"/cases/{case_id}/letters/{kind}.{fmt}")
                assert response.status_code == 200, (kind, fmt)


@pytest.mark.django_db
class TribunalOrderJourneyTests:
    def test_an_order_is_recorded_and_no_letter_is_written_before_a_date_passes(self, client):
        case_id, _visited, page = finish(client, "tribunal-order", tribunal_answers())
        case = Case.objects.get(pk=case_id)
        assert case.case_file["events"] == [
            {"type": "tribunal_decision", "date": "2026-11-02", "order": "amend_plan"}
        ]
        assert case.extras["tribunal-order"] == {
            "tribunal": {"unopposed": False, "order_text": "Section F to include weekly SLT."}
        }
        assert "Section F to include weekly SLT." in page
        assert "SEND Regulations 2014, reg 44" in page
        overdue = bool(overdue_council_duties(case.case_file, today=timezone.localdate()))
        assert ("la_missed_deadline" in download_links(page)) is overdue

    def test_check_answers_says_no_letter_is_written(self, client):
        answers = tribunal_answers()
        response = client.get("/tribunal-order/new/")
        case_id = STEP_URL.match(response["Location"])["case_id"]
        for slug in (*ABOUT_SLUGS, "tribunal-how", "tribunal-date", "tribunal-order"):
            client.post(
                f"/tribunal-order/{case_id}/{slug}/",
                {"tribunal-order-current_step": slug, **answers[slug]},
            )
        page = client.get(f"/tribunal-order/{case_id}/check-answers/").content.decode()
        assert "Nothing is sent to the council or the Tribunal." in page
        assert "write your letter" not in page

    def test_an_unopposed_appeal_counts_from_the_councils_notice(self, client):
        case_id, visited, page = finish(
            client,
            "tribunal-order",
            tribunal_answers(
                **{
                    "tribunal-how": {"tribunal-how-how": "unopposed"},
                    "tribunal-order": {"tribunal-order-order": "assess"},
                }
            ),
        )
        assert "unopposed-date" in visited and "tribunal-date" not in visited
        case = Case.objects.get(pk=case_id)
        assert case.case_file["events"][0]["order"] == "assess"
        assert case.extras["tribunal-order"]["tribunal"]["unopposed"] is True
        assert "reg 45" in page

    def test_a_dismissed_appeal_says_what_it_means_and_where_to_get_help(self, client):
        _case_id, visited, page = finish(
            client,
            "tribunal-order",
            tribunal_answers(**{"tribunal-order": {"tribunal-order-order": "dismissed"}}),
        )
        assert "tribunal-order-text" not in visited
        assert "The Tribunal dismissed the appeal" in page
        assert "IPSEA" in page and "SENDIASS" in page
        assert "Dates that matter" not in page


@pytest.mark.django_db
def test_a_young_person_writes_the_transfer_letter_in_the_first_person(client):
    from tests.letters.pdf_text import pdf_text

    case_id, _, _page = finish(client, "transfer", transfer_answers(**YOUNG_PERSON))
    text = pdf_text(client.get(f"/cases/{case_id}/letters/phase_transfer_request.pdf").content)
    assert "I am writing for myself, as a young person." in text
    assert "I am moving to a new school" in text
    assert "my child" not in text.lower()
