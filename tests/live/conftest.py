"""Tests against a real gunicorn server (bench/live.py) on loopback, running the production
settings over a temporary SQLite database (or the CI PostgreSQL, when DATABASE_URL says so,
in a database of its own)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.live import production_env  # noqa: E402
from bench.load import scratch_database  # noqa: E402


@pytest.fixture
def server_env():
    """Production settings over a database nobody else uses."""
    with scratch_database(os.environ.get("DATABASE_URL", "")) as database_url:
        yield production_env(database_url)
