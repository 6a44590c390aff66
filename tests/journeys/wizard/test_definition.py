"""Which steps a parent sees, in which order, for given answers."""

from datetime import date

import pytest

from journeys.wizard.definition import (
    APPEAL,
    JOURNEYS,
    MEDIATION,
    PLAN,
    REFUSAL,
    REQUEST_ASSESSMENT,
    TRIAGE,
)

# Who is filling it in comes first, so every page after speaks to the right person.
ALWAYS_BEFORE_NEEDS = [
    "your-details",
    "your-contact",
    "child-name",
    "child-pronouns",
    "child-date-of-birth",
    "child-setting",
]


def answers(setting_kind=None, areas=()):
    result = {}
    if setting_kind:
        result["child-setting"] = {"setting_kind": setting_kind}
    if areas:
        result["need-areas"] = {"areas": list(areas)}
    return result


class RequestJourneyDefinitionTests:
    def test_mainstream_pupil_with_two_needs(self):
        visible = REQUEST_ASSESSMENT.visible_steps(
            answers("mainstream", ["communication_interaction", "semh"])
        )
        assert visible == [
            *ALWAYS_BEFORE_NEEDS,
            "setting-details",
            "child-diagnoses",
            "local-authority",
            "need-areas",
            "need-communication",
            "need-semh",
            "support-tried",
            "evidence",
            "school-view",
            "child-views",
            "child-strengths",
            "anything-else",
            "check-answers",
        ]

    def test_home_educated_child_skips_every_school_question(self):
        visible = REQUEST_ASSESSMENT.visible_steps(answers("home_educated", ["cognition_learning"]))
        assert "setting-details" not in visible
        assert "school-view" not in visible
        assert visible == [
            *ALWAYS_BEFORE_NEEDS,
            "child-diagnoses",
            "local-authority",
            "need-areas",
            "need-cognition",
            "support-now",  # what they receive now, not the school's SEN support
            "evidence",
            "child-views",
            "child-strengths",
            "anything-else",
            "check-answers",
        ]

    def test_child_in_no_setting_skips_school_questions(self):
        visible = REQUEST_ASSESSMENT.visible_steps(answers("none", ["sensory_physical"]))
        assert "setting-details" not in visible and "school-view" not in visible
        assert "need-sensory" in visible

    def test_all_four_areas_show_all_four_need_pages_in_code_of_practice_order(self):
        visible = REQUEST_ASSESSMENT.visible_steps(
            answers(
                "special",
                ["sensory_physical", "semh", "cognition_learning", "communication_interaction"],
            )
        )
        need_pages = [s for s in visible if s.startswith("need-") and s != "need-areas"]
        assert need_pages == ["need-communication", "need-cognition", "need-semh", "need-sensory"]

    def test_before_any_answer_no_conditional_step_shows(self):
        visible = REQUEST_ASSESSMENT.visible_steps({})
        conditional = {s.slug for s in REQUEST_ASSESSMENT.steps if s.show_if}
        assert not conditional & set(visible)
        assert visible[0] == "your-details" and visible[-1] == "check-answers"


class TriageDefinitionTests:
    def test_triage_asks_country_then_stage(self):
        assert TRIAGE.visible_steps({}) == ["country", "stage"]

    def test_outside_england_leaves_after_the_country_question(self):
        detour = TRIAGE.detour_after("country", {"country": {"country": "scotland"}})
        assert detour is not None and detour.to == "pages:other-nation"
        assert TRIAGE.detour_after("country", {"country": {"country": "england"}}) is None

    def test_each_stage_goes_to_the_journey_of_the_same_name(self):
        for stage in ("request", "refused", "plan", "mediation", "appeal"):
            assert TRIAGE.next_page({"stage": {"stage": stage}}) == ("journeys:new", (stage,))
            assert stage in JOURNEYS


def test_every_journey_has_unique_slugs_and_ends_somewhere():
    for journey in JOURNEYS.values():
        slugs = [s.slug for s in journey.steps]
        assert len(slugs) == len(set(slugs))
        assert journey.next_page is not None or journey.build_case is not None


def test_every_step_slug_has_a_form_with_a_title():
    for journey in JOURNEYS.values():
        for step in journey.steps:
            assert step.form_class.title, step.slug


# -- issue 10: who appeals, naming a school, the refusal's questions, no school place ------

ADVOCATE = {"your-details": {"name": "Priya Shah", "relationship": "advocate"}}
PARENT = {"your-details": {"name": "Grace Okafor", "relationship": "parent"}}
WHOSE_RIGHTS = ["represents-details", "represents-contact"]


class WhoAppealsDefinitionTests:
    @pytest.mark.parametrize("journey", [REQUEST_ASSESSMENT, REFUSAL, PLAN, MEDIATION, APPEAL])
    def test_an_advocate_is_asked_whose_rights_these_are_right_after_their_own_details(
        self, journey
    ):
        visible = journey.visible_steps(ADVOCATE)
        at = visible.index("your-contact")
        assert visible[at + 1 : at + 3] == WHOSE_RIGHTS

    @pytest.mark.parametrize("journey", [REQUEST_ASSESSMENT, REFUSAL, PLAN, MEDIATION, APPEAL])
    def test_a_parent_is_not_asked(self, journey):
        assert not set(WHOSE_RIGHTS) & set(journey.visible_steps(PARENT))


class NamingASchoolDefinitionTests:
    def test_the_plan_journey_asks_what_kind_of_school_only_when_one_is_named(self):
        named = {"preferred-setting": {"preferred_setting": "Oakfield School"}}
        visible = PLAN.visible_steps(named)
        assert visible[visible.index("preferred-setting") + 1] == "preferred-setting-kind"
        empty = {"preferred-setting": {"preferred_setting": ""}}
        assert "preferred-setting-kind" not in PLAN.visible_steps(empty)

    @pytest.mark.parametrize(
        ("decision", "asks"),
        [("placement_only", True), ("plan_contents", False), ("refusal_to_assess", False)],
    )
    def test_the_appeal_journey_asks_for_the_school_in_a_placement_appeal(self, decision, asks):
        answers = {
            "which-decision": {"decision_kind": decision},
            "which-decision-date": {"decision_date": date.today()},
            "preferred-setting": {"preferred_setting": "Oakfield School"},
        }
        visible = APPEAL.visible_steps(answers)
        assert ("preferred-setting" in visible) is asks
        assert ("preferred-setting-kind" in visible) is asks


class RefusalDefinitionTests:
    def answers(self, kind, setting):
        return {
            "child-setting": {"setting_kind": setting},
            "refusal-kind": {"decision_kind": kind},
        }

    def test_a_refusal_to_issue_a_plan_asks_about_the_schools_resources(self):
        visible = REFUSAL.visible_steps(self.answers("refusal_to_issue_plan", "mainstream"))
        assert visible[visible.index("reason-responses") + 1] == "advice-beyond-resources"
        assert "school-view" in visible

    def test_a_refusal_to_assess_does_not(self):
        visible = REFUSAL.visible_steps(self.answers("refusal_to_assess", "mainstream"))
        assert "advice-beyond-resources" not in visible

    @pytest.mark.parametrize("setting", ["home_educated", "none"])
    def test_a_child_with_no_place_is_not_asked_about_a_school(self, setting):
        visible = REFUSAL.visible_steps(self.answers("refusal_to_issue_plan", setting))
        assert "school-view" not in visible and "advice-beyond-resources" not in visible

    def test_the_parent_is_asked_whether_they_want_mediation(self):
        visible = REFUSAL.visible_steps(self.answers("refusal_to_assess", "mainstream"))
        assert visible[-3:] == ["wants-mediation", "outcome", "check-answers"]


class PlanSectionBDefinitionTests:
    def test_vague_needs_in_section_b_get_their_own_question(self):
        answers = {"plan-section-b": {"text": "Sam has some difficulties with reading at times."}}
        visible = PLAN.visible_steps(answers)
        assert visible[visible.index("plan-section-b") + 1] == "plan-needs-fixes"

    def test_a_specific_section_b_asks_nothing_more(self):
        answers = {"plan-section-b": {"text": "Sam has a severe receptive language disorder."}}
        assert "plan-needs-fixes" not in PLAN.visible_steps(answers)


class NoSchoolPlaceDefinitionTests:
    @pytest.mark.parametrize(
        ("setting", "support_page"),
        [
            ("mainstream", "support-tried"),
            ("early_years", "support-tried"),
            ("home_educated", "support-now"),
            ("none", "support-now"),
        ],
    )
    def test_the_support_page_fits_the_child(self, setting, support_page):
        visible = REQUEST_ASSESSMENT.visible_steps(answers(setting, ["semh"]))
        assert support_page in visible
        other = {"support-tried", "support-now"} - {support_page}
        assert not other & set(visible)


def test_a_journey_that_repeats_a_step_is_refused():
    from journeys.forms.request import ChildNameForm
    from journeys.wizard.definition import Journey, Step

    with pytest.raises(ValueError, match="repeats a step slug"):
        Journey(
            slug="twice",
            title="Twice",
            steps=(Step("child-name", ChildNameForm), Step("child-name", ChildNameForm)),
        )


def test_the_review_chaser_needs_a_recorded_meeting():
    from journeys.wizard.definition import _review_chaser

    extras = {"review": {"meeting_held": True, "decision": "not_told"}}
    assert _review_chaser({"events": []}, extras) is False
    assert _review_chaser({"events": []}, {"review": {"meeting_held": False}}) is False
