"""How long a pack of the chosen documents will be, against the limit, before it is built."""

from __future__ import annotations

from dataclasses import dataclass

# The index: a heading and about 25 rows to an A4 page (journeys/documents/pack.py).
INDEX_ROWS_PER_PAGE = 25


def index_pages(documents: int) -> int:
    return 1 + max(documents - 1, 0) // INDEX_ROWS_PER_PAGE


@dataclass(frozen=True)
class Chosen:
    id: str
    title: str
    pages: int | None  # None: not known until built (a Word document Word did not count)
    exact: bool = True


@dataclass(frozen=True)
class PackPlan:
    pages: int
    exact: bool  # False: a Word document's count is Word's own estimate, or unknown
    limit: int | None
    to_drop: tuple[Chosen, ...]

    @property
    def over_limit(self) -> bool:
        return self.limit is not None and self.pages > self.limit

    @property
    def over_by(self) -> int:
        return max(self.pages - self.limit, 0) if self.limit is not None else 0


def pack_plan(*, chosen: list[Chosen], limit: int | None) -> PackPlan:
    """The pages the pack will have (the index included) and, over the limit, the fewest
    documents whose pages would bring it within it, longest first."""
    pages = index_pages(len(chosen)) + sum(c.pages or 0 for c in chosen) if chosen else 0
    exact = all(c.pages is not None and c.exact for c in chosen)
    to_drop: list[Chosen] = []
    if limit is not None and pages > limit:
        excess = pages - limit
        for candidate in sorted(chosen, key=lambda c: -(c.pages or 0)):
            if excess <= 0:
                break
            to_drop.append(candidate)
            excess -= candidate.pages or 0
    return PackPlan(pages=pages, exact=exact, limit=limit, to_drop=tuple(to_drop))
