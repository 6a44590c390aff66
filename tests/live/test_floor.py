"""bench/floor_wsgi.py, which bench/server.py serves to measure the floor of a step POST:
its one extra URL does what an answer must (CSRF, the rate limit, the session read and
written back), so the floor it measures is not a cheaper shortcut; and the application
`make serve` runs has no such URL."""

from __future__ import annotations

import pytest

from bench.live import FLOOR_PATH as FLOOR
from bench.live import SimulatedParent, expect, gunicorn

pytestmark = pytest.mark.live


def test_the_floor_keeps_csrf_and_the_session_and_production_has_no_floor(server_env):
    with gunicorn(server_env, workers=1, app="bench.floor_wsgi") as server:
        parent = SimulatedParent(server.url)
        parent.get(parent.get("/request/new/").location)  # a session and a CSRF cookie
        answered = parent.post(FLOOR, {"answer": "Sam"})
        expect(answered, 302)
        # The session was written back, as a step's is on every answer.
        assert "sessionid=" in answered.headers.get("set-cookie", ""), answered.headers
        stranger = SimulatedParent(server.url)
        expect(stranger.post(FLOOR, {"answer": "Sam"}), 403)  # no CSRF token: refused
        expect(parent.get(FLOOR), 405)  # a POST only, like an answer
    with gunicorn(server_env, workers=1, migrate=False) as server:
        expect(SimulatedParent(server.url).post(FLOOR, {"answer": "Sam"}), 404)
