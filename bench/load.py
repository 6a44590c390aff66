"""Load test: simulated parents completing the request journey and downloading its letter,
against gunicorn + PostgreSQL on loopback, for a fixed time. Zero errors is the pass mark.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/ehcp .venv/bin/python bench/load.py
    (defaults: 50 parents, 60 seconds, 4 gunicorn workers; --help for options)

Uses its own database (created and dropped here) and prints throughput and p50/p95/p99 per
kind of request; writes them to bench/results/load.json. Exits 1 if any request failed.
The clients run on the same machine as the server (2 cores here), so the numbers are a
floor, not the capacity of a real deployment.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import threading
import time
import traceback
import uuid
from collections import defaultdict
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.live import SimulatedParent, expect, gunicorn, percentile, production_env  # noqa: E402
from tests.conftest import request_answers  # noqa: E402

RESULTS = ROOT / "bench" / "results" / "load.json"


@contextmanager
def scratch_database(database_url: str):
    """A PostgreSQL database of its own for the run (SQLite: a temporary file)."""
    if not database_url.startswith("postgres"):
        with tempfile.TemporaryDirectory() as folder:
            yield f"sqlite:///{Path(folder) / 'load.sqlite3'}"
        return
    import psycopg

    base, _ = database_url.rsplit("/", 1)
    name = f"ehcp_load_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(f"{base}/postgres", autocommit=True) as connection:
        connection.execute(f'CREATE DATABASE "{name}"')
    try:
        yield f"{base}/{name}"
    finally:
        with psycopg.connect(f"{base}/postgres", autocommit=True) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def run_load(*, database_url: str, parents: int, seconds: float, workers: int) -> dict:
    answers = request_answers()
    timings: dict[str, list[float]] = defaultdict(list)
    errors: list[str] = []
    journeys = 0
    lock = threading.Lock()
    with (
        scratch_database(database_url) as url,
        gunicorn(production_env(url), workers=workers) as server,
    ):
        stop_at = time.monotonic() + seconds

        def parent_loop() -> None:
            nonlocal journeys
            while time.monotonic() < stop_at:
                parent = SimulatedParent(server.url)
                try:
                    case_id = parent.request_journey(answers)
                    expect(parent.get(f"/request/{case_id}/confirmation/", "confirmation"), 200)
                    letter = parent.get(f"/cases/{case_id}/letters/request_assessment.pdf", "PDF")
                    expect(letter, 200)
                    if not letter.body.startswith(b"%PDF"):
                        raise AssertionError("the letter is not a PDF")
                    with lock:
                        journeys += 1
                except Exception:
                    with lock:
                        errors.append(traceback.format_exc(limit=1))
                with lock:
                    for label, value in parent.timings:
                        timings[label].append(value)

        started = time.monotonic()
        threads = [threading.Thread(target=parent_loop) for _ in range(parents)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        elapsed = time.monotonic() - started
    requests = sum(len(v) for v in timings.values())
    return {
        "parents": parents,
        "seconds": round(elapsed, 1),
        "gunicorn_workers": workers,
        "database": "postgresql" if database_url.startswith("postgres") else "sqlite",
        "journeys_completed": journeys,
        "requests": requests,
        "requests_per_second": round(requests / elapsed, 1),
        "journeys_per_minute": round(journeys / elapsed * 60, 1),
        "errors": len(errors),
        "first_errors": errors[:5],
        "latency_ms": {
            label: {
                "count": len(values),
                "p50": round(statistics.median(values) * 1000, 1),
                "p95": round(percentile(values, 95) * 1000, 1),
                "p99": round(percentile(values, 99) * 1000, 1),
            }
            for label, values in sorted(timings.items())
        },
        "cpu_count": os.cpu_count(),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--parents", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--workers", type=int, default=4)
    args = parser.parse_args()
    database_url = os.environ.get("DATABASE_URL", "")
    if not database_url.startswith("postgres"):
        print("bench/load.py: set DATABASE_URL to the PostgreSQL server", file=sys.stderr)
        return 2
    result = run_load(
        database_url=database_url,
        parents=args.parents,
        seconds=args.seconds,
        workers=args.workers,
    )
    RESULTS.parent.mkdir(exist_ok=True)
    RESULTS.write_text(json.dumps(result, indent=2) + "\n")
    print(
        f"{result['parents']} parents for {result['seconds']} s on {result['gunicorn_workers']} "
        f"gunicorn workers ({result['database']}): {result['journeys_completed']} journeys, "
        f"{result['requests']} requests, {result['requests_per_second']} requests/s, "
        f"{result['errors']} errors"
    )
    print(f"{'request':<14}{'count':>8}{'p50 ms':>10}{'p95 ms':>10}{'p99 ms':>10}")
    for label, row in result["latency_ms"].items():
        print(f"{label:<14}{row['count']:>8}{row['p50']:>10}{row['p95']:>10}{row['p99']:>10}")
    for error in result["first_errors"]:
        print(error, file=sys.stderr)
    return 1 if result["errors"] else 0


if __name__ == "__main__":
    sys.exit(main())
