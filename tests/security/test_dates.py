"""Dates (issue 12, item 9): every date box takes the years a case file takes, 1900-2100,
so a date recorded on the timeline is never one the export then refuses on import."""

from __future__ import annotations

import io
import json
import re
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from journeys.cases.casefile import EARLIEST_YEAR, LATEST_YEAR
from journeys.cases.forms import AddEventForm
from tests.conftest import date_parts


def add_event(year: int | str, kind: str = "phase_transfer_year") -> AddEventForm:
    parts = {**date_parts("event-event_date", 1, 9, 2000), "event-event_date_2": str(year)}
    # A phase transfer says which kind of move it is (CASE_FORMAT.md version 2, `transfer`).
    data = {"event-event_type": kind, "event-transfer": "school", **parts}
    return AddEventForm(data, prefix="event")


@pytest.mark.parametrize("year", ["0001", "1899", "2101", "9999"])
def test_the_timeline_refuses_a_year_outside_the_case_files_range(year):
    form = add_event(year)
    assert not form.is_valid()
    assert form.errors["event_date"] == ["The date must be between 1900 and 2100"]


@pytest.mark.parametrize("year", [EARLIEST_YEAR, LATEST_YEAR])
def test_the_ends_of_the_range_are_taken(year):
    assert add_event(year).is_valid()


@pytest.mark.django_db
def test_what_the_timeline_takes_survives_export_and_import(client):
    case_id = re.search(r"[0-9a-f-]{36}", client.post("/example/")["Location"])[0]
    added = client.post(
        f"/cases/{case_id}/timeline/",
        {
            "event-event_type": "phase_transfer_year",
            "event-transfer": "school",
            **date_parts("event-event_date", 1, 9, 2100),
        },
    )
    assert added.status_code == 302
    refused = client.post(
        f"/cases/{case_id}/timeline/",
        {
            "event-event_type": "phase_transfer_year",
            "event-transfer": "school",
            **date_parts("event-event_date", 1, 9, 9999),
        },
    )
    assert refused.status_code == 200
    archive = zipfile.ZipFile(io.BytesIO(client.get(f"/cases/{case_id}/export.zip").content))
    case_json = archive.read("case.json")
    assert json.loads(case_json)["events"] == [
        {"type": "phase_transfer_year", "date": "2100-09-01", "transfer": "school"}
    ]
    upload = SimpleUploadedFile("case.json", case_json, content_type="application/json")
    assert client.post("/cases/import/", {"import-case_file": upload}).status_code == 302
