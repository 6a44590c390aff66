"""Stored XSS: markup typed into every free-text answer comes back as text on every page
that shows it (to the parent, an advocate and a support worker) and in every letter."""

from __future__ import annotations

import io
import re
import zipfile

import pytest
from django.test import Client

from ehcp_site.accounts.models import Membership, Organisation
from journeys.models import AdvocateAccess, Case, CaseNote, OrganisationShare
from tests.conftest import STEP_URL, make_user, request_answers, walk
from tests.letters.pdf_text import pdf_text

ATTACK = '<script>alert("x")</script><img src=x onerror=alert(1)>'
# Fields checked by format (email, phone, postcode) or choices cannot hold markup at all.
FREE_TEXT = re.compile(
    r"-(first_name|last_name|setting_name|diagnoses|name|address_line_\d|town|description|"
    r"impact|outcome|title|author|key_points|notes)$"
)


def hostile_answers() -> dict:
    answers = request_answers()
    for data in answers.values():
        for key, value in data.items():
            if isinstance(value, str) and value and FREE_TEXT.search(key):
                data[key] = f"{value[:20]} {ATTACK}"
    return answers


def assert_escaped(html: str, where: str) -> None:
    assert "<script>" not in html, where
    assert "<img src=x" not in html, where
    assert "&lt;script&gt;" in html, f"{where} does not show the answer at all"


@pytest.mark.django_db
def test_markup_in_every_answer_is_text_on_every_page_and_in_every_letter():
    parent = make_user("grace@example.org", f"Grace {ATTACK}")
    browser = Client()
    browser.force_login(parent)
    response, _ = walk(browser, "/request/new/", hostile_answers())
    case_id = STEP_URL.match(response["Location"])["case_id"]
    case = Case.objects.get(pk=case_id)
    assert ATTACK in case.case_file["child"]["first_name"]  # stored as typed

    organisation = Organisation.objects.create(name=f"Sunrise {ATTACK}")
    worker = make_user("w@example.org", f"Wren {ATTACK}")
    Membership.objects.create(organisation=organisation, user=worker, role="admin")
    OrganisationShare.objects.create(case=case, organisation=organisation, assigned_to=worker)
    CaseNote.objects.create(
        case=case,
        organisation=organisation,
        author=worker,
        author_name=worker.full_name,
        body=f"Note {ATTACK}",
    )
    advocate = make_user("a@example.org", f"Ada {ATTACK}")
    AdvocateAccess.objects.create(
        case=case,
        email=advocate.email,
        token_hash="t" * 64,
        expires_at="2030-01-01T00:00Z",
        accepted_by=advocate,
    )

    pages = {
        parent: [
            f"/request/{case_id}/check-answers/",
            f"/request/{case_id}/confirmation/",
            "/cases/",
            f"/cases/{case_id}/",
            f"/cases/{case_id}/timeline/",
            f"/cases/{case_id}/sharing/",
            f"/cases/{case_id}/delete/",
        ],
        advocate: ["/cases/", f"/cases/{case_id}/", f"/cases/{case_id}/timeline/"],
        worker: [
            f"/cases/{case_id}/",
            f"/cases/{case_id}/organisation/",
            f"/organisations/{organisation.id}/caseload/",
            f"/organisations/{organisation.id}/members/",
        ],
    }
    for user, paths in pages.items():
        viewer = Client()
        viewer.force_login(user)
        for path in paths:
            response = viewer.get(path)
            assert response.status_code == 200, path
            assert_escaped(response.content.decode(), path)
    # Someone else's name in "who has seen my case" is text too.
    Client().get("/")
    assert_escaped(browser.get(f"/cases/{case_id}/seen-by/").content.decode(), "seen-by")

    archive = zipfile.ZipFile(io.BytesIO(browser.get(f"/cases/{case_id}/export.zip").content))
    letters = [name for name in archive.namelist() if name.startswith("letters/")]
    assert letters
    for name in letters:
        content = archive.read(name)
        if name.endswith(".pdf"):
            text = pdf_text(content)
            assert "<script>" in text, name  # printed as the characters typed, not run
        else:
            document = zipfile.ZipFile(io.BytesIO(content)).read("word/document.xml").decode()
            assert "&lt;script&gt;" in document and "<script>" not in document, name
