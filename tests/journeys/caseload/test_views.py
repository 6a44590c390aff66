"""The organisation pages through Django's client: the caseload dashboard, a case's
organisation page (notes, assigning, reviewed) and the members page."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from ehcp_site.accounts.models import Membership, Organisation
from journeys.models import AuditEvent, Case, CaseNote, OrganisationShare
from tests.conftest import is_sign_in_redirect, make_user, signed_in_client
from tests.journeys.caseload.conftest import client_for, share_case

# Every dashboard GET, however many cases: the session, the account, the membership, the
# members (for the assigned filter), the count, the page of rows, whether to show "Your
# organisations" in the header, and saving the session (one UPDATE since issue 12: no
# SAVEPOINT and RELEASE around it, ehcp_site/sessions.py).
DASHBOARD_QUERIES = 8


def dashboard(organisation) -> str:
    return reverse("caseload:dashboard", kwargs={"org_id": organisation.id})


def case_page(case) -> str:
    return reverse("caseload:case", kwargs={"case_id": case.id})


def members_page(organisation) -> str:
    return reverse("caseload:members", kwargs={"org_id": organisation.id})


def rows(html: str) -> list[str]:
    """The child named in each row of the caseload table, in order."""
    body = html.split('<tbody class="govuk-table__body">', 1)[1].split("</tbody>", 1)[0]
    return re.findall(
        r'<th scope="row"[^>]*>\s*<a class="govuk-link" href="[^"]+">([^<]+)</a>', body
    )


def long(day) -> str:
    return f"{day:%A} {day.day} {day:%B %Y}"


@pytest.mark.django_db
class OrganisationListTests:
    url = "/organisations/"

    def test_not_signed_in_is_asked_to_sign_in(self):
        assert is_sign_in_redirect(Client().get(self.url), self.url)

    def test_one_organisation_goes_straight_to_its_caseload(self, organisation, worker):
        response = client_for(worker).get(self.url)
        assert response.status_code == 302
        assert response["Location"] == dashboard(organisation)

    def test_two_organisations_are_listed(self, organisation, other_organisation, worker):
        Membership.objects.create(organisation=other_organisation, user=worker, role="admin")
        page = client_for(worker).get(self.url).content.decode()
        assert dashboard(organisation) in page and dashboard(other_organisation) in page
        assert "Organisation admin" in page and "Support worker" in page

    def test_no_organisation_says_so_plainly(self):
        response = signed_in_client().get(self.url)
        assert response.status_code == 200
        assert "You are not a member of any support organisation" in response.content.decode()


@pytest.mark.django_db
class DashboardAccessTests:
    def test_not_signed_in_is_asked_to_sign_in(self, organisation):
        url = dashboard(organisation)
        assert is_sign_in_redirect(Client().get(url), url)

    def test_strangers_and_other_organisations_get_404(self, organisation, outsider):
        assert signed_in_client().get(dashboard(organisation)).status_code == 404
        assert client_for(outsider).get(dashboard(organisation)).status_code == 404

    def test_an_unknown_organisation_is_404(self, worker):
        assert client_for(worker).get(dashboard(Organisation(name="x"))).status_code == 404

    def test_only_admins_see_the_link_to_members(self, organisation, worker, admin):
        assert (
            members_page(organisation)
            not in client_for(worker).get(dashboard(organisation)).content.decode()
        )
        assert (
            members_page(organisation)
            in client_for(admin).get(dashboard(organisation)).content.decode()
        )

    def test_the_dashboard_records_no_audit_and_writes_nothing(
        self, case_file, organisation, worker
    ):
        share_case(case_file, organisation)
        client_for(worker).get(dashboard(organisation))
        assert not AuditEvent.objects.exists()


@pytest.mark.django_db
class DashboardTableTests:
    def test_a_row_shows_what_a_worker_needs(self, case_file, organisation, worker):
        today = timezone.localdate()
        case = share_case(
            case_file,
            organisation,
            journey="mediation",
            council="Leeds City Council",
            due_in=12,
            assigned_to=worker,
            reviewed_at=timezone.now(),
        )
        for body in ("a", "b", "c"):
            CaseNote.objects.create(
                case=case, organisation=organisation, author_name="W", body=body
            )
        page = client_for(worker).get(dashboard(organisation)).content.decode()
        assert (
            '<caption class="govuk-table__caption govuk-table__caption--m">'
            "Cases shared with Sunrise SEND Support</caption>" in page
        )
        assert page.count('scope="col"') == 8
        assert f'href="/cases/{case.id}/"' in page  # the case overview
        assert f'href="/cases/{case.id}/organisation/"' in page
        for text in (
            "Sam Okafor",
            "Leeds City Council",
            "Mediation",
            long(today + timedelta(days=12)),
            "Council decides whether to assess",
            "12 days left",
            "Wren Worker",
            f"Yes, {today.day} {today:%B %Y}",
        ):
            assert text in page, text
        assert re.search(r'data-label="Notes">3</td>', page)

    @pytest.mark.parametrize(
        ("due_in", "words"),
        [(-3, "3 days overdue"), (-1, "1 day overdue"), (0, "due today"), (1, "1 day left")],
    )
    def test_time_left_in_words(self, case_file, organisation, worker, due_in, words):
        share_case(case_file, organisation, due_in=due_in)
        assert words in client_for(worker).get(dashboard(organisation)).content.decode()

    def test_no_deadline_unassigned_not_reviewed(self, case_file, organisation, worker):
        share_case(case_file, organisation, due_in=None)
        page = client_for(worker).get(dashboard(organisation)).content.decode()
        assert "No deadline" in page and "Nobody" in page and 'data-label="Reviewed">No<' in page

    def test_overdue_first_then_soonest_then_no_deadline(self, case_file, organisation, worker):
        for first, due_in in [("Cara", 20), ("Dev", None), ("Ben", 0), ("Abi", -5), ("Eve", 3)]:
            share_case(case_file, organisation, first=first, last="Lee", due_in=due_in)
        page = client_for(worker).get(dashboard(organisation)).content.decode()
        assert rows(page) == ["Abi Lee", "Ben Lee", "Eve Lee", "Cara Lee", "Dev Lee"]

    def test_a_case_shared_elsewhere_is_not_listed(
        self, case_file, organisation, other_organisation, worker
    ):
        share_case(case_file, other_organisation, first="Hidden")
        page = client_for(worker).get(dashboard(organisation)).content.decode()
        assert "Hidden" not in page
        assert "No family has shared a case with Sunrise SEND Support yet" in page


@pytest.mark.django_db
class DashboardFilterTests:
    @pytest.fixture
    def cases(self, case_file, organisation, worker, admin):
        share_case(
            case_file,
            organisation,
            first="Amy",
            last="Appeal",
            journey="appeal",
            due_in=-2,
            assigned_to=worker,
        )
        share_case(
            case_file,
            organisation,
            first="Bo",
            last="Plan",
            journey="plan",
            due_in=5,
            assigned_to=admin,
        )
        share_case(
            case_file, organisation, first="Cy", last="Request", parent_name="Dana Smith", due_in=25
        )
        share_case(case_file, organisation, first="Di", last="Nothing", due_in=None)

    def get(self, client, organisation, **params):
        return client.get(dashboard(organisation), params)

    @pytest.mark.parametrize(
        ("params", "expected"),
        [
            ({}, ["Amy Appeal", "Bo Plan", "Cy Request", "Di Nothing"]),
            ({"stage": "appeal"}, ["Amy Appeal"]),
            ({"stage": "request"}, ["Cy Request", "Di Nothing"]),
            ({"deadline": "overdue"}, ["Amy Appeal"]),
            ({"deadline": "7"}, ["Bo Plan"]),
            ({"deadline": "30"}, ["Bo Plan", "Cy Request"]),
            ({"deadline": "none"}, ["Di Nothing"]),
            ({"deadline": ""}, ["Amy Appeal", "Bo Plan", "Cy Request", "Di Nothing"]),
            ({"assigned": "none"}, ["Cy Request", "Di Nothing"]),
            ({"q": "AMY"}, ["Amy Appeal"]),
            ({"q": "dana"}, ["Cy Request"]),  # the parent's name
            ({"q": "  plan "}, ["Bo Plan"]),
            ({"q": "a", "stage": "request", "deadline": "30"}, ["Cy Request"]),
        ],
    )
    def test_filters(self, cases, organisation, worker, params, expected):
        response = self.get(client_for(worker), organisation, **params)
        assert response.status_code == 200
        assert rows(response.content.decode()) == expected

    def test_filter_by_a_member(self, cases, organisation, worker):
        page = self.get(client_for(worker), organisation, assigned=str(worker.pk)).content.decode()
        assert rows(page) == ["Amy Appeal"]
        assert f'<option value="{worker.pk}" selected>Wren Worker</option>' in page

    def test_the_assigned_filter_offers_only_members(self, cases, organisation, worker, outsider):
        page = self.get(client_for(worker), organisation).content.decode()
        assert "Wren Worker" in page and "Ari Admin" in page and "Eli Elsewhere" not in page

    def test_a_stranger_in_the_assigned_filter_is_an_error_not_a_filter(
        self, cases, organisation, worker, outsider
    ):
        page = self.get(
            client_for(worker), organisation, assigned=str(outsider.pk)
        ).content.decode()
        assert "There is a problem" in page and "Choose someone from the list" in page
        assert len(rows(page)) == 4

    def test_nothing_matches(self, cases, organisation, worker):
        page = self.get(client_for(worker), organisation, q="zzz").content.decode()
        assert "No cases match these filters" in page

    def test_the_form_keeps_what_was_chosen(self, cases, organisation, worker):
        page = self.get(client_for(worker), organisation, q="Amy", stage="appeal").content.decode()
        assert 'value="Amy"' in page
        assert '<option value="appeal" selected>' in page


@pytest.mark.django_db
class DashboardPaginationTests:
    def test_51_cases_make_2_pages_of_50_and_1(self, case_file, organisation, worker):
        for number in range(51):
            share_case(case_file, organisation, first=f"Kid{number:02}", last="Page", due_in=number)
        browser = client_for(worker)
        first = browser.get(dashboard(organisation)).content.decode()
        assert len(rows(first)) == 50
        assert "Showing 1 to 50 of 51 cases" in first
        assert '<nav class="govuk-pagination" aria-label="Pages of cases">' in first
        assert 'href="?page=2" rel="next"' in first
        second = browser.get(dashboard(organisation), {"page": 2}).content.decode()
        assert rows(second) == ["Kid50 Page"]
        assert 'href="?page=1" rel="prev"' in second
        assert 'aria-label="Page 2" aria-current="page"' in second

    def test_page_links_keep_the_filters(self, case_file, organisation, worker):
        for number in range(51):
            share_case(
                case_file, organisation, first=f"Kid{number:02}", journey="appeal", due_in=number
            )
        share_case(case_file, organisation, first="Other", journey="plan")
        page = (
            client_for(worker)
            .get(dashboard(organisation), {"stage": "appeal", "q": "kid"})
            .content.decode()
        )
        assert 'href="?q=kid&amp;stage=appeal&amp;page=2"' in page
        assert "Showing 1 to 50 of 51 cases matching your filters" in page

    def test_one_page_has_no_pagination(self, case_file, organisation, worker):
        share_case(case_file, organisation)
        assert (
            "govuk-pagination"
            not in client_for(worker).get(dashboard(organisation)).content.decode()
        )


@pytest.mark.django_db
def test_the_number_of_queries_does_not_grow_with_the_cases(
    case_file, organisation, worker, admin, other_organisation, django_assert_num_queries
):
    browser = client_for(worker)
    url = dashboard(organisation)

    def add_cases(start: int, end: int) -> None:
        for number in range(start, end):
            case = share_case(
                case_file,
                organisation,
                first=f"Child{number:03}",
                due_in=None if number % 7 == 0 else number - 20,
                journey=("request", "appeal", "plan")[number % 3],
                assigned_to=(worker, admin, None)[number % 3],
                reviewed_at=timezone.now() if number % 2 else None,
            )
            if number % 4 == 0:
                CaseNote.objects.create(
                    case=case, organisation=organisation, author_name="W", body="n"
                )
                CaseNote.objects.create(
                    case=case, organisation=other_organisation, author_name="E", body="n"
                )

    add_cases(0, 10)
    browser.get(url)  # the first request of a session may differ (nothing cached yet)
    with django_assert_num_queries(DASHBOARD_QUERIES):
        assert len(rows(browser.get(url).content.decode())) == 10
    add_cases(10, 200)
    with django_assert_num_queries(DASHBOARD_QUERIES):
        assert len(rows(browser.get(url).content.decode())) == 50
    filtered = {"page": 2, "stage": "appeal", "q": "CHILD", "assigned": str(admin.pk)}
    with django_assert_num_queries(DASHBOARD_QUERIES):
        page = browser.get(url, filtered).content.decode()
    # 67 appeals (every third case, from the second), all assigned to the admin: 50 + 17.
    assert len(rows(page)) == 17


@pytest.mark.django_db
class CasePageTests:
    def test_not_signed_in_is_asked_to_sign_in(self, case_file, organisation):
        case = share_case(case_file, organisation)
        assert is_sign_in_redirect(Client().get(case_page(case)), case_page(case))

    def test_the_owner_a_stranger_and_another_organisation_get_404(
        self, case_file, organisation, parent, outsider
    ):
        case = share_case(case_file, organisation, owner=parent)
        for user in (parent, outsider, make_user("s@example.org", "Sandy")):
            assert client_for(user).get(case_page(case)).status_code == 404

    def test_a_worker_sees_the_case_and_the_visit_is_recorded(
        self, case_file, organisation, worker
    ):
        case = share_case(case_file, organisation, journey="appeal", due_in=-3)
        response = client_for(worker).get(case_page(case))
        assert response.status_code == 200
        page = response.content.decode()
        for text in (
            "Sam Okafor",
            "Grace Okafor",
            "Appeal to the Tribunal",
            "3 days overdue",
            "No notes yet",
            "Mark as reviewed",
        ):
            assert text in page, text
        assert f'href="/cases/{case.id}/"' in page
        assert list(AuditEvent.objects.values_list("actor_name", "action", "detail")) == [
            ("Wren Worker", "viewed", "the organisation's notes")
        ]

    def test_notes_newest_first_with_author_and_date_and_never_another_organisations(
        self, case_file, organisation, other_organisation, worker, outsider
    ):
        case = share_case(case_file, organisation)
        OrganisationShare.objects.create(case=case, organisation=other_organisation)
        now = timezone.now()
        CaseNote.objects.create(
            case=case,
            organisation=organisation,
            author_name="Wren Worker",
            body="First call",
            created_at=now - timedelta(days=2),
        )
        CaseNote.objects.create(
            case=case,
            organisation=organisation,
            author_name="Ari Admin",
            body="Second call",
            created_at=now,
        )
        CaseNote.objects.create(
            case=case,
            organisation=other_organisation,
            author_name="Eli Elsewhere",
            body="Their secret",
        )
        ours = client_for(worker).get(case_page(case)).content.decode()
        assert ours.index("Second call") < ours.index("First call")
        assert "Ari Admin" in ours and f"{now.day} {timezone.localtime(now):%B %Y}" in ours
        assert "Their secret" not in ours and "Eli Elsewhere" not in ours
        theirs = client_for(outsider).get(case_page(case)).content.decode()
        assert "Their secret" in theirs
        assert "First call" not in theirs and "Second call" not in theirs


@pytest.mark.django_db
class CaseChangeTests:
    def test_add_a_note_then_see_it(self, case_file, organisation, worker):
        case = share_case(case_file, organisation)
        browser = client_for(worker)
        response = browser.post(
            reverse("caseload:case-note", kwargs={"case_id": case.id}),
            {"note-body": "  Rang the school.  "},
        )
        assert response.status_code == 302 and response["Location"] == case_page(case)
        note = CaseNote.objects.get()
        assert (note.body, note.organisation, note.author_name) == (
            "Rang the school.",
            organisation,
            "Wren Worker",
        )
        page = browser.get(response["Location"]).content.decode()
        assert "Note added." in page and "Rang the school." in page
        assert ("changed", "added a note") in AuditEvent.objects.values_list("action", "detail")

    def test_an_empty_note_is_an_error_shown_the_gov_uk_way(self, case_file, organisation, worker):
        case = share_case(case_file, organisation)
        response = client_for(worker).post(
            reverse("caseload:case-note", kwargs={"case_id": case.id}), {"note-body": "   "}
        )
        assert response.status_code == 200
        page = response.content.decode()
        assert "<title>Error: " in page
        assert '<a href="#id_note-body">Enter a note</a>' in page
        assert 'class="govuk-error-message"' in page
        assert not CaseNote.objects.exists()

    def test_assign_to_a_member_and_unassign(self, case_file, organisation, worker, admin):
        case = share_case(case_file, organisation)
        url = reverse("caseload:case-assign", kwargs={"case_id": case.id})
        browser = client_for(admin)
        response = browser.post(url, {"assign-assigned_to": str(worker.pk)})
        assert response.status_code == 302 and response["Location"] == case_page(case)
        assert OrganisationShare.objects.get().assigned_to == worker
        assert "Assigned to Wren Worker." in browser.get(case_page(case)).content.decode()
        browser.post(url, {"assign-assigned_to": ""})
        assert OrganisationShare.objects.get().assigned_to is None
        details = list(
            AuditEvent.objects.filter(action="changed")
            .order_by("at", "pk")
            .values_list("detail", flat=True)
        )
        assert details == ["assigned the case to Wren Worker", "unassigned the case"]

    @pytest.mark.parametrize("who", ["stranger", "other organisation", "not a number"])
    def test_assigning_to_someone_outside_the_organisation_is_an_error(
        self, case_file, organisation, worker, outsider, who
    ):
        case = share_case(case_file, organisation, assigned_to=worker)
        value = {
            "stranger": lambda: str(make_user("s@example.org", "Sandy").pk),
            "other organisation": lambda: str(outsider.pk),
            "not a number": lambda: "abc",
        }[who]()
        response = client_for(worker).post(
            reverse("caseload:case-assign", kwargs={"case_id": case.id}),
            {"assign-assigned_to": value},
        )
        assert response.status_code == 200
        assert "Choose someone in your organisation" in response.content.decode()
        assert OrganisationShare.objects.get().assigned_to == worker
        assert not AuditEvent.objects.filter(action="changed").exists()

    def test_mark_reviewed_and_not_reviewed(self, case_file, organisation, worker):
        case = share_case(case_file, organisation)
        url = reverse("caseload:case-review", kwargs={"case_id": case.id})
        browser = client_for(worker)
        assert browser.post(url, {"reviewed": "yes"})["Location"] == case_page(case)
        share = OrganisationShare.objects.get()
        assert share.reviewed_at is not None and share.reviewed_by == worker
        page = browser.get(case_page(case)).content.decode()
        assert "Marked as reviewed." in page and "Mark as not reviewed" in page
        browser.post(url, {"reviewed": "no"})
        share.refresh_from_db()
        assert share.reviewed_at is None
        assert "Mark as reviewed" in browser.get(case_page(case)).content.decode()
        details = list(
            AuditEvent.objects.filter(action="changed")
            .order_by("at", "pk")
            .values_list("detail", flat=True)
        )
        assert details == ["marked the case reviewed", "marked the case not reviewed"]

    def test_a_tampered_review_value_is_a_bad_request(self, case_file, organisation, worker):
        case = share_case(case_file, organisation)
        response = client_for(worker).post(
            reverse("caseload:case-review", kwargs={"case_id": case.id}), {"reviewed": "maybe"}
        )
        assert response.status_code == 400
        assert OrganisationShare.objects.get().reviewed_at is None

    def test_changes_go_to_the_organisation_the_case_is_shared_with(
        self, case_file, organisation, other_organisation, outsider
    ):
        """Another organisation's worker cannot write on a case not shared with them."""
        case = share_case(case_file, organisation)
        browser = client_for(outsider)
        for name, data in [
            ("caseload:case-note", {"note-body": "x"}),
            ("caseload:case-assign", {"assign-assigned_to": str(outsider.pk)}),
            ("caseload:case-review", {"reviewed": "yes"}),
        ]:
            assert browser.post(reverse(name, kwargs={"case_id": case.id}), data).status_code == 404
        assert not CaseNote.objects.exists()
        share = OrganisationShare.objects.get()
        assert share.assigned_to is None and share.reviewed_at is None

    def test_get_is_not_allowed_on_the_actions(self, case_file, organisation, worker):
        case = share_case(case_file, organisation)
        assert (
            client_for(worker)
            .get(reverse("caseload:case-note", kwargs={"case_id": case.id}))
            .status_code
            == 405
        )


@pytest.mark.django_db
class CsrfTests:
    @pytest.mark.parametrize(
        ("name", "data"),
        [
            ("caseload:case-note", {"note-body": "x"}),
            ("caseload:case-assign", {"assign-assigned_to": ""}),
            ("caseload:case-review", {"reviewed": "yes"}),
        ],
    )
    def test_case_changes_need_the_token(self, case_file, organisation, worker, name, data):
        case = share_case(case_file, organisation)
        browser = client_for(worker, enforce_csrf_checks=True)
        assert browser.post(reverse(name, kwargs={"case_id": case.id}), data).status_code == 403
        assert not CaseNote.objects.exists() and OrganisationShare.objects.get().reviewed_at is None

    def test_member_changes_need_the_token(self, organisation, admin, worker):
        browser = client_for(admin, enforce_csrf_checks=True)
        make_user("new@example.org", "Nia New")
        assert (
            browser.post(
                members_page(organisation), {"add-email": "new@example.org", "add-role": "worker"}
            ).status_code
            == 403
        )
        membership = Membership.objects.get(user=worker)
        remove = reverse(
            "caseload:member-remove",
            kwargs={"org_id": organisation.id, "membership_id": membership.pk},
        )
        assert browser.post(remove).status_code == 403
        assert Membership.objects.count() == 2

    def test_with_the_token_the_change_is_made(self, case_file, organisation, worker):
        case = share_case(case_file, organisation)
        browser = client_for(worker, enforce_csrf_checks=True)
        page = browser.get(case_page(case)).content.decode()
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)[1]
        response = browser.post(
            reverse("caseload:case-note", kwargs={"case_id": case.id}),
            {"note-body": "x", "csrfmiddlewaretoken": token},
        )
        assert response.status_code == 302 and CaseNote.objects.count() == 1


@pytest.mark.django_db
class MembersPageTests:
    def test_not_signed_in_is_asked_to_sign_in(self, organisation):
        url = members_page(organisation)
        assert is_sign_in_redirect(Client().get(url), url)

    def test_workers_strangers_and_other_admins_get_404(self, organisation, worker, outsider):
        for browser in (client_for(worker), client_for(outsider), signed_in_client()):
            assert browser.get(members_page(organisation)).status_code == 404
            response = browser.post(
                members_page(organisation), {"add-email": outsider.email, "add-role": "admin"}
            )
            assert response.status_code == 404
        assert not Membership.objects.filter(organisation=organisation, user=outsider).exists()

    def test_a_worker_cannot_change_roles_or_remove(self, organisation, worker, admin):
        admin_membership = Membership.objects.get(user=admin)
        browser = client_for(worker)
        role = reverse(
            "caseload:member-role",
            kwargs={"org_id": organisation.id, "membership_id": admin_membership.pk},
        )
        remove = reverse(
            "caseload:member-remove",
            kwargs={"org_id": organisation.id, "membership_id": admin_membership.pk},
        )
        assert browser.post(role, {"role": "worker"}).status_code == 404
        assert browser.post(remove).status_code == 404
        assert Membership.objects.get(user=admin).role == "admin"

    def test_an_admin_cannot_touch_another_organisations_members(
        self, organisation, admin, outsider, other_organisation
    ):
        theirs = Membership.objects.get(user=outsider)
        # Their membership id, under our organisation's address: not found.
        remove = reverse(
            "caseload:member-remove", kwargs={"org_id": organisation.id, "membership_id": theirs.pk}
        )
        assert client_for(admin).post(remove).status_code == 404
        assert Membership.objects.filter(pk=theirs.pk).exists()

    def test_lists_members_with_their_roles(self, organisation, admin, worker):
        page = client_for(admin).get(members_page(organisation)).content.decode()
        assert (
            '<caption class="govuk-table__caption govuk-table__caption--m">'
            "Members of Sunrise SEND Support</caption>" in page
        )
        assert "Ari Admin (you)" in page and "worker@example.org" in page
        worker_row = page.split("Wren Worker", 1)[1].split("</tr>", 1)[0]
        assert '<option value="worker" selected>Support worker</option>' in worker_row
        assert '<label class="govuk-label govuk-visually-hidden" for="role-' in page

    def test_adding_emails_a_link_and_the_account_joins_by_opening_it(self, organisation, admin):
        nia = make_user("nia@example.org", "Nia New")
        browser = client_for(admin)
        mail.outbox.clear()
        response = browser.post(
            members_page(organisation), {"add-email": "NIA@example.org", "add-role": "admin"}
        )
        assert response.status_code == 302 and response["Location"] == members_page(organisation)
        assert "We have emailed NIA@example.org a link to join Sunrise SEND Support" in (
            browser.get(members_page(organisation)).content.decode()
        )
        assert not Membership.objects.filter(user=nia).exists()  # not until they open it
        assert mail.outbox[-1].to == ["nia@example.org"]
        link = re.search(r"/organisations/join/[^/\s]+/", mail.outbox[-1].body)[0]
        assert Client().get(link)["Location"].startswith("/account/sign-in/?next=")
        nia_browser = client_for(nia)
        assert "Join Sunrise SEND Support" in nia_browser.get(link).content.decode()
        joined = nia_browser.post(link)
        assert joined["Location"] == reverse("caseload:dashboard", args=[organisation.id])
        assert Membership.objects.get(user=nia).role == "admin"

    def test_an_address_with_no_account_gets_the_same_answer(self, organisation, admin):
        make_user("nia@example.org", "Nia New")
        browser = client_for(admin)
        answers = [
            browser.post(members_page(organisation), {"add-email": email, "add-role": "worker"})
            for email in ("nia@example.org", "nobody@example.org")
        ]
        assert [a.status_code for a in answers] == [302, 302]
        assert answers[0]["Location"] == answers[1]["Location"]
        page = browser.get(members_page(organisation)).content.decode()
        assert "We have emailed nobody@example.org a link to join" in page
        assert Membership.objects.count() == 1
        assert [m.to for m in mail.outbox[-2:]] == [["nia@example.org"], ["nobody@example.org"]]

    def test_a_link_works_only_for_its_address_and_only_as_sent(self, organisation, admin):
        client_for(admin).post(
            members_page(organisation), {"add-email": "nia@example.org", "add-role": "admin"}
        )
        link = re.search(r"/organisations/join/[^/\s]+/", mail.outbox[-1].body)[0]
        assert client_for(make_user("eve@example.org")).post(link).status_code == 403
        assert client_for(make_user("nia@example.org")).post(link[:-5] + "x/").status_code == 404
        assert Membership.objects.count() == 1

    def test_already_a_member_and_a_bad_address_are_errors(self, organisation, admin, worker):
        browser = client_for(admin)
        page = browser.post(
            members_page(organisation), {"add-email": worker.email, "add-role": "worker"}
        ).content.decode()
        assert "worker@example.org is already a member of Sunrise SEND Support" in page
        page = browser.post(
            members_page(organisation), {"add-email": "not an email", "add-role": ""}
        ).content.decode()
        assert '<a href="#id_add-email">Enter an email address in the correct format' in page
        assert '<a href="#id_add-role_0">Choose a role</a>' in page

    def test_change_a_role(self, organisation, admin, worker):
        membership = Membership.objects.get(user=worker)
        url = reverse(
            "caseload:member-role",
            kwargs={"org_id": organisation.id, "membership_id": membership.pk},
        )
        response = client_for(admin).post(url, {"role": "admin"})
        assert response.status_code == 302 and response["Location"] == members_page(organisation)
        assert Membership.objects.get(user=worker).role == "admin"

    def test_remove_a_member(self, organisation, admin, worker):
        membership = Membership.objects.get(user=worker)
        url = reverse(
            "caseload:member-remove",
            kwargs={"org_id": organisation.id, "membership_id": membership.pk},
        )
        browser = client_for(admin)
        response = browser.post(url)
        assert response.status_code == 302
        assert not Membership.objects.filter(user=worker).exists()
        assert (
            "Removed Wren Worker from Sunrise SEND Support."
            in browser.get(members_page(organisation)).content.decode()
        )
        assert client_for(worker).get(dashboard(organisation)).status_code == 404

    def test_the_last_admin_cannot_be_removed_or_demoted(self, organisation, admin, worker):
        membership = Membership.objects.get(user=admin)
        browser = client_for(admin)
        for name, data in [
            ("caseload:member-remove", {}),
            ("caseload:member-role", {"role": "worker"}),
        ]:
            url = reverse(name, kwargs={"org_id": organisation.id, "membership_id": membership.pk})
            response = browser.post(url, data)
            assert response.status_code == 200
            page = response.content.decode()
            assert "There is a problem" in page
            assert (
                f'<a href="#role-{membership.pk}">Ari Admin is the only admin. '
                "Make someone else an admin first.</a>" in page
            )
        assert Membership.objects.get(user=admin).role == "admin"

    def test_an_admin_who_steps_down_goes_to_the_caseload(self, organisation, admin, worker):
        Membership.objects.filter(user=worker).update(role="admin")
        membership = Membership.objects.get(user=admin)
        url = reverse(
            "caseload:member-role",
            kwargs={"org_id": organisation.id, "membership_id": membership.pk},
        )
        response = client_for(admin).post(url, {"role": "worker"})
        assert response["Location"] == dashboard(organisation)

    def test_an_admin_who_leaves_goes_to_their_organisations(self, organisation, admin, worker):
        Membership.objects.filter(user=worker).update(role="admin")
        membership = Membership.objects.get(user=admin)
        url = reverse(
            "caseload:member-remove",
            kwargs={"org_id": organisation.id, "membership_id": membership.pk},
        )
        assert client_for(admin).post(url)["Location"] == "/organisations/"

    def test_a_tampered_role_is_a_bad_request(self, organisation, admin, worker):
        membership = Membership.objects.get(user=worker)
        url = reverse(
            "caseload:member-role",
            kwargs={"org_id": organisation.id, "membership_id": membership.pk},
        )
        assert client_for(admin).post(url, {"role": "owner"}).status_code == 400

    def test_members_pages_do_not_touch_cases(self, case_file, organisation, admin, worker):
        case = share_case(case_file, organisation, assigned_to=worker)
        browser = client_for(admin)
        browser.get(members_page(organisation))
        membership = Membership.objects.get(user=worker)
        browser.post(
            reverse(
                "caseload:member-remove",
                kwargs={"org_id": organisation.id, "membership_id": membership.pk},
            )
        )
        assert not AuditEvent.objects.exists()
        assert OrganisationShare.objects.get(case=case).assigned_to == worker


@pytest.mark.django_db
class NewStagesTests:
    """The rest of a plan's life on the caseload (issue 14): its stages in the filter and the
    rows, and any rule id the deadlines engine gives in the next-deadline column."""

    def test_the_stage_filter_offers_every_stage_in_the_shared_words(self, organisation, worker):
        from journeys.rules.stages import STAGES

        page = client_for(worker).get(dashboard(organisation)).content.decode()
        for stage in STAGES:
            assert f'<option value="{stage.slug}">{escape(stage.label)}</option>' in page

    def test_filter_by_a_new_stage(
        self, case_file, organisation, worker, django_assert_num_queries
    ):
        share_case(case_file, organisation, first="Rev", last="Review", journey="annual-review")
        share_case(case_file, organisation, first="Ces", last="Cease", journey="ceasing")
        share_case(case_file, organisation, first="Req", last="Request", journey="request")
        browser = client_for(worker)
        browser.get(dashboard(organisation))
        with django_assert_num_queries(DASHBOARD_QUERIES):
            page = browser.get(dashboard(organisation), {"stage": "annual-review"})
        assert rows(page.content.decode()) == ["Rev Review"]
        page = browser.get(dashboard(organisation), {"stage": "ceasing"}).content.decode()
        assert rows(page) == ["Ces Cease"]
        assert "The council wants to stop the plan" in page
        assert '<option value="ceasing" selected>' in page

    def test_a_new_rule_shows_as_the_next_deadline(self, case_file, organisation, worker):
        from journeys.cases.labels import deadline_label

        case = share_case(case_file, organisation, first="Tri", last="Order", journey="appeal")
        # As the summary would hold the engine's new rule (issue 14, version 2).
        Case.objects.filter(pk=case.pk).update(next_deadline_rule="tribunal_order_compliance")
        page = client_for(worker).get(dashboard(organisation)).content.decode()
        label = deadline_label("tribunal_order_compliance")
        assert label and escape(label) in page


@pytest.mark.django_db
def test_the_dashboard_filters_and_sorts_by_provision_missed_and_links_the_tracker(
    case_file, organisation, worker
):
    for first, missed in (("Few", 2), ("Many", 7), ("Fine", 0)):
        case = share_case(case_file, organisation, first=first, last="Lee")
        Case.objects.filter(pk=case.pk).update(provision_missed=missed)
    page = (
        client_for(worker)
        .get(dashboard(organisation), {"provision": "missed", "sort": "shortfall"})
        .content.decode()
    )
    assert page.index("Many Lee") < page.index("Few Lee")
    assert "Fine Lee" not in page
    assert "7 sessions missed" in page and "2 sessions missed" in page
    many = Case.objects.get(child_name="Many Lee")
    assert f'href="/cases/{many.id}/provision/"' in page
    assert '<option value="missed" selected>Provision not delivered</option>' in page
