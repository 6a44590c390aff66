# The two set-up commands in the README: `make run` and `make test`.
# Everything installs into .venv; nothing is installed system-wide except by .ci/run.

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
INSTALLED := $(VENV)/.installed
# Development settings for `make run`: a local secret and host names are filled in.
DEV_ENV := DJANGO_DEBUG=true

.PHONY: run test install lint bench clean

$(INSTALLED): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet '.[test]'
	touch $(INSTALLED)

install: $(INSTALLED)

run: $(INSTALLED)
	$(DEV_ENV) $(PY) manage.py migrate --noinput
	$(DEV_ENV) $(PY) manage.py load_demo_data
	$(DEV_ENV) $(PY) manage.py runserver 127.0.0.1:8000

test: $(INSTALLED)
	$(PY) -m pytest

lint: $(INSTALLED)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	DJANGO_DEBUG=true $(PY) manage.py makemigrations --check --dry-run
	# The pure rules (deadlines, calendar, wording, eligibility) are held to full branch coverage.
	$(PY) -m pytest tests/journeys/rules -q -p no:randomly --cov=journeys.rules --cov-branch \
		--cov-fail-under=100

bench: $(INSTALLED)
	$(PY) bench/run.py
	$(PY) bench/deadlines.py

clean:
	rm -rf $(VENV) db.sqlite3 staticfiles .pytest_cache .hypothesis
