"""SQLite under concurrent writers: people saving at the same moment wait their turn.

Runs the real settings (ehcp_site/settings.py, not the test settings) in a separate process
against a SQLite file, because pytest-django's SQLite test database lives in memory, where
WAL, locking and the busy timeout do not apply. Twenty threads each save their own answer
to ONE case through the app's own service (`case_save`, a read-then-write transaction) at
the same moment: none may see "database is locked", and none of the twenty answers may be
lost to another thread's write.
"""

import json
import os
import subprocess
from pathlib import Path

import pytest

from tests.conftest import run_in_project

ROOT = Path(__file__).resolve().parent.parent
THREADS = 20

pytestmark = pytest.mark.skipif(
    os.environ.get("DATABASE_URL", "").startswith("postgres"),
    reason="tests SQLite's locking; this run's database is PostgreSQL (the SQLite run covers it)",
)

# Run with `manage.py shell -c`, so Django is set up with the real settings.
SCRIPT = """
import json, threading
from pathlib import Path
from types import SimpleNamespace

from django.contrib.auth import get_user_model
from django.db import connection

from journeys.models import Case
from journeys.cases.services import case_save
from tests.conftest import run_in_project

THREADS = %(threads)d
case_file = json.loads(Path(%(fixture)r).read_text())
user = get_user_model().objects.create_user("p@example.org", "pw-0123456789", full_name="P")
case = Case.objects.create(journey="request", case_file=case_file, owner=user)
connection.close()

barrier = threading.Barrier(THREADS)
errors = []

def save(index):
    try:
        barrier.wait()
        case_save(
            case_id=case.pk,
            journey=SimpleNamespace(slug=f"step-{index:02d}"),
            case_file=case_file,
            user=user,
            session={},
            extras={"answer": index},
        )
    except Exception as error:
        errors.append(repr(error))
    finally:
        connection.close()

threads = [threading.Thread(target=save, args=(i,)) for i in range(THREADS)]
for thread in threads:
    thread.start()
for thread in threads:
    thread.join()

saved = Case.objects.get(pk=case.pk)
with connection.cursor() as cursor:
    cursor.execute("PRAGMA journal_mode")
    journal_mode = cursor.fetchone()[0]
print(json.dumps({
    "errors": errors,
    "extras": sorted(saved.extras),
    "journey_events": sorted(saved.journey_events),
    "journal_mode": journal_mode,
}))
"""


def manage(database: Path, *args: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_"))}
    env.update(
        DJANGO_SETTINGS_MODULE="ehcp_site.settings",
        DJANGO_DEBUG="true",  # only so no secret key is needed; SQLite behaves the same
        DATABASE_URL=f"sqlite:///{database}",
    )
    return run_in_project("manage.py", *args, env=env, timeout=300, check=False)


def test_twenty_simultaneous_saves_to_one_case_all_arrive(tmp_path):
    database = tmp_path / "db.sqlite3"
    migrated = manage(database, "migrate", "--noinput")
    assert migrated.returncode == 0, migrated.stderr

    script = SCRIPT % {"threads": THREADS, "fixture": str(ROOT / "tests/fixtures/case_sam.json")}
    result = manage(database, "shell", "-c", script)
    assert result.returncode == 0, result.stderr
    outcome = json.loads(result.stdout.strip().splitlines()[-1])

    assert outcome["journal_mode"] == "wal"
    assert outcome["errors"] == []
    expected = [f"step-{i:02d}" for i in range(THREADS)]
    assert outcome["extras"] == expected
    assert outcome["journey_events"] == expected


# Twenty step saves into ONE draft (a signed-in parent's answers in progress) at once.
STEPS_SCRIPT = """
import json, threading
from types import SimpleNamespace

from django.contrib.auth import get_user_model
from django.db import connection

from journeys.models import Draft
from journeys.wizard.storage import CaseDatabaseStorage

THREADS = %(threads)d
user = get_user_model().objects.create_user("p@example.org", "pw-0123456789", full_name="P")
request = SimpleNamespace(user=user)
first = CaseDatabaseStorage("request", request, case_id=%(case_id)r, journey_slug="request")
first.set_step_data("child-name", {"child-name-first_name": ["Sam"]})
connection.close()

barrier = threading.Barrier(THREADS)
errors = []

def save(index):
    try:
        storage = CaseDatabaseStorage(
            "request", request, case_id=%(case_id)r, journey_slug="request"
        )
        storage.data  # read first, as a request does, so the writes really race
        barrier.wait()
        storage.set_step_data(f"step-{index:02d}", {"answer": [str(index)]})
    except Exception as error:
        errors.append(repr(error))
    finally:
        connection.close()

threads = [threading.Thread(target=save, args=(i,)) for i in range(THREADS)]
for thread in threads:
    thread.start()
for thread in threads:
    thread.join()
print(json.dumps({
    "errors": errors,
    "steps": sorted(Draft.objects.get().data["step_data"]),
}))
"""


def test_twenty_simultaneous_step_saves_to_one_draft_all_arrive(tmp_path):
    database = tmp_path / "db.sqlite3"
    assert manage(database, "migrate", "--noinput").returncode == 0
    script = STEPS_SCRIPT % {"threads": THREADS, "case_id": "0b1c2d3e-0000-4000-8000-000000000001"}
    result = manage(database, "shell", "-c", script)
    assert result.returncode == 0, result.stderr
    outcome = json.loads(result.stdout.strip().splitlines()[-1])
    assert outcome["errors"] == []
    assert outcome["steps"] == sorted(["child-name", *(f"step-{i:02d}" for i in range(THREADS))])
