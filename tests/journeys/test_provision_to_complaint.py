"""Issue 15's whole flow through Django's client, as a parent does it: paste section F on the
tracker, record two weeks (one session missed), see the shortfall, start the complaint from
the tracker's "What you can do", answer its questions, and read the complaint back from the
real PDF and Word file with the figures from the record."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.test import Client

from journeys.cases.provision import school_year_start
from journeys.models import Case
from tests.conftest import make_user
from tests.factories import CaseFactory
from tests.journeys.cases.test_provision_views import SECTION_F, term_monday, week_post
from tests.journeys.test_enforcement_journeys import _date, _finish, enforce_answers
from tests.letters.docx_text import docx_document, docx_text
from tests.letters.pdf_text import pdf_text


@pytest.mark.django_db
def test_from_pasting_section_f_to_the_complaint_letter(case_file):
    owner = make_user("grace@example.org", "Grace Okafor")
    client = Client()
    client.force_login(owner)
    case = CaseFactory(journey="request", case_file=case_file, owner=owner, extras={})

    # What the plan promises: the wording checker splits section F into items.
    client.post(
        f"/cases/{case.id}/provision/items/",
        {"read": "1", "sections-F": SECTION_F, "sections-G": "", "sections-H": ""},
    )
    items = Case.objects.get(pk=case.pk).case_file["provision"]
    therapy = next(item for item in items if "speech and language therapy" in item["text"])
    assert (therapy["sessions"], therapy["per"], therapy["minutes"]) == (1, "week", 60)

    # Two weeks recorded: the therapy given in the first, missed in the second.
    missed = term_monday()
    given = missed - timedelta(days=7)
    for monday, delivered in ((given, "yes"), (missed, "no")):
        response = client.post(
            f"/cases/{case.id}/provision/log/{monday.isoformat()}/",
            week_post(
                [(therapy["id"], delivered, "", "")]
                + [(item["id"], "none", "", "") for item in items if item is not therapy]
            ),
        )
        assert response.status_code == 302

    tracker = client.get(f"/cases/{case.id}/provision/").content.decode()
    assert "Complain that the provision is not being made" in tracker

    since = school_year_start(missed)
    answers = enforce_answers("complaint", ["F"])
    answers["enforce-since"] = _date("enforce-since-since", since)
    response, _ = _finish(client, Case.objects.get(pk=case.pk), answers)
    assert response["Location"] == f"/not-delivered/{case.id}/confirmation/"

    pdf = pdf_text(client.get(f"/cases/{case.id}/letters/provision_complaint_council.pdf").content)
    assert "Children and Families Act 2014, s.42(2)" in pdf
    assert "Ten extra therapy sessions before July." in pdf
    docx = client.get(f"/cases/{case.id}/letters/provision_complaint_council.docx").content
    assert "speech and language therapy" in docx_text(docx)
    (table,) = docx_document(docx).tables
    header = [cell.text for cell in table.rows[0].cells]
    row = next(
        [cell.text for cell in r.cells]
        for r in table.rows[1:]
        if "speech and language therapy" in r.cells[0].text
    )
    figures = dict(zip(header, row, strict=True))
    assert figures["Delivered"] == "1"
    assert figures["Missed"] == "1"
