"""Selectors: everything that reads a case. Each one checks who may see it."""

from __future__ import annotations

import uuid

from journeys.models import Case

# The session keeps the ids of the cases it made: that is ownership until accounts (issue 5).
OWNED_CASES_KEY = "owned_cases"


def session_owns_case(*, session, case_id: uuid.UUID | str) -> bool:
    return str(case_id) in session.get(OWNED_CASES_KEY, [])


def case_get_for_session(*, session, case_id: uuid.UUID | str) -> Case | None:
    """Return the saved case if this session owns it, else None (views answer 404)."""
    if not session_owns_case(session=session, case_id=case_id):
        return None
    return Case.objects.filter(pk=case_id).first()
