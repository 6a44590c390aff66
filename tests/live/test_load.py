"""A short load test in the suite (bench/load.py runs the full 50 parents for 60 seconds):
parents at the same time completing the request journey and downloading the letter from
gunicorn, with zero errors."""

from __future__ import annotations

import os

import pytest

from bench.load import run_load

pytestmark = pytest.mark.live


def test_parents_at_the_same_time_get_no_errors(tmp_path):
    result = run_load(
        database_url=os.environ.get("DATABASE_URL", ""), parents=10, seconds=8, workers=2
    )
    assert result["errors"] == 0, result["first_errors"]
    assert result["journeys_completed"] >= 10
    assert result["latency_ms"]["PDF"]["count"] == result["journeys_completed"]
