"""Logs never hold case content: not Django's, not the database's, not gunicorn's."""

import logging
import re

import pytest
from django.test import override_settings

from tests.conftest import make_user, management, request_answers, start_at_child_name, walk

# A name that appears nowhere else, so finding it anywhere means it leaked.
FIRST, LAST = "Zebedee", "Quartermaine-Oyelaran"


@pytest.fixture
def every_record(caplog):
    caplog.set_level(logging.DEBUG)
    caplog.set_level(logging.DEBUG, logger="django")
    return caplog


def leaks(caplog) -> list[str]:
    found = [
        f"{record.name}: {record.getMessage()[:200]}"
        for record in caplog.records
        if LAST in repr(vars(record)) or LAST in record.getMessage()
    ]
    if LAST in caplog.text:
        found.append("formatted output")
    return found


def test_the_capture_sees_djangos_own_records(client, every_record):
    client.get("/no-such-page/")
    assert any(
        r.name == "django.request" and r.levelno == logging.WARNING for r in every_record.records
    )


@pytest.mark.django_db
@pytest.mark.parametrize("signed_in", [False, True], ids=["visitor", "signed in"])
def test_a_journey_step_with_a_childs_name_logs_no_trace_of_it(client, every_record, signed_in):
    if signed_in:
        client.force_login(make_user())
    # Under DEBUG Django would log every SQL statement with its parameters (the answers).
    with override_settings(DEBUG=True):
        _, step = start_at_child_name(client)
        response = client.post(
            step,
            {
                **management("request", "child-name"),
                "child-name-first_name": FIRST,
                "child-name-last_name": LAST,
            },
        )
    assert response.status_code == 302
    assert not re.search(r"/child-name/$", response["Location"])  # the answer was accepted
    assert leaks(every_record) == []


@pytest.mark.django_db
def test_a_whole_journey_saved_and_downloaded_logs_no_trace_of_the_name(client, every_record):
    client.force_login(make_user())
    answers = request_answers(
        **{"child-name": {"child-name-first_name": FIRST, "child-name-last_name": LAST}}
    )
    with override_settings(DEBUG=True):
        done, _ = walk(client, "/request/new/", answers)
        confirmation = client.get(done["Location"])
        assert LAST in confirmation.content.decode()  # the case really holds the name
        case_id = re.search(r"/request/([0-9a-f-]{36})/", done["Location"])[1]
        pdf = client.get(f"/cases/{case_id}/letters/request_assessment.pdf")
    assert pdf.status_code == 200
    assert leaks(every_record) == []


def test_the_access_log_has_paths_but_no_query_strings_referrers_or_agents(production_site):
    production_site.get(
        f"/appeal-deadline/?appeal-child={LAST}",
        Referer=f"https://ehcp.example.org/request/?child={LAST}",
        User_Agent=f"Browser ({LAST})",
    )
    log = production_site.log.read_text()
    assert '"GET /appeal-deadline/ HTTP/1.1" 200' in log  # the request was logged ...
    assert LAST not in log  # ... without anything the family typed


@pytest.mark.django_db
def test_a_server_error_logs_the_exceptions_type_not_its_message(every_record, rf):
    """An exception's message can quote a family's words (a BadHeaderError quotes the
    subject with the parent's name): the log says what and where, never that (item 10)."""
    from django.core.handlers.exception import response_for_exception
    from django.core.mail import BadHeaderError

    request = rf.get("/cases/")
    try:
        try:
            raise KeyError(f"{FIRST} {LAST}")
        except KeyError as inner:
            raise BadHeaderError(f"Header values can't contain newlines (got {LAST!r})") from inner
    except BadHeaderError as error:
        response = response_for_exception(request, error)
    assert response.status_code == 500
    assert leaks(every_record) == []
    logged = every_record.text
    assert "django.core.mail.message.BadHeaderError (message withheld)" in logged
    assert "builtins.KeyError (message withheld)" in logged
    assert "test_logs.py" in logged  # where it happened is kept


def test_an_exception_passed_as_an_argument_is_logged_by_type(every_record):
    logging.getLogger("django.request").error("failed: %s", ValueError(LAST))
    assert leaks(every_record) == []
    assert "failed: builtins.ValueError (message withheld)" in every_record.text
