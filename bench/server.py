"""Server benchmarks on gunicorn (2 workers), compared in one run:

1. wizard step throughput as a ratio of a bare Django view (GET /healthz/) on the same
   server (target: at least 0.5), and the same for the floor of any step (bench/floor_wsgi.py:
   the session read and written, CSRF and the rate limit, without the wizard);
2. letter downloads per second with and without the rendered-letter cache
   (letters/cache.py: a PDF is rendered again only when the letter changes).

    .venv/bin/python bench/server.py [--seconds 10] [--clients 8]
    (PostgreSQL when DATABASE_URL is set, else a temporary SQLite file)

Two measures of each: requests per second as 8 client threads drive them (the clients run
on the same 2 cores, so they take CPU from the server, and a POST costs the client more than
a GET), and the server's own time per request from gunicorn's access log (microseconds,
%(D)s), from which a 2-worker capacity follows (2 / mean time). The ratio the issue asks for
is given on both. Writes bench/results/server.json.
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
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.live import (  # noqa: E402
    FLOOR_PATH,
    STEP_URL,
    SimulatedParent,
    expect,
    gunicorn,
    production_env,
)
from bench.load import scratch_database  # noqa: E402
from tests.conftest import request_answers  # noqa: E402

RESULTS = ROOT / "bench" / "results" / "server.json"
WORKERS = 2


def throughput(*, clients: int, seconds: float, prepare, operation) -> float:
    """Operations per second: `clients` threads, each with its own prepared state."""
    states = [prepare() for _ in range(clients)]
    done = [0] * clients
    stop_at = time.monotonic() + seconds

    def loop(index: int) -> None:
        while time.monotonic() < stop_at:
            operation(states[index])
            done[index] += 1

    started = time.monotonic()
    threads = [threading.Thread(target=loop, args=(i,)) for i in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return sum(done) / (time.monotonic() - started)


def server_ms(log: Path, method: str, path_test) -> float:
    """Median server time (ms) of the logged requests that match, then forget them."""
    times = []
    for line in log.read_text().splitlines():
        logged_method, path, status, micros = line.split()
        if logged_method == method and path_test(path) and status in ("200", "302"):
            times.append(int(micros) / 1000)
    log.write_text("")
    return round(statistics.median(times), 2)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=10)
    parser.add_argument("--clients", type=int, default=8)
    args = parser.parse_args()
    answers = request_answers()
    results: dict = {"clients": args.clients, "seconds_each": args.seconds, "workers": WORKERS}
    log = Path(tempfile.mkdtemp()) / "access.log"

    def measure(name, *, method, path_test, prepare, operation) -> None:
        results[f"{name}_per_second"] = round(
            throughput(
                clients=args.clients, seconds=args.seconds, prepare=prepare, operation=operation
            ),
            1,
        )
        results[f"{name}_server_ms"] = server_ms(log, method, path_test)

    with scratch_database(os.environ.get("DATABASE_URL", "")) as url:
        results["database"] = url.split(":", 1)[0]
        for cache_on in (True, False):
            env = production_env(url, DJANGO_LETTER_FILE_CACHE=str(cache_on).lower())
            # The production application plus bench/floor_wsgi.py's one URL, added last.
            with gunicorn(
                env,
                workers=WORKERS,
                migrate=cache_on,
                access_log=log,
                app="bench.floor_wsgi",
            ) as server:
                if cache_on:

                    def bare(_state, server=server):
                        expect(SimulatedParent(server.url).get("/healthz/"), 200)

                    def at_a_step(server=server):
                        parent = SimulatedParent(server.url)
                        step = parent.get("/request/new/").location
                        parent.get(step)
                        return parent, step

                    def answer_step(state):
                        parent, step = state
                        # Each POST from its own address, as for downloads below: 8 parents
                        # answering 40 times a second each would meet the step POST's rate
                        # limit (120 a minute per client) within seconds.
                        parent.client_ip = SimulatedParent(parent.base_url).client_ip
                        slug = STEP_URL.search(step)["step"]  # the first: your-details
                        data = {"request-current_step": slug, **answers[slug]}
                        expect(parent.post(step, data), 302)

                    measure(
                        "bare_view",
                        method="GET",
                        path_test=lambda p: p == "/healthz/",
                        prepare=lambda: None,
                        operation=bare,
                    )

                    def answer_floor(state):
                        parent, _step = state
                        parent.client_ip = SimulatedParent(parent.base_url).client_ip
                        expect(parent.post(FLOOR_PATH, {"answer": "Sam"}), 302)

                    measure(
                        "floor_post",
                        method="POST",
                        path_test=lambda p: p == FLOOR_PATH,
                        prepare=at_a_step,
                        operation=answer_floor,
                    )
                    measure(
                        "wizard_step_post",
                        method="POST",
                        path_test=lambda p: p.endswith("/your-details/"),
                        prepare=at_a_step,
                        operation=answer_step,
                    )

                def with_a_letter(server=server):
                    parent = SimulatedParent(server.url)
                    case_id = parent.request_journey(answers)
                    return parent, f"/cases/{case_id}/letters/request_assessment.pdf"

                def download(state):
                    parent, letter = state
                    # Many parents downloading (each from their own address, as the proxy
                    # reports it), so the per-address download limit is not what is measured.
                    parent.client_ip = SimulatedParent(parent.base_url).client_ip
                    expect(parent.get(letter), 200)

                measure(
                    "letter_downloads_" + ("cached" if cache_on else "uncached"),
                    method="GET",
                    path_test=lambda p: p.endswith(".pdf"),
                    prepare=with_a_letter,
                    operation=download,
                )
    results["wizard_to_bare_ratio_throughput"] = round(
        results["wizard_step_post_per_second"] / results["bare_view_per_second"], 2
    )
    results["floor_to_bare_ratio_throughput"] = round(
        results["floor_post_per_second"] / results["bare_view_per_second"], 2
    )
    results["wizard_to_floor_ratio_throughput"] = round(
        results["wizard_step_post_per_second"] / results["floor_post_per_second"], 2
    )
    results["wizard_to_bare_ratio_server_time"] = round(
        results["bare_view_server_ms"] / results["wizard_step_post_server_ms"], 2
    )
    results["letter_cache_speed_up_throughput"] = round(
        results["letter_downloads_cached_per_second"]
        / results["letter_downloads_uncached_per_second"],
        1,
    )
    results["letter_cache_speed_up_server_time"] = round(
        results["letter_downloads_uncached_server_ms"]
        / results["letter_downloads_cached_server_ms"],
        1,
    )
    RESULTS.parent.mkdir(exist_ok=True)
    RESULTS.write_text(json.dumps(results, indent=2) + "\n")
    for key, value in results.items():
        print(f"{key:<40}{value}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
