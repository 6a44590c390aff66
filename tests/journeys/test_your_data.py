"""A parent's own data: download everything, delete the case, carry on from a case file."""

import io
import json
import re
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils import timezone

from journeys.models import Case, ReminderSent
from tests.conftest import FIXTURES, is_sign_in_redirect, signed_in_client
from tests.letters.pdf_text import pdf_text


@pytest.fixture
def case_id(client):
    response = client.post("/example/")
    return re.search(r"/request/([0-9a-f-]{36})/", response["Location"])[1]


def upload(client, content, name="case.json"):
    return client.post(
        "/cases/import/",
        {"import-case_file": SimpleUploadedFile(name, content, content_type="application/json")},
    )


@pytest.mark.django_db
class YourDataTests:
    def test_export_holds_the_case_file_and_the_letters_that_apply(self, client, case_id):
        response = client.get(f"/cases/{case_id}/export.zip")
        assert response["Content-Type"] == "application/zip"
        today = timezone.localdate().isoformat()
        assert response["Content-Disposition"] == (
            f'attachment; filename="Sam-Okafor-case-{today}.zip"'
        )
        archive = zipfile.ZipFile(io.BytesIO(response.content))
        names = set(archive.namelist())
        assert {
            "case.json",
            f"letters/request-assessment-Sam-Okafor-{today}.pdf",
            f"letters/request-assessment-Sam-Okafor-{today}.docx",
        } <= names
        assert not any("appeal" in n for n in names)  # no decision yet: no appeal letters
        assert json.loads(archive.read("case.json")) == Case.objects.get(pk=case_id).case_file
        pdf = archive.read(f"letters/request-assessment-Sam-Okafor-{today}.pdf")
        assert "Bristol City Council" in pdf_text(pdf)

    def test_export_delete_import_gives_back_the_same_case_file(self, client, case_id):
        exported = zipfile.ZipFile(
            io.BytesIO(client.get(f"/cases/{case_id}/export.zip").content)
        ).read("case.json")
        original = json.loads(exported)
        assert "Are you sure" in client.get(f"/cases/{case_id}/delete/").content.decode()
        client.post(f"/cases/{case_id}/delete/")
        assert not Case.objects.filter(pk=case_id).exists()
        response = upload(client, exported)
        new_id = re.search(r"/cases/([0-9a-f-]{36})/timeline/", response["Location"])[1]
        assert new_id != case_id
        assert Case.objects.get(pk=new_id).case_file == original
        assert client.get(response["Location"]).status_code == 200

    def test_the_downloaded_zip_itself_carries_on_as_a_new_case(self, client, case_id):
        exported = client.get(f"/cases/{case_id}/export.zip").content
        original = Case.objects.get(pk=case_id).case_file
        client.post(f"/cases/{case_id}/delete/")
        response = upload(client, exported, name="Sam-Okafor-case.zip")
        new_id = re.search(r"/cases/([0-9a-f-]{36})/timeline/", response["Location"])[1]
        assert Case.objects.get(pk=new_id).case_file == original
        assert 'accept=".zip,application/zip,.json' in client.get("/cases/import/").content.decode()

    @pytest.mark.parametrize(
        ("entries", "message"),
        [
            ({"letters/a.pdf": b"%PDF"}, "The ZIP has no case.json in it."),
            (
                {"case.json": b" " * (1024 * 1024 + 1)},
                "The case.json in the ZIP is bigger than 1 MB",
            ),
            ({"case.json": b"{not json"}, "The file must be a case file in JSON format"),
        ],
        ids=["no-case-json", "too-big-inside", "not-json-inside"],
    )
    def test_a_zip_without_a_usable_case_file_is_explained(self, client, entries, message):
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            for name, content in entries.items():
                archive.writestr(name, content)
        page = upload(client, buffer.getvalue(), name="x.zip").content.decode()
        assert message in page.replace("&#x27;", "'")
        assert Case.objects.count() == 0

    def test_a_broken_zip_is_explained(self, client):
        page = upload(client, b"PK\x03\x04 truncated", name="x.zip").content.decode()
        assert "The ZIP file cannot be opened" in page

    def test_the_calendar_file_is_named_after_the_child_and_the_date(self, client, case_id):
        response = client.get(f"/cases/{case_id}/deadlines.ics")
        today = timezone.localdate().isoformat()
        assert response["Content-Disposition"] == (
            f'attachment; filename="Sam-Okafor-dates-{today}.ics"'
        )

    def test_delete_removes_reminders_and_drafts_and_access(self, client, case_id):
        case = Case.objects.get(pk=case_id)
        ReminderSent.objects.create(case=case, rule="final_plan", due="2027-01-01", days_before=14)
        client.post(f"/cases/{case_id}/delete/")
        assert not ReminderSent.objects.exists()
        assert not Case.objects.filter(pk=case_id).exists()
        # The browser no longer owns anything: it is asked to sign in like anyone else.
        assert is_sign_in_redirect(client.get(f"/cases/{case_id}/timeline/"))
        assert not any(case_id in key for key in client.session.get("journey_drafts", {}))

    @pytest.mark.parametrize(
        ("content", "message"),
        [
            (b"{not json", "The file must be a case file in JSON format"),
            (b"\\xff\\xfe", "The file must be a case file in JSON format"),
            (
                json.dumps(
                    {
                        "format": "ehcp-case/1",
                        "child": {"first_name": "Sam"},
                        "applicant": {"name": "G"},
                        "local_authority": {"name": "X"},
                        "colour": "blue",
                    }
                ).encode(),
                "The case file cannot be used: unknown key: colour",
            ),
            (b"x" * (1024 * 1024 + 1), "The case file must be smaller than 1 MB"),
        ],
        ids=["not-json", "not-utf8", "unknown-key", "too-big"],
    )
    def test_a_bad_file_gets_a_clear_message_next_to_the_field(self, client, content, message):
        page = upload(client, content).content.decode()
        assert "There is a problem" in page
        assert message.replace("'", "&#x27;") in page
        assert 'id="id_import-case_file-error"' in page
        assert Case.objects.count() == 0

    def test_no_file_chosen(self, client):
        page = client.post("/cases/import/", {}).content.decode()
        assert "Choose a case file to upload" in page

    @pytest.mark.parametrize(
        "method,path",
        [
            ("get", "/cases/{id}/export.zip"),
            ("get", "/cases/{id}/delete/"),
            ("post", "/cases/{id}/delete/"),
        ],
    )
    def test_strangers_get_404(self, client, case_id, method, path):
        assert is_sign_in_redirect(getattr(Client(), method)(path.format(id=case_id)))
        stranger = signed_in_client()
        assert getattr(stranger, method)(path.format(id=case_id)).status_code == 404
        assert Case.objects.filter(pk=case_id).exists()


@pytest.mark.django_db
def test_a_file_saved_with_a_byte_order_mark_is_accepted(client):
    content = "\ufeff" + json.dumps(
        {
            "format": "ehcp-case/1",
            "child": {"first_name": "Sam"},
            "applicant": {"name": "G"},
            "local_authority": {"name": "X"},
        }
    )
    response = upload(client, content.encode("utf-8"))
    assert response.status_code == 302


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("child", "message"),
    [
        ({"first_name": "Sam\nEvil"}, "child.first_name: a name must be on one line"),
        ({"first_name": "Sam", "last_name": "a\u0000b"}, "child.last_name: contains a NUL"),
    ],
)
def test_names_on_one_line_and_no_nul(client, child, message):
    content = json.dumps(
        {
            "format": "ehcp-case/1",
            "child": child,
            "applicant": {"name": "G"},
            "local_authority": {"name": "X"},
        }
    ).encode()
    page = upload(client, content).content.decode()
    assert message in page
    assert Case.objects.count() == 0


@pytest.mark.django_db
def test_an_empty_file_and_a_refreshed_delete(client, case_id):
    assert "The selected file is empty" in upload(client, b"").content.decode()
    response = client.post(f"/cases/{case_id}/delete/")
    assert response["Location"] == "/cases/deleted/"
    assert client.get("/cases/deleted/").status_code == 200


@pytest.mark.django_db
def test_a_signed_in_parent_exports_deletes_and_imports_into_their_account():
    from django.test import Client

    from tests.conftest import make_user, request_answers, walk

    parent = make_user("grace@example.org", "Grace Okafor")
    browser = Client()
    browser.force_login(parent)
    response, _ = walk(browser, "/request/new/", request_answers())
    case_id = re.search(r"/request/([0-9a-f-]{36})/", response["Location"])[1]
    original = Case.objects.get(pk=case_id).case_file
    exported = zipfile.ZipFile(
        io.BytesIO(browser.get(f"/cases/{case_id}/export.zip").content)
    ).read("case.json")
    browser.post(f"/cases/{case_id}/delete/")
    assert not Case.objects.exists()
    response = upload(browser, exported)
    imported = Case.objects.get()
    assert imported.case_file == original
    assert imported.owner == parent  # theirs on every device, not only this browser's
    assert browser.get(f"/cases/{imported.id}/").status_code == 200


@pytest.mark.django_db
def test_a_version_1_file_imports_exports_as_version_2_and_imports_again_the_same(client):
    version_1 = json.loads((FIXTURES / "case_sam.json").read_text())
    assert version_1["format"] == "ehcp-case/1"
    response = upload(client, json.dumps(version_1).encode())
    first = re.search(r"/cases/([0-9a-f-]{36})/timeline/", response["Location"])[1]
    exported = json.loads(
        zipfile.ZipFile(io.BytesIO(client.get(f"/cases/{first}/export.zip").content)).read(
            "case.json"
        )
    )
    assert exported == {**version_1, "format": "ehcp-case/2"}  # exports write version 2
    response = upload(client, json.dumps(exported).encode())
    second = re.search(r"/cases/([0-9a-f-]{36})/timeline/", response["Location"])[1]
    again = json.loads(
        zipfile.ZipFile(io.BytesIO(client.get(f"/cases/{second}/export.zip").content)).read(
            "case.json"
        )
    )
    assert again == exported


@pytest.mark.django_db
def test_a_version_1_file_with_a_version_2_key_is_refused_by_name(client):
    content = {
        "format": "ehcp-case/1",
        "child": {"first_name": "Sam"},
        "applicant": {"name": "Priya", "relationship": "advocate"},
        "local_authority": {"name": "X"},
        "represents": {"name": "Grace Okafor", "relationship": "parent"},
    }
    page = upload(client, json.dumps(content).encode()).content.decode()
    assert "represents is part of version 2 of the case file" in page
    assert Case.objects.count() == 0


@pytest.mark.django_db
def test_a_version_2_file_with_every_new_key_imports_and_every_page_shows_it(client):
    from tests.journeys.cases.test_casefile import VERSION_2

    # Its decision is a refusal to re-assess: the appeal documents know it (issue 14), so
    # "download everything" writes them too.
    response = upload(client, json.dumps(VERSION_2).encode())
    case_id = re.search(r"/cases/([0-9a-f-]{36})/timeline/", response["Location"])[1]
    assert Case.objects.get(pk=case_id).case_file == VERSION_2
    timeline = client.get(f"/cases/{case_id}/timeline/")
    assert timeline.status_code == 200
    page = timeline.content.decode()
    # New event types are shown as events, with plain labels.
    assert "The Tribunal decided the appeal" in page
    assert "A pre-action letter was sent" in page
    for url in (f"/cases/{case_id}/", "/cases/", f"/cases/{case_id}/deadlines.ics"):
        assert client.get(url).status_code == 200, url
    archive = zipfile.ZipFile(io.BytesIO(client.get(f"/cases/{case_id}/export.zip").content))
    assert json.loads(archive.read("case.json")) == VERSION_2
    assert any(name.startswith("letters/appeal-reasons-") for name in archive.namelist())
