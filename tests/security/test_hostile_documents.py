"""Hostile uploads: each is refused quickly, with a plain message, before it can cost the
server its memory or time."""

from __future__ import annotations

import io
import time
import zipfile

import pytest

from journeys.documents.checks import DocumentRefused, document_clean
from journeys.models import EvidenceFile
from tests import documents
from tests.conftest import make_user
from tests.factories import CaseFactory
from tests.journeys.evidence.conftest import upload_data


def _zip_bomb_docx() -> bytes:
    source = zipfile.ZipFile(io.BytesIO(documents.docx_bytes()))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for entry in source.infolist():
            archive.writestr(entry, source.read(entry))
        with archive.open("word/media/huge.bin", "w", force_zip64=True) as huge:
            for _ in range(101):
                huge.write(bytes(1024 * 1024))
    return buffer.getvalue()


HOSTILE = [
    (documents.png_bomb, "The picture is too large"),
    (lambda: documents.pdf_claiming_pages(1_000_000_000), "says it has 1,000,000,000 pages"),
    (documents.pdf_page_tree_bomb, "far too many pages"),
    (_zip_bomb_docx, "too large once unpacked"),
]
IDS = ["decompression-bomb", "page-count", "page-tree-bomb", "zip-bomb-docx"]


@pytest.mark.parametrize(("make", "message"), HOSTILE, ids=IDS)
def test_refused_quickly_with_a_clear_message(make, message):
    content = make()
    assert len(content) < 2 * 1024 * 1024  # small on the wire: the danger is in unpacking
    started = time.perf_counter()
    with pytest.raises(DocumentRefused, match=message):
        document_clean(content)
    assert time.perf_counter() - started < 3


@pytest.mark.django_db
@pytest.mark.parametrize(("make", "message"), HOSTILE[:3], ids=IDS[:3])
def test_the_upload_page_says_why_and_keeps_nothing(client, case_file, make, message):
    owner = make_user("owner@example.org", "Grace Okafor")
    case = CaseFactory(case_file=case_file, owner=owner)
    client.force_login(owner)
    response = client.post(f"/cases/{case.id}/evidence/add/", upload_data(make(), "x.pdf"))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not EvidenceFile.objects.exists()
