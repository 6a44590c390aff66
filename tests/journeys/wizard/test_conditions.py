"""The named predicates that decide which steps show."""

from datetime import date

import pytest

from journeys.wizard import conditions


@pytest.mark.parametrize(
    ("country", "outside"),
    [("england", False), ("wales", True), ("scotland", True), ("northern_ireland", True)],
)
def test_lives_outside_england(country, outside):
    assert conditions.lives_outside_england({"country": {"country": country}}) is outside


def test_not_outside_england_before_the_question_is_answered():
    assert conditions.lives_outside_england({}) is False


@pytest.mark.parametrize(
    ("kind", "attends"),
    [
        ("mainstream", True),
        ("special", True),
        ("independent", True),
        ("alternative_provision", True),
        ("early_years", True),
        ("college", True),
        ("home_educated", False),
        ("none", False),
    ],
)
def test_attends_a_setting(kind, attends):
    assert conditions.attends_a_setting({"child-setting": {"setting_kind": kind}}) is attends


def test_no_setting_questions_before_the_setting_is_known():
    assert conditions.attends_a_setting({}) is False


@pytest.mark.parametrize(
    ("predicate", "area"),
    [
        (conditions.has_communication_need, "communication_interaction"),
        (conditions.has_cognition_need, "cognition_learning"),
        (conditions.has_semh_need, "semh"),
        (conditions.has_sensory_need, "sensory_physical"),
    ],
)
def test_each_need_predicate_follows_its_own_area_only(predicate, area):
    assert predicate({"need-areas": {"areas": [area]}}) is True
    others = [
        a
        for a in ("communication_interaction", "cognition_learning", "semh", "sensory_physical")
        if a != area
    ]
    assert predicate({"need-areas": {"areas": others}}) is False
    assert predicate({}) is False


# -- issue 10 ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "no_place"),
    [("home_educated", True), ("none", True), ("mainstream", False), ("early_years", False)],
)
def test_has_no_school_place(kind, no_place):
    assert conditions.has_no_school_place({"child-setting": {"setting_kind": kind}}) is no_place
    assert conditions.has_no_school_place({}) is False


@pytest.mark.parametrize(
    ("relationship", "advocate"),
    [("advocate", True), ("parent", False), ("carer", False), ("young_person", False)],
)
def test_is_advocate(relationship, advocate):
    answers = {"your-details": {"name": "X", "relationship": relationship}}
    assert conditions.is_advocate(answers) is advocate


def test_section_b_is_read_by_the_needs_checker():
    from journeys.rules import wording

    reports = conditions.check_needs_text(
        "Sam has a severe language disorder. Sam has some difficulties at times."
    )
    assert [bool(r.flags) for r in reports] == [False, True]
    assert {f.code for r in reports for f in r.flags} == {wording.FlagCode.VAGUE_NEED}


def test_the_school_resources_question_only_after_an_assessment_with_a_place():
    def answers(kind, setting):
        return {
            "refusal-kind": {"decision_kind": kind},
            "child-setting": {"setting_kind": setting},
        }

    assert conditions.asks_about_school_resources(answers("refusal_to_issue_plan", "special"))
    assert not conditions.asks_about_school_resources(answers("refusal_to_assess", "special"))
    assert not conditions.asks_about_school_resources(answers("refusal_to_issue_plan", "none"))


def test_an_appeal_is_late_by_the_engine_counting_the_mediation_certificate():
    from datetime import date

    answers = {
        "which-decision": {"decision_kind": "refusal_to_assess"},
        "which-decision-date": {"decision_date": date(2026, 2, 20)},
    }
    # 20 Feb 2026 + 2 months = Mon 20 Apr 2026: in time that day, late the next.
    assert not conditions.appeal_is_late(answers, today=date(2026, 4, 20))
    assert conditions.appeal_is_late(answers, today=date(2026, 4, 21))
    # A certificate issued 1 Apr 2026 gives until 1 May 2026 (Fri).
    answers["certificate-date"] = {"certificate_date": date(2026, 4, 1)}
    assert not conditions.appeal_is_late(answers, today=date(2026, 5, 1))
    assert conditions.appeal_is_late(answers, today=date(2026, 5, 2))
    assert not conditions.appeal_is_late({}, today=date(2030, 1, 1))


class PlanLifeConditionTests:
    """The plan-life journeys' predicates (issue 14)."""

    def test_the_decision_date_is_asked_only_once_a_decision_is_known(self):
        held = {"review-meeting-held": {"held": "yes"}}
        assert conditions.review_meeting_held(held)
        assert not conditions.review_decision_known(held)
        for decision, expected in (("keep", True), ("amend", True), ("not_told", False)):
            answers = {**held, "review-decision": {"decision": decision}}
            assert conditions.review_decision_known(answers) is expected
        not_held = {"review-meeting-held": {"held": "no"}, "review-decision": {"decision": "keep"}}
        assert not conditions.review_decision_known(not_held)

    def test_the_school_and_its_kind_are_asked_only_when_wanted(self):
        wanted = {"wants-school": {"wants_school": "yes"}}
        assert conditions.wants_school_in_amendments(wanted)
        assert not conditions.asks_school_kind_in_amendments(wanted)
        named = {**wanted, "preferred-setting": {"preferred_setting": "Oakfield Academy"}}
        assert conditions.asks_school_kind_in_amendments(named)
        assert not conditions.wants_school_in_amendments({"wants-school": {"wants_school": "no"}})

    def test_19_or_over_is_counted_from_the_date_of_birth(self):
        today = date(2026, 5, 2)
        born = {"child-date-of-birth": {"date_of_birth": date(2007, 5, 2)}}
        assert conditions.is_young_person_19_or_over(born, today=today)
        assert not conditions.is_young_person_19_or_over(born, today=date(2026, 5, 1))
        assert not conditions.is_young_person_19_or_over({}, today=today)


def test_the_plan_and_reassessment_answers_read_as_given():
    assert conditions.is_final_plan({"plan-stage": {"plan_stage": "final"}})
    assert not conditions.is_final_plan({"plan-stage": {"plan_stage": "draft"}})
    assert conditions.reassessment_not_asked({"reassessment-asked": {"status": "not_asked"}})
    assert not conditions.reassessment_not_asked({"reassessment-asked": {"status": "refused"}})
