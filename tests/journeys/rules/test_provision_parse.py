"""Scenario tables for the first guess at what a line of section F promises."""

from __future__ import annotations

import pytest

from journeys.rules.provision_parse import Quantities, suggest_quantities
from journeys.rules.vocabulary import Per

W, F, M, T, Y = Per.WEEK, Per.FORTNIGHT, Per.MONTH, Per.TERM, Per.YEAR

# sentence -> (sessions, per, minutes, term_time_only, provider)
SCENARIOS = [
    (
        "1 hour a week of direct speech and language therapy from a qualified SLT, term time",
        (1, W, 60, True, "a qualified SLT"),
    ),
    (
        "3 x 30 minute sessions per week of SALT delivered by a qualified speech and "
        "language therapist.",
        (3, W, 30, True, "a qualified speech and language therapist"),
    ),
    (
        "Two 45-minute sessions a fortnight with an occupational therapist.",
        (2, F, 45, True, "an occupational therapist"),
    ),
    (
        "Daily 20 minutes of precision teaching by a trained teaching assistant.",
        (5, W, 20, True, "a trained teaching assistant"),
    ),
    ("Access to speech and language therapy as needed.", (None, None, None, True, "")),
    ("Twice weekly small group sessions of 30 mins.", (2, W, 30, True, "")),
    (
        "Once a month, a visit from the sensory support service.",
        (1, M, None, True, "the sensory support service"),
    ),
    ("A thrice-termly check", (3, T, None, True, "")),
    (
        "Every other week, 1.5 hours of OT, including the school holidays.",
        (1, F, 90, False, ""),
    ),
    ("Every two weeks, a session of 40 minutes", (1, F, 40, True, "")),
    ("Half an hour every day with the class teacher", (5, W, 30, True, "the class teacher")),
    ("6 sessions per term of play therapy", (6, T, None, True, "")),
    ("2 hours of mentoring per half term", (1, T, 120, True, "")),
    ("An hour each week of ELSA from the ELSA.", (1, W, 60, True, "the ELSA")),
    ("Annually, an assessment all year round", (1, Y, None, False, "")),
    ("three times a school year", (3, Y, None, True, "")),
    ("Daily check-ins, 2 a fortnight", (1, F, None, True, "")),
    ("4 sessions of 30 minutes", (None, None, 30, True, "")),
    ("weekly support with a friend", (1, W, None, True, "")),
    ("Speech therapy from the start of the day", (None, None, None, True, "")),
]


@pytest.mark.parametrize(("sentence", "expected"), SCENARIOS)
def test_suggests_what_the_sentence_promises(sentence, expected):
    got = suggest_quantities(sentence)
    assert (got.sessions, got.per, got.minutes, got.term_time_only, got.provider) == expected


def test_quantified_only_with_both_sessions_and_a_period():
    assert Quantities(1, Per.WEEK, None, True, "").quantified
    assert not Quantities(None, Per.WEEK, 30, True, "").quantified
    assert not Quantities(2, None, 30, True, "").quantified
