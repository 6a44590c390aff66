"""Selectors: everything that reads a case. Each one checks who may see it."""

from __future__ import annotations

import uuid
from typing import Any

from journeys.storage import submitted_case_in_session


def submitted_case_get(*, session, case_id: uuid.UUID) -> dict[str, Any] | None:
    """Return the submitted case file for `case_id` if this session owns it, else None.

    Until accounts exist (issue 5) the owner of a case is the browser session that made it;
    any other session gets None, and the views answer 404.
    """
    return submitted_case_in_session(session, case_id)
