import pytest

from journeys.rules.bundle import evidence_page_limit
from journeys.rules.vocabulary import DecisionKind


@pytest.mark.parametrize(
    ("kind", "limit"),
    [
        ("refusal_to_assess", 75),
        ("refusal_to_reassess", 75),
        ("placement_only", 75),
        ("cease_to_maintain", 75),
        ("refusal_to_issue_plan", 100),
        ("plan_contents", 100),
        ("refusal_to_amend", 100),
        (None, None),
    ],
)
def test_each_appeal_type_has_its_limit(kind, limit):
    assert evidence_page_limit(kind) == limit


def test_every_decision_kind_has_a_limit():
    assert all(evidence_page_limit(kind) in (75, 100) for kind in DecisionKind)


def test_an_unknown_kind_is_an_error():
    with pytest.raises(ValueError):
        evidence_page_limit("not_a_decision")
