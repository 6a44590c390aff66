"""Gunicorn's configuration: `gunicorn -c ehcp_site/gunicorn_conf.py` (see `make serve`).

Bind address, workers and timeouts come from the environment through ehcp_site/env.py
(GUNICORN_BIND, GUNICORN_WORKERS, GUNICORN_TIMEOUT, GUNICORN_GRACEFUL_TIMEOUT).
"""

import sys

from ehcp_site.env import ImproperlyConfiguredEnvironment, read_environment, read_server_environment

try:
    # Refuse to start, in one line, before any worker tries to load Django without its secrets.
    read_environment()
    _server = read_server_environment()
except ImproperlyConfiguredEnvironment as problem:
    sys.stderr.write(f"Cannot start: {problem}\n")
    sys.exit(2)

wsgi_app = "ehcp_site.wsgi:application"
bind = [_server.bind]
workers = _server.workers
timeout = _server.timeout
graceful_timeout = _server.graceful_timeout

# Access log on stdout with the method, path, status, size and time only. Logs must never
# hold case content: case URLs carry only ids, but query strings can carry answers (the
# appeal-deadline calculator is a GET form), and so can the Referer of the page before;
# the user agent and the "remote user" are left out because nothing needs them.
accesslog = "-"
access_log_format = '%(h)s %(t)s "%(m)s %(U)s %(H)s" %(s)s %(B)s %(M)sms'
errorlog = "-"

# Django alone decides whether a request came over HTTPS (DJANGO_TRUST_X_FORWARDED_PROTO),
# so there is one switch to get right rather than two that could disagree.
secure_scheme_headers: dict[str, str] = {}

# Nothing here uses gunicorn's control socket (gunicornc); one less way in.
control_socket_disable = True
