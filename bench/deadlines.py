"""Deadlines for 10,000 cases in one process: cases per second (target: over 20,000/s).

What a caseload dashboard needs of every case: all its statutory deadlines and the status of
each on a given day, from journeys.rules.deadlines (pure Python: no Django, no database).
Cases are generated from a fixed seed so runs compare; each has 1 to 6 events spread over
the EHCP process, as a real caseload would.

    .venv/bin/python bench/deadlines.py
"""

from __future__ import annotations

import os
import platform
import random
import statistics
import sys
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from journeys.rules.deadlines import deadline_status, deadlines_for_events
from journeys.rules.vocabulary import EventType

CASES = 10_000
RUNS = 7
TARGET_PER_SECOND = 20_000
TODAY = date(2026, 11, 23)

# Plausible sequences: each case takes a prefix of one of these, with gaps in days.
PATHS = [
    [
        EventType.REQUEST_RECEIVED,
        EventType.DECISION_NOT_TO_ASSESS,
        EventType.MEDIATION_ADVISER_CONTACTED,
        EventType.MEDIATION_CERTIFICATE_ISSUED,
        EventType.APPEAL_LODGED,
    ],
    [
        EventType.REQUEST_RECEIVED,
        EventType.DECISION_TO_ASSESS,
        EventType.DRAFT_PLAN_ISSUED,
        EventType.FINAL_PLAN_ISSUED,
        EventType.MEDIATION_REQUESTED,
        EventType.MEDIATION_HELD,
    ],
    [EventType.FINAL_PLAN_ISSUED, EventType.ANNUAL_REVIEW_MEETING, EventType.PHASE_TRANSFER_YEAR],
    [
        EventType.REQUEST_RECEIVED,
        EventType.DECISION_TO_ASSESS,
        EventType.DECISION_NOT_TO_ISSUE_PLAN,
        EventType.MEDIATION_ADVISER_CONTACTED,
    ],
]


def make_cases(seed: int = 2026) -> list[list[tuple[EventType, date]]]:
    rng = random.Random(seed)
    cases = []
    for _ in range(CASES):
        path = rng.choice(PATHS)
        day = TODAY - timedelta(days=rng.randint(0, 600))
        events = []
        for event in path[: rng.randint(1, len(path))]:
            events.append((event, day))
            day += timedelta(days=rng.randint(7, 90))
        cases.append(events)
    return cases


def run_once(cases) -> tuple[float, int]:
    started = time.perf_counter()
    deadlines = 0
    for events in cases:
        for deadline in deadlines_for_events(events):
            deadline_status(deadline, today=TODAY, events=events)
            deadlines += 1
    return time.perf_counter() - started, deadlines


def main() -> int:
    cases = make_cases()
    run_once(cases[:500])  # warm the bank-holiday cache, as a running server would be
    timings = []
    for _ in range(RUNS):
        seconds, deadlines = run_once(cases)
        timings.append(seconds)
    median = statistics.median(timings)
    per_second = CASES / median
    print("Deadlines engine throughput (bench/deadlines.py)")
    print(f"  date {date.today()}  python {platform.python_version()}  cpus {os.cpu_count()}")
    print(f"  {CASES:,} cases, {deadlines:,} deadlines with status, {RUNS} runs")
    print(f"  median {median * 1000:.0f} ms per run, best {min(timings) * 1000:.0f} ms")
    verdict = "PASS" if per_second > TARGET_PER_SECOND else "MISS"
    print(f"  {per_second:,.0f} cases per second (target over {TARGET_PER_SECOND:,}): {verdict}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
