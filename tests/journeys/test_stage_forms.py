"""Validation on every stage journey page, and the forms built from earlier answers."""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from journeys.forms.stages import text_key
from journeys.wizard.answers import form_for_step
from journeys.wizard.definition import APPEAL, MEDIATION, PLAN, REFUSAL
from tests.conftest import VAGUE_SECTION_F, date_parts, stage_answers

REQUIRED = {
    (REFUSAL, "refusal-kind"): {"decision_kind": "Select what the council refused"},
    (REFUSAL, "decision-date"): {"decision_date": "Enter the date on the decision letter"},
    (REFUSAL, "refusal-reasons"): {"common": "Select or add at least one reason the council gave"},
    (REFUSAL, "advice-beyond-resources"): {"beyond": "Select yes, no or not sure"},
    (REFUSAL, "wants-mediation"): {"wants_mediation": "Select whether you want mediation"},
    (REFUSAL, "what-changed"): {},
    (REFUSAL, "outcome"): {},
    (PLAN, "plan-stage"): {"plan_stage": "Select whether it is a draft or a final plan"},
    (PLAN, "plan-date"): {"plan_date": "Enter the date you received the plan"},
    (PLAN, "plan-section-b"): {},
    (PLAN, "plan-section-f"): {"text": "Paste or type section F of the plan"},
    (PLAN, "plan-section-i"): {},
    (PLAN, "preferred-setting"): {},
    (PLAN, "preferred-setting-kind"): {
        "preferred_setting_kind": "Select what kind of school or college it is"
    },
    (PLAN, "plan-needs-fixes"): {},
    (PLAN, "meeting"): {"meeting": "Select yes if you want a meeting"},
    (PLAN, "personal-budget"): {
        "personal_budget": "Select yes if you want to ask for a personal budget"
    },
    (MEDIATION, "which-decision"): {"decision_kind": "Select the decision you disagree with"},
    (MEDIATION, "adviser-contacted"): {
        "contacted": "Select yes if you have contacted the mediation adviser"
    },
    (MEDIATION, "adviser-contacted-date"): {
        "contacted_date": "Enter the date you contacted the adviser"
    },
    (MEDIATION, "wants-mediation"): {"wants_mediation": "Select whether you want mediation"},
    (MEDIATION, "mediation-issues"): {"issues": "Enter at least one thing to talk about"},
    (MEDIATION, "mediation-not-needed"): {},
    (MEDIATION, "mediation-requested-date"): {},
    (MEDIATION, "adviser-name"): {},
    (APPEAL, "certificate-date"): {},
    (APPEAL, "appeal-late"): {"late_reason": "Explain why the appeal is late"},
    (APPEAL, "appeal-points"): {"points": "Enter at least one thing you disagree with"},
    (APPEAL, "health-care"): {
        "health_or_care": "Select yes if health or social care needs are involved"
    },
    (APPEAL, "outcome"): {},
    (APPEAL, "preferred-setting"): {},
    (APPEAL, "preferred-setting-kind"): {
        "preferred_setting_kind": "Select what kind of school or college it is"
    },
}


@pytest.mark.parametrize(
    ("key", "expected"), list(REQUIRED.items()), ids=[f"{j.slug}-{s}" for j, s in REQUIRED]
)
def test_empty_submission_names_each_missing_answer(key, expected):
    journey, slug = key
    form = form_for_step(journey.step(slug), {}, {})
    assert form.is_valid() is (not expected)
    assert {name: errors[0] for name, errors in form.errors.items()} == expected


@pytest.mark.parametrize("journey", [REFUSAL, PLAN, MEDIATION, APPEAL], ids=lambda j: j.slug)
def test_every_stage_page_has_a_validation_row_or_is_shared(journey):
    shared = {
        "child-name",
        "child-pronouns",
        "child-date-of-birth",
        "local-authority",
        "your-details",
        "your-contact",
        "represents-details",
        "represents-contact",
        "child-setting",
        "evidence",
        "school-view",
        "check-answers",
        "reason-responses",
        "appeal-responses",
        "plan-fixes",
        "witnesses",
        "which-decision-date",
        # shared with the request journey, whose table (tests/journeys/test_forms.py) has them
        "acting-for-young-person",
        "child-views",
        "child-strengths",
        "preparing-for-adulthood",
    }
    covered = {slug for j, slug in REQUIRED if j is journey}
    assert {s.slug for s in journey.steps} - shared <= covered | {"which-decision"}


def test_decision_dates_cannot_be_in_the_future():
    tomorrow = timezone.localdate() + timedelta(days=1)
    form = form_for_step(
        REFUSAL.step("decision-date"),
        date_parts("decision-date-decision_date", tomorrow.day, tomorrow.month, tomorrow.year),
    )
    assert form.errors["decision_date"] == ["The decision letter date must be today or in the past"]


def test_a_certificate_before_the_decision_is_refused():
    answers = {"which-decision-date": {"decision_date": date(2026, 3, 10)}}
    form = form_for_step(
        APPEAL.step("certificate-date"),
        date_parts("certificate-date-certificate_date", 1, 3, 2026),
        answers,
    )
    assert form.errors["certificate_date"] == [
        "The certificate date must be the same as or after the decision letter date"
    ]
    ok = form_for_step(
        APPEAL.step("certificate-date"),
        date_parts("certificate-date-certificate_date", 10, 3, 2026),
        answers,
    )
    assert ok.is_valid()


class ReasonResponsesTests:
    answers = {"refusal-reasons": {"common": ["Reason A"], "other": "Reason B\n\n  Reason C "}}

    def test_one_optional_box_per_reason_in_order(self):
        form = form_for_step(REFUSAL.step("reason-responses"), {}, self.answers)
        assert [f.label for f in form.fields.values()] == [
            "The council said: \u201cReason A\u201d",
            "The council said: \u201cReason B\u201d",
            "The council said: \u201cReason C\u201d",
        ]
        assert form.is_valid()

    def test_answers_pair_each_reason_with_its_response(self):
        form = form_for_step(
            REFUSAL.step("reason-responses"),
            {f"reason-responses-response_{text_key('Reason B')}": "Our EP says otherwise."},
            self.answers,
        )
        assert form.is_valid()
        assert form.cleaned_data["responses"] == [
            {"reason": "Reason A", "response": ""},
            {"reason": "Reason B", "response": "Our EP says otherwise."},
            {"reason": "Reason C", "response": ""},
        ]

    def test_an_answer_too_long_is_refused_and_kept(self):
        form = form_for_step(
            REFUSAL.step("reason-responses"),
            {f"reason-responses-response_{text_key('Reason A')}": "y" * 3001},
            self.answers,
        )
        name = f"response_{text_key('Reason A')}"
        assert form.errors[name] == ["Your answer must be 3,000 characters or fewer"]
        assert form[name].value() == "y" * 3001


class PlanFixesTests:
    answers = {"plan-section-f": {"text": VAGUE_SECTION_F}}

    def test_asks_five_questions_for_each_vague_sentence_only(self):
        form = form_for_step(PLAN.step("plan-fixes"), {}, self.answers)
        assert [r.sentence for r in form.reports] == [
            "Sam will have access to speech and language therapy as needed.",
            "Sam may benefit from support from an adult at unstructured times.",
        ]
        assert len(form.fields) == 10

    def test_builds_specific_wording_from_the_answers(self):
        data = stage_answers("plan")["plan-fixes"]
        form = form_for_step(PLAN.step("plan-fixes"), data, self.answers)
        assert form.is_valid()
        first, second = form.cleaned_data["fixes"]
        assert first["section"] == "F"
        assert "vague:access to" in first["flags"] and "vague:as needed" in first["flags"]
        assert first["proposed"] == (
            "A speech and language therapist will deliver 1:1 language therapy, 3 times a week, "
            "for 30 minutes each session. Progress will be reviewed every 6 weeks against SMART "
            "targets."
        )
        assert second["proposed"] == ""

    def test_no_vague_sentences_no_questions(self):
        form = form_for_step(
            PLAN.step("plan-fixes"),
            {},
            {
                "plan-section-f": {
                    "text": (
                        "A speech and language therapist will deliver 1:1 therapy for "
                        "30 minutes, 3 times a week, reviewed every 6 weeks."
                    )
                }
            },
        )
        assert form.fields == {} and form.reports == []


def test_editing_the_reasons_keeps_each_answer_with_its_own_reason():
    before = {"refusal-reasons": {"common": [], "other": "Reason A\nReason B\nReason C"}}
    data = {
        f"reason-responses-response_{text_key(r)}": f"Answer to {r[-1]}"
        for r in ("Reason A", "Reason B", "Reason C")
    }
    after = {"refusal-reasons": {"common": [], "other": "Reason B\nReason C"}}
    form = form_for_step(REFUSAL.step("reason-responses"), data, after)
    assert form.is_valid()
    assert form.cleaned_data["responses"] == [
        {"reason": "Reason B", "response": "Answer to B"},
        {"reason": "Reason C", "response": "Answer to C"},
    ]
    assert form_for_step(REFUSAL.step("reason-responses"), data, before).is_valid()


def test_a_repeated_reason_gets_one_box():
    answers = {"refusal-reasons": {"common": [], "other": "Same\nsame"}}
    form = form_for_step(REFUSAL.step("reason-responses"), {}, answers)
    assert len(form.fields) == 1


def test_the_refusal_reasons_error_sits_on_the_first_box():
    form = form_for_step(REFUSAL.step("refusal-reasons"), {"refusal-reasons-other": " "})
    assert form.errors == {"common": ["Select or add at least one reason the council gave"]}
