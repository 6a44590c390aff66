"""Selectors: everything that reads a case. Each one checks who may see it.

Who may do what with a case (issue 5), decided here and nowhere else:

- owner: `Case.owner`, or the session that made an anonymous case. May do everything.
- advocate: an accepted, unrevoked AdvocateAccess. May read and download the letters.
- support worker / organisation admin: a member of an organisation the case is shared with.
  May read, download the letters, write notes, assign and mark reviewed.

Anyone else gets a 404 (never a hint that the case exists); a visitor who is not signed in
is sent to sign in instead (`SignInRequired`), whatever the id, so that leaks nothing either.
Templates may hide a button, but the check that counts is here.
"""

from __future__ import annotations

import enum
import uuid
from dataclasses import dataclass

from django.db.models import Count
from django.http import Http404

from journeys.models import AdvocateAccess, Case, CaseNote, OrganisationShare

# The session keeps the ids of the cases it made before its visitor signed in.
OWNED_CASES_KEY = "owned_cases"


class SignInRequired(Exception):
    """Raised for a visitor who is not signed in; middleware redirects to sign in."""


class Role(enum.StrEnum):
    OWNER = "owner"
    ADVOCATE = "advocate"
    SUPPORT_WORKER = "support worker"
    ORG_ADMIN = "organisation admin"


class Need(enum.Enum):
    """What a page needs to do with the case."""

    READ = "read"  # answers, timeline, letters, calendar
    OWN = "own"  # change, share, export, delete, see who has looked
    ORGANISATION = "organisation"  # notes, assign, mark reviewed


ALLOWED: dict[Need, frozenset[Role]] = {
    Need.READ: frozenset(Role),
    Need.OWN: frozenset({Role.OWNER}),
    Need.ORGANISATION: frozenset({Role.SUPPORT_WORKER, Role.ORG_ADMIN}),
}


@dataclass(frozen=True)
class CaseAccess:
    case: Case
    role: Role
    # For the organisation roles: the share that lets them in (its organisation, assignee).
    share: OrganisationShare | None = None

    @property
    def is_owner(self) -> bool:
        return self.role is Role.OWNER


def session_owns_case(*, session, case_id: uuid.UUID | str) -> bool:
    return str(case_id) in session.get(OWNED_CASES_KEY, [])


def requester_owns_case(*, user, session, case: Case) -> bool:
    if case.owner_id is not None:
        return user.is_authenticated and case.owner_id == user.pk
    return session_owns_case(session=session, case_id=case.id)


def case_access_for(*, user, session, case_id: uuid.UUID | str) -> CaseAccess | None:
    """The strongest role this visitor has on the case, or None."""
    case = Case.objects.select_related("owner").filter(pk=case_id).first()
    if case is None:
        return None
    if requester_owns_case(user=user, session=session, case=case):
        return CaseAccess(case=case, role=Role.OWNER)
    if not user.is_authenticated:
        return None
    share = _share_for_member(case=case, user=user)
    if share is not None:
        return CaseAccess(case=case, role=share.member_role, share=share)
    if AdvocateAccess.objects.filter(case=case, accepted_by=user, revoked_at__isnull=True).exists():
        return CaseAccess(case=case, role=Role.ADVOCATE)
    return None


def _share_for_member(*, case: Case, user) -> OrganisationShare | None:
    from ehcp_site.accounts.models import Membership

    if not user.email_verified:
        return None  # a membership given to an address nobody has proved they own
    membership = (
        Membership.objects.filter(user=user, organisation__shares__case=case)
        .select_related("organisation")
        .order_by("role")  # "admin" sorts before "worker": the stronger role wins
        .first()
    )
    if membership is None:
        return None
    share = OrganisationShare.objects.select_related("organisation", "assigned_to").get(
        case=case, organisation=membership.organisation
    )
    share.member_role = Role.ORG_ADMIN if membership.is_admin else Role.SUPPORT_WORKER
    return share


def case_access_or_404(request, case_id: uuid.UUID | str, *, need: Need) -> CaseAccess:
    """The access a view needs, or: sign in first (anonymous), or 404 (everyone else)."""
    access = case_access_for(user=request.user, session=request.session, case_id=case_id)
    if access is not None and access.role in ALLOWED[need]:
        return access
    if not request.user.is_authenticated:
        raise SignInRequired()
    raise Http404("No case with that id that you can see")


def case_note_counts(*, case: Case) -> list[tuple[uuid.UUID, str, int]]:
    """How many notes each organisation keeps on the case, as (organisation id, name, count)
    by name: what a parent may know about notes, never what they say."""
    rows = (
        CaseNote.objects.filter(case=case)
        .values("organisation_id", "organisation__name")
        .annotate(count=Count("id"))
        .order_by("organisation__name")
    )
    return [(row["organisation_id"], row["organisation__name"], row["count"]) for row in rows]


# -- lists -------------------------------------------------------------------------------


def case_list_for_parent(*, user, session) -> list[Case]:
    """The parent's own cases, most recently changed first (this browser's, if anonymous)."""
    if user.is_authenticated:
        cases = Case.objects.filter(owner=user)
    else:
        cases = Case.objects.filter(pk__in=session.get(OWNED_CASES_KEY, []), owner__isnull=True)
    return list(cases.order_by("-updated_at"))


def case_list_shared_with_advocate(*, user) -> list[Case]:
    """Cases an advocate may see: an accepted invitation that has not been revoked."""
    if not user.is_authenticated:
        return []
    return list(
        Case.objects.filter(
            advocate_accesses__accepted_by=user, advocate_accesses__revoked_at__isnull=True
        )
        .distinct()
        .order_by("child_name")
    )


@dataclass(frozen=True)
class DraftInfo:
    case_id: str
    journey: str
    step: str | None
    data: dict


def draft_list_for_visitor(*, user, session, case_id=None) -> list[DraftInfo]:
    """Every journey in progress for this visitor (their account's, or this browser's),
    or only those of one case."""
    from journeys.models import Draft
    from journeys.wizard.storage import SESSION_KEY

    if user.is_authenticated:
        rows = Draft.objects.filter(user=user)
        if case_id is not None:
            rows = rows.filter(case_id=case_id)
        found = [
            (str(draft_case), journey, data)
            for draft_case, journey, data in rows.values_list("case_id", "journey", "data")
        ]
    else:
        found = []
        for key, data in session.get(SESSION_KEY, {}).items():
            journey, _, draft_case = key.partition(":")
            found.append((draft_case, journey, data))
    if case_id is not None:
        found = [row for row in found if row[0] == str(case_id)]
    return [
        DraftInfo(draft_case, journey, data.get("step"), data)
        for draft_case, journey, data in found
    ]
