"""Server benchmarks on gunicorn (2 workers), compared in one run:

1. wizard step throughput as a ratio of a bare Django view (GET /healthz/) on the same
   server (target: at least 0.5);
2. letter downloads per second with and without the rendered-letter cache
   (letters/cache.py: a PDF is rendered again only when the letter changes).

    .venv/bin/python bench/server.py [--seconds 10] [--clients 8]
    (PostgreSQL when DATABASE_URL is set, else a temporary SQLite file)

Writes bench/results/server.json. The clients share the machine with the server, so
absolute numbers are a floor; the ratios are what to compare.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.live import STEP_URL, SimulatedParent, expect, gunicorn, production_env  # noqa: E402
from bench.load import scratch_database  # noqa: E402
from tests.conftest import request_answers  # noqa: E402

RESULTS = ROOT / "bench" / "results" / "server.json"


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


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=10)
    parser.add_argument("--clients", type=int, default=8)
    args = parser.parse_args()
    answers = request_answers()
    results: dict = {"clients": args.clients, "seconds_each": args.seconds, "workers": 2}
    with scratch_database(os.environ.get("DATABASE_URL", "")) as url:
        results["database"] = url.split(":", 1)[0]
        for cache_on in (True, False):
            env = production_env(url, DJANGO_LETTER_FILE_CACHE=str(cache_on).lower())
            with gunicorn(env, workers=2, migrate=cache_on) as server:
                if cache_on:

                    def bare(_state, server=server):
                        expect(SimulatedParent(server.url).get("/healthz/"), 200)

                    results["bare_view_per_second"] = round(
                        throughput(
                            clients=args.clients,
                            seconds=args.seconds,
                            prepare=lambda: None,
                            operation=bare,
                        ),
                        1,
                    )

                    def at_a_step(server=server):
                        parent = SimulatedParent(server.url)
                        step = parent.get("/request/new/").location
                        parent.get(step)
                        return parent, step

                    def answer_step(state):
                        parent, step = state
                        data = {
                            "request-current_step": STEP_URL.search(step)["step"],
                            **answers["child-name"],
                        }
                        expect(parent.post(step, data), 302)

                    results["wizard_step_posts_per_second"] = round(
                        throughput(
                            clients=args.clients,
                            seconds=args.seconds,
                            prepare=at_a_step,
                            operation=answer_step,
                        ),
                        1,
                    )
                    results["wizard_to_bare_ratio"] = round(
                        results["wizard_step_posts_per_second"] / results["bare_view_per_second"], 2
                    )

                def with_a_letter(server=server):
                    parent = SimulatedParent(server.url)
                    case_id = parent.request_journey(answers)
                    return parent, f"/cases/{case_id}/letters/request_assessment.pdf"

                def download(state):
                    parent, letter = state
                    response = parent.get(letter)
                    expect(response, 200)

                key = "letter_downloads_per_second_" + ("cached" if cache_on else "uncached")
                results[key] = round(
                    throughput(
                        clients=args.clients,
                        seconds=args.seconds,
                        prepare=with_a_letter,
                        operation=download,
                    ),
                    1,
                )
    results["cache_speed_up"] = round(
        results["letter_downloads_per_second_cached"]
        / results["letter_downloads_per_second_uncached"],
        1,
    )
    RESULTS.parent.mkdir(exist_ok=True)
    RESULTS.write_text(json.dumps(results, indent=2) + "\n")
    for key, value in results.items():
        print(f"{key:<40}{value}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
