"""The work the background worker does (django-tasks, database backend: `manage.py
db_worker`, which `make run` starts beside the web server)."""

from __future__ import annotations

from django_tasks import task

from journeys.evidence.services import evidence_pack_run


@task()
def evidence_pack_build(pack_id: str) -> None:
    """Build one queued evidence pack (journeys/evidence/services.py)."""
    evidence_pack_run(pack_id=pack_id)
