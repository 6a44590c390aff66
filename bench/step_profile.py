"""A wizard step POST against a bare view, in one process, through Django's WSGI handler
(issue 12, "Cheaper steps"): the same requests bench/server.py makes of gunicorn, without
the network, the clients or gunicorn, so the ratio is measured on a busy machine too.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/ehcp_h REDIS_URL=redis://127.0.0.1:6379/0 \
        .venv/bin/python bench/step_profile.py [-n 500] [--profile post|bare] [--rounds 3]

The production settings (DEBUG off, encrypted sessions, WhiteNoise's hashed static files,
rate limits, CSRF), as bench/live.production_env gives gunicorn. The database named in
DATABASE_URL (PostgreSQL) is migrated and used as it is; without DATABASE_URL a temporary
SQLite file. One parent starts a request journey and opens the child's name (`child-name`,
after who is filling it in; bench/server.py's parents answer the first page, `your-details`)
(--step: another question, the ones before it answered); then, in turns, N GETs of /healthz/
and N POSTs of that question's answer (each a 302 to the next question; every response is
checked), each from its own address (X-Forwarded-For, one trusted proxy), so the step's rate
limit counts without refusing. Prints this thread's CPU time per request (median of the
rounds' means) for each, and the ratio bare / step (target: at least 0.5). With --profile, a
cProfile of N of those requests, sorted by cumulative then internal time.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import os
import pstats
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.live import CSRF_INPUT, production_env  # noqa: E402

STEP = re.compile(r"/request/(?P<case_id>[0-9a-f-]{36})/(?P<step>[\w-]+)/")


def _configure() -> None:
    database_url = os.environ.get("DATABASE_URL") or (
        f"sqlite:///{Path(tempfile.mkdtemp()) / 'step.sqlite3'}"
    )
    env = production_env(database_url)
    env["DJANGO_STATIC_ROOT"] = str(Path(tempfile.gettempdir()) / "ehcp-step-profile-static")
    env["DJANGO_SECRET_KEY"] = "step-profile-" + "x" * 50
    os.environ.update({k: v for k, v in env.items() if k.startswith(("DJANGO_", "DATABASE"))})
    os.environ["DJANGO_SETTINGS_MODULE"] = "ehcp_site.settings"
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    call_command("createcachetable", verbosity=0)
    if not (Path(env["DJANGO_STATIC_ROOT"]) / "staticfiles.json").exists():
        call_command("collectstatic", "--noinput", verbosity=0)


class Browser:
    """One visitor calling the WSGI handler directly: cookies kept, redirects not followed."""

    def __init__(self, handler) -> None:
        self.handler = handler
        self.cookies: dict[str, str] = {}
        self.address = 0

    def call(self, method: str, path: str, body: bytes = b"") -> tuple[int, dict, bytes]:
        self.address += 1
        environ = {
            "REQUEST_METHOD": method,
            "PATH_INFO": path,
            "QUERY_STRING": "",
            "SERVER_NAME": "127.0.0.1",
            "SERVER_PORT": "8000",
            "SERVER_PROTOCOL": "HTTP/1.1",
            "REMOTE_ADDR": "127.0.0.1",
            "HTTP_HOST": "127.0.0.1",
            "HTTP_X_FORWARDED_FOR": f"10.{self.address // 65536 % 256}."
            f"{self.address // 256 % 256}.{self.address % 256}",
            "HTTP_COOKIE": "; ".join(f"{k}={v}" for k, v in self.cookies.items()),
            "wsgi.input": io.BytesIO(body),
            "wsgi.url_scheme": "http",
            "wsgi.errors": sys.stderr,
            "wsgi.multithread": False,
            "wsgi.multiprocess": True,
            "wsgi.run_once": False,
            "wsgi.version": (1, 0),
        }
        if body:
            environ["CONTENT_TYPE"] = "application/x-www-form-urlencoded"
            environ["CONTENT_LENGTH"] = str(len(body))
            environ["HTTP_ORIGIN"] = "http://127.0.0.1"
            environ["HTTP_REFERER"] = "http://127.0.0.1" + path
        status: list[str] = []
        headers: list[tuple[str, str]] = []

        def start_response(s, h, exc_info=None):
            status.append(s)
            headers.extend(h)

        response = self.handler(environ, start_response)
        content = b"".join(response)
        if hasattr(response, "close"):
            response.close()
        for name, value in headers:
            if name.lower() == "set-cookie":
                key, _, rest = value.partition("=")
                self.cookies[key] = rest.split(";", 1)[0]
        return int(status[0].split()[0]), {k.lower(): v for k, v in headers}, content


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=500)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument(
        "--step", default="child-name", help="the question answered (default: the child's name)"
    )
    parser.add_argument("--profile", choices=("post", "bare", "floor"))
    parser.add_argument("--lines", type=int, default=45)
    parser.add_argument("--callers", help="with --profile: who calls functions matching this")
    parser.add_argument("--dump", help="with --profile: also write the raw profile to this file")
    args = parser.parse_args()
    _configure()
    from urllib.parse import urlencode

    # The production application plus the floor's one URL (bench/floor_wsgi.py).
    from bench.floor_wsgi import application as handler
    from bench.live import FLOOR_PATH
    from tests.conftest import request_answers

    parent = Browser(handler)
    status, headers, _ = parent.call("GET", "/request/new/")
    assert status == 302, status
    step_path = STEP.search(headers["location"])[0]
    status, _, page = parent.call("GET", step_path)
    assert status == 200, status
    token = CSRF_INPUT.search(page.decode())[1]
    answers = request_answers()

    def answer(slug: str) -> bytes:
        fields = {"csrfmiddlewaretoken": token, "request-current_step": slug, **answers[slug]}
        return urlencode(fields, doseq=True).encode()

    # --step: answer the questions before it first, so the draft holds their answers.
    for _ in range(40):
        slug = STEP.search(step_path)["step"]
        status, headers, _ = parent.call("POST", step_path, answer(slug))
        assert status == 302, (slug, status)
        if slug == args.step:
            break
        step_path = STEP.search(headers["location"])[0]
    else:
        raise SystemExit(f"the request journey never reached {args.step}")
    body = answer(args.step)
    next_path = headers["location"]

    stranger = Browser(handler)  # as bench/server.py: the bare view is asked without cookies

    def bare() -> None:
        stranger.cookies.clear()
        status, _, content = stranger.call("GET", "/healthz/")
        assert status == 200 and content == b"ok", (status, content)

    def post() -> None:
        status, headers, _ = parent.call("POST", step_path, body)
        assert status == 302 and headers["location"] == next_path, (status, headers)

    floor_body = urlencode({"csrfmiddlewaretoken": token, "answer": "Sam"}).encode()

    def floor() -> None:
        status, headers, _ = parent.call("POST", FLOOR_PATH, floor_body)
        assert status == 302 and headers["location"] == "/healthz/", (status, headers)

    def per_call(operation, n: int) -> tuple[float, float]:
        """(wall ms, CPU ms) per call."""
        wall, cpu = time.perf_counter(), time.thread_time()
        for _ in range(n):
            operation()
        return (
            (time.perf_counter() - wall) / n * 1000,
            (time.thread_time() - cpu) / n * 1000,
        )

    def function_calls(operation, n: int) -> float:
        profiler = cProfile.Profile()
        profiler.enable()
        for _ in range(n):
            operation()
        profiler.disable()
        return pstats.Stats(profiler).total_calls / n

    operations = {"bare": bare, "floor": floor, "post": post}
    for operation in operations.values():  # warm-up
        per_call(operation, 30)
    if args.profile:
        operation = operations[args.profile]
        # This thread's CPU time, not the wall clock: waits for PostgreSQL and Redis (and
        # for the other processes of a busy machine) are left out.
        profiler = cProfile.Profile(time.thread_time)
        profiler.enable()
        for _ in range(args.n):
            operation()
        profiler.disable()
        if args.dump:
            profiler.dump_stats(args.dump)
        for order in ("cumulative", "tottime"):
            stats = pstats.Stats(profiler).strip_dirs().sort_stats(order)
            stats.print_stats(args.lines)
        if args.callers:
            pstats.Stats(profiler).strip_dirs().print_callers(args.callers)
        return 0
    rounds: dict[str, list] = {name: [] for name in operations}
    for _ in range(args.rounds):
        for name, operation in operations.items():
            rounds[name].append(per_call(operation, args.n))
    from django.conf import settings

    def median(name: str, index: int) -> float:
        return statistics.median(r[index] for r in rounds[name])

    print(f"database        {settings.DATABASES['default']['ENGINE'].rsplit('.', 1)[-1]}")
    print(f"session engine  {settings.SESSION_ENGINE}")
    print(f"step            {args.step}")
    print(f"requests        {args.n} of each, {args.rounds} rounds (ms per request, median)")
    print("                wall      CPU")
    for label, name in (("bare view", "bare"), ("floor POST", "floor"), ("step POST", "post")):
        print(f"{label:<16}{median(name, 0):.3f}  {median(name, 1):.3f}")
    for label, over, under in (("bare / step", "bare", "post"), ("bare / floor", "bare", "floor")):
        print(
            f"{label:<16}{median(over, 0) / median(under, 0):.2f}   "
            f"{median(over, 1) / median(under, 1):.2f}   (target for bare / step: at least 0.5)"
        )
    # Python function calls per request: exact, whatever else the machine is doing.
    calls = {name: function_calls(operation, 100) for name, operation in operations.items()}
    print(
        f"function calls  bare view {calls['bare']:.0f}, floor POST {calls['floor']:.0f}, "
        f"step POST {calls['post']:.0f} per request"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
