"""The provision tracker through Django's client (issue 15): from pasting section F to a
shortfall on the tracker; recording a week twice; an audit entry when a week is changed;
read-only for those the case is shared with; the term dates."""

from __future__ import annotations

import re
from datetime import date, timedelta

import pytest
from django.test import Client
from django.utils import timezone

from journeys.cases.provision import school_year_start
from journeys.models import AuditEvent, Case
from journeys.rules.provision import week_start
from tests.conftest import date_parts, make_user
from tests.factories import CaseFactory

SECTION_F = (
    "Communication and interaction\n"
    "Sam will have 1 hour a week of direct speech and language therapy from a qualified "
    "speech and language therapist, term time only.\n"
    "Sam will have access to a quiet space when needed.\n"
    "Progress will be reviewed termly."
)


def school_week(weeks_back: int) -> date:
    """A Monday `weeks_back` weeks before this one."""
    return week_start(timezone.localdate()) - timedelta(days=7 * weeks_back)


def term_monday(today: date | None = None) -> date:
    """A recent Monday that is in term by a typical English school year (mid October or
    mid May, whichever came last)."""
    today = today or timezone.localdate()
    for candidate in (
        date(today.year, 10, 14),
        date(today.year, 5, 14),
        date(today.year - 1, 10, 14),
    ):
        if candidate <= today - timedelta(days=7):
            return week_start(candidate)
    raise AssertionError("unreachable")


@pytest.fixture
def owner():
    return make_user("owner@example.org", "Olive Owner")


@pytest.fixture
def browser(owner):
    client = Client()
    client.force_login(owner)
    return client


@pytest.fixture
def case(owner, case_file):
    return CaseFactory(journey="request", case_file=case_file, owner=owner, extras={})


def item_post(items: list[dict], *, extra_blank: bool = True) -> dict[str, str]:
    """The items page's formset as a browser posts it (with the blank "add" row)."""
    rows = [*items, {}] if extra_blank else items
    data = {
        "items-TOTAL_FORMS": str(len(rows)),
        "items-INITIAL_FORMS": str(len(items)),
        "items-MIN_NUM_FORMS": "0",
        "items-MAX_NUM_FORMS": "200",
        "save": "1",
    }
    for index, item in enumerate(rows):
        data[f"items-{index}-section"] = item.get("section", "F")
        data[f"items-{index}-term_time_only"] = "on"
        for key, value in item.items():
            if key == "term_time_only":
                if not value:
                    del data[f"items-{index}-term_time_only"]
                continue
            data[f"items-{index}-{key}"] = "" if value is None else str(value)
    return data


def week_post(rows: list[tuple[str, str, str, str]]) -> dict[str, str]:
    data = {"save": "1"}
    for index, (item_id, delivered, minutes, note) in enumerate(rows):
        data[f"item{index}-provision"] = item_id
        data[f"item{index}-delivered"] = delivered
        data[f"item{index}-minutes"] = minutes
        data[f"item{index}-note"] = note
    return data


def reloaded(case) -> Case:
    return Case.objects.get(pk=case.pk)


@pytest.mark.django_db
class FromSectionFToAShortfallTests:
    def test_paste_confirm_record_and_see_the_shortfall(self, browser, case):
        items_url = f"/cases/{case.id}/provision/items/"
        response = browser.post(
            items_url, {"read": "1", "sections-F": SECTION_F, "sections-G": "", "sections-H": ""}
        )
        assert response.status_code == 302
        provision = reloaded(case).case_file["provision"]
        # The heading and the review statement are not items; the vague one is kept.
        assert [item["id"] for item in provision] == ["f1", "f2"]
        assert provision[0]["sessions"] == 1 and provision[0]["per"] == "week"
        assert provision[0]["minutes"] == 60 and provision[0]["term_time_only"] is True
        assert "sessions" not in provision[1]
        assert reloaded(case).case_file["format"] == "ehcp-case/2"

        page = browser.get(items_url).content.decode()
        assert "We found 2 items." in page
        assert "The plan does not say how often, so a missed session is hard to prove" in page
        assert "Item F1" in page and "Item F2" in page

        # The parent corrects the therapist's name and keeps both.
        response = browser.post(
            items_url,
            item_post(
                [
                    {**provision[0], "provider": "NHS SLT service"},
                    {**provision[1], "sessions": None, "per": None},
                ]
            ),
        )
        assert response.status_code == 302, response.content.decode()[:2000]
        assert response["Location"] == f"/cases/{case.id}/provision/"
        assert reloaded(case).case_file["provision"][0]["provider"] == "NHS SLT service"

        monday = term_monday()
        week_url = f"/cases/{case.id}/provision/log/{monday.isoformat()}/"
        response = browser.post(
            week_url,
            week_post([("f1", "no", "", "therapist off sick"), ("f2", "none", "", "")]),
        )
        assert response.status_code == 302
        log = reloaded(case).case_file["delivery_log"]
        assert log == [
            {
                "provision": "f1",
                "date": monday.isoformat(),
                "delivered": "no",
                "note": "therapist off sick",
            }
        ]

        since = monday - timedelta(days=14)
        tracker = browser.get(
            f"/cases/{case.id}/provision/", date_parts("since", since.day, since.month, since.year)
        ).content.decode()
        assert "Is the plan being delivered?" in tracker
        assert "<svg" in tracker and 'role="img"' in tracker
        row = re.search(r"F1: .*?</tr>", tracker, re.S)[0]
        cells = re.findall(r'govuk-table__cell--numeric">(?:<span[^>]*>[^<]*</span>)?([^<]*)<', row)
        expected, delivered, _partly, missed = (int(cell) for cell in cells[:4])
        assert missed == 1 and delivered == 0 and expected >= 2
        assert f"0 of {expected} hours delivered" in tracker  # 60 minutes a session
        # The weeks before it are gaps to fill, never counted as delivered.
        assert f"/provision/log/{(monday - timedelta(days=7)).isoformat()}/" in tracker
        # The caseload's column: sessions missed since 1 September of this school year.
        this_year = monday >= school_year_start(timezone.localdate())
        assert reloaded(case).provision_missed == (1 if this_year else 0)

    def test_the_case_page_links_the_tracker_once_there_is_a_plan(self, browser, case):
        page = browser.get(f"/cases/{case.id}/").content.decode()
        assert f"/cases/{case.id}/provision/" not in page
        case.case_file["events"] = [{"type": "final_plan_issued", "date": "2026-03-02"}]
        case.save()
        page = browser.get(f"/cases/{case.id}/").content.decode()
        assert f'href="/cases/{case.id}/provision/"' in page


@pytest.mark.django_db
class RecordingAWeekTests:
    @pytest.fixture
    def with_items(self, browser, case):
        browser.post(
            f"/cases/{case.id}/provision/items/",
            {"read": "1", "sections-F": SECTION_F, "sections-G": "", "sections-H": ""},
        )
        return case

    def test_the_same_post_twice_keeps_one_row_per_item_and_no_audit(self, browser, with_items):
        monday = term_monday()
        url = f"/cases/{with_items.id}/provision/log/{monday.isoformat()}/"
        data = week_post([("f1", "partly", "30", "half a session"), ("f2", "yes", "", "")])
        first = browser.post(url, data)
        again = browser.post(url, data)
        assert first.status_code == again.status_code == 302
        log = reloaded(with_items).case_file["delivery_log"]
        assert sorted(row["provision"] for row in log) == ["f1", "f2"]
        assert not AuditEvent.objects.filter(case=with_items).exists()

    def test_a_missed_session_offers_the_complaint_journey_from_the_tracker(
        self, browser, with_items
    ):
        tracker = f"/cases/{with_items.id}/provision/"
        start = f'action="/cases/{with_items.id}/continue/not-delivered/"'
        assert start not in browser.get(tracker).content.decode()  # nothing missed yet
        monday = term_monday()
        url = f"/cases/{with_items.id}/provision/log/{monday.isoformat()}/"
        browser.post(url, week_post([("f1", "no", "", ""), ("f2", "none", "", "")]))
        page = browser.get(tracker).content.decode()
        assert start in page
        assert "Complain that the provision is not being made" in page
        assert "mediation agreement" not in page  # no mediation on this case
        started = browser.post(f"/cases/{with_items.id}/continue/not-delivered/")
        assert started.status_code == 302
        assert "/not-delivered/" in started["Location"]

    def test_a_week_changed_keeps_the_later_value_and_an_audit_entry(self, browser, with_items):
        monday = term_monday()
        url = f"/cases/{with_items.id}/provision/log/{monday.isoformat()}/"
        browser.post(url, week_post([("f1", "yes", "60", ""), ("f2", "none", "", "")]))
        browser.post(url, week_post([("f1", "no", "", "cancelled"), ("f2", "none", "", "")]))
        log = reloaded(with_items).case_file["delivery_log"]
        assert [(row["provision"], row["delivered"]) for row in log] == [("f1", "no")]
        event = AuditEvent.objects.get(case=with_items)
        assert event.action == "changed"
        assert event.detail == f"the delivery record for the week beginning {monday:%-d %B %Y}"
        assert "cancelled" not in event.detail  # never what the record says

    def test_nothing_happened_records_every_weekly_item_not_delivered(self, browser, with_items):
        monday = term_monday()
        url = f"/cases/{with_items.id}/provision/log/{monday.isoformat()}/"
        response = browser.post(url, {"nothing": "1"})
        assert response.status_code == 302
        log = reloaded(with_items).case_file["delivery_log"]
        assert {(row["provision"], row["delivered"]) for row in log} == {("f1", "no"), ("f2", "no")}
        page = browser.get(url).content.decode()
        assert "Saved the week beginning" in page

    def test_a_day_that_is_not_a_monday_goes_to_its_week(self, browser, with_items):
        wednesday = term_monday() + timedelta(days=2)
        response = browser.get(f"/cases/{with_items.id}/provision/log/{wednesday.isoformat()}/")
        assert response.status_code == 302
        assert response["Location"].endswith(f"/log/{term_monday().isoformat()}/")

    def test_a_future_week_goes_to_this_week_and_nonsense_is_not_found(self, browser, with_items):
        later = week_start(timezone.localdate()) + timedelta(days=70)
        response = browser.get(f"/cases/{with_items.id}/provision/log/{later.isoformat()}/")
        assert response["Location"].endswith(
            f"/log/{week_start(timezone.localdate()).isoformat()}/"
        )
        assert browser.get(f"/cases/{with_items.id}/provision/log/soon/").status_code == 404

    def test_previous_and_next_week_links(self, browser, with_items):
        monday = term_monday()
        page = browser.get(
            f"/cases/{with_items.id}/provision/log/{monday.isoformat()}/"
        ).content.decode()
        assert f"/log/{(monday - timedelta(days=7)).isoformat()}/" in page
        assert f"/log/{(monday + timedelta(days=7)).isoformat()}/" in page

    def test_a_note_without_a_choice_is_an_error_beside_it_and_nothing_is_lost(
        self, browser, with_items
    ):
        monday = term_monday()
        url = f"/cases/{with_items.id}/provision/log/{monday.isoformat()}/"
        response = browser.post(
            url, week_post([("f1", "none", "", "came late"), ("f2", "yes", "", "")])
        )
        assert response.status_code == 200
        page = response.content.decode()
        assert "Choose what happened, or empty the minutes and note" in page
        assert 'value="came late"' in page
        assert "delivery_log" not in reloaded(with_items).case_file


@pytest.mark.django_db
class SharedReadOnlyTests:
    def test_an_advocate_reads_the_tracker_and_a_week_but_cannot_post(self, browser, case):
        from journeys.models import AdvocateAccess

        browser.post(
            f"/cases/{case.id}/provision/items/",
            {"read": "1", "sections-F": SECTION_F, "sections-G": "", "sections-H": ""},
        )
        advocate = make_user("ada@example.org", "Ada Advocate")
        AdvocateAccess.objects.create(
            case=case,
            email="ada@example.org",
            token_hash="a" * 64,
            expires_at=timezone.now() + timedelta(days=7),
            accepted_by=advocate,
            accepted_at=timezone.now(),
        )
        reader = Client()
        reader.force_login(advocate)
        page = reader.get(f"/cases/{case.id}/provision/").content.decode()
        assert "You can read this record" in page
        assert "Record this week" not in page
        assert "/continue/" not in page  # only the owner starts a journey from the case
        monday = term_monday()
        url = f"/cases/{case.id}/provision/log/{monday.isoformat()}/"
        assert "Not recorded" in reader.get(url).content.decode()
        assert reader.post(url, {"nothing": "1"}).status_code == 404
        assert "delivery_log" not in reloaded(case).case_file
        assert AuditEvent.objects.filter(case=case, actor=advocate, action="viewed").count() == 2


@pytest.mark.django_db
class TermDatesTests:
    def test_the_family_gives_their_own_terms_and_goes_back(self, browser, case):
        url = f"/cases/{case.id}/provision/terms/"
        assert "a typical English school year" in browser.get(url).content.decode()
        response = browser.post(
            url,
            {
                "terms": "2/9/2026 to 18/12/2026\n2027-01-04 - 2027-03-26",
                "holidays": "26/10/2026 to 30/10/2026",
            },
        )
        assert response.status_code == 302
        saved = reloaded(case).extras["term_dates"]
        assert saved["terms"] == [["2026-09-02", "2026-12-18"], ["2027-01-04", "2027-03-26"]]
        assert saved["holidays"] == [["2026-10-26", "2026-10-30"]]
        assert "term_dates" not in reloaded(case).case_file
        page = browser.get(url).content.decode()
        assert "These are the term dates you gave." in page and "26/10/2026 to 30/10/2026" in page
        browser.post(url, {"typical": "1"})
        assert "term_dates" not in reloaded(case).extras

    def test_a_line_that_is_not_a_term_is_named(self, browser, case):
        response = browser.post(
            f"/cases/{case.id}/provision/terms/", {"terms": "2/9/2026 to 23/10/2026\nhalf term"}
        )
        assert "Line 2 is not a term" in response.content.decode()


@pytest.mark.django_db
def test_an_item_taken_out_by_an_amended_plan_keeps_its_records(browser, case):
    browser.post(
        f"/cases/{case.id}/provision/items/",
        {"read": "1", "sections-F": SECTION_F, "sections-G": "", "sections-H": ""},
    )
    provision = reloaded(case).case_file["provision"]
    data = item_post(provision, extra_blank=False)
    data.update({"items-0-ends_0": "31", "items-0-ends_1": "10", "items-0-ends_2": "2025"})
    data.update({"items-1-starts_0": "1", "items-1-starts_1": "11", "items-1-starts_2": "2025"})
    data.update({"items-1-ends_0": "1", "items-1-ends_1": "10", "items-1-ends_2": "2025"})
    page = browser.post(f"/cases/{case.id}/provision/items/", data).content.decode()
    assert "The date it was taken out must be after it came in" in page
    del data["items-1-ends_0"], data["items-1-ends_1"], data["items-1-ends_2"]
    response = browser.post(f"/cases/{case.id}/provision/items/", data)
    assert response.status_code == 302
    assert reloaded(case).extras["provision_dates"] == {
        "f1": {"ends": "2025-10-31"},
        "f2": {"starts": "2025-11-01"},
    }
    page = browser.get(f"/cases/{case.id}/provision/items/").content.decode()
    assert 'value="31"' in page  # shown again, open


@pytest.mark.django_db
def test_pasting_the_same_section_again_says_it_is_already_listed(browser, case):
    data = {"read": "1", "sections-F": SECTION_F, "sections-G": "", "sections-H": ""}
    browser.post(f"/cases/{case.id}/provision/items/", data)
    response = browser.post(f"/cases/{case.id}/provision/items/", data, follow=True)
    assert "Every item in that text is already listed below." in response.content.decode()
    assert len(reloaded(case).case_file["provision"]) == 2
