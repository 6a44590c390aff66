"""A real server and simulated parents, for the load test, the fault test and the server
benchmarks: gunicorn running the production settings on loopback, and parents that walk the
request journey over HTTP the way a browser does (cookies, CSRF token, redirects).

Only loopback: nothing here talks to another machine.
"""

from __future__ import annotations

import atexit
import http.cookiejar
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
GUNICORN = str(Path(sys.executable).with_name("gunicorn"))
STEP_URL = re.compile(r"/(?P<journey>[\w-]+)/(?P<case_id>[0-9a-f-]{36})/(?P<step>[\w-]+)/")
CSRF_INPUT = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
# The one URL bench/floor_wsgi.py adds to the production application (named here, where
# importing it does not set Django up).
FLOOR_PATH = "/bench/floor/"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


_STATIC_ROOT = Path(tempfile.gettempdir()) / f"ehcp-live-static-{os.getpid()}"
atexit.register(shutil.rmtree, _STATIC_ROOT, ignore_errors=True)


def production_env(database_url: str, **extra: str) -> dict[str, str]:
    """The production configuration, on plain HTTP on loopback (as `make serve` runs it)."""
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_URL"))},
        "DJANGO_DEBUG": "false",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(48),
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DJANGO_SECURE_SSL_REDIRECT": "false",
        "DJANGO_INSECURE_LOCAL_HTTP": "true",
        "DJANGO_FIELD_ENCRYPTION_KEYS": "dGVzdC1vbmx5LWZpZWxkLWVuY3J5cHRpb24ta2V5LTA=",
        "DATABASE_URL": database_url,
        # As behind the reverse proxy of docs/deploy.md: each parent has their own address.
        "DJANGO_TRUSTED_PROXY_COUNT": "1",
        "PYTHONPATH": str(ROOT),
        # Production serves collectstatic's hashed files (WhiteNoise); collected once a run.
        "DJANGO_STATIC_ROOT": str(_STATIC_ROOT),
    }
    env.update(extra)
    return env


def manage(env: dict[str, str], *args: str) -> None:
    subprocess.run([PYTHON, "manage.py", *args], cwd=ROOT, env=env, check=True, capture_output=True)


@dataclass
class Server:
    url: str
    process: subprocess.Popen

    def worker_pids(self) -> list[int]:
        """The gunicorn workers (children of the master)."""
        children = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children")
        return [int(pid) for pid in children.read_text().split()]

    def kill_workers(self) -> list[int]:
        pids = self.worker_pids()
        for pid in pids:
            os.kill(pid, signal.SIGKILL)
        return pids

    def wait_for_workers(self, count: int, *, avoid: list[int], timeout: float = 20) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            fresh = [pid for pid in self.worker_pids() if pid not in avoid]
            if len(fresh) >= count and _responds(self.url):
                return
            time.sleep(0.05)
        raise RuntimeError("gunicorn did not start new workers")


def _responds(url: str) -> bool:
    try:
        with urllib.request.urlopen(url + "/healthz/", timeout=2) as response:  # noqa: S310
            return response.status == 200
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return False


@contextmanager
def gunicorn(
    env: dict[str, str],
    *,
    workers: int = 2,
    threads: int = 1,
    migrate: bool = True,
    access_log: Path | None = None,
    app: str = "ehcp_site.wsgi",
):
    """gunicorn with the project's config, on a free loopback port; stopped on exit.
    `app` is the WSGI module served (bench/floor_wsgi.py adds one URL for bench/server.py).
    With `access_log`, each request's method, path and server time in microseconds are
    written there (for the benchmarks)."""
    if migrate:
        manage(env, "migrate", "--noinput")
        manage(env, "createcachetable")
    if not (Path(env["DJANGO_STATIC_ROOT"]) / "staticfiles.json").exists():
        manage(env, "collectstatic", "--noinput")
    port = free_port()
    log = open(os.devnull, "w")  # noqa: SIM115 - closed below
    timing = (
        ["--access-logfile", str(access_log), "--access-logformat", "%(m)s %(U)s %(s)s %(D)s"]
        if access_log
        else []
    )
    process = subprocess.Popen(
        [
            GUNICORN,
            *timing,
            "--config",
            "ehcp_site/gunicorn_conf.py",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            str(workers),
            "--threads",
            str(threads),
            app,
        ],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    server = Server(f"http://127.0.0.1:{port}", process)
    try:
        deadline = time.monotonic() + 30
        while not _responds(server.url):
            if process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError("gunicorn did not start")
            time.sleep(0.1)
        yield server
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
        log.close()


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


@dataclass
class Response:
    status: int
    headers: dict[str, str]
    body: bytes
    seconds: float

    @property
    def location(self) -> str:
        return urllib.parse.urlsplit(self.headers.get("location", "")).path


@dataclass
class SimulatedParent:
    """One parent in one browser: a cookie jar, the CSRF token, no automatic redirects."""

    base_url: str
    timeout: float = 30
    # The address the reverse proxy would report for this parent (X-Forwarded-For).
    client_ip: str = field(
        default_factory=lambda: (
            f"10.{secrets.randbelow(250)}.{secrets.randbelow(250)}.{secrets.randbelow(250) + 1}"
        )
    )
    timings: list[tuple[str, float]] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.cookies = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(self.cookies), _NoRedirect()
        )

    def request(
        self, method: str, path: str, data: dict | None = None, label: str = ""
    ) -> Response:
        body = None
        headers = {"X-Forwarded-For": self.client_ip}
        if data is not None:
            token = next((c.value for c in self.cookies if c.name == "csrftoken"), "")
            body = urllib.parse.urlencode(
                {**data, "csrfmiddlewaretoken": token}, doseq=True
            ).encode()
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            headers["Referer"] = self.base_url + path
        request = urllib.request.Request(  # noqa: S310 - our own loopback server
            self.base_url + path, data=body, method=method, headers=headers
        )
        started = time.perf_counter()
        try:
            with self.opener.open(request, timeout=self.timeout) as raw:
                response = Response(
                    raw.status, {k.lower(): v for k, v in raw.headers.items()}, raw.read(), 0
                )
        except urllib.error.HTTPError as error:
            response = Response(
                error.code, {k.lower(): v for k, v in error.headers.items()}, error.read(), 0
            )
        response.seconds = time.perf_counter() - started
        self.timings.append((label or method, response.seconds))
        return response

    def get(self, path: str, label: str = "") -> Response:
        return self.request("GET", path, label=label)

    def post(self, path: str, data: dict, label: str = "") -> Response:
        return self.request("POST", path, data, label=label)

    def answer(self, step_path: str, step_data: dict) -> Response:
        """GET the question (it sets the CSRF cookie), then POST the answer."""
        self.get(step_path, label="step GET")
        match = STEP_URL.search(step_path)
        management = {f"{match['journey']}-current_step": match["step"]}
        return self.post(step_path, {**management, **step_data}, label="step POST")

    def request_journey(self, answers: dict[str, dict]) -> str:
        """Walk the whole request journey; returns the case id. Raises on any surprise."""
        response = self.get("/request/new/", label="start")
        expect(response, 302)
        location = response.location
        for _ in range(40):
            match = STEP_URL.search(location)
            if match is None or match["step"] == "confirmation":
                return match["case_id"]
            response = self.answer(location, answers[match["step"]])
            expect(response, 302)
            location = response.location
        raise AssertionError("the journey did not finish")


def expect(response: Response, status: int) -> None:
    if response.status != status:
        raise AssertionError(f"expected {status}, got {response.status}: {response.body[:300]!r}")


def percentile(values: list[float], pct: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    index = min(len(ordered) - 1, max(0, round(pct / 100 * len(ordered)) - 1))
    return ordered[index]
