"""The production application with one more URL, for bench/server.py only: `POST
/bench/floor/`, which does what every answer to a question must do and nothing else.

A step POST reads the visitor's session (Redis, then the database), passes CSRF and the
wizard's rate limit (120 a minute per client), writes the session back (encrypted; Redis and
the database) and redirects. `floor` does exactly that, with one posted value in place of the
wizard's form, formtools and the journey's answers. Its throughput against the bare view is
the most any step could reach with the session, CSRF and rate limit it must keep; the step's
own against the floor is what the wizard adds (bench/README.md, "The floor").

Never served by `make serve`: gunicorn loads it only when bench/server.py names it.
"""

from __future__ import annotations

import importlib

from django.conf import settings
from django.http import HttpResponseRedirect
from django.urls import clear_url_caches, path
from django.views.decorators.http import require_POST

from bench.live import FLOOR_PATH
from ehcp_site.ratelimit import rate_limited
from ehcp_site.wsgi import application  # sets Django up


@rate_limited(scope="wizard", key="user_or_ip", rate="120/m")
@require_POST
def floor(request):
    request.session["bench-floor"] = request.POST.get("answer", "")
    return HttpResponseRedirect("/healthz/")


# Last in the URL conf, so every other URL resolves as it does in production.
importlib.import_module(settings.ROOT_URLCONF).urlpatterns.append(
    path(FLOOR_PATH.strip("/") + "/", floor)
)
clear_url_caches()

__all__ = ["application"]
