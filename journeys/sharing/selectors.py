"""Selectors for a case's sharing page: who it is shared with, read for its owner.

Read-only, keyword-only, `<entity>_<action>`. The caller has already checked that the
visitor owns the case (journeys.cases.selectors.case_access_or_404 with Need.OWN).
"""

from __future__ import annotations

from ehcp_site.accounts.models import Organisation
from journeys.cases.selectors import case_note_counts
from journeys.models import AdvocateAccess, Case, OrganisationShare


def organisation_share_rows(*, case: Case) -> list[tuple[OrganisationShare, int]]:
    """Each organisation the case is shared with, and how many notes it has written on it."""
    shares = OrganisationShare.objects.filter(case=case).select_related(
        "organisation", "assigned_to"
    )
    notes = {organisation_id: count for organisation_id, _, count in case_note_counts(case=case)}
    return [(share, notes.get(share.organisation_id, 0)) for share in shares]


def organisation_ids_shared_with(*, case: Case) -> list:
    """The organisations the case is already shared with (not offered again)."""
    return list(
        OrganisationShare.objects.filter(case=case).values_list("organisation_id", flat=True)
    )


def advocate_access_list(*, case: Case) -> list[AdvocateAccess]:
    """Every advocate invitation of the case, newest first, with who accepted it."""
    return list(
        AdvocateAccess.objects.filter(case=case)
        .select_related("accepted_by")
        .order_by("-created_at")
    )


def organisation_get(*, organisation_id) -> Organisation | None:
    return Organisation.objects.filter(pk=organisation_id).first()
