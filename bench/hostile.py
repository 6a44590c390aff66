"""The cost of the worst case file the schema allows, against a typical family's (issue 12).

Run from the repository root:  .venv/bin/python bench/hostile.py

"No request an anonymous visitor can make costs more than about a second of CPU." An
anonymous visitor can import any case file the schema accepts, then ask for its pages, each
letter (PDF, Word, HTML) and "Download everything". This script imports, in one process and
one run, a typical family's case (tests/fixtures/case_appeal_plan.json: a decision and a
plan, so most letters apply) and the worst one the bounds allow (`worst_case_file`: every
text field the request letter shows filled with plain prose up to its bound, until all the
case's text reaches TOTAL_TEXT_LENGTH), the previous bound's worst case (200,000
characters, saved directly as the import now refuses it) and a valid case whose reasons for
appeal repeated its evidence under every reason (`amplifying_case_file`), through Django's
test Client as an anonymous visitor (real URL conf and middleware, an in-memory SQLite test
database, the letter cache emptied before each request). For each request it prints this
thread's CPU time (median of --repeat) and its ratio to the typical case's: ratios, unlike
times, mean much the same on a busy shared machine and a quiet server.

`worst_case_file` and `amplifying_case_file` are what tests/security/test_bounded_work.py
builds.
"""

from __future__ import annotations

import argparse
import copy
import io
import json
import logging
import os
import re
import statistics
import sys
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TYPICAL = ROOT / "tests" / "fixtures" / "case_appeal_plan.json"
PROSE = (
    "Sam finds it very hard to follow spoken instructions when the classroom is busy and "
    "noisy, and needs an adult to repeat them one step at a time. "
)
PREVIOUS_TOTAL = 200_000  # the bound before (issue 12's first fix)
AREAS = ("communication_interaction", "cognition_learning", "semh", "sensory_physical")


def prose(length: int) -> str:
    """Plain sentences, `length` characters long: what a parent writes, at its longest."""
    return (PROSE * (length // len(PROSE) + 1))[: length - 1].rstrip() + "."


def typical_case_file() -> dict:
    return json.loads(TYPICAL.read_text())


def worst_case_file(*, total: int | None = None) -> dict:
    """The typical case with every field the request letter shows filled to its bound (needs,
    support tried, evidence, diagnoses, notes), support items dropped until all the case's
    text is at most `total` (the schema's TOTAL_TEXT_LENGTH unless given): the largest request
    letter a valid case file can make. With total=200_000 it is the previous worst case."""
    from journeys.cases.casefile import (
        ITEM_LENGTH,
        SOME,
        TEXT_LENGTH,
        TOTAL_TEXT_LENGTH,
        _text_length,
    )

    total = TOTAL_TEXT_LENGTH if total is None else total
    case = copy.deepcopy(typical_case_file())
    case["needs"] = [
        {"area": area, "description": prose(TEXT_LENGTH), "impact": prose(TEXT_LENGTH)}
        for area in AREAS
    ]
    case["evidence"] = [
        {
            "kind": "other",
            "author": "Dr A Patel",
            "date": "2026-03-10",
            "title": "Report",
            "key_points": prose(ITEM_LENGTH),
        }
        for _ in range(SOME)
    ]
    case["support_tried"] = [
        {"description": prose(ITEM_LENGTH), "since": "2025-09-01", "outcome": prose(ITEM_LENGTH)}
        for _ in range(SOME)
    ]
    case["notes"] = prose(TEXT_LENGTH)
    for key in ("support_tried", "evidence", "needs"):
        while _text_length(case) > total and case[key]:
            case[key].pop()
    # Top up to the bound exactly with one last, shorter support item.
    room = total - _text_length(case) - len("2025-09-01") - 2
    if room > 0:
        case["support_tried"].append(
            {
                "description": prose(min(room, ITEM_LENGTH)),
                "since": "2025-09-01",
                "outcome": "",
            }
        )
    return case


def amplifying_case_file() -> dict:
    """Valid (some 62,000 characters of text), but reasons for appeal cited every piece of
    evidence, key points and all, under each of the council's 30 reasons: 1.8 million
    characters, some 480 pages. Reasons for appeal now state each key point once, so it
    renders (about 72,700 characters)."""
    from journeys.cases.casefile import ITEM_LENGTH, SOME

    case = typical_case_file()
    case["evidence"] = [
        {"kind": "other", "author": "Dr A", "date": "2026-01-01", "key_points": prose(ITEM_LENGTH)}
    ] * SOME
    case["decision"]["reasons_given"] = [f"Reason number {i} is given here" for i in range(SOME)]
    return case


# -- the bench --------------------------------------------------------------------------------


def setup() -> None:
    os.environ["DJANGO_SETTINGS_MODULE"] = "ehcp_site.settings_test"
    os.environ.pop("DATABASE_URL", None)
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.db import connection
    from django.test.utils import setup_test_environment

    setup_test_environment(debug=False)
    connection.creation.create_test_db(verbosity=0, autoclobber=True)


def imported(client, case_file: dict) -> str:
    from django.core.files.uploadedfile import SimpleUploadedFile

    upload = SimpleUploadedFile(
        "case.json", json.dumps(case_file).encode(), content_type="application/json"
    )
    response = client.post("/cases/import/", {"import-case_file": upload})
    if response.status_code != 302:
        raise SystemExit(f"import refused ({response.status_code}): {response.content[:300]!r}")
    return re.search(r"[0-9a-f-]{36}", response["Location"])[0]


def cpu_ms(client, url: str, repeat: int) -> tuple[float, int, bytes]:
    from django.core.cache import cache

    times = []
    for _ in range(repeat):
        cache.clear()  # every request renders, as the first one of the day does
        start = time.thread_time()
        response = client.get(url)
        times.append((time.thread_time() - start) * 1000)
    return statistics.median(times), response.status_code, response.content


def pdf_pages(content: bytes) -> int:
    from pypdf import PdfReader

    return len(PdfReader(io.BytesIO(content)).pages)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=3, help="requests per URL (median)")
    args = parser.parse_args()
    setup()
    logging.getLogger("django.request").setLevel(logging.ERROR)  # 404s of letters not made
    from django.test import Client

    from journeys.cases.casefile import TOTAL_TEXT_LENGTH, _text_length
    from letters.registry import LetterKind

    # The previous bound's worst case (200,000 characters) is refused by the import now: it is
    # saved as the import would save it, and served without the letter limit and the export
    # budget, to show what it cost before.
    cases = {
        "typical": typical_case_file(),
        "previous worst": worst_case_file(total=PREVIOUS_TOTAL),
        "worst": worst_case_file(),
        "repeating": amplifying_case_file(),
    }
    print("EHCP helper: the worst case file against a typical one (bench/hostile.py)")
    for label, case_file in cases.items():
        print(f"  {label:<15} {_text_length(case_file):>8,} characters of text")
    print(f"  bound now       {TOTAL_TEXT_LENGTH:>8,}")
    print(f"  load average    {os.getloadavg()}, {os.cpu_count()} cores\n")
    paths = ["/cases/{id}/", "/cases/{id}/timeline/", "/cases/{id}/export.zip"]
    paths += [
        f"/cases/{{id}}/letters/{kind.value}.{fmt}"
        for kind in LetterKind
        for fmt in ("pdf", "docx")
    ]
    rows: dict[str, dict[str, tuple[float, str]]] = {}
    from letters import services

    limits = (services.LETTER_TEXT_LIMIT, services.PDF_TEXT_BUDGET)
    for label, case_file in cases.items():
        client = Client()
        # "previous worst" runs as before: no letter too long to make, no export budget.
        unlimited = label == "previous worst"
        services.LETTER_TEXT_LIMIT, services.PDF_TEXT_BUDGET = (
            (10**9, 10**9) if unlimited else limits
        )
        if _text_length(case_file) > TOTAL_TEXT_LENGTH:
            case_id = _import_unchecked(client, case_file)
        else:
            case_id = imported(client, case_file)
        client.get(f"/cases/{case_id}/")  # warm
        for path in paths:
            ms, status, content = cpu_ms(client, path.format(id=case_id), args.repeat)
            note = ""
            if status == 404:
                note = "404"
            elif path.endswith(".pdf"):
                note = f"{pdf_pages(content)} p"
            elif path.endswith(".zip"):
                names = zipfile.ZipFile(io.BytesIO(content)).namelist()
                pdfs = sum(name.endswith(".pdf") for name in names)
                note = f"{pdfs} PDF" + (" +README" if "README.txt" in names else "")
            rows.setdefault(path, {})[label] = (ms, note)
    labels = list(cases)
    print(f"{'request (anonymous visitor), CPU ms':<44}" + "".join(f"{lab:>24}" for lab in labels))
    for path, row in rows.items():
        if row["typical"][1] == "404":
            continue  # a letter the typical case cannot make
        typical_ms = row["typical"][0]
        cells = []
        for label in labels:
            ms, note = row[label]
            ratio = f"{ms / typical_ms:.1f}x" if label != "typical" else ""
            cells.append(f"{ms:7.0f} {note:<10}{ratio:>6}")
        print(f"{path.replace('/cases/{id}', ''):<44}" + "".join(f"{c:>24}" for c in cells))


def _import_unchecked(client, case_file: dict) -> str:
    """Import a case file beyond today's bounds (to measure the previous worst case): made
    through the ORM as the import would, and given to this client's session."""
    from journeys.cases.selectors import OWNED_CASES_KEY
    from journeys.cases.services import case_create

    client.get("/")
    case = case_create(journey="import", case_file=case_file, extras={}, owner=None)
    session = client.session
    session[OWNED_CASES_KEY] = [*session.get(OWNED_CASES_KEY, []), str(case.id)]
    session.save()
    return str(case.id)


if __name__ == "__main__":
    main()
