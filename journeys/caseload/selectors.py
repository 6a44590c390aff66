"""Selectors for support organisations: who belongs where, and each organisation's caseload.

Read-only, keyword-only, `<entity>_<action>`. What writes (notes, assigning, reviewing,
members) is in journeys/caseload/services.py. Whether someone may see one case is decided in
journeys/cases/selectors.py (`case_access_or_404`); here we decide who may see an organisation's
pages: its members (the dashboard) and its admins (the members page). Everyone else signed in
gets a 404, and a visitor who is not signed in is sent to sign in, as for a case.

The dashboard reads only the summary columns kept on `Case` (child, parent, council, next
deadline), never the case file, and runs the same number of queries for 10 cases as for
10,000: one to count, one for the page of rows (the notes count is a subquery, the assigned
worker a join), whatever the page holds.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from django.core.paginator import Page, Paginator
from django.db.models import Count, Exists, F, IntegerField, OuterRef, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.http import Http404
from django.utils.http import urlencode

from ehcp_site.accounts.models import Membership, Organisation
from journeys.cases.labels import case_stage_and_deadline
from journeys.cases.selectors import SignInRequired
from journeys.models import CaseNote, OrganisationShare, fold_for_search
from journeys.rules.vocabulary import LabelledEnum

PER_PAGE = 50


class DeadlineWindow(LabelledEnum):
    ANY = "", "Any time"
    OVERDUE = "overdue", "Overdue"
    WEEK = "7", "Today or in the next 7 days"
    MONTH = "30", "Today or in the next 30 days"
    NONE = "none", "No deadline"


class ProvisionFilter(LabelledEnum):
    ANY = "", "Any"
    MISSED = "missed", "Provision not delivered"


class SortOrder(LabelledEnum):
    DEADLINE = "", "Next deadline first"
    SHORTFALL = "shortfall", "Most sessions missed first"


# The assigned-worker filter's two fixed values; any other value is a member's user id.
ANYONE = ""
UNASSIGNED = "none"


@dataclass(frozen=True)
class CaseloadFilters:
    """What the dashboard is narrowed to. Empty means no narrowing."""

    stage: str = ""
    deadline: str = DeadlineWindow.ANY.value
    assigned: str = ANYONE  # ANYONE, UNASSIGNED or a member's user id (as text)
    search: str = ""
    provision: str = ProvisionFilter.ANY.value
    sort: str = SortOrder.DEADLINE.value

    def as_query(self) -> dict[str, str]:
        """The filters as GET parameters (the form's names), for links to other pages."""
        values = {
            "q": self.search,
            "stage": self.stage,
            "deadline": self.deadline,
            "assigned": self.assigned,
            "provision": self.provision,
            "sort": self.sort,
        }
        return {key: value for key, value in values.items() if value}


@dataclass(frozen=True)
class CaseloadRow:
    """One row of the dashboard: what a worker needs to decide what to look at first."""

    case_id: uuid.UUID
    child_name: str
    council: str
    stage: str
    deadline_on: date | None
    deadline_label: str
    time_left: str
    urgency: str  # "overdue", "today", "soon" (within 7 days), "later" or "" (no deadline)
    assigned_name: str
    assigned_has_left: bool  # assigned to someone no longer in the organisation
    reviewed_at: datetime | None
    notes_count: int
    provision_missed: int | None = None  # sessions missed this school year (None: no record)


@dataclass(frozen=True)
class PageLink:
    number: int | None  # None: an ellipsis
    href: str = ""
    current: bool = False


@dataclass(frozen=True)
class CaseloadPage:
    rows: list[CaseloadRow]
    page: Page
    total: int
    previous_href: str
    next_href: str
    links: list[PageLink]


# -- organisations and members ------------------------------------------------------------


def membership_list_for_user(*, user) -> list[Membership]:
    """The organisations this account belongs to (with its role in each), by name."""
    if not user.is_authenticated:
        raise SignInRequired()
    if not user.email_verified:
        return []  # memberships count once they have proved they own the address
    return list(
        Membership.objects.filter(user=user)
        .select_related("organisation")
        .order_by("organisation__name")
    )


def membership_get_or_404(
    *, user, organisation_id: uuid.UUID | str, admin_only: bool = False
) -> Membership:
    """This account's membership of the organisation, with the organisation.

    Raises SignInRequired for a visitor who is not signed in, and Http404 for anyone not a
    member (or not an admin, with `admin_only`): an organisation's pages are not a hint that
    it exists.
    """
    if not user.is_authenticated:
        raise SignInRequired()
    if not user.email_verified:
        raise Http404("Confirm your email address first")
    membership = (
        Membership.objects.filter(user=user, organisation_id=organisation_id)
        .select_related("organisation")
        .first()
    )
    if membership is None or (admin_only and not membership.is_admin):
        raise Http404("No organisation with that id that you can see")
    return membership


def membership_list_for_organisation(*, organisation: Organisation) -> list[Membership]:
    """Everyone in the organisation, with their accounts, by name."""
    return list(
        Membership.objects.filter(organisation=organisation)
        .select_related("user")
        .order_by("user__full_name", "user__email")
    )


def membership_get_in_organisation_or_404(
    *, organisation: Organisation, membership_id: int
) -> Membership:
    membership = (
        Membership.objects.filter(organisation=organisation, pk=membership_id)
        .select_related("user")
        .first()
    )
    if membership is None:
        raise Http404("No such member")
    return membership


# -- the caseload ---------------------------------------------------------------------------


# Overdue dates are the earliest, so ascending order puts them first; then by name, then id
# so that a page boundary never moves between two requests.
ORDERING = (F("case__next_deadline_on").asc(nulls_last=True), "case__child_name", "case_id")
# "Most sessions missed first" (issue 15): the column the services keep on Case; cases with no
# provision recorded last, then as the deadline order.
SHORTFALL_ORDERING = (F("case__provision_missed").desc(nulls_last=True), *ORDERING)


def _ordering(filters: CaseloadFilters) -> tuple:
    return SHORTFALL_ORDERING if filters.sort == SortOrder.SHORTFALL else ORDERING


def caseload_shares(
    *, organisation: Organisation, filters: CaseloadFilters, today: date
) -> QuerySet[OrganisationShare]:
    """The organisation's shared cases, filtered, overdue first, then the soonest deadline,
    then cases with no deadline; each with what its dashboard row shows."""
    return _with_row_details(
        _filtered(
            OrganisationShare.objects.filter(organisation=organisation, case__is_example=False),
            filters,
            today,
        )
    ).order_by(*_ordering(filters))


def _with_row_details(shares: QuerySet) -> QuerySet:
    """The case and the assigned worker (joined), this organisation's notes count and
    whether the assigned worker is still a member (subqueries): one query for any number of
    rows."""
    notes = (
        CaseNote.objects.filter(case=OuterRef("case_id"), organisation=OuterRef("organisation_id"))
        .order_by()
        .values("case")
        .annotate(count=Count("pk"))
        .values("count")
    )
    still_member = Membership.objects.filter(
        organisation=OuterRef("organisation_id"), user=OuterRef("assigned_to_id")
    )
    return (
        shares.select_related("case", "assigned_to")
        # The dashboard shows the summary columns; the case file can be large.
        .defer("case__case_file", "case__extras", "case__journey_events")
        .annotate(
            notes_count=Coalesce(Subquery(notes, output_field=IntegerField()), 0),
            assigned_is_member=Exists(still_member),
        )
    )


def _filtered(shares: QuerySet, filters: CaseloadFilters, today: date) -> QuerySet:
    if filters.stage:
        shares = shares.filter(case__journey=filters.stage)
    window = DeadlineWindow(filters.deadline)
    if window is DeadlineWindow.OVERDUE:
        shares = shares.filter(case__next_deadline_on__lt=today)
    elif window in (DeadlineWindow.WEEK, DeadlineWindow.MONTH):
        last = today + timedelta(days=int(window.value))
        shares = shares.filter(case__next_deadline_on__range=(today, last))
    elif window is DeadlineWindow.NONE:
        shares = shares.filter(case__next_deadline_on__isnull=True)
    if filters.assigned == UNASSIGNED:
        shares = shares.filter(assigned_to__isnull=True)
    elif filters.assigned:
        shares = shares.filter(assigned_to_id=int(filters.assigned))
    if filters.provision == ProvisionFilter.MISSED:
        shares = shares.filter(case__provision_missed__gt=0)
    if filters.search:
        # Folded the same way as the stored names: "Sian" finds "Siân", on any database.
        shares = shares.filter(case__search_names__contains=fold_for_search(filters.search))
    return shares


def caseload_page(
    *,
    organisation: Organisation,
    filters: CaseloadFilters,
    today: date,
    page_number: str | int | None,
    per_page: int = PER_PAGE,
) -> CaseloadPage:
    """One page of the dashboard (a page number out of range gives the last page), with the
    links to other pages keeping the filters."""
    # The page's ids first: sorting every matching share is cheap when the rows are narrow,
    # and the notes count is then worked out for this page's rows only (PostgreSQL would
    # otherwise compute it for every row an OFFSET skips). Still one query: a subquery.
    ordered = _filtered(
        OrganisationShare.objects.filter(organisation=organisation, case__is_example=False),
        filters,
        today,
    )
    ordering = _ordering(filters)
    paginator = Paginator(ordered.order_by(*ordering).values_list("pk", flat=True), per_page)
    page = paginator.get_page(page_number)
    shares = _with_row_details(OrganisationShare.objects.filter(pk__in=page.object_list))
    query = filters.as_query()
    return CaseloadPage(
        rows=[_row(share, today=today) for share in shares.order_by(*ordering)],
        page=page,
        total=paginator.count,
        previous_href=_page_href(query, page.previous_page_number()) if page.has_previous() else "",
        next_href=_page_href(query, page.next_page_number()) if page.has_next() else "",
        links=[
            PageLink(number=None)
            if number == Paginator.ELLIPSIS
            else PageLink(
                number=number,
                href=_page_href(query, number),
                current=number == page.number,
            )
            for number in paginator.get_elided_page_range(page.number, on_each_side=1, on_ends=1)
        ],
    )


def _page_href(query: dict[str, str], number: int) -> str:
    return "?" + urlencode({**query, "page": number})


def _row(share: OrganisationShare, *, today: date) -> CaseloadRow:
    case = share.case
    assigned = share.assigned_to
    return CaseloadRow(
        case_id=case.id,
        child_name=case.child_name,
        council=case.council,
        deadline_on=case.next_deadline_on,
        **case_stage_and_deadline(case=case, today=today),
        assigned_name=(assigned.full_name or assigned.email) if assigned else "",
        assigned_has_left=assigned is not None and not share.assigned_is_member,
        reviewed_at=share.reviewed_at,
        notes_count=share.notes_count,
        provision_missed=case.provision_missed,
    )


# -- one case, as its organisation sees it --------------------------------------------------


def case_note_list(*, case, organisation: Organisation) -> list[CaseNote]:
    """This organisation's notes on the case, newest first. Another organisation's notes on
    the same case are never included."""
    return list(
        CaseNote.objects.filter(case=case, organisation=organisation).order_by("-created_at", "-pk")
    )
