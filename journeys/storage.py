"""Where a journey's answers are kept while the parent fills them in.

Issue 2 keeps them in the session (no account needed). This class implements formtools'
storage interface (`data`, `get_step_data`, `set_step_data`, `reset`), keyed by the case id
in the URL, so a database-backed storage over a saved case can take its place without any
journey changing: the view builds whichever storage class it is given.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from formtools.wizard.storage.base import BaseStorage

SESSION_KEY = "journey_drafts"
# A session keeps at most this many drafts; the least recently touched go first.
MAX_DRAFTS_PER_SESSION = 20


def draft_key(journey_slug: str, case_id) -> str:
    """A case can go through several journeys (request, then refusal, then appeal...)."""
    return f"{journey_slug}:{case_id}"


class CaseSessionStorage(BaseStorage):
    """One draft per (journey, case id), inside the visitor's own session.

    The session is the owner: a case id from another session is simply not found here,
    which is the object-level permission check for anonymous drafts.
    """

    def __init__(self, prefix, request, file_storage=None, *, case_id, journey_slug):
        super().__init__(prefix, request, file_storage)
        self.case_id = str(case_id)
        self.journey_slug = journey_slug
        self.key = draft_key(journey_slug, case_id)
        self.version = 0
        # What this request sees until the first write creates the draft in the session.
        self._pending = self._empty()

    # -- formtools' interface --------------------------------------------------------------
    def init_data(self) -> None:
        self.data = self._empty()

    def _get_data(self) -> dict[str, Any]:
        drafts = self.request.session.get(SESSION_KEY, {})
        draft = drafts.get(self.key)
        return draft if draft is not None else self._pending

    def _set_data(self, value: dict[str, Any]) -> None:
        self._write(value)

    data = property(_get_data, _set_data)

    def _set_current_step(self, step) -> None:
        draft = dict(self.data)
        draft[self.step_key] = step
        self._write(draft)

    def set_step_data(self, step, cleaned_data) -> None:
        super().set_step_data(step, cleaned_data)
        self._write(self.data)

    # -- ours ------------------------------------------------------------------------------
    def exists(self) -> bool:
        return self.key in self.request.session.get(SESSION_KEY, {})

    def _empty(self) -> dict[str, Any]:
        return {
            "journey": self.journey_slug,
            self.step_key: None,
            self.step_data_key: {},
            self.step_files_key: {},
            self.extra_data_key: {},
        }

    def _write(self, draft: dict[str, Any]) -> None:
        session = self.request.session
        drafts = dict(session.get(SESSION_KEY, {}))
        draft["journey"] = self.journey_slug
        draft["touched"] = datetime.now(UTC).isoformat()
        drafts[self.key] = draft
        if len(drafts) > MAX_DRAFTS_PER_SESSION:
            oldest_first = sorted(drafts, key=lambda key: drafts[key].get("touched", ""))
            for stale in oldest_first[: len(drafts) - MAX_DRAFTS_PER_SESSION]:
                del drafts[stale]
        session[SESSION_KEY] = drafts
        session.modified = True
        self._pending = draft
        self.version += 1
