"""journeys/models.py: the folded names the caseload searches."""

import pytest

from journeys.models import fold_for_search


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Siân", "sian"),
        ("ZOË Brontë", "zoe bronte"),
        ("Łukasz", "łukasz"),  # no decomposition: kept as written
        ("Æsa Œuvre", "aesa oeuvre"),
        ("Straße", "strasse"),
        ("Мария", "мария"),  # letters from any script stay
        ("", ""),
    ],
)
def test_fold_for_search_drops_accents_and_case(text, folded):
    assert fold_for_search(text) == folded
