"""The provision tracker with 3 school years of weekly records for 8 items (issue 15): the
tracker page's server time and the shortfall computation alone (targets: median under 50 ms),
and the complaint letter's PDF from the same record, rendered without the letter cache
(target: median under 400 ms).

In-process through Django's test Client, against the real URL conf and middleware
(`ehcp_site.settings_test`, an in-memory SQLite test database, DEBUG off), as bench/run.py.
The case is the fixture family's with 8 items (weekly, fortnightly, monthly, termly; term time
only and all year; two the plan does not quantify) and a record for every week of 3 school
years (1 September 2023 to 31 August 2026: 157 weeks, 1,256 rows, one in five not delivered,
short notes on those), so the page counts, draws and lists the most a real family's log
holds. The page is asked for the 3 years (`since` 1 September 2023, "today" being the end).

    .venv/bin/python bench/provision.py
"""

from __future__ import annotations

import copy
import json
import os
import platform
import random
import statistics
import sys
import time
from datetime import date, timedelta
from pathlib import Path
from unittest import mock

ROOT = Path(__file__).resolve().parent.parent
os.environ["DJANGO_SETTINGS_MODULE"] = "ehcp_site.settings_test"
os.environ.pop("DATABASE_URL", None)
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

CASE_FILE = ROOT / "tests" / "fixtures" / "case_sam.json"
START, END = date(2023, 9, 1), date(2026, 8, 31)
WARMUP, N = 5, 50
TARGET_MS = 50.0
LETTER_TARGET_MS, LETTER_N = 400.0, 15
# The complaint journey's answers (letters/extras.py EnforceExtras): sections F and H since the
# start of the record.
ENFORCE = {
    "step": "complaint",
    "sections": ["F", "H"],
    "since": START.isoformat(),
    "start_by": (END + timedelta(days=14)).isoformat(),
    "compensatory": "The sessions missed, made up before the end of the next term.",
}

ITEMS = [
    ("f1", "F", "1 hour a week of speech and language therapy", 1, "week", 60, True),
    ("f2", "F", "3 x 30 minutes a week of precision teaching", 3, "week", 30, True),
    ("f3", "F", "Daily 20 minutes of phonics", 5, "week", 20, True),
    ("f4", "F", "2 sessions a fortnight of occupational therapy", 2, "fortnight", 45, True),
    ("f5", "F", "A monthly visit from the specialist teacher", 1, "month", 60, True),
    ("f6", "F", "Access to a quiet space when needed", None, None, None, True),
    ("g1", "G", "A termly review by the paediatric physiotherapist", 1, "term", 60, False),
    ("h1", "H", "Short breaks as needed", None, None, None, False),
]


def bench_case_file() -> dict:
    rng = random.Random(2026)
    case_file = copy.deepcopy(json.loads(CASE_FILE.read_text()))
    provision = []
    for item_id, section, text, sessions, per, minutes, term_time in ITEMS:
        item = {"id": item_id, "section": section, "text": text, "term_time_only": term_time}
        if sessions:
            item.update(sessions=sessions, per=per, minutes=minutes)
        provision.append(item)
    log = []
    monday = START - timedelta(days=START.weekday())
    while monday <= END:
        for item_id, *_ in ITEMS:
            missed = rng.random() < 0.2
            row = {
                "provision": item_id,
                "date": monday.isoformat(),
                "delivered": "no" if missed else "yes",
            }
            if missed:
                row["note"] = rng.choice(["TA off sick", "no cover", "trip", "cancelled"])
            log.append(row)
        monday += timedelta(days=7)
    case_file.update(format="ehcp-case/2", provision=provision, delivery_log=log)
    return case_file


def summary(name: str, samples: list[float], target: float = TARGET_MS) -> str:
    """Median (the target's statistic), p95 by nearest rank, and max, in milliseconds."""
    ordered = sorted(samples)
    p95 = ordered[max(0, round(0.95 * len(ordered)) - 1)]
    median = statistics.median(ordered)
    verdict = "PASS" if median < target else "MISS"
    return (
        f"  {name:<38} n={len(samples):>3}  median {median:6.1f} ms  p95 {p95:6.1f} ms  "
        f"max {ordered[-1]:6.1f} ms  (target median < {target:.0f} ms: {verdict})"
    )


def main() -> int:
    import django

    django.setup()
    from django.db import connection
    from django.test import Client
    from django.test.utils import setup_test_environment

    from journeys.cases.casefile import validate_case_file
    from journeys.cases.provision import provision_shortfall
    from letters.services import letter_render
    from tests.conftest import make_user
    from tests.factories import CaseFactory

    setup_test_environment(debug=False)
    connection.creation.create_test_db(verbosity=0, autoclobber=True)

    case_file = validate_case_file(bench_case_file())
    owner = make_user("bench@example.org", "Bench Parent")
    case = CaseFactory(journey="plan", case_file=case_file, owner=owner, extras={})
    client = Client()
    client.force_login(owner)
    url = (
        f"/cases/{case.id}/provision/?since_0={START.day}&since_1={START.month}"
        f"&since_2={START.year}"
    )

    def page() -> None:
        response = client.get(url)
        assert response.status_code == 200, response.status_code
        assert b"<svg" in response.content and b"Weeks to fill in" in response.content

    def computation() -> None:
        provision_shortfall(case_file=case_file, extras={}, start=START, end=END)

    def complaint() -> None:
        letter = letter_render(
            kind="provision_complaint_council",
            case_file=case_file,
            fmt="pdf",
            today=END,
            extras={"enforce": ENFORCE},
            use_cache=False,
        )
        assert letter.content.startswith(b"%PDF"), "not a PDF"

    results = {}
    with mock.patch("django.utils.timezone.localdate", return_value=END):
        for name, work, runs, target in (
            ("Tracker page (GET, 3 years)", page, N, TARGET_MS),
            ("Shortfall computation alone", computation, N, TARGET_MS),
            ("Complaint letter PDF (uncached)", complaint, LETTER_N, LETTER_TARGET_MS),
        ):
            for _ in range(WARMUP):
                work()
            samples, cpu = [], []
            for _ in range(runs):
                started, started_cpu = time.perf_counter(), time.thread_time()
                work()
                samples.append((time.perf_counter() - started) * 1000)
                cpu.append((time.thread_time() - started_cpu) * 1000)
            results[name] = (samples, cpu, target)

    print("Provision tracker (bench/provision.py)")
    print(
        f"  date {date.today()}  python {platform.python_version()}  cpus {os.cpu_count()}"
        f"  load {os.getloadavg()[0]:.1f}"
    )
    print(
        f"  {len(case_file['provision'])} items, {len(case_file['delivery_log']):,} log rows "
        f"({START} to {END})"
    )
    for name, (samples, cpu, target) in results.items():
        print(summary(name, samples, target))
        # This thread's CPU time: what the page costs, less disturbed by a busy machine.
        print(f"  {'':<38}        CPU median {statistics.median(cpu):6.1f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
