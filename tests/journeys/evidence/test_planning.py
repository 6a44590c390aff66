import pytest

from journeys.evidence.planning import Chosen, index_pages, pack_plan


def test_the_index_grows_a_page_every_25_documents():
    assert [index_pages(n) for n in (0, 1, 25, 26, 50, 51)] == [1, 1, 1, 2, 2, 3]


def test_within_the_limit_nothing_to_drop():
    plan = pack_plan(chosen=[Chosen("a", "A", 40), Chosen("b", "B", 30)], limit=75)
    assert (plan.pages, plan.over_limit, plan.to_drop, plan.over_by) == (71, False, (), 0)


def test_over_the_limit_the_fewest_documents_longest_first():
    chosen = [Chosen("a", "A", 10), Chosen("b", "B", 50), Chosen("c", "C", 30)]
    plan = pack_plan(chosen=chosen, limit=75)
    assert plan.pages == 91 and plan.over_by == 16
    assert [c.id for c in plan.to_drop] == ["b"]


@pytest.mark.parametrize(
    ("chosen", "exact"),
    [
        ([Chosen("a", "A", 3)], True),
        ([Chosen("a", "A", 3, exact=False)], False),
        ([Chosen("a", "A", None)], False),
    ],
)
def test_a_word_documents_count_makes_the_total_approximate(chosen, exact):
    assert pack_plan(chosen=chosen, limit=None).exact is exact


def test_nothing_chosen_is_no_pages():
    assert pack_plan(chosen=[], limit=75).pages == 0
