"""The cache every app server shares (Redis when REDIS_URL is set), and what happens when
it is down.

Rate-limit counts and the reminder-confirmation limit must still be counted when Redis is
unreachable, so they fall back to the "database" cache (a table every deployment has, see
settings.CACHES); the letter cache simply renders without it. Either way the page works,
and the outage is logged once per process (the exception's type only: docs/security.md).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TypeVar

from django.conf import settings
from django.core.cache import caches
from django.core.cache.backends.base import BaseCache

logger = logging.getLogger(__name__)

FALLBACK = "database"
T = TypeVar("T")
_reported: set[str] = set()


def cache_down_report(error: Exception, *, then: str) -> None:
    """Log, once per process and per consequence, that the shared cache failed."""
    if then not in _reported:
        _reported.add(then)
        logger.error("the shared cache is unreachable (%s): %s", type(error).__name__, then)


def with_shared_cache(operation: Callable[[BaseCache], T]) -> T:
    """operation(the shared cache), or operation(the database cache) if it fails."""
    try:
        return operation(caches["default"])
    except Exception as error:
        configured = settings.CACHES
        if FALLBACK not in configured or configured[FALLBACK] == configured["default"]:
            raise  # the database cache itself failed: nothing else to count in
        cache_down_report(error, then="counting in the database cache until it is back")
        return operation(caches[FALLBACK])
