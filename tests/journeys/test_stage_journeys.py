"""The refusal, plan, mediation and appeal journeys: definitions, whole journeys, case files."""

import re
from datetime import date, timedelta

import pytest
from django.utils import timezone

from journeys.models import Case
from journeys.wizard.definition import APPEAL, MEDIATION, PLAN, REFUSAL
from tests.conftest import (
    ABOUT_SLUGS,
    REFUSAL_REASONS,
    STEP_URL,
    date_parts,
    is_sign_in_redirect,
    request_answers,
    signed_in_client,
    stage_answers,
    walk,
)


class StageDefinitionTests:
    def test_refusal_steps(self):
        assert REFUSAL.visible_steps({}) == [
            *ABOUT_SLUGS,
            "child-setting",
            "refusal-kind",
            "decision-date",
            "refusal-reasons",
            "reason-responses",
            "what-changed",
            "evidence",
            "child-views",
            "child-strengths",
            "wants-mediation",
            "outcome",
            "check-answers",
        ]

    def test_plan_steps_for_a_draft_with_vague_provision(self):
        answers = {
            "plan-stage": {"plan_stage": "draft"},
            "plan-section-f": {"text": "Access to therapy as needed."},
        }
        assert PLAN.visible_steps(answers)[len(ABOUT_SLUGS) :] == [
            "plan-stage",
            "plan-date",
            "plan-section-b",
            "plan-section-f",
            "plan-fixes",
            "plan-section-i",
            "preferred-setting",
            "child-views",
            "child-strengths",
            "meeting",
            "personal-budget",
            "check-answers",
        ]

    def test_plan_steps_for_a_final_plan_with_specific_provision(self):
        answers = {
            "plan-stage": {"plan_stage": "final"},
            "plan-section-f": {
                "text": (
                    "A speech and language therapist will deliver 1:1 therapy for 30 minutes, "
                    "3 times a week, reviewed every 6 weeks."
                )
            },
        }
        visible = PLAN.visible_steps(answers)
        assert "plan-fixes" not in visible and "meeting" not in visible

    @pytest.mark.parametrize(
        ("decision", "contacted", "wants", "expected"),
        [
            (
                "refusal_to_assess",
                "no",
                "no",
                [
                    "which-decision",
                    "which-decision-date",
                    "adviser-contacted",
                    "wants-mediation",
                    "adviser-name",
                ],
            ),
            (
                "placement_only",
                "yes",
                "yes",
                [
                    "which-decision",
                    "which-decision-date",
                    "mediation-not-needed",
                    "adviser-contacted",
                    "adviser-contacted-date",
                    "wants-mediation",
                    "mediation-requested-date",
                    "mediation-issues",
                    # The child's voice, for the one-page summary taken into mediation.
                    "child-views",
                    "child-strengths",
                    "adviser-name",
                ],
            ),
        ],
    )
    def test_mediation_steps(self, decision, contacted, wants, expected):
        answers = {
            "which-decision": {"decision_kind": decision},
            "adviser-contacted": {"contacted": contacted},
            "wants-mediation": {"wants_mediation": wants},
        }
        assert MEDIATION.visible_steps(answers)[len(ABOUT_SLUGS) : -1] == expected

    def test_appeal_in_time_asks_no_late_reason_and_placement_needs_no_certificate(self):
        today = timezone.localdate()
        in_time = {
            "which-decision": {"decision_kind": "placement_only"},
            "which-decision-date": {"decision_date": today - timedelta(days=10)},
        }
        visible = APPEAL.visible_steps(in_time)
        assert "appeal-late" not in visible and "certificate-date" not in visible
        assert "health-care" in visible

    def test_a_late_appeal_asks_why(self):
        late = {
            "which-decision": {"decision_kind": "refusal_to_assess"},
            "which-decision-date": {"decision_date": date(2026, 1, 5)},
            "certificate-date": {"certificate_date": None},
        }
        visible = APPEAL.visible_steps(late)
        assert "appeal-late" in visible and "certificate-date" in visible
        assert "health-care" not in visible  # a refusal to assess has no plan to recommend on

    def test_a_certificate_can_bring_an_appeal_back_in_time(self):
        today = timezone.localdate()
        answers = {
            "which-decision": {"decision_kind": "plan_contents"},
            "which-decision-date": {"decision_date": today - timedelta(days=75)},
            "certificate-date": {"certificate_date": today - timedelta(days=5)},
        }
        assert "appeal-late" not in APPEAL.visible_steps(answers)
        answers["certificate-date"] = {"certificate_date": None}
        assert "appeal-late" in APPEAL.visible_steps(answers)


def finish(client, journey, **overrides):
    response, visited = walk(client, f"/{journey}/new/", stage_answers(journey, **overrides))
    assert response.status_code == 302, response
    assert response["Location"].endswith("/confirmation/"), response["Location"]
    case_id = STEP_URL.match(response["Location"])["case_id"]
    return case_id, visited, client.get(response["Location"]).content.decode()


def download_links(page):
    return sorted(set(re.findall(r"/letters/(\w+)\.(pdf|docx)", page)))


@pytest.fixture(params=["session", "database"])
def client(request, client):
    """Every journey here runs twice, as formtools tests each storage backend: a visitor's
    answers live in their session, a signed-in parent's in Draft rows (wizard/storage.py)."""
    if request.param == "database":
        return signed_in_client("parent@example.org", "Pat Parent")
    return client


@pytest.mark.django_db
class StageJourneyTests:
    def test_refusal_journey_to_its_letters(self, client):
        case_id, visited, page = finish(client, "refused")
        assert visited[: len(ABOUT_SLUGS)] == list(ABOUT_SLUGS)
        assert {kind for kind, _ in download_links(page)} == {
            "reconsideration_request",
            "mediation_adviser",
            "appeal_reasons",
            "evidence_index",
        }
        case = Case.objects.get(pk=case_id)
        assert case.case_file["decision"] == {
            "kind": "refusal_to_assess",
            "date": "2026-02-20",
            "reasons_given": [
                "Needs can be met from the school's own resources (SEN support)",
                "Sam is making expected progress in English",
            ],
        }
        assert case.case_file["events"] == [
            {"type": "decision_not_to_assess", "date": "2026-02-20"}
        ]
        assert case.extras["refused"]["reason_responses"] == [
            {
                "reason": "Needs can be met from the school's own resources (SEN support)",
                "response": "The school has spent its notional budget and says it cannot meet his "
                "needs.",
            }
        ]
        assert case.extras["refused"]["what_changed"] == "A new EP report dated 10 March 2026."
        # 20 Feb 2026 + 2 months = Mon 20 Apr 2026, a working day.
        assert "Your appeal must reach the SEND Tribunal by 5pm on Monday 20 April 2026." in page
        for kind, fmt in download_links(page):
            response = client.get(f"/cases/{case_id}/letters/{kind}.{fmt}")
            assert response.status_code == 200, (kind, fmt)

    def test_refusal_reasons_are_required(self, client):
        response = client.get("/refused/new/")
        case_id = STEP_URL.match(response["Location"])["case_id"]
        client.post(
            response["Location"],
            {"refused-current_step": "your-details", **stage_answers("refused")["your-details"]},
        )
        response = client.post(
            f"/refused/{case_id}/refusal-reasons/",
            {"refused-current_step": "refusal-reasons", "refusal-reasons-other": "  "},
            follow=True,
        )
        assert "Select or add at least one reason the council gave" in response.content.decode()

    def test_draft_plan_journey_asks_for_specific_wording(self, client):
        case_id, visited, page = finish(client, "plan")
        assert "plan-fixes" in visited and "meeting" in visited
        assert {kind for kind, _ in download_links(page)} == {"draft_plan_representations"}
        case = Case.objects.get(pk=case_id)
        assert case.case_file["plan"]["preferred_setting"] == "Oakfield School"
        assert case.case_file["events"] == [{"type": "draft_plan_issued", "date": "2026-02-03"}]
        fixes = case.extras["plan"]["plan_fixes"]
        assert [f["original"] for f in fixes] == [
            "Sam will have access to speech and language therapy as needed.",
            "Sam may benefit from support from an adult at unstructured times.",
        ]
        assert "vague:access to" in fixes[0]["flags"]
        assert fixes[0]["proposed"].startswith("A speech and language therapist will deliver")
        assert "3 times a week" in fixes[0]["proposed"]
        assert fixes[1]["proposed"] == ""
        assert case.extras["plan"]["meeting_requested"] is True

    def test_plan_fixes_page_shows_each_vague_sentence_and_what_it_lacks(self, client):
        answers = stage_answers("plan")
        response = client.get("/plan/new/")
        case_id = STEP_URL.match(response["Location"])["case_id"]
        for slug in (*ABOUT_SLUGS, "plan-stage", "plan-date", "plan-section-b", "plan-section-f"):
            client.post(f"/plan/{case_id}/{slug}/", {"plan-current_step": slug, **answers[slug]})
        page = client.get(f"/plan/{case_id}/plan-fixes/").content.decode()
        assert "Sentence 1" in page and "Sentence 2" in page and "Sentence 3" not in page
        assert "Sam will have access to speech and language therapy as needed." in page
        assert "Who should provide it?" in page

    def test_final_plan_journey_gives_appeal_documents(self, client):
        case_id, visited, page = finish(
            client, "plan", **{"plan-stage": {"plan-stage-plan_stage": "final"}}
        )
        assert "meeting" not in visited
        assert {kind for kind, _ in download_links(page)} == {
            "appeal_reasons",
            "evidence_index",
            "appeal_checklist",
        }
        case = Case.objects.get(pk=case_id)
        assert case.case_file["decision"] == {"kind": "plan_contents", "date": "2026-02-03"}

    def test_mediation_journey(self, client):
        case_id, visited, page = finish(client, "mediation")
        assert "mediation-not-needed" not in visited
        assert {kind for kind, _ in download_links(page)} == {
            "mediation_adviser",
            "mediation_summary",
        }
        case = Case.objects.get(pk=case_id)
        assert {"type": "mediation_adviser_contacted", "date": "2026-04-02"} in (
            case.case_file["events"]
        )
        assert {"type": "mediation_requested", "date": "2026-04-06"} in case.case_file["events"]
        # Mediation wanted: the council's 30 days (reg 37), not the adviser's 3 working days.
        assert "The council must make sure the mediation meeting happens by" in page
        assert "mediation certificate by" not in page
        assert case.extras["mediation"]["mediation"] == {
            "wants_mediation": True,
            "issues": ["Whether Sam needs a plan", "Speech therapy"],
            "adviser_name": "Global Mediation",
        }

    def test_mediation_for_placement_only_explains_no_certificate_is_needed(self, client):
        _, visited, _ = finish(
            client,
            "mediation",
            **{
                "which-decision": {"which-decision-decision_kind": "placement_only"},
                "wants-mediation": {"wants-mediation-wants_mediation": "no"},
            },
        )
        assert "mediation-not-needed" in visited and "mediation-issues" not in visited

    def test_a_late_appeal_journey(self, client):
        case_id, visited, page = finish(client, "appeal")
        assert "appeal-late" in visited and "health-care" not in visited
        assert {kind for kind, _ in download_links(page)} == {
            "appeal_reasons",
            "evidence_index",
            "appeal_checklist",
        }
        case = Case.objects.get(pk=case_id)
        assert case.extras["appeal"]["appeal"]["late"] is True
        assert case.extras["appeal"]["appeal"]["witnesses"] == [
            {"name": "Ms J Brown", "role": "Class teacher", "evidence": "How Sam copes in class"}
        ]
        assert {"type": "mediation_certificate_issued", "date": "2026-04-01"} in (
            case.case_file["events"]
        )

    def test_an_appeal_in_time_skips_the_late_question(self, client):
        recent = timezone.localdate() - timedelta(days=7)
        _, visited, _ = finish(
            client,
            "appeal",
            **{
                "which-decision": {"which-decision-decision_kind": "plan_contents"},
                "which-decision-date": date_parts(
                    "which-decision-date-decision_date", recent.day, recent.month, recent.year
                ),
                "certificate-date": {"certificate-date-certificate_date_0": ""},
                "health-care": {"health-care-health_or_care": "yes"},
            },
        )
        assert "appeal-late" not in visited and "health-care" in visited


@pytest.mark.django_db
class ContinueCaseTests:
    def test_a_saved_case_continues_into_the_next_stage_with_answers_filled_in(self, client):
        response = client.post("/example/")
        case_id = re.search(r"/request/([0-9a-f-]{36})/", response["Location"])[1]
        response = client.post(f"/cases/{case_id}/continue/refused/")
        # Everything about the child, parent and council is known: straight to the decision.
        assert response["Location"] == f"/refused/{case_id}/refusal-kind/"
        page = client.get(f"/refused/{case_id}/child-name/").content.decode()
        assert 'value="Sam"' in page
        answers = stage_answers("refused")
        for slug in (
            "refusal-kind",
            "decision-date",
            "refusal-reasons",
            "reason-responses",
            "what-changed",
            "evidence",
            "school-view",
            "child-views",
            "child-strengths",
            "wants-mediation",
            "outcome",
            "check-answers",
        ):
            client.post(
                f"/refused/{case_id}/{slug}/", {"refused-current_step": slug, **answers[slug]}
            )
        case = Case.objects.get(pk=case_id)
        assert case.case_file["decision"]["kind"] == "refusal_to_assess"
        assert [n["area"] for n in case.case_file["needs"]] == [
            "communication_interaction",
            "semh",
        ]  # the request's answers are kept

    def test_only_the_owner_can_continue(self, client):
        from django.test import Client

        response = client.post("/example/")
        case_id = re.search(r"/request/([0-9a-f-]{36})/", response["Location"])[1]
        continue_url = f"/cases/{case_id}/continue/refused/"
        assert is_sign_in_redirect(Client().post(continue_url))
        assert signed_in_client().post(continue_url).status_code == 404
        assert client.post(f"/cases/{case_id}/continue/start/").status_code == 404


@pytest.mark.django_db
def test_wanting_mediation_without_a_date_yet_starts_no_certificate_clock(client):
    case_id, _, page = finish(
        client,
        "mediation",
        **{"mediation-requested-date": {"mediation-requested-date-requested_date_0": ""}},
    )
    events = Case.objects.get(pk=case_id).case_file["events"]
    assert [e["type"] for e in events] == ["decision_not_to_issue_plan"]
    assert "mediation certificate by" not in page


@pytest.mark.django_db
def test_correcting_a_decision_date_replaces_the_old_date_in_the_timeline(client):
    case_id, _, _ = finish(client, "refused")
    client.post(
        f"/cases/{case_id}/timeline/",
        {"event-event_type": "request_received", **date_parts("event-event_date", 5, 1, 2026)},
    )
    client.post(
        f"/refused/{case_id}/decision-date/?return=check",
        {
            "refused-current_step": "decision-date",
            **date_parts("decision-date-decision_date", 10, 2, 2026),
        },
    )
    client.post(f"/refused/{case_id}/check-answers/", {"refused-current_step": "check-answers"})
    events = Case.objects.get(pk=case_id).case_file["events"]
    assert events == [
        {"type": "request_received", "date": "2026-01-05"},  # the timeline's own date stays
        {"type": "decision_not_to_assess", "date": "2026-02-10"},
    ]
    page = client.get(f"/cases/{case_id}/timeline/").content.decode()
    # 10 Feb 2026 + 2 months = Fri 10 Apr 2026, a working day (Easter 2026 is 3-6 April).
    assert "Friday 10 April 2026" in page and "20 April 2026" not in page


# -- issue 10 (journeys) ---------------------------------------------------------------------

ADVOCATE_ANSWERS = {
    "your-details": {
        "your-details-name": "Priya Shah",
        "your-details-relationship": "advocate",
    },
    "represents-details": {
        "represents-details-name": "Grace Okafor",
        "represents-details-relationship": "parent",
    },
    "represents-contact": {
        "represents-contact-address_line_1": "12 Elm Road",
        "represents-contact-address_line_2": "",
        "represents-contact-town": "Bristol",
        "represents-contact-postcode": "bs1 1aa",
        "represents-contact-email": "grace@example.org",
        "represents-contact-phone": "",
    },
}
GRACE = {
    "name": "Grace Okafor",
    "relationship": "parent",
    "address": ["12 Elm Road", "Bristol", "BS1 1AA"],
    "email": "grace@example.org",
}


@pytest.mark.django_db
class WhoAppealsJourneyTests:
    @pytest.mark.parametrize("journey", ["refused", "appeal", "mediation", "plan"])
    def test_an_advocate_names_the_person_whose_rights_these_are(self, client, journey):
        case_id, visited, _ = finish(client, journey, **ADVOCATE_ANSWERS)
        # Right after the advocate's own details, before the child's.
        assert visited[2:4] == ["represents-details", "represents-contact"]
        case = Case.objects.get(pk=case_id).case_file
        assert case["format"] == "ehcp-case/2"
        assert case["applicant"]["relationship"] == "advocate"
        assert case["represents"] == GRACE

    def test_the_request_journey_names_the_parent(self, client):
        response, visited = walk(client, "/request/new/", request_answers(**ADVOCATE_ANSWERS))
        assert "represents-details" in visited
        case_id = STEP_URL.match(response["Location"])["case_id"]
        assert Case.objects.get(pk=case_id).case_file["represents"] == GRACE

    def test_check_answers_shows_the_person_whose_rights_these_are(self, client):
        answers = stage_answers("appeal", **ADVOCATE_ANSWERS)
        response = client.get("/appeal/new/")
        case_id = STEP_URL.match(response["Location"])["case_id"]
        for slug in (*ABOUT_SLUGS, "represents-details", "represents-contact"):
            client.post(
                f"/appeal/{case_id}/{slug}/", {"appeal-current_step": slug, **answers[slug]}
            )
        page = client.get(f"/appeal/{case_id}/check-answers/").content.decode()
        assert "The person you are helping" in page and "Grace Okafor" in page


@pytest.mark.django_db
class RefusalQuestionsJourneyTests:
    def test_a_refusal_after_assessment_asks_about_resources_and_mediation(self, client):
        case_id, visited, _ = finish(
            client,
            "refused",
            **{
                "refusal-kind": {"refusal-kind-decision_kind": "refusal_to_issue_plan"},
                "wants-mediation": {"wants-mediation-wants_mediation": "yes"},
            },
        )
        assert "advice-beyond-resources" in visited and "wants-mediation" in visited
        extras = Case.objects.get(pk=case_id).extras["refused"]
        assert extras["mediation"] == {"wants_mediation": True}
        assert extras["advice_beyond_school_resources"] is True

    @pytest.mark.parametrize(("answer", "expected"), [("no", False), ("not_sure", None)])
    def test_no_or_not_sure_about_resources(self, client, answer, expected):
        case_id, _, _ = finish(
            client,
            "refused",
            **{
                "refusal-kind": {"refusal-kind-decision_kind": "refusal_to_issue_plan"},
                "advice-beyond-resources": {"advice-beyond-resources-beyond": answer},
            },
        )
        extras = Case.objects.get(pk=case_id).extras["refused"]
        assert extras.get("advice_beyond_school_resources") is expected
        assert extras["mediation"] == {"wants_mediation": False}

    def test_a_home_educated_child_is_not_asked_the_schools_view(self, client):
        case_id, visited, _ = finish(
            client,
            "refused",
            **{
                "child-setting": {"child-setting-setting_kind": "home_educated"},
                "refusal-kind": {"refusal-kind-decision_kind": "refusal_to_issue_plan"},
            },
        )
        assert "school-view" not in visited and "advice-beyond-resources" not in visited
        case = Case.objects.get(pk=case_id)
        assert case.case_file["child"]["setting"] == {"kind": "home_educated"}
        assert "school_view" not in case.case_file
        assert "advice_beyond_school_resources" not in case.extras["refused"]


@pytest.mark.django_db
class NamingASchoolJourneyTests:
    @pytest.mark.parametrize(
        ("kind", "cited", "not_cited"),
        [
            ("maintained_school", "s.39(3) and (4)", "Education Act 1996, s.9"),
            ("independent_s41", "s.39(3) and (4)", "Education Act 1996, s.9"),
            ("independent_other", "Education Act 1996, s.9", "s.39(3) and (4)"),
        ],
    )
    def test_the_plan_journey_records_the_kind_and_next_steps_cite_its_law(
        self, client, kind, cited, not_cited
    ):
        case_id, visited, page = finish(
            client,
            "plan",
            **{"preferred-setting-kind": {"preferred-setting-kind-preferred_setting_kind": kind}},
        )
        assert visited[visited.index("preferred-setting") + 1] == "preferred-setting-kind"
        plan = Case.objects.get(pk=case_id).case_file["plan"]
        assert plan["preferred_setting"] == "Oakfield School"
        assert plan["preferred_setting_kind"] == kind
        assert cited in page and not_cited not in page

    def test_the_kind_page_explains_the_section_41_list(self, client):
        from journeys.forms.stages import PreferredSettingKindForm

        hint = PreferredSettingKindForm.base_fields["preferred_setting_kind"].help_text
        assert "section 41 approved list" in hint

    def test_a_placement_appeal_asks_for_the_school_and_its_kind(self, client):
        recent = timezone.localdate() - timedelta(days=7)
        case_id, visited, page = finish(
            client,
            "appeal",
            **{
                "which-decision": {"which-decision-decision_kind": "placement_only"},
                "which-decision-date": date_parts(
                    "which-decision-date-decision_date", recent.day, recent.month, recent.year
                ),
            },
        )
        assert "preferred-setting" in visited and "preferred-setting-kind" in visited
        plan = Case.objects.get(pk=case_id).case_file["plan"]
        assert plan == {
            "preferred_setting": "Oakfield School",
            "preferred_setting_kind": "independent_other",
        }
        assert "Education Act 1996, s.9" in page


@pytest.mark.django_db
def test_vague_needs_in_section_b_become_plan_fixes(client):
    vague_b = "Sam has some difficulties with reading at times."
    from journeys.forms.stages import text_key

    case_id, visited, _ = finish(
        client,
        "plan",
        **{
            "plan-section-b": {"plan-section-b-text": vague_b},
            "plan-needs-fixes": {
                f"plan-needs-fixes-instead_{text_key(vague_b)}": "Sam reads at a Year 1 level."
            },
        },
    )
    assert "plan-needs-fixes" in visited
    page = client.get(f"/plan/{case_id}/plan-needs-fixes/").content.decode()
    assert "Make the needs in section B specific" in page
    assert "What should sentence 1 say instead?" in page and vague_b in page
    assert "does not say how often this happens" in page  # why it is flagged
    fixes = Case.objects.get(pk=case_id).extras["plan"]["plan_fixes"]
    assert fixes[0]["section"] == "B"
    assert fixes[0]["original"] == vague_b
    assert fixes[0]["proposed"] == "Sam reads at a Year 1 level."
    assert any(flag.startswith("vague_need:") for flag in fixes[0]["flags"])
    assert {f["section"] for f in fixes[1:]} == {"F"}


@pytest.mark.django_db
def test_a_late_appeal_keeps_the_reason(client):
    case_id, visited, _ = finish(client, "appeal")
    assert "appeal-late" in visited
    appeal = Case.objects.get(pk=case_id).extras["appeal"]["appeal"]
    assert appeal["late"] is True
    assert appeal["late_reason"] == "The letter did not mention appeals."


@pytest.mark.django_db
class CarryForwardTests:
    def refused_case(self, client):
        case_id, _, _ = finish(client, "refused")
        return case_id

    def test_refusal_to_appeal_starts_with_the_decision_reasons_and_answers(self, client):
        case_id = self.refused_case(client)
        response = client.post(f"/cases/{case_id}/continue/appeal/")
        # The decision, its date and the reasons are known: the first question left is the
        # certificate (then the rest); nothing about the decision is asked again.
        assert response["Location"] == f"/appeal/{case_id}/certificate-date/"
        page = client.get(f"/appeal/{case_id}/which-decision-date/").content.decode()
        assert 'value="20"' in page and 'value="2026"' in page
        page = client.get(f"/appeal/{case_id}/appeal-points/").content.decode()
        for reason in REFUSAL_REASONS:
            assert reason.replace("'", "&#x27;") in page
        page = client.get(f"/appeal/{case_id}/appeal-responses/").content.decode()
        assert "The school has spent its notional budget" in page
        page = client.get(f"/appeal/{case_id}/evidence/").content.decode()
        assert "Dr A Patel" in page

    def test_refusal_to_mediation_starts_with_the_decision_and_reasons(self, client):
        case_id = self.refused_case(client)
        response = client.post(f"/cases/{case_id}/continue/mediation/")
        assert response["Location"] == f"/mediation/{case_id}/adviser-contacted/"
        page = client.get(f"/mediation/{case_id}/which-decision/").content.decode()
        assert 'value="refusal_to_assess" checked' in page or re.search(
            r'value="refusal_to_assess"[^>]*checked', page
        )
        page = client.get(f"/mediation/{case_id}/which-decision-date/").content.decode()
        assert 'value="20"' in page and 'value="2026"' in page
        # What the parent chose in the refusal journey (the certificate only) is kept.
        page = client.get(f"/mediation/{case_id}/wants-mediation/").content.decode()
        assert re.search(r'value="no"[^>]*checked', page)
        # If they now want mediation, the issues start from the council's reasons.
        client.post(
            f"/mediation/{case_id}/wants-mediation/",
            {"mediation-current_step": "wants-mediation", "wants-mediation-wants_mediation": "yes"},
        )
        page = client.get(f"/mediation/{case_id}/mediation-issues/").content.decode()
        assert REFUSAL_REASONS[1] in page

    def test_an_advocates_person_is_carried_forward(self, client):
        case_id, _, _ = finish(client, "refused", **ADVOCATE_ANSWERS)
        response = client.post(f"/cases/{case_id}/continue/appeal/")
        assert "represents" not in response["Location"]
        page = client.get(f"/appeal/{case_id}/represents-details/").content.decode()
        assert 'value="Grace Okafor"' in page

    def test_a_second_child_starts_with_the_parents_details(self):
        parent = signed_in_client("grace@example.org", "Grace Okafor")
        finish(parent, "refused")
        response = parent.get("/request/new/")
        case_id = STEP_URL.match(response["Location"])["case_id"]
        details = parent.get(f"/request/{case_id}/your-details/").content.decode()
        assert 'value="Grace Okafor"' in details
        contact = parent.get(f"/request/{case_id}/your-contact/").content.decode()
        assert 'value="12 Elm Road"' in contact and 'value="grace@example.org"' in contact
        assert 'value="07700 900123"' in contact
        child = parent.get(f"/request/{case_id}/child-name/").content.decode()
        assert 'value="Sam"' not in child  # a new child: nothing about the first one


@pytest.mark.django_db
class TimelineContradictionTests:
    def test_a_second_request_received_is_refused_beside_the_field(self, client):
        case_id, _, _ = finish(client, "refused")
        url = f"/cases/{case_id}/timeline/"
        client.post(
            url,
            {"event-event_type": "request_received", **date_parts("event-event_date", 5, 1, 2026)},
        )
        response = client.post(
            url,
            {"event-event_type": "request_received", **date_parts("event-event_date", 9, 1, 2026)},
        )
        page = response.content.decode()
        assert response.status_code == 200
        assert "already recorded (5 January 2026)" in page
        # Beside the date field, as a GOV.UK error message, and in the error summary.
        assert re.search(
            r'id="id_event-event_date-error" class="govuk-error-message">'
            r"<span class=\"govuk-visually-hidden\">Error:</span> The date the council "
            r"received the request is already recorded",
            page,
        )
        events = Case.objects.get(pk=case_id).case_file["events"]
        assert [e for e in events if e["type"] == "request_received"] == [
            {"type": "request_received", "date": "2026-01-05"}
        ]

    def test_a_final_plan_before_the_request_is_refused(self, client):
        case_id, _, _ = finish(client, "refused")
        url = f"/cases/{case_id}/timeline/"
        client.post(
            url,
            {"event-event_type": "request_received", **date_parts("event-event_date", 5, 1, 2026)},
        )
        page = client.post(
            url,
            {"event-event_type": "final_plan_issued", **date_parts("event-event_date", 2, 1, 2026)},
        ).content.decode()
        assert "before the council received the request (5 January 2026)" in page

    def test_a_request_after_the_decision_is_refused(self, client):
        case_id, _, _ = finish(client, "refused")  # decision 20 Feb 2026
        page = client.post(
            f"/cases/{case_id}/timeline/",
            {"event-event_type": "request_received", **date_parts("event-event_date", 1, 3, 2026)},
        ).content.decode()
        assert "The council must receive the request before anything it decides" in page

    def test_the_add_date_form_offers_every_event_of_version_2(self, client):
        case_id, _, _ = finish(client, "refused")
        page = client.get(f"/cases/{case_id}/timeline/").content.decode()
        assert 'value="phase_transfer_year"' in page
        assert 'value="tribunal_decision"' in page
        assert 'value="pre_action_letter_sent"' in page
