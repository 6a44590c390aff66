"""The real queue: django-tasks' database backend and its `db_worker`, as `make run` and
production use them. The page only queues (it returns at once); the worker builds."""

from __future__ import annotations

import io
import time

import pytest
from django.core.management import call_command
from django.test import override_settings
from pypdf import PdfReader

from journeys.evidence.selectors import evidence_pack_content
from journeys.models import EvidenceFile, EvidencePack
from tests import documents
from tests.journeys.evidence.conftest import upload_data

DATABASE_QUEUE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}


@pytest.mark.django_db(transaction=True)
def test_the_page_queues_and_the_worker_builds(browser, case):
    for day in (1, 2):
        data = upload_data(documents.pdf_bytes(3), f"d{day}.pdf")
        data["evidence-date_0"] = str(day)
        browser.post(f"/cases/{case.id}/evidence/add/", data)
    chosen = {"pack-documents": [str(f.pk) for f in EvidenceFile.objects.all()]}

    with override_settings(TASKS=DATABASE_QUEUE):
        started = time.perf_counter()
        response = browser.post(f"/cases/{case.id}/evidence/pack/", chosen)
        assert time.perf_counter() - started < 1  # the request never waits for the build
        pack = EvidencePack.objects.get()
        assert pack.status == EvidencePack.Status.QUEUED
        assert 'http-equiv="refresh"' in browser.get(response["Location"]).content.decode()

        call_command("db_worker", batch=True, no_startup_delay=True, reload=False, verbosity=0)

    pack.refresh_from_db()
    assert pack.status == EvidencePack.Status.READY
    assert len(PdfReader(io.BytesIO(evidence_pack_content(pack=pack))).pages) == 7
    page = browser.get(response["Location"]).content.decode()
    assert "Your pack is ready" in page and 'http-equiv="refresh"' not in page
