"""A fixed-window rate limit for a view, counted in Django's cache.

    @rate_limited(scope="letters", key="user_or_ip", rate="30/m", methods=("GET",))
    def letter_download(request, ...): ...

Every app server shares the count when the cache is shared (Redis, or the database cache
that is the default: see settings.CACHES). A request over the limit gets a 429 page that
says when to try again, with a Retry-After header; the view is not called.

On Redis the count is one atomic script (INCR, and EXPIRE for a new counter:
ehcp_site/redis_cache.py). Elsewhere it is `cache.incr`, or `cache.add` (creates the
window's counter only if missing) when there is no counter yet, both atomic on the
local-memory cache. On the database cache `incr` is a read then a write, so a burst of
simultaneous requests can be counted a little short: use Redis where exact limits matter.
"""

from __future__ import annotations

import functools
import math
import re
import time
from collections.abc import Callable, Iterable
from datetime import timedelta

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from ehcp_site.shared_cache import with_shared_cache

KEYS = ("ip", "user_or_ip")
PERIODS = {"s": 1, "m": 60, "h": 60 * 60, "d": 24 * 60 * 60}
RATE = re.compile(r"(?P<limit>\d+)/(?P<unit>[smhd])")


def parse_rate(rate: str) -> tuple[int, int]:
    """Return (requests allowed, window in seconds) for "20/m"; ValueError if unreadable."""
    match = RATE.fullmatch(rate)
    if match is None or int(match["limit"]) < 1:
        raise ValueError(f"rate must look like 20/m (s, m, h or d), not {rate!r}")
    return int(match["limit"]), PERIODS[match["unit"]]


def client_ip(request: HttpRequest) -> str:
    """The address the request came from, as far as it can be trusted.

    With no trusted proxy (DJANGO_TRUSTED_PROXY_COUNT=0) X-Forwarded-For is ignored: anyone
    can send it. Behind N proxies that each append the address they saw, the client is the
    Nth entry from the right; entries further left were written by the client, so taking
    the first one would let anyone pick a fresh address for every request. django-axes uses
    this function too (AXES_CLIENT_IP_CALLABLE), so lockouts and rate limits agree.
    """
    proxies = settings.TRUSTED_PROXY_COUNT
    if proxies:
        hops = [h.strip() for h in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
        hops = [h for h in hops if h]
        if hops:
            # Fewer entries than proxies: the nearest entry any trusted proxy wrote.
            return hops[-min(proxies, len(hops))]
    return request.META.get("REMOTE_ADDR", "")


def _who(request: HttpRequest, key: str) -> str:
    user = getattr(request, "user", None)
    if key == "user_or_ip" and user is not None and user.is_authenticated:
        return f"user:{user.pk}"
    return f"ip:{client_ip(request)}"


def _count(cache_key: str, period: int) -> int:
    """Add this request to the window's counter and return the new count (counted in the
    database cache while the shared cache is down: ehcp_site/shared_cache.py)."""

    def count(cache) -> int:
        # Redis (ehcp_site/redis_cache.py): one atomic round trip.
        count_in_window = getattr(cache, "count_in_window", None)
        if count_in_window is not None:
            return count_in_window(cache_key, period)
        # incr first: the window's counter usually exists already, and on the database
        # cache an add that finds it costs six queries for nothing.
        try:
            return cache.incr(cache_key)
        except ValueError:
            pass  # no counter yet: this request opens the window
        if cache.add(cache_key, 1, timeout=period):
            return 1
        try:
            return cache.incr(cache_key)  # another request opened it meanwhile
        except ValueError:
            cache.add(cache_key, 1, timeout=period)  # ...and it has expired already
            return 1

    return with_shared_cache(count)


def _wait_words(seconds: int) -> str:
    if seconds < 60:
        return f"{seconds} second{'s' if seconds != 1 else ''}"
    minutes = math.ceil(seconds / 60)
    if minutes < 60:
        return f"{minutes} minute{'s' if minutes != 1 else ''}"
    hours = math.ceil(minutes / 60)
    return f"{hours} hour{'s' if hours != 1 else ''}"


def _clock(seconds: int) -> str:
    """The local time after `seconds`, as GOV.UK writes times: 2:05pm."""
    moment = timezone.localtime() + timedelta(seconds=seconds)
    return f"{moment.hour % 12 or 12}:{moment.minute:02d}{'am' if moment.hour < 12 else 'pm'}"


def too_many_requests(request: HttpRequest, retry_after: int) -> HttpResponse:
    """The 429 page: what happened and when to try again."""
    response = render(
        request,
        "429.html",
        {"wait": _wait_words(retry_after), "try_again_at": _clock(retry_after)},
        status=429,
    )
    response["Retry-After"] = str(retry_after)
    response["Cache-Control"] = "private, no-store"
    return response


def rate_limited(
    *,
    scope: str,
    rate: str = "20/m",
    key: str = "ip",
    methods: Iterable[str] = ("POST",),
) -> Callable:
    """Limit a view to `rate` requests per window for each client, counting only `methods`.

    `scope` names the counter, so two views never share one. `key` is "ip" (the client's
    address) or "user_or_ip" (the signed-in account, else the address: people behind one
    school or council network do not use up each other's allowance once signed in).
    """
    limit, period = parse_rate(rate)
    if key not in KEYS:
        raise ValueError(f"key must be one of {KEYS}, not {key!r}")
    counted = frozenset(method.upper() for method in methods)

    def decorator(view: Callable) -> Callable:
        @functools.wraps(view)
        def limited(request: HttpRequest, *args, **kwargs):
            if request.method in counted:
                now = time.time()
                window = int(now // period)
                if _count(f"ratelimit:{scope}:{_who(request, key)}:{window}", period) > limit:
                    retry_after = max(1, math.ceil((window + 1) * period - now))
                    return too_many_requests(request, retry_after)
            return view(request, *args, **kwargs)

        return limited

    return decorator
