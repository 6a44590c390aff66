"""The evidence pack: a 300-page pack from 25 documents, as the worker builds it.

Documents: 21 text PDFs (a typed report's density: ~45 lines of text a page), 3 scanned
pages as 1700x2300 JPEGs and 1 Word document (converted by LibreOffice headless, when
installed: its cold start is most of a DOCX's cost). Measured in this fresh process, which
is what a worker is: the build time of `evidence_pack_make` (to-PDF, index, merge, stamp,
bookmarks, write), 3 runs, and the process's peak RSS (ru_maxrss, Django and all) after
them. Then the pages a parent waits on, through Django's test Client with a test database:
the "Build the pack" POST (it only queues) and the status page, 50 times each.

Targets: build under 10 s, peak memory under 400 MB; each page under 200 ms server time.

    .venv/bin/python bench/evidence_pack.py
"""

from __future__ import annotations

import io
import os
import platform
import resource
import statistics
import sys
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ehcp_site.settings_test")

import django  # noqa: E402

django.setup()

from PIL import Image, ImageDraw  # noqa: E402
from pypdf import PdfReader, PdfWriter  # noqa: E402
from pypdf.generic import DecodedStreamObject, DictionaryObject, NameObject  # noqa: E402

from journeys.documents.checks import document_clean  # noqa: E402
from journeys.documents.convert import soffice_path  # noqa: E402
from journeys.evidence.services import SourceDocument, evidence_pack_make  # noqa: E402
from tests.documents import docx_bytes  # noqa: E402

TARGET_SECONDS, TARGET_MB, TARGET_PAGE_MS = 10, 400, 200
LINE = "The child finds it hard to follow spoken instructions in a busy classroom and needs "


def text_pdf(pages: int, seed: int) -> bytes:
    writer = PdfWriter()
    font = writer._add_object(
        DictionaryObject(
            {
                NameObject("/Type"): NameObject("/Font"),
                NameObject("/Subtype"): NameObject("/Type1"),
                NameObject("/BaseFont"): NameObject("/Helvetica"),
            }
        )
    )
    for number in range(pages):
        page = writer.add_blank_page(595, 842)
        lines = [f"({LINE[(seed + n) % 20 :]}{number}) Tj T*" for n in range(45)]
        stream = DecodedStreamObject()
        stream.set_data(("BT /F1 10 Tf 14 TL 50 790 Td " + " ".join(lines) + " ET").encode())
        page[NameObject("/Contents")] = writer._add_object(stream)
        page[NameObject("/Resources")] = DictionaryObject(
            {NameObject("/Font"): DictionaryObject({NameObject("/F1"): font})}
        )
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def scan_jpeg(seed: int) -> bytes:
    image = Image.new("L", (1700, 2300), 245)
    draw = ImageDraw.Draw(image)
    for row in range(60):
        draw.text((100, 100 + row * 35), f"{LINE} {seed} {row}", fill=20)
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=85)
    return buffer.getvalue()


def documents() -> list[SourceDocument]:
    made = []
    # 21 PDFs: 14 pages each is 294; with 3 scans, a 1-2 page Word file and a 2-page
    # index, about 300 pages in all.
    for n in range(21):
        made.append(("pdf", text_pdf(14, n), f"Report {n + 1}"))
    for n in range(3):
        made.append(("jpeg", scan_jpeg(n), f"Scanned letter {n + 1}"))
    if soffice_path():
        made.append(("docx", docx_bytes(" ".join([LINE] * 300)), "Parent's notes"))
    else:
        made.append(("pdf", text_pdf(20, 99), "Parent's notes (PDF: no LibreOffice here)"))
    sources = []
    for n, (_, content, title) in enumerate(made):
        clean = document_clean(content)
        sources.append(
            SourceDocument(
                name=f"doc{n}.{clean.kind}",
                kind=clean.kind,
                content=clean.content,
                title=title,
                author="Dr A Patel",
                date=date(2024, 1 + n % 12, 1 + n),
            )
        )
    return sources


def build_bench() -> dict:
    sources = documents()
    case_file = {"child": {"first_name": "Sam"}, "decision": {"kind": "plan_contents"}}
    times, pack = [], None
    for _ in range(3):
        started = time.perf_counter()
        pack = evidence_pack_make(case_file=case_file, documents=sources)
        times.append(time.perf_counter() - started)
    assert pack is not None
    reader = PdfReader(io.BytesIO(pack.pdf))
    assert len(reader.pages) == pack.pages
    assert f"Page {pack.pages} of {pack.pages}" in reader.pages[-1].extract_text()
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {
        "documents": len(sources),
        "pages": pack.pages,
        "docx_converted": bool(soffice_path()),
        "build_seconds": times,
        "peak_rss_mb": round(peak_mb),
        # LibreOffice runs in a process of its own: its peak, apart.
        "soffice_peak_rss_mb": round(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024),
        "pdf_mb": round(len(pack.pdf) / 1024 / 1024, 1),
    }


def pages_bench() -> dict:
    from django.db import connection
    from django.test import Client
    from django.test.utils import setup_test_environment

    from journeys.cases.evidence_files import evidence_file_store
    from journeys.models import EvidencePack
    from tests.conftest import make_user
    from tests.documents import pdf_bytes
    from tests.factories import CaseFactory

    setup_test_environment(debug=False)
    connection.creation.create_test_db(verbosity=0, autoclobber=True)
    owner = make_user("owner@example.org", "Grace Okafor")
    case = CaseFactory(
        case_file={
            "format": "ehcp-case/2",
            "child": {"first_name": "Sam"},
            "applicant": {"name": "Grace"},
            "local_authority": {"name": "Bristol City Council"},
        },
        owner=owner,
    )
    files = [
        evidence_file_store(
            case=case,
            clean=document_clean(pdf_bytes(12)),
            name=f"d{n}.pdf",
            title=f"Report {n}",
            author="Dr A Patel",
            document_date=date(2025, 1, 1 + n),
        )
        for n in range(25)
    ]
    client = Client()
    client.force_login(owner)
    chosen = {"pack-documents": [str(f.pk) for f in files]}
    # Queue only: the worker is not running here, so the pack stays queued.
    from django.test import override_settings

    queue = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    post_ms, get_ms, choose_ms = [], [], []
    with override_settings(TASKS=queue):
        for _ in range(50):
            EvidencePack.objects.all().delete()
            started = time.perf_counter()
            response = client.post(f"/cases/{case.id}/evidence/pack/", chosen)
            post_ms.append((time.perf_counter() - started) * 1000)
            assert response.status_code == 302, response.status_code
        status_url = response["Location"]
        for _ in range(50):
            started = time.perf_counter()
            response = client.get(status_url)
            get_ms.append((time.perf_counter() - started) * 1000)
            assert b'http-equiv="refresh"' in response.content
        for _ in range(50):
            started = time.perf_counter()
            response = client.get(f"/cases/{case.id}/evidence/pack/")
            choose_ms.append((time.perf_counter() - started) * 1000)
            assert b"page-count" in response.content
    return {
        "build_post_ms": post_ms,
        "status_get_ms": get_ms,
        "choose_get_ms": choose_ms,
    }


def p95(samples: list[float]) -> float:
    ordered = sorted(samples)
    return ordered[max(0, round(0.95 * len(ordered)) - 1)]


def main() -> int:
    print(
        f"{platform.processor() or platform.machine()}, {os.cpu_count()} cores, "
        f"load {os.getloadavg()[0]:.2f}, Python {platform.python_version()}"
    )
    built = build_bench()
    best = min(built["build_seconds"])
    print(
        f"Pack: {built['documents']} documents, {built['pages']} pages "
        f"({built['pdf_mb']} MB; Word converted: {built['docx_converted']})"
    )
    print(
        f"  build: {', '.join(f'{s:.2f}' for s in built['build_seconds'])} s "
        f"(target < {TARGET_SECONDS} s: {'PASS' if best < TARGET_SECONDS else 'MISS'})"
    )
    print(
        f"  peak RSS of this worker process: {built['peak_rss_mb']} MB "
        f"(target < {TARGET_MB} MB: {'PASS' if built['peak_rss_mb'] < TARGET_MB else 'MISS'}); "
        f"LibreOffice's own peak: {built['soffice_peak_rss_mb']} MB"
    )
    pages = pages_bench()
    for key, label in (
        ("build_post_ms", "POST Build the pack (queues)"),
        ("status_get_ms", "GET the pack's status page"),
        ("choose_get_ms", "GET the choose-and-count page (25 documents)"),
    ):
        median, tail = statistics.median(pages[key]), p95(pages[key])
        verdict = "PASS" if tail < TARGET_PAGE_MS else "MISS"
        print(f"  {label}: median {median:.1f} ms, p95 {tail:.1f} ms ({verdict})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
