# The two set-up commands in the README: `make run` and `make test`; `make serve` runs the
# production configuration (gunicorn, WhiteNoise, DEBUG off) on this machine.
# Everything installs into .venv; nothing is installed system-wide except by .ci/run.

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
INSTALLED := $(VENV)/.installed
# `PORT=8080 make run` (or make serve) serves on another port.
PORT ?= 8000
# Development settings for `make run`: a local secret and host names are filled in.
DEV_ENV := DJANGO_DEBUG=true
# `make serve`: production settings, except plain http on 127.0.0.1 (see docs/deploy.md).
# DJANGO_INSECURE_LOCAL_HTTP must never be set in production; `check --deploy` flags it.
SERVE_ENV := DJANGO_DEBUG=false DJANGO_ALLOWED_HOSTS=127.0.0.1,localhost \
	DJANGO_SECURE_SSL_REDIRECT=false DJANGO_INSECURE_LOCAL_HTTP=true GUNICORN_BIND=127.0.0.1:$(PORT)

.PHONY: run serve test install lint bench clean

# A checkout's development settings, for `python manage.py ...` typed by hand: manage.py reads
# .env (never the server, never over a variable already set). Delete it, or set
# DJANGO_DEBUG=false in the environment, to see the production checks.
.env:
	printf '%s\n' '# Written by make for development on this machine; never use it in production.' \
		'DJANGO_DEBUG=true' > .env

$(INSTALLED): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet '.[test]'
	touch $(INSTALLED)

install: $(INSTALLED) .env

run: $(INSTALLED) .env
	$(DEV_ENV) $(PY) manage.py migrate --noinput
	$(DEV_ENV) $(PY) manage.py createcachetable
	$(DEV_ENV) $(PY) manage.py load_demo_data
	@# The background worker (evidence packs: django-tasks' database queue) runs beside the
	@# server and stops with it.
	@$(DEV_ENV) $(PY) manage.py db_worker --no-reload & worker=$$!; \
	trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	$(DEV_ENV) $(PY) manage.py runserver 127.0.0.1:$(PORT)

# Throwaway keys unless they are set: sessions, and cases saved in this run, cannot be read
# after the server stops. Set both variables to keep them. Its own database (serve.sqlite3)
# unless DATABASE_URL is set: rows encrypted with `make run`'s development key cannot be read
# with another key.
serve: $(INSTALLED)
	@set -e; \
	if [ -z "$$DJANGO_SECRET_KEY" ]; then \
		DJANGO_SECRET_KEY="$$($(PY) -c 'import secrets; print(secrets.token_urlsafe(50))')"; \
		echo "DJANGO_SECRET_KEY is not set: using a throwaway key for this run only."; \
	fi; \
	if [ -z "$$DJANGO_FIELD_ENCRYPTION_KEYS" ]; then \
		DJANGO_FIELD_ENCRYPTION_KEYS="$$($(PY) -c \
			'import base64, os; print(base64.urlsafe_b64encode(os.urandom(32)).decode())')"; \
		echo "DJANGO_FIELD_ENCRYPTION_KEYS is not set: using a throwaway key for this run only."; \
	fi; \
	DATABASE_URL="$${DATABASE_URL:-sqlite:///$(CURDIR)/serve.sqlite3}"; \
	export DATABASE_URL DJANGO_SECRET_KEY DJANGO_FIELD_ENCRYPTION_KEYS $(SERVE_ENV); \
	$(PY) manage.py migrate --noinput; \
	$(PY) manage.py createcachetable; \
	$(PY) manage.py collectstatic --noinput; \
	echo "Serving the production configuration on http://127.0.0.1:$(PORT) (Ctrl-C stops it)."; \
	$(PY) manage.py db_worker --no-reload & worker=$$!; \
	trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	$(VENV)/bin/gunicorn --config ehcp_site/gunicorn_conf.py

test: $(INSTALLED)
	$(PY) -m pytest

lint: $(INSTALLED)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	DJANGO_DEBUG=true $(PY) manage.py makemigrations --check --dry-run
	# The pure rules (deadlines, calendar, wording, eligibility) are held to full branch coverage.
	$(PY) -m pytest tests/journeys/rules -q -p no:randomly --cov=journeys.rules --cov-branch \
		--cov-fail-under=100

# The PostgreSQL benchmarks (caseload, load test) run when DATABASE_URL points at PostgreSQL.
bench: $(INSTALLED)
	$(PY) bench/run.py
	$(PY) bench/deadlines.py
	$(PY) bench/provision.py
	$(PY) bench/server.py
	$(PY) bench/evidence_pack.py
	if [ -n "$$DATABASE_URL" ]; then $(PY) bench/dashboard.py && $(PY) bench/load.py; fi

clean:
	rm -rf $(VENV) .env db.sqlite3 serve.sqlite3 staticfiles .pytest_cache .hypothesis
