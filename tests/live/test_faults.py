"""Fault test: a gunicorn worker killed in the middle of a step POST, and in the middle of a
PDF render. The parent's answers must be intact afterwards and the next request must work.

The worker is killed with SIGKILL (no clean-up code runs), as an out-of-memory kill or a
crashed machine would. Answers already saved are in the database, and a request that dies
half-way commits nothing (each request is one transaction or none), so nothing is lost
except the request in flight, which the parent sends again.
"""

from __future__ import annotations

import socket
import threading
import time
import urllib.parse

import pytest

from bench.live import STEP_URL, SimulatedParent, expect, gunicorn
from tests.conftest import request_answers

pytestmark = pytest.mark.live


def _half_sent_post(
    server_url: str, parent: SimulatedParent, path: str, data: dict
) -> socket.socket:
    """Open a connection and send the headers and half the body of a step POST: the worker
    is now inside that request, waiting for the rest."""
    token = next(c.value for c in parent.cookies if c.name == "csrftoken")
    cookies = "; ".join(f"{c.name}={c.value}" for c in parent.cookies)
    body = urllib.parse.urlencode({**data, "csrfmiddlewaretoken": token}, doseq=True).encode()
    host, port = urllib.parse.urlsplit(server_url).netloc.split(":")
    connection = socket.create_connection((host, int(port)))
    head = (
        f"POST {path} HTTP/1.1\r\nHost: {host}:{port}\r\nCookie: {cookies}\r\n"
        f"X-Forwarded-For: {parent.client_ip}\r\n"
        f"Referer: {server_url}{path}\r\n"
        f"Content-Type: application/x-www-form-urlencoded\r\nContent-Length: {len(body)}\r\n\r\n"
    )
    connection.sendall(head.encode() + body[: len(body) // 2])
    return connection


def test_a_worker_killed_during_a_step_post_loses_no_saved_answer(server_env):
    answers = request_answers()
    with gunicorn(server_env, workers=1) as server:
        parent = SimulatedParent(server.url)
        start = parent.get("/request/new/").location
        step = start
        for _ in range(3):  # your-details, your-contact, child-name
            response = parent.answer(step, answers[STEP_URL.search(step)["step"]])
            expect(response, 302)
            step = response.location
        slug = STEP_URL.search(step)["step"]
        parent.get(step)
        in_flight = _half_sent_post(
            server.url, parent, step, {"request-current_step": slug, **answers[slug]}
        )
        time.sleep(0.3)
        killed = server.kill_workers()
        in_flight.settimeout(5)
        assert in_flight.recv(1024) == b""  # the connection died with the worker
        in_flight.close()
        server.wait_for_workers(1, avoid=killed)
        # What was saved before is all there...
        page = parent.get(start.replace("/your-details/", "/child-name/"))
        expect(page, 200)
        assert b'value="Sam"' in page.body and b'value="Okafor"' in page.body
        # ...and sending the interrupted answer again works, and the journey finishes.
        response = parent.answer(step, answers[slug])
        expect(response, 302)
        case_id = parent.request_journey(answers)
        expect(parent.get(f"/request/{case_id}/confirmation/"), 200)


def test_a_worker_killed_during_a_pdf_render_and_the_next_download_works(server_env):
    answers = request_answers()
    with gunicorn(server_env, workers=1) as server:
        parent = SimulatedParent(server.url)
        case_id = parent.request_journey(answers)
        letter = f"/cases/{case_id}/letters/request_assessment.pdf"
        outcome: dict = {}

        def download() -> None:
            try:
                outcome["response"] = parent.get(letter)
            except Exception as error:  # the worker dies under it
                outcome["error"] = error

        thread = threading.Thread(target=download)
        thread.start()
        time.sleep(0.05)  # inside the render (it takes well over 50 ms on a cold worker)
        killed = server.kill_workers()
        thread.join(10)
        assert "error" in outcome, "the download finished before the worker was killed"
        server.wait_for_workers(1, avoid=killed)
        response = parent.get(letter)
        expect(response, 200)
        assert response.body.startswith(b"%PDF")
        page = parent.get(f"/request/{case_id}/confirmation/")
        expect(page, 200)
        assert b"Bristol City Council" in page.body
