"""Tests against a real gunicorn server (bench/live.py) on loopback, running the production
settings over a temporary SQLite database (or the CI PostgreSQL, when DATABASE_URL says so,
in a database of its own)."""

from __future__ import annotations

import os
import sys
import uuid
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.live import production_env  # noqa: E402


@pytest.fixture
def server_env(tmp_path):
    """Production settings over a database nobody else uses."""
    database_url = os.environ.get("DATABASE_URL", "")
    if database_url.startswith("postgres"):
        import psycopg

        name = f"ehcp_live_{uuid.uuid4().hex[:8]}"
        admin_url = database_url.rsplit("/", 1)[0] + "/postgres"
        with psycopg.connect(admin_url, autocommit=True) as connection:
            connection.execute(f'CREATE DATABASE "{name}"')
        try:
            yield production_env(database_url.rsplit("/", 1)[0] + f"/{name}")
        finally:
            with psycopg.connect(admin_url, autocommit=True) as connection:
                connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    else:
        yield production_env(f"sqlite:///{tmp_path / 'live.sqlite3'}")
