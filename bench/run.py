"""Performance benchmark: wizard step server time and request-letter PDF rendering.

Run from the repository root:  .venv/bin/python bench/run.py   (or `make bench`)

Measures, in one run:
  1. Server time of request-journey wizard steps, in-process through Django's test Client
     (real URL conf and middleware, sessions in an in-memory SQLite test database).
  2. Time to render the request letter to PDF, plus the peak memory of one render
     (tracemalloc peak, and max-RSS growth of a single cold render in a fresh subprocess).

Prints a table to stdout and writes the same results to bench/results/latest.json.
Informational only: exits 0 whether or not targets are met (non-zero only on errors).
See bench/README.md.
"""

from __future__ import annotations

import argparse
import gc
import json
import math
import os
import platform
import resource
import statistics
import subprocess
import sys
import time
import tracemalloc
from collections.abc import Callable
from datetime import datetime
from importlib.metadata import version
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results" / "latest.json"
CASE_FILE = ROOT / "tests" / "fixtures" / "case_sam.json"

# Always the test settings, and always SQLite: a DATABASE_URL in the caller's environment
# would otherwise switch the bench to PostgreSQL and make numbers incomparable.
os.environ["DJANGO_SETTINGS_MODULE"] = "ehcp_site.settings_test"
os.environ.pop("DATABASE_URL", None)
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

# Targets, in milliseconds (time) and which statistic they apply to.
STEP_TARGET_MS = 25.0
PDF_MEDIAN_TARGET_MS = 250.0

# Sample sizes.
STEP_WARMUP = 30
STEP_N = 300
CHECK_N = 300
PDF_WARMUP = 3
PDF_N = 30

MIDDLE_STEP = "need-areas"
NEXT_AFTER_MIDDLE = "need-communication"  # where a valid need-areas POST redirects
CHECK_STEP = "check-answers"
MIB = 1024 * 1024


def percentile(samples: list[float], pct: float) -> float:
    """Nearest-rank percentile (no interpolation): the value at rank ceil(pct/100 * n)."""
    ordered = sorted(samples)
    rank = max(1, math.ceil(pct / 100 * len(ordered)))
    return ordered[rank - 1]


class FullCollections:
    """Counts full (generation 2) garbage collections and their pause, via gc.callbacks."""

    def __init__(self) -> None:
        self.count = 0
        self.pause_ms = 0.0
        self._start = 0

    def __call__(self, phase: str, info: dict) -> None:
        if info["generation"] != 2:
            return
        if phase == "start":
            self._start = time.perf_counter_ns()
        else:
            self.count += 1
            self.pause_ms += (time.perf_counter_ns() - self._start) / 1e6

    def reset(self) -> None:
        self.count, self.pause_ms = 0, 0.0


FULL_GC = FullCollections()


def measure(
    name: str,
    fn: Callable[[], object],
    *,
    n: int,
    warmup: int,
    check: Callable[[object], None],
    target_ms: float,
    target_on_p95: bool,
) -> dict:
    """Time n calls of fn after `warmup` calls; every result is checked, none is kept.

    Wall time (perf_counter) is the measurement; this thread's CPU time is recorded too, as
    it is less disturbed by other processes on a shared machine.
    """
    for _ in range(warmup):
        check(fn())
    gc.collect()
    FULL_GC.reset()
    wall, cpu = [], []
    for _ in range(n):
        start_wall, start_cpu = time.perf_counter_ns(), time.thread_time_ns()
        result = fn()
        end_cpu, end_wall = time.thread_time_ns(), time.perf_counter_ns()
        check(result)
        wall.append((end_wall - start_wall) / 1e6)
        cpu.append((end_cpu - start_cpu) / 1e6)
    median, p95 = statistics.median(wall), percentile(wall, 95)
    return {
        "name": name,
        "n": n,
        "median_ms": round(median, 3),
        "p95_ms": round(p95, 3),
        "max_ms": round(max(wall), 3),
        "min_ms": round(min(wall), 3),
        "mean_ms": round(statistics.fmean(wall), 3),
        "cpu_median_ms": round(statistics.median(cpu), 3),
        "cpu_p95_ms": round(percentile(cpu, 95), 3),
        "full_gc_count": FULL_GC.count,
        "full_gc_pause_ms": round(FULL_GC.pause_ms, 1),
        "target": f"median{' & p95' if target_on_p95 else ''} < {target_ms:g} ms",
        "pass": median < target_ms and (p95 < target_ms if target_on_p95 else True),
    }


class BenchError(RuntimeError):
    """The app did not answer as the bench expects, so its timings would mean nothing."""


def ensure(condition: object, message: str) -> None:
    if not condition:
        raise BenchError(message)


def setup_django() -> None:
    import django

    django.setup()


# -- 1. wizard steps --------------------------------------------------------------------------
def wizard_bench(*, gc_freeze: bool = False) -> tuple[list[dict], dict]:
    from django.db import connection
    from django.test import Client
    from django.test.utils import setup_test_environment

    from tests.conftest import STEP_URL, management, request_answers

    # As Django's test runner does (its debug_mode defaults to False); the default SQLite
    # database's test name is the shared in-memory database.
    setup_test_environment(debug=False)
    connection.creation.create_test_db(verbosity=0, autoclobber=True)
    db_name = str(connection.settings_dict["NAME"])

    client = Client()
    answers = request_answers()
    response = client.get("/request/new/")
    ensure(response.status_code == 302, f"/request/new/ returned {response.status_code}")
    case_id = None
    filled = []
    # Answer every step up to (not including) check-answers: a complete draft, not submitted.
    for _ in range(40):
        match = STEP_URL.match(response["Location"])
        ensure(match, f"left the journey early: {response['Location']}")
        case_id, step = match["case_id"], match["step"]
        if step == CHECK_STEP:
            break
        response = client.post(
            response["Location"], {**management("request", step), **answers[step]}
        )
        ensure(response.status_code == 302, f"step {step} refused the answers")
        filled.append(step)
    else:
        raise AssertionError("journey did not reach check-answers")
    if gc_freeze:
        # What-if: the app's start-up objects moved out of the collector's reach, as a
        # gc.freeze() after start-up (e.g. in wsgi.py) would do. Not the app's behaviour today.
        import letters.services  # noqa: F401  (everything a worker imports)

        gc.collect()
        gc.freeze()

    base = f"/request/{case_id}/"
    middle_url = f"{base}{MIDDLE_STEP}/"
    check_url = f"{base}{CHECK_STEP}/"
    middle_post = {**management("request", MIDDLE_STEP), **answers[MIDDLE_STEP]}

    def expect_page(marker: bytes):
        def check(r):
            ensure(r.status_code == 200, f"GET returned {r.status_code}")
            ensure(marker in r.content, f"page lacks {marker!r}")

        return check

    def expect_redirect(r):
        ensure(r.status_code == 302, f"POST returned {r.status_code} (answer not accepted?)")
        ensure(r["Location"] == f"{base}{NEXT_AFTER_MIDDLE}/", f"redirected to {r['Location']}")

    common = {
        "n": STEP_N,
        "warmup": STEP_WARMUP,
        "target_ms": STEP_TARGET_MS,
        "target_on_p95": True,
    }
    rows = [
        measure(
            f"Wizard GET  {MIDDLE_STEP}",
            lambda: client.get(middle_url),
            check=expect_page(b'value="semh" checked'),
            **common,
        ),
        measure(
            f"Wizard POST {MIDDLE_STEP} (valid -> 302)",
            lambda: client.post(middle_url, middle_post),
            check=expect_redirect,
            **common,
        ),
        measure(
            f"Wizard GET  {CHECK_STEP} (summary)",
            lambda: client.get(check_url),
            check=expect_page(b"Hillside Primary"),
            **{**common, "n": CHECK_N},
        ),
    ]
    context = {"database": db_name, "steps_filled_before_measuring": filled}
    return rows, context


# -- 2. letter PDF ----------------------------------------------------------------------------
def load_case_file() -> dict:
    return json.loads(CASE_FILE.read_text())


def render_once(case_file: dict):
    from letters.services import letter_render

    return letter_render(kind="request_assessment", case_file=case_file, fmt="pdf")


def check_pdf(rendered) -> None:
    ensure(rendered.content.startswith(b"%PDF"), "letter_render did not return a PDF")


def pdf_bench() -> tuple[list[dict], dict]:
    case_file = load_case_file()
    rows = [
        measure(
            "Letter PDF render (request_assessment)",
            lambda: render_once(case_file),
            n=PDF_N,
            warmup=PDF_WARMUP,
            check=check_pdf,
            target_ms=PDF_MEDIAN_TARGET_MS,
            target_on_p95=False,
        )
    ]
    pdf_size = len(render_once(case_file).content)

    # Peak Python allocations during one (warm) render.
    gc.collect()
    tracemalloc.start()
    tracemalloc.reset_peak()
    check_pdf(render_once(case_file))
    _, traced_peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()

    # Max-RSS growth of one render alone: a cold first render in a fresh process. Linux keeps
    # a process's max RSS across execve, and a direct child of this (large) process starts
    # with ours; started by a small shell that forks (the trailing `exit` stops it exec-ing),
    # the child's baseline is its own.
    child = subprocess.run(
        [
            "/bin/sh",
            "-c",
            '"$@"; exit $?',
            "sh",
            sys.executable,
            str(Path(__file__).resolve()),
            "--one-render",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    if child.returncode != 0:
        raise RuntimeError(f"--one-render subprocess failed:\n{child.stderr}")
    one = json.loads(child.stdout.strip().splitlines()[-1])

    memory = {
        "tracemalloc_peak_mib": round(traced_peak / MIB, 2),
        "rss_growth_one_render_mib": round(one["maxrss_delta_kib"] / 1024, 2),
        "rss_before_render_mib": round(one["maxrss_before_kib"] / 1024, 2),
        "rss_after_render_mib": round(one["maxrss_after_kib"] / 1024, 2),
        "cold_first_render_ms": round(one["render_ms"], 1),
        "child_proc_status_after": one["proc_status_after"],
        "pdf_bytes": pdf_size,
    }
    return rows, memory


def one_render_child() -> None:
    """Subprocess mode: report max-RSS growth of a single render in this fresh process."""
    setup_django()
    import letters.services  # noqa: F401  (import WeasyPrint etc. before the baseline)

    case_file = load_case_file()
    gc.collect()
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux
    start = time.perf_counter()
    rendered = render_once(case_file)
    render_ms = (time.perf_counter() - start) * 1000
    after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    check_pdf(rendered)
    print(
        json.dumps(
            {
                "maxrss_before_kib": before,
                "maxrss_after_kib": after,
                "maxrss_delta_kib": after - before,
                "render_ms": render_ms,
                # Cross-check from the kernel's own accounting of this process's memory.
                "proc_status_after": _proc_status("VmHWM", "VmRSS"),
            }
        )
    )


def _proc_status(*keys: str) -> dict[str, int]:
    """Fields of /proc/self/status in KiB (Linux only; empty elsewhere)."""
    try:
        lines = Path("/proc/self/status").read_text().splitlines()
    except OSError:
        return {}
    found = {}
    for line in lines:
        name, _, value = line.partition(":")
        if name in keys:
            found[name + "_kib"] = int(value.split()[0])
    return found


# -- report ------------------------------------------------------------------------------------
def machine_facts() -> dict:
    import django

    return {
        "date": datetime.now().astimezone().isoformat(timespec="seconds"),
        "cpu_count": os.cpu_count(),
        "python": platform.python_version(),
        "implementation": platform.python_implementation(),
        "platform": platform.platform(),
        "django": django.get_version(),
        "weasyprint": version("weasyprint"),
        "settings": os.environ["DJANGO_SETTINGS_MODULE"],
        "load_average_at_start": load_average(),
    }


def load_average() -> list[float] | None:
    try:
        return [round(x, 2) for x in os.getloadavg()]
    except OSError:
        return None


def print_report(report: dict) -> None:
    facts, rows, memory = report["machine"], report["results"], report["pdf_memory"]
    print("EHCP helper benchmark (bench/run.py)")
    for key in ("date", "cpu_count", "python", "django", "weasyprint", "platform", "settings"):
        print(f"  {key:<11} {facts[key]}")
    print(f"  {'database':<11} {report['config']['database']} (django.contrib.sessions.db)")
    load_start, load_end = facts["load_average_at_start"], report["load_average_at_end"]
    print(f"  {'load avg':<11} {load_start} at start, {load_end} at end (1/5/15 min)")
    if report["config"]["gc_freeze"]:
        print("  WHAT-IF RUN (--gc-freeze): start-up objects frozen; not the app as it runs today")
    busiest = max(load[0] for load in (load_start, load_end) if load) if load_start else 0
    if facts["cpu_count"] and busiest > facts["cpu_count"] / 2:
        print("  NOTE: other processes were busy during this run; wall times may be inflated")
        print("        (compare the 'cpu med' column, this thread's CPU time).")
    print()
    header = (
        f"{'Measurement':<40} {'n':>4} {'median':>9} {'p95':>9} {'max':>9} {'cpu med':>9} "
        f"{'cpu p95':>9} "
        f"{'full GCs':>8}  {'target':<22} result"
    )
    print(header)
    print("-" * len(header))
    for row in rows:
        print(
            f"{row['name']:<40} {row['n']:>4} {row['median_ms']:>6.1f} ms {row['p95_ms']:>6.1f} ms "
            f"{row['max_ms']:>6.1f} ms {row['cpu_median_ms']:>6.1f} ms "
            f"{row['cpu_p95_ms']:>6.1f} ms {row['full_gc_count']:>8}  "
            f"{row['target']:<22} {'PASS' if row['pass'] else 'MISS'}"
        )
    print(
        "  (wall time from the client.get/post call to its response, in-process, URL\n"
        "   /request/<id>/<step>/; 'cpu' = this thread's CPU time; p95 is nearest-rank;\n"
        "   'full GCs' = generation-2 garbage collections that ran during the measured calls)"
    )
    print()
    print("Memory of one request-letter PDF render")
    print(
        f"  tracemalloc peak (Python allocations, one warm render): "
        f"{memory['tracemalloc_peak_mib']:.1f} MiB"
    )
    print(
        f"  max RSS growth (one cold first render, fresh process):  "
        f"{memory['rss_growth_one_render_mib']:.1f} MiB "
        f"({memory['rss_before_render_mib']:.1f} -> {memory['rss_after_render_mib']:.1f} MiB; "
        f"that render took {memory['cold_first_render_ms']:.0f} ms)"
    )
    print(f"  PDF size: {memory['pdf_bytes'] / 1024:.1f} KiB")
    print()
    print(
        f"Results written to {RESULTS.relative_to(ROOT)}; total {report['total_seconds']:.1f} s. "
        "Informational: exit status 0 whether targets are met or missed."
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--one-render", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument(
        "--gc-freeze",
        action="store_true",
        help="what-if: gc.freeze() once warm, to show the cost of full garbage collections",
    )
    args = parser.parse_args()
    if args.one_render:
        one_render_child()
        return 0

    began = time.perf_counter()
    setup_django()
    facts = machine_facts()
    gc.callbacks.append(FULL_GC)
    wizard_rows, wizard_ctx = wizard_bench(gc_freeze=args.gc_freeze)
    pdf_rows, memory = pdf_bench()
    report = {
        "machine": facts,
        "config": {
            "step_warmup": STEP_WARMUP,
            "step_n": STEP_N,
            "check_answers_n": CHECK_N,
            "pdf_warmup": PDF_WARMUP,
            "pdf_n": PDF_N,
            "percentile_method": "nearest-rank",
            "gc_freeze": args.gc_freeze,
            **wizard_ctx,
        },
        "targets": {
            "wizard_step_median_and_p95_ms": STEP_TARGET_MS,
            "pdf_median_ms": PDF_MEDIAN_TARGET_MS,
        },
        "results": wizard_rows + pdf_rows,
        "pdf_memory": memory,
        "load_average_at_end": load_average(),
        "total_seconds": round(time.perf_counter() - began, 1),
    }
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(report, indent=2) + "\n")
    print_report(report)
    return 0


if __name__ == "__main__":
    sys.exit(main())
