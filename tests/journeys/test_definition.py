"""Which steps a parent sees, in which order, for given answers."""

from journeys.wizard.definition import JOURNEYS, REQUEST_ASSESSMENT, TRIAGE

ALWAYS_BEFORE_NEEDS = [
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
            "your-details",
            "your-contact",
            "need-areas",
            "need-communication",
            "need-semh",
            "support-tried",
            "evidence",
            "school-view",
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
            "your-details",
            "your-contact",
            "need-areas",
            "need-cognition",
            "support-tried",
            "evidence",
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
        assert visible[0] == "child-name" and visible[-1] == "check-answers"


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
