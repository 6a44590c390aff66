"""Where a journey's answers are kept while the parent fills them in.

Both classes implement formtools' storage interface (`data`, `get_step_data`,
`set_step_data`, `reset`), keyed by (journey, case id) from the URL:

- `CaseSessionStorage`: a visitor who is not signed in; the answers live in their session.
- `CaseDatabaseStorage`: a signed-in parent; the answers live in a `Draft` row of theirs, so
  the case resumes on another device at the step they left.

`draft_storage` picks one per request; the view builds whatever it returns, so no journey
knows which. Signing in moves session drafts into the database
(services.case_claim_session_work).
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

from django.core.exceptions import SuspiciousOperation
from django.db import transaction
from formtools.wizard.storage.base import BaseStorage

from journeys.cases.selectors import DRAFTS_SESSION_KEY as SESSION_KEY
from journeys.models import Draft

# A session keeps at most this many drafts; the least recently touched go first.
MAX_DRAFTS_PER_SESSION = 20
# Sizes (JSON characters). Only a form's own fields are kept (views.JourneyStepView), so a
# draft is bounded by its forms' max_length: the request journey filled to every limit, with
# the case it started from, is some 300,000. A draft beyond this is not a parent typing.
MAX_DRAFT_SIZE = 600_000
# What all of one session's drafts may hold together; the least recently touched go first.
MAX_SESSION_DRAFTS_SIZE = 1_000_000
# Case ids this session made (journeys:new), so only it can start a case under one.
NEW_CASES_KEY = "new_case_ids"
MAX_NEW_CASES = 50


def case_id_reserve(*, session, case_id) -> None:
    """Remember that this browser made `case_id` (journey_new): until a case is saved under
    it, only this session, or the account it signs in to, may start answering under it."""
    reserved = [c for c in session.get(NEW_CASES_KEY, []) if c != str(case_id)]
    session[NEW_CASES_KEY] = [*reserved, str(case_id)][-MAX_NEW_CASES:]


def case_id_reserved(*, session, case_id) -> bool:
    return str(case_id) in session.get(NEW_CASES_KEY, [])


def _size(value: Any) -> int:
    return len(json.dumps(value, default=str))


def draft_key(journey_slug: str, case_id) -> str:
    """A case can go through several journeys (request, then refusal, then appeal...)."""
    return f"{journey_slug}:{case_id}"


class _CaseDraftStorage(BaseStorage):
    """One draft per (journey, case id) for one visitor; subclasses say where it lives.

    Being keyed by the visitor (their session or their account) is the object-level check
    for drafts: another visitor's draft under the same case id is simply not found.
    """

    def __init__(self, prefix, request, file_storage=None, *, case_id, journey_slug):
        super().__init__(prefix, request, file_storage)
        self.case_id = str(case_id)
        self.journey_slug = journey_slug
        self.key = draft_key(journey_slug, case_id)
        self.version = 0
        # For each version after 0, the one step whose data that write changed (None: any).
        self._changes: list[str | None] = []
        # What this request sees until the first write creates the draft.
        self._pending = self._empty()

    # -- formtools' interface --------------------------------------------------------------
    def init_data(self) -> None:
        self.data = self._empty()

    def _get_data(self) -> dict[str, Any]:
        draft = self._read()
        return draft if draft is not None else self._pending

    def _set_data(self, value: dict[str, Any]) -> None:
        self._write(value)

    data = property(_get_data, _set_data)

    def _set_current_step(self, step) -> None:
        draft = dict(self.data)
        draft[self.step_key] = step
        self._write(draft, answers_changed=False)

    def set_step_data(self, step, cleaned_data) -> None:
        super().set_step_data(step, cleaned_data)
        self._write(self.data, changed_step=step)

    def _set_extra_data(self, extra_data) -> None:
        # formtools only changes the dict in memory; ours is kept at once, like every write.
        draft = dict(self.data)
        draft[self.extra_data_key] = extra_data
        self._write(draft, answers_changed=False)

    # -- ours ------------------------------------------------------------------------------
    def exists(self) -> bool:
        return self._read() is not None

    def _empty(self) -> dict[str, Any]:
        return {
            "journey": self.journey_slug,
            self.step_key: None,
            self.step_data_key: {},
            self.step_files_key: {},
            self.extra_data_key: {},
        }

    # Whether every write may change the stored answers, whatever it was for (a database
    # draft's write merges in what other requests saved meanwhile).
    writes_merge = False

    def _write(
        self,
        draft: dict[str, Any],
        *,
        answers_changed: bool = True,
        changed_step: str | None = None,
    ) -> None:
        """Keep the draft. `version` (which the view caches the cleaned answers by) moves
        when the answers may have changed: not for the current step or extra data alone,
        which a step POST writes after its answer (one re-validation of every step fewer)."""
        draft["journey"] = self.journey_slug
        draft["touched"] = datetime.now(UTC).isoformat()
        size = _size(draft)
        if size > MAX_DRAFT_SIZE:
            raise SuspiciousOperation("A draft larger than any journey's answers")
        self._store(draft, size)
        self._pending = draft
        if answers_changed or self.writes_merge:
            self.version += 1
            self._changes.append(None if self.writes_merge else changed_step)

    def changed_since(self, version: int) -> str | None:
        """The one step whose stored data every write since `version` changed, so that the
        answers before it still hold; None when that is not known (nothing changed, a reset,
        several steps, or a database draft, whose writes merge in other requests' answers)."""
        changes = set(self._changes[version:])
        return changes.pop() if len(changes) == 1 and None not in changes else None

    def _read(self) -> dict[str, Any] | None:  # pragma: no cover - abstract
        raise NotImplementedError

    def _store(self, draft: dict[str, Any], size: int) -> None:  # pragma: no cover - abstract
        """Keep `draft`, whose size (_size) is `size`."""
        raise NotImplementedError


class CaseSessionStorage(_CaseDraftStorage):
    """Drafts inside the visitor's own session (no account needed)."""

    def _read(self) -> dict[str, Any] | None:
        return self.request.session.get(SESSION_KEY, {}).get(self.key)

    def _store(self, draft: dict[str, Any], size: int) -> None:
        session = self.request.session
        drafts = dict(session.get(SESSION_KEY, {}))
        drafts[self.key] = draft
        oldest_first = sorted(drafts, key=lambda key: drafts[key].get("touched", ""))
        for stale in oldest_first[: max(0, len(drafts) - MAX_DRAFTS_PER_SESSION)]:
            del drafts[stale]
        # This draft's size is known already: serialising it again cost as much as the check.
        sizes = {key: size if key == self.key else _size(value) for key, value in drafts.items()}
        for stale in oldest_first:
            if sum(sizes.values()) <= MAX_SESSION_DRAFTS_SIZE:
                break
            if stale != self.key and stale in drafts:
                del drafts[stale]
                del sizes[stale]
        session[SESSION_KEY] = drafts
        session.modified = True


class CaseDatabaseStorage(_CaseDraftStorage):
    """Drafts in the database, one `Draft` row per (user, case, journey).

    Two requests can save steps of one draft at the same moment (two tabs, a double click,
    a phone and a laptop). Each write therefore locks the row, reads it afresh and lays over
    it only what this request changed (the steps it saved, the current step, extra data), so
    neither request's answer is lost. Replacing the whole draft (formtools' reset) replaces.
    """

    _MISSING = object()
    writes_merge = True

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._cached: Any = self._MISSING
        self._changed_steps: set[str] = set()
        self._changed_keys: set[str] = set()
        self._replace = False

    def _read(self) -> dict[str, Any] | None:
        if self._cached is self._MISSING:
            self._cached = (
                Draft.objects.filter(
                    user=self.request.user, case_id=self.case_id, journey=self.journey_slug
                )
                .values_list("data", flat=True)
                .first()
            )
        return self._cached

    # What this request changes, so a write can merge it into a fresher copy.
    def set_step_data(self, step, cleaned_data) -> None:
        self._changed_steps.add(step)
        super().set_step_data(step, cleaned_data)

    def _set_current_step(self, step) -> None:
        self._changed_keys.add(self.step_key)
        super()._set_current_step(step)

    def _set_extra_data(self, extra_data) -> None:
        self._changed_keys.add(self.extra_data_key)
        super()._set_extra_data(extra_data)

    def _set_data(self, value: dict[str, Any]) -> None:
        self._replace = True  # init_data / reset: the whole draft, on purpose
        super()._set_data(value)

    data = property(_CaseDraftStorage._get_data, _set_data)

    def _store(self, draft: dict[str, Any], size: int) -> None:
        key = {"user": self.request.user, "case_id": self.case_id, "journey": self.journey_slug}
        with transaction.atomic():
            row, created = Draft.objects.get_or_create(**key, defaults={"data": draft})
            if not created:
                row = Draft.objects.select_for_update().get(pk=row.pk)
                row.data = draft if self._replace else self._merged(row.data, draft)
                row.save(update_fields=["data", "updated_at"])
        self._cached = row.data
        self._replace = False

    def _merged(self, fresh: dict[str, Any], mine: dict[str, Any]) -> dict[str, Any]:
        merged = {**fresh}
        steps = dict(fresh.get(self.step_data_key, {}))
        for step in self._changed_steps:
            steps[step] = mine.get(self.step_data_key, {}).get(step)
        merged[self.step_data_key] = steps
        for key in (*self._changed_keys, "journey", "touched"):
            if key in mine:
                merged[key] = mine[key]
        return merged


def draft_storage(prefix, request, file_storage=None, *, case_id, journey_slug):
    """The storage for this visitor: their account's if signed in, else their session's."""
    storage_class = CaseDatabaseStorage if request.user.is_authenticated else CaseSessionStorage
    return storage_class(prefix, request, file_storage, case_id=case_id, journey_slug=journey_slug)
