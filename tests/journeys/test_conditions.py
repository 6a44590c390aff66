"""The named predicates that decide which steps show."""

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
