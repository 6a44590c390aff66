"""Benchmark: the caseload dashboard with 5,000 shared cases, on PostgreSQL.

Run from the repository root:

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/ehcp .venv/bin/python bench/dashboard.py

Makes its own database (`test_ehcp_bench_dashboard`, dropped at the end), as Django's test
runner does; loads one organisation with 5,000 shared cases (bulk_create: varied names,
councils, stages, deadlines, assignments, reviews and notes; plus a second organisation
sharing 2,000 of the same cases with notes of its own, so the notes count has something to
leave out); then times the dashboard for a signed-in support worker through Django's test
Client (real URL conf and middleware): the first page, a filtered page, a search and page
50, 30 requests each after 3 warm-ups. Prints the median and p95 (nearest rank) server time
and the number of SQL queries per request. `--explain` also prints PostgreSQL's plan (EXPLAIN
ANALYZE) of each page's row query.

Target: median under 100 ms for a page of 50. Informational: exits 0 whether or not the
target is met; 2 (one line on stderr) without a PostgreSQL DATABASE_URL.
"""

from __future__ import annotations

import argparse
import copy
import json
import math
import os
import random
import statistics
import sys
import time
import uuid
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CASE_FILE = ROOT / "tests" / "fixtures" / "case_sam.json"
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

CASES = 5_000
SHARED_ELSEWHERE = 2_000
WORKERS = 10
WARMUP = 3
N = 30
TARGET_MEDIAN_MS = 100.0
SEED = 20261125
TEST_DATABASE = "test_ehcp_bench_dashboard"

FIRST_NAMES = tuple(
    [
        "Sam",
        "Maya",
        "Leo",
        "Aisha",
        "Noah",
        "Zara",
        "Ethan",
        "Amara",
        "Oliver",
        "Fatima",
        "Jack",
        "Chloe",
        "Yusuf",
        "Ella",
        "Harry",
        "Priya",
        "Theo",
        "Lily",
        "Ali",
        "Grace",
        "Oscar",
        "Ruby",
        "Kai",
        "Isla",
        "Finn",
        "Hana",
        "Arlo",
        "Nia",
        "Reuben",
        "Mia",
    ]
)
LAST_NAMES = tuple(
    [
        "Okafor",
        "Patel",
        "Brown",
        "Khan",
        "Wilson",
        "Smith",
        "Jones",
        "Taylor",
        "Begum",
        "Evans",
        "Nowak",
        "Murphy",
        "Ahmed",
        "Clarke",
        "Walker",
        "Hughes",
        "Edwards",
        "Green",
        "Hall",
        "Wood",
        "Price",
        "Bennett",
        "Kaur",
        "Mensah",
        "Rossi",
    ]
)
COUNCILS = (
    "Bristol City Council",
    "Leeds City Council",
    "Kent County Council",
    "Birmingham City Council",
    "Cornwall Council",
    "Manchester City Council",
    "Surrey County Council",
    "Norfolk County Council",
)
STAGES = ("request", "refused", "plan", "mediation", "appeal", "import")


def percentile(samples: list[float], pct: float) -> float:
    """Nearest-rank percentile (no interpolation), as bench/run.py."""
    ordered = sorted(samples)
    return ordered[max(1, math.ceil(pct / 100 * len(ordered))) - 1]


def refuse(message: str) -> int:
    print(f"bench/dashboard.py: {message}", file=sys.stderr)
    return 2


# -- data -------------------------------------------------------------------------------------


def case_file_for(base: dict, rng: random.Random, number: int, today) -> dict:
    """A case file with its own names, council and events (10% have none: no deadline)."""
    case_file = copy.deepcopy(base)
    first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
    case_file["child"].update(first_name=first, last_name=f"{last}-{number:04}")
    case_file["applicant"]["name"] = f"{rng.choice(FIRST_NAMES)} {last}"
    case_file["local_authority"] = {"name": rng.choice(COUNCILS)}
    if rng.random() < 0.1:
        case_file["events"] = []
    else:
        received = today - timedelta(days=rng.randint(0, 160))
        case_file["events"] = [{"type": "request_received", "date": received.isoformat()}]
    return case_file


def load(today) -> tuple:
    """One organisation with CASES shared cases; returns (organisation, a support worker in
    it, how many notes were made)."""
    from django.utils import timezone

    from ehcp_site.accounts.models import Membership, Organisation, User
    from journeys.models import Case, CaseNote, OrganisationShare
    from journeys.cases.timeline import next_open_deadline

    rng = random.Random(SEED)
    base = json.loads(CASE_FILE.read_text())
    organisation = Organisation.objects.create(name="Sunrise SEND Support")
    elsewhere = Organisation.objects.create(name="Elsewhere Advice")
    people = [
        User.objects.create_user(f"worker{n}@example.org", "bench", full_name=f"Worker {n:02}")
        for n in range(WORKERS)
    ]
    Membership.objects.bulk_create(
        Membership(organisation=organisation, user=user, role="admin" if n == 0 else "worker")
        for n, user in enumerate(people)
    )
    parent = User.objects.create_user("parent@example.org", "bench", full_name="Pat Parent")

    cases = []
    for number in range(CASES):
        case_file = case_file_for(base, rng, number, today)
        deadline = next_open_deadline(case_file)
        # bulk_create skips Case.save, so the summary columns are filled here, the same way.
        cases.append(
            Case(
                id=uuid.UUID(int=rng.getrandbits(128), version=4),
                owner=parent,
                journey=rng.choice(STAGES),
                case_file=case_file,
                child_name=f"{case_file['child']['first_name']} {case_file['child']['last_name']}",
                parent_name=case_file["applicant"]["name"],
                council=case_file["local_authority"]["name"],
                next_deadline_on=deadline.due if deadline else None,
                next_deadline_rule=deadline.rule.value if deadline else "",
            )
        )
    Case.objects.bulk_create(cases, batch_size=500)
    now = timezone.now()
    OrganisationShare.objects.bulk_create(
        (
            OrganisationShare(
                case=case,
                organisation=organisation,
                shared_by=parent,
                assigned_to=rng.choice(people) if rng.random() < 0.7 else None,
                reviewed_at=now - timedelta(days=rng.randint(0, 60))
                if rng.random() < 0.4
                else None,
            )
            for case in cases
        ),
        batch_size=1000,
    )
    OrganisationShare.objects.bulk_create(
        OrganisationShare(case=case, organisation=elsewhere, shared_by=parent)
        for case in rng.sample(cases, SHARED_ELSEWHERE)
    )
    notes = []
    for case in cases:
        if rng.random() < 0.3:
            for _ in range(rng.randint(1, 4)):
                notes.append(
                    CaseNote(case=case, organisation=organisation, author_name="W", body="n")
                )
        if rng.random() < 0.2:
            notes.append(CaseNote(case=case, organisation=elsewhere, author_name="E", body="x"))
    CaseNote.objects.bulk_create(notes, batch_size=1000)
    return organisation, people[1], len(notes)


# -- measuring --------------------------------------------------------------------------------


def measure(client, url: str, params: dict, expect_rows) -> dict:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def get():
        response = client.get(url, params)
        if response.status_code != 200:
            raise RuntimeError(f"{url} {params} returned {response.status_code}")
        return response

    for _ in range(WARMUP):
        get()
    with CaptureQueriesContext(connection) as queries:
        response = get()
    # Counted now: every request starts by clearing the connection's query log.
    query_count = len(queries)
    rows = response.content.decode().count('<th scope="row"')
    if not expect_rows(rows):
        raise RuntimeError(f"{params}: unexpected number of rows ({rows})")
    samples, cpu = [], []
    for _ in range(N):
        start, start_cpu = time.perf_counter_ns(), time.thread_time_ns()
        get()
        cpu.append((time.thread_time_ns() - start_cpu) / 1e6)
        samples.append((time.perf_counter_ns() - start) / 1e6)
    median = statistics.median(samples)
    return {
        "median_ms": median,
        # This thread's CPU time (Python: view, ORM, template), not PostgreSQL's; less
        # disturbed than wall time when other processes share the machine.
        "cpu_median_ms": statistics.median(cpu),
        "p95_ms": percentile(samples, 95),
        "max_ms": max(samples),
        "queries": query_count,
        "rows": rows,
        "pass": median < TARGET_MEDIAN_MS,
    }


def explain(client, url: str, params: dict) -> list[str]:
    """PostgreSQL's plan (EXPLAIN ANALYZE) of each query the request runs on the caseload's
    tables: the count and the page of rows (with the page's ids as a subquery)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        client.get(url, params)
    plans = []
    for query in queries.captured_queries:
        if query["sql"].startswith("SELECT") and "journeys_organisationshare" in query["sql"]:
            with connection.cursor() as cursor:
                cursor.execute(f"EXPLAIN ANALYZE {query['sql']}")
                plan = "\n".join(line for (line,) in cursor.fetchall())
            plans.append(f"{query['sql'][:160]}...\n{plan}")
    return plans


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--explain", action="store_true", help="print EXPLAIN ANALYZE plans")
    args = parser.parse_args()

    url = os.environ.get("DATABASE_URL", "")
    if not url:
        return refuse("set DATABASE_URL to a PostgreSQL server (postgres://...); it is not set")
    if not url.startswith(("postgres://", "postgresql://", "pgsql://")):
        return refuse("DATABASE_URL must be a PostgreSQL URL (postgres://...)")
    os.environ["DJANGO_SETTINGS_MODULE"] = "ehcp_site.settings_test"

    import django

    django.setup()
    from django.db import connection
    from django.test import Client
    from django.test.utils import setup_test_environment
    from django.utils import timezone

    # As Django's test runner does; our own database name, so a test run on the same server
    # (test_ehcp) is never clobbered.
    setup_test_environment(debug=False)
    old_name = connection.settings_dict["NAME"]
    connection.settings_dict.setdefault("TEST", {})["NAME"] = TEST_DATABASE
    connection.creation.create_test_db(verbosity=0, autoclobber=True, keepdb=False)
    try:
        today = timezone.localdate()
        began = time.perf_counter()
        organisation, worker, notes = load(today)
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
        load_seconds = time.perf_counter() - began
        client = Client()
        client.force_login(worker)
        dashboard = f"/organisations/{organisation.id}/caseload/"
        scenarios = [
            ("First page", {}, lambda rows: rows == 50),
            ("Filtered: appeals due in 30 days", {"stage": "appeal", "deadline": "30"}, bool),
            ("Search: child or parent 'oka'", {"q": "oka"}, bool),
            ("Page 50", {"page": "50"}, lambda rows: rows == 50),
        ]
        results = [
            (name, params, measure(client, dashboard, params, ok)) for name, params, ok in scenarios
        ]
        with connection.cursor() as cursor:
            cursor.execute("SHOW server_version")
            server = cursor.fetchone()[0]
        print("Caseload dashboard benchmark (bench/dashboard.py)")
        print(f"  PostgreSQL {server}, Django {django.get_version()}, cpu_count {os.cpu_count()}")
        print(
            f"  {CASES:,} cases shared with one organisation ({WORKERS} members), "
            f"{SHARED_ELSEWHERE:,} of them also with another; {notes:,} notes; "
            f"loaded in {load_seconds:.1f} s"
        )
        print(f"  {N} requests each after {WARMUP} warm-ups; in-process through django.test.Client")
        print()
        header = (
            f"{'Request':<36} {'rows':>4} {'median':>9} {'p95':>9} {'max':>9} {'cpu med':>9}"
            f" {'queries':>7}  result"
        )
        print(header)
        print("-" * len(header))
        for name, _, row in results:
            print(
                f"{name:<36} {row['rows']:>4} {row['median_ms']:>6.1f} ms {row['p95_ms']:>6.1f} ms "
                f"{row['max_ms']:>6.1f} ms {row['cpu_median_ms']:>6.1f} ms {row['queries']:>7}  "
                f"{'PASS' if row['pass'] else 'MISS'} (median < {TARGET_MEDIAN_MS:g} ms)"
            )
        if args.explain:
            for name, params, _ in results:
                for plan in explain(client, dashboard, params):
                    print(f"\nEXPLAIN ANALYZE, {name}:\n{plan}")
        return 0
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    sys.exit(main())
