"""The production configuration, for real: real settings from production environment
variables, `make serve`'s steps (migrate, createcachetable, collectstatic), then gunicorn
with ehcp_site/gunicorn_conf.py, talked to over HTTP as nginx would (X-Forwarded-Proto).

It has its own SQLite file and STATIC_ROOT in a temporary folder, so it runs the same way
in the SQLite and the PostgreSQL runs of the suite and touches nothing in the work tree.
"""

from __future__ import annotations

import base64
import http.client
import os
import secrets
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.conftest import run_in_project

ROOT = Path(__file__).resolve().parents[2]
HOST = "ehcp.example.org"


def production_env(folder: Path, **extra: str) -> dict[str, str]:
    """Production variables, as docs/deploy.md sets them, with nothing of ours inherited."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "DATABASE_", "REDIS_", "GUNICORN_"))
    }
    env.update(
        DJANGO_SETTINGS_MODULE="ehcp_site.settings",
        DJANGO_SECRET_KEY=secrets.token_urlsafe(50),
        DJANGO_ALLOWED_HOSTS=HOST,
        DJANGO_TRUST_X_FORWARDED_PROTO="true",
        DJANGO_TRUSTED_PROXY_COUNT="1",
        DJANGO_FIELD_ENCRYPTION_KEYS=base64.urlsafe_b64encode(os.urandom(32)).decode(),
        DATABASE_URL=f"sqlite:///{folder / 'db.sqlite3'}",
        DJANGO_STATIC_ROOT=str(folder / "static"),
    )
    env.update(extra)
    return env


def manage(env: dict[str, str], *args: str) -> subprocess.CompletedProcess:
    return run_in_project("manage.py", *args, env=env, timeout=300, check=False)


@dataclass
class Response:
    status: int
    headers: http.client.HTTPMessage
    body: bytes

    @property
    def text(self) -> str:
        return self.body.decode("utf-8", errors="replace")


@dataclass
class Site:
    port: int
    log: Path
    static_root: Path
    env: dict[str, str]

    def get(self, path: str, *, https: bool = True, **headers: str) -> Response:
        """One request as the reverse proxy would pass it on (no redirects followed)."""
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        sent = {"Host": HOST, **({"X-Forwarded-Proto": "https"} if https else {})}
        sent.update({name.replace("_", "-"): value for name, value in headers.items()})
        try:
            connection.request("GET", path, headers=sent)
            answer = connection.getresponse()
            return Response(answer.status, answer.headers, answer.read())
        finally:
            connection.close()


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="session")
def collected_site(tmp_path_factory) -> tuple[Path, dict[str, str]]:
    """A production database and STATIC_ROOT, made by `make serve`'s steps."""
    folder = tmp_path_factory.mktemp("production")
    env = production_env(folder)
    for step in (("migrate", "--noinput"), ("createcachetable",), ("collectstatic", "--noinput")):
        result = manage(env, *step)
        assert result.returncode == 0, f"{step[0]} failed:\n{result.stderr}"
    return folder, env


@pytest.fixture(scope="session")
def production_site(collected_site):
    folder, env = collected_site
    port = _free_port()
    log = folder / "gunicorn.log"
    server_env = {
        **env,
        "GUNICORN_BIND": f"127.0.0.1:{port}",
        "GUNICORN_WORKERS": "1",
        "GUNICORN_GRACEFUL_TIMEOUT": "5",
    }
    with log.open("wb") as output:
        server = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "--config", "ehcp_site/gunicorn_conf.py"],
            cwd=ROOT,
            env=server_env,
            stdout=output,
            stderr=subprocess.STDOUT,
        )
    try:
        deadline = time.monotonic() + 60
        while True:
            if server.poll() is not None:
                pytest.fail(f"gunicorn stopped at start:\n{log.read_text()}")
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                if time.monotonic() > deadline:
                    pytest.fail(f"gunicorn did not start:\n{log.read_text()}")
                time.sleep(0.2)
        yield Site(port=port, log=log, static_root=folder / "static", env=env)
    finally:
        server.terminate()
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
