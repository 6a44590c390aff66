"""The child's voice, preparing for adulthood and acting for a young person, as journey data."""

from datetime import date

import pytest

from journeys.wizard import conditions
from journeys.wizard.definition import (
    ADULTHOOD_STEPS,
    APPEAL,
    MEDIATION,
    PLAN,
    REFUSAL,
    REQUEST_ASSESSMENT,
    VOICE_STEPS,
)
from journeys.wizard.stage_cases import voice_extras, voice_step_data

YOUNG = date(2008, 3, 1)  # over compulsory school age on any day these tests run
CHILD = date(2017, 5, 2)  # Year 9 only from September 2030


def about(born, relationship, represents=None, year_group=None):
    answers = {
        "child-name": {"first_name": "Sam", "last_name": "Okafor"},
        "child-date-of-birth": {"date_of_birth": born},
        "child-setting": {"setting_kind": "mainstream"},
        "your-details": {"name": "Grace Okafor", "relationship": relationship},
    }
    if represents:
        answers["represents-details"] = {"name": "Ola Okafor", "relationship": represents}
    if year_group:
        answers["setting-details"] = {"setting_name": "Hillside", "year_group": year_group}
    return answers


class ActingForYoungPersonStepTests:
    @pytest.mark.parametrize("journey", [REQUEST_ASSESSMENT, REFUSAL, PLAN, MEDIATION, APPEAL])
    @pytest.mark.parametrize(
        ("born", "relationship", "represents", "asked"),
        [
            (YOUNG, "parent", None, True),
            (YOUNG, "carer", None, True),
            (YOUNG, "young_person", None, False),  # their own rights, in their own voice
            (CHILD, "parent", None, False),  # a child: the parent's rights
            (YOUNG, "advocate", "parent", True),  # the parent the advocate helps acts for them
            (YOUNG, "advocate", "young_person", False),
            (CHILD, "advocate", "parent", False),
        ],
    )
    def test_asked_wherever_a_journey_starts_for_a_young_person(
        self, journey, born, relationship, represents, asked
    ):
        visible = journey.visible_steps(about(born, relationship, represents))
        assert ("acting-for-young-person" in visible) is asked


class VoiceStepTests:
    @pytest.mark.parametrize("journey", [REQUEST_ASSESSMENT, REFUSAL, PLAN])
    def test_the_letter_journeys_ask_for_the_childs_voice(self, journey):
        visible = journey.visible_steps(about(CHILD, "parent"))
        slugs = [step.slug for step in VOICE_STEPS]
        assert slugs == ["child-views", "child-strengths"]
        assert set(slugs) <= set(visible)

    @pytest.mark.parametrize(("wants", "asked"), [("yes", True), ("no", False), (None, False)])
    def test_mediation_asks_for_it_only_for_the_summary_taken_into_mediation(self, wants, asked):
        answers = about(CHILD, "parent")
        if wants:
            answers["wants-mediation"] = {"wants_mediation": wants}
        visible = MEDIATION.visible_steps(answers)
        assert ("child-views" in visible) is asked
        assert ("child-strengths" in visible) is asked
        assert "preparing-for-adulthood" not in visible  # the summary is not to the council

    @pytest.mark.parametrize(
        ("born", "year_group", "asked"),
        [
            (CHILD, None, False),
            (CHILD, "Year 9", True),  # the year group given decides
            (YOUNG, "Year 8", False),
            (YOUNG, None, True),  # by age
        ],
    )
    def test_preparing_for_adulthood_only_from_year_9(self, born, year_group, asked):
        visible = REQUEST_ASSESSMENT.visible_steps(about(born, "parent", year_group=year_group))
        assert ("preparing-for-adulthood" in visible) is asked
        assert [s.slug for s in ADULTHOOD_STEPS] == ["preparing-for-adulthood"]


class VoiceExtrasTests:
    def test_nothing_asked_keeps_nothing(self):
        assert voice_extras({}) == {}

    def test_blank_pages_keep_an_empty_voice_so_a_cleared_answer_is_cleared(self):
        answers = {
            "child-views": {"source": "", "views": "", "how_we_know": ""},
            "child-strengths": {"strengths": "", "hopes": ""},
            "preparing-for-adulthood": {"employment": "", "independent_living": "",
                                        "community": "", "health": ""},
        }  # fmt: skip
        assert voice_extras(answers) == {"child_voice": {}, "adulthood": {}}

    def test_what_was_given_round_trips_into_a_later_journey(self):
        answers = {
            "child-views": {"source": "as_heard", "views": "I like maths.", "how_we_know": ""},
            "child-strengths": {"strengths": "Lego", "hopes": ""},
            "preparing-for-adulthood": {"employment": "A job with animals", "health": ""},
        }
        extras = voice_extras(answers)
        assert extras == {
            "child_voice": {"source": "as_heard", "views": "I like maths.", "strengths": "Lego"},
            "adulthood": {"employment": "A job with animals"},
        }
        data = voice_step_data(extras)
        assert data["child-views"]["child-views-views"] == ["I like maths."]
        assert data["child-strengths"]["child-strengths-strengths"] == ["Lego"]
        assert data["preparing-for-adulthood"] == {
            "preparing-for-adulthood-employment": ["A job with animals"]
        }


def test_audience_follows_who_fills_it_in_and_the_date_of_birth():
    assert conditions.audience({}) == "parent"
    assert conditions.audience(about(CHILD, "parent")) == "parent"
    assert conditions.audience(about(YOUNG, "young_person")) == "young_person"
    assert conditions.audience(about(YOUNG, "parent")) == "other"
    assert conditions.audience(about(CHILD, "advocate", "parent")) == "other"
