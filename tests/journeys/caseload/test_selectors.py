"""Selectors of journeys/caseload/selectors.py: who may see an organisation, and its caseload."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.contrib.auth.models import AnonymousUser
from django.http import Http404
from django.utils import timezone

from ehcp_site.accounts.models import Membership
from journeys.caseload.selectors import (
    PER_PAGE,
    CaseloadFilters,
    DeadlineWindow,
    case_note_list,
    caseload_page,
    caseload_shares,
    membership_get_or_404,
    membership_list_for_user,
)
from journeys.cases.selectors import SignInRequired
from journeys.models import CaseNote
from tests.conftest import make_user
from tests.journeys.caseload.conftest import share_case

TODAY = date(2026, 11, 25)


def test_filters_become_the_query_of_page_links_without_empty_values():
    filters = CaseloadFilters(stage="appeal", search="oka", deadline="", assigned="none")
    assert filters.as_query() == {"q": "oka", "stage": "appeal", "assigned": "none"}
    assert CaseloadFilters().as_query() == {}


def names(shares) -> list[str]:
    return [share.case.child_name for share in shares]


def listed(organisation, **filters) -> list[str]:
    today = timezone.localdate()
    return names(
        caseload_shares(organisation=organisation, filters=CaseloadFilters(**filters), today=today)
    )


@pytest.mark.django_db
class CaseloadSharesTests:
    def test_overdue_first_then_the_soonest_deadline_and_no_deadline_last(
        self, case_file, organisation
    ):
        for first, due_in in [
            ("Later", 40),
            ("None", None),
            ("Today", 0),
            ("Overdue3", -3),
            ("Soon", 2),
            ("Overdue30", -30),
        ]:
            share_case(case_file, organisation, first=first, last="Child", due_in=due_in)
        assert listed(organisation) == [
            "Overdue30 Child",
            "Overdue3 Child",
            "Today Child",
            "Soon Child",
            "Later Child",
            "None Child",
        ]

    def test_only_cases_shared_with_this_organisation(
        self, case_file, organisation, other_organisation
    ):
        share_case(case_file, organisation, first="Ours")
        share_case(case_file, other_organisation, first="Theirs")
        assert listed(organisation) == ["Ours Okafor"]

    def test_filter_by_stage(self, case_file, organisation):
        share_case(case_file, organisation, first="Asking", journey="request")
        share_case(case_file, organisation, first="Appealing", journey="appeal")
        assert listed(organisation, stage="appeal") == ["Appealing Okafor"]
        assert listed(organisation, stage="mediation") == []

    @pytest.mark.parametrize(
        ("window", "expected"),
        [
            (DeadlineWindow.ANY, ["Overdue", "Today", "Week", "Month", "Later", "Never"]),
            (DeadlineWindow.OVERDUE, ["Overdue"]),
            (DeadlineWindow.WEEK, ["Today", "Week"]),
            (DeadlineWindow.MONTH, ["Today", "Week", "Month"]),
            (DeadlineWindow.NONE, ["Never"]),
        ],
    )
    def test_filter_by_deadline_window(self, case_file, organisation, window, expected):
        for first, due_in in [
            ("Overdue", -1),
            ("Today", 0),
            ("Week", 7),
            ("Month", 30),
            ("Later", 31),
            ("Never", None),
        ]:
            share_case(case_file, organisation, first=first, last="X", due_in=due_in)
        assert listed(organisation, deadline=window.value) == [f"{n} X" for n in expected]

    def test_filter_by_assigned_worker(self, case_file, organisation, worker, admin):
        share_case(case_file, organisation, first="Wrens", assigned_to=worker)
        share_case(case_file, organisation, first="Aris", assigned_to=admin)
        share_case(case_file, organisation, first="Nobodys")
        assert listed(organisation, assigned=str(worker.pk)) == ["Wrens Okafor"]
        assert listed(organisation, assigned="none") == ["Nobodys Okafor"]
        assert len(listed(organisation, assigned="")) == 3

    @pytest.mark.parametrize(
        ("search", "expected"),
        [
            ("sam", ["Sam Okafor"]),
            ("OKAF", ["Sam Okafor"]),
            ("ali", ["Ali Begum"]),  # first name
            ("fatima", ["Ali Begum"]),  # the parent's name
            ("grace", ["Sam Okafor"]),
            ("zzz", []),
        ],
    )
    def test_search_matches_child_or_parent_name_ignoring_case(
        self, case_file, organisation, search, expected
    ):
        share_case(case_file, organisation, first="Sam", last="Okafor", parent_name="Grace Okafor")
        share_case(case_file, organisation, first="Ali", last="Begum", parent_name="Fatima Begum")
        assert listed(organisation, search=search) == expected

    @pytest.mark.parametrize(
        ("search", "expected"),
        [
            ("Sian", ["Siân Jones"]),  # no accent typed: the accented name is found
            ("siân", ["Siân Jones"]),
            ("SIÂN", ["Siân Jones"]),
            ("zoe", ["Zoë Brontë"]),
            ("bronte", ["Zoë Brontë"]),
            ("Jose", ["Ali Begum"]),  # the parent, José
            ("Cafe", []),
            ("%", []),  # a wildcard is a character, not a pattern
        ],
    )
    def test_search_ignores_accents(self, case_file, organisation, search, expected):
        share_case(case_file, organisation, first="Siân", last="Jones", parent_name="Ann Jones")
        share_case(case_file, organisation, first="Zoë", last="Brontë", parent_name="Eve Brontë")
        share_case(case_file, organisation, first="Ali", last="Begum", parent_name="José Begum")
        assert listed(organisation, search=search) == expected

    def test_filters_combine(self, case_file, organisation, worker):
        share_case(case_file, organisation, first="Amy", journey="appeal", assigned_to=worker)
        share_case(case_file, organisation, first="Amos", journey="appeal")
        share_case(case_file, organisation, first="Amy", last="Other", journey="plan")
        assert listed(organisation, stage="appeal", search="amy", assigned=str(worker.pk)) == [
            "Amy Okafor"
        ]

    def test_notes_count_counts_only_this_organisations_notes(
        self, case_file, organisation, other_organisation
    ):
        case = share_case(case_file, organisation)
        for body in ("one", "two"):
            CaseNote.objects.create(
                case=case, organisation=organisation, author_name="W", body=body
            )
        CaseNote.objects.create(
            case=case, organisation=other_organisation, author_name="E", body="theirs"
        )
        share_case(case_file, organisation, first="Quiet")
        counts = {
            s.case.child_name: s.notes_count
            for s in caseload_shares(
                organisation=organisation, filters=CaseloadFilters(), today=timezone.localdate()
            )
        }
        assert counts == {"Sam Okafor": 2, "Quiet Okafor": 0}


@pytest.mark.django_db
class CaseloadPageTests:
    def test_rows_say_what_a_worker_needs(self, case_file, organisation, worker):
        today = timezone.localdate()
        case = share_case(
            case_file,
            organisation,
            journey="appeal",
            due_in=-3,
            assigned_to=worker,
            reviewed_at=timezone.now(),
        )
        page = caseload_page(
            organisation=organisation, filters=CaseloadFilters(), today=today, page_number=1
        )
        (row,) = page.rows
        assert row.case_id == case.id
        assert row.child_name == "Sam Okafor"
        assert row.council == "Bristol City Council"
        assert row.stage == "Appeal to the Tribunal"
        assert row.deadline_on == today - timedelta(days=3)
        assert row.deadline_label == "Council decides whether to assess"
        assert row.time_left == "3 days overdue"
        assert row.urgency == "overdue"
        assert row.assigned_name == "Wren Worker"
        assert row.assigned_has_left is False
        assert row.reviewed_at is not None
        assert row.notes_count == 0

    def test_a_worker_who_left_is_still_shown_as_assigned_but_marked(
        self, case_file, organisation, worker
    ):
        share_case(case_file, organisation, assigned_to=worker)
        Membership.objects.filter(user=worker).delete()
        page = caseload_page(
            organisation=organisation,
            filters=CaseloadFilters(),
            today=timezone.localdate(),
            page_number=1,
        )
        assert page.rows[0].assigned_name == "Wren Worker"
        assert page.rows[0].assigned_has_left is True

    def test_51_cases_make_2_pages_and_links_keep_the_filters(self, case_file, organisation):
        for number in range(PER_PAGE + 1):
            share_case(case_file, organisation, first=f"Child{number:02}", due_in=number)
        filters = CaseloadFilters(search="child", stage="request")
        first = caseload_page(
            organisation=organisation, filters=filters, today=timezone.localdate(), page_number=1
        )
        assert first.total == 51 and len(first.rows) == 50
        assert first.page.paginator.num_pages == 2
        assert first.previous_href == ""
        assert first.next_href == "?q=child&stage=request&page=2"
        assert [(link.number, link.current) for link in first.links] == [(1, True), (2, False)]
        second = caseload_page(
            organisation=organisation, filters=filters, today=timezone.localdate(), page_number=2
        )
        assert [row.child_name for row in second.rows] == ["Child50 Okafor"]
        assert second.previous_href == "?q=child&stage=request&page=1"
        assert second.next_href == ""

    def test_a_page_past_the_end_or_not_a_number_gives_a_real_page(self, case_file, organisation):
        share_case(case_file, organisation)
        for number in (99, "abc", None):
            page = caseload_page(
                organisation=organisation,
                filters=CaseloadFilters(),
                today=timezone.localdate(),
                page_number=number,
            )
            assert len(page.rows) == 1

    def test_many_pages_are_elided(self, case_file, organisation):
        for number in range(12):
            share_case(case_file, organisation, first=f"C{number}", due_in=number)
        page = caseload_page(
            organisation=organisation,
            filters=CaseloadFilters(),
            today=timezone.localdate(),
            page_number=6,
            per_page=1,
        )
        assert [link.number for link in page.links] == [1, None, 5, 6, 7, None, 12]


@pytest.mark.django_db
class MembershipTests:
    def test_not_signed_in_is_asked_to_sign_in(self, organisation):
        with pytest.raises(SignInRequired):
            membership_get_or_404(user=AnonymousUser(), organisation_id=organisation.id)
        with pytest.raises(SignInRequired):
            membership_list_for_user(user=AnonymousUser())

    def test_someone_outside_the_organisation_gets_404(self, organisation, outsider):
        with pytest.raises(Http404):
            membership_get_or_404(user=outsider, organisation_id=organisation.id)

    def test_admin_only_pages_are_404_for_a_worker(self, organisation, worker, admin):
        with pytest.raises(Http404):
            membership_get_or_404(user=worker, organisation_id=organisation.id, admin_only=True)
        found = membership_get_or_404(user=admin, organisation_id=organisation.id, admin_only=True)
        assert found.organisation == organisation

    def test_list_for_user_is_by_organisation_name(self, organisation, other_organisation):
        user = make_user("both@example.org", "Bo Both")
        Membership.objects.create(organisation=organisation, user=user)
        Membership.objects.create(organisation=other_organisation, user=user, role="admin")
        assert [m.organisation.name for m in membership_list_for_user(user=user)] == [
            "Elsewhere Advice",
            "Sunrise SEND Support",
        ]


@pytest.mark.django_db
def test_case_notes_are_this_organisations_only_newest_first(
    case_file, organisation, other_organisation
):
    case = share_case(case_file, organisation)
    now = timezone.now()
    older = CaseNote.objects.create(
        case=case,
        organisation=organisation,
        author_name="W",
        body="older",
        created_at=now - timedelta(days=1),
    )
    newer = CaseNote.objects.create(
        case=case, organisation=organisation, author_name="W", body="newer", created_at=now
    )
    CaseNote.objects.create(case=case, organisation=other_organisation, author_name="E", body="x")
    assert case_note_list(case=case, organisation=organisation) == [newer, older]


@pytest.mark.django_db
class ProvisionShortfallTests:
    """Issue 15: "provision not delivered" and the largest shortfall first, from the column
    the services keep on Case (sessions missed since 1 September)."""

    @pytest.fixture
    def shares(self, case_file, organisation):
        from journeys.models import Case

        for first, missed, due_in in [
            ("Few", 2, 5),
            ("Many", 9, 40),
            ("None", None, 1),
            ("Zero", 0, 3),
            ("Some", 4, None),
        ]:
            share = share_case(case_file, organisation, first=first, last="Child", due_in=due_in)
            Case.objects.filter(pk=share.pk).update(provision_missed=missed)

    def test_provision_not_delivered_lists_only_cases_with_sessions_missed(
        self, organisation, shares
    ):
        assert sorted(listed(organisation, provision="missed")) == [
            "Few Child",
            "Many Child",
            "Some Child",
        ]

    def test_largest_shortfall_first_then_by_deadline_and_no_record_last(
        self, organisation, shares
    ):
        assert listed(organisation, sort="shortfall") == [
            "Many Child",
            "Some Child",
            "Few Child",
            "Zero Child",
            "None Child",
        ]
        # The deadline order is unchanged without it.
        assert listed(organisation)[0] == "None Child"

    def test_the_page_keeps_the_order_and_shows_the_column(self, organisation, shares):
        page = caseload_page(
            organisation=organisation,
            filters=CaseloadFilters(sort="shortfall", provision="missed"),
            today=timezone.localdate(),
            page_number=1,
        )
        assert [(row.child_name, row.provision_missed) for row in page.rows] == [
            ("Many Child", 9),
            ("Some Child", 4),
            ("Few Child", 2),
        ]
        assert CaseloadFilters(sort="shortfall", provision="missed").as_query() == {
            "provision": "missed",
            "sort": "shortfall",
        }
