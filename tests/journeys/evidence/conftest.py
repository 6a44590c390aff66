from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from tests.conftest import make_user
from tests.factories import CaseFactory


@pytest.fixture
def owner():
    return make_user("owner@example.org", "Grace Okafor")


@pytest.fixture
def case(owner, case_file):
    return CaseFactory(journey="request", case_file=case_file, owner=owner)


@pytest.fixture
def browser(client, owner):
    client.force_login(owner)
    return client


def upload_data(content: bytes, name: str = "report.pdf", **fields) -> dict:
    data = {
        "evidence-document": SimpleUploadedFile(name, content),
        "evidence-kind": "educational_psychologist",
        "evidence-document_title": "EP report",
        "evidence-author": "Dr A Patel",
        "evidence-date_0": "10",
        "evidence-date_1": "3",
        "evidence-date_2": "2026",
    }
    data.update(fields)
    return data
