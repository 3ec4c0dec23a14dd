# Kennisstad: `make run` serves the demo, `make test` runs the whole suite (both install first).
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
KENNISSTAD := $(BIN)/kennisstad
CHROMIUM ?= /usr/bin/chromium
# Playwright drives Debian's Chromium; it must never fetch a browser build of its own.
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD := 1
HOST ?= 127.0.0.1
PORT ?= 8000

# Background work (make worker, make beat): production settings unless DJANGO_SETTINGS_MODULE says
# otherwise; the broker is CELERY_BROKER_URL or REDIS_URL.
WORKER_SETTINGS ?= $${DJANGO_SETTINGS_MODULE:-kennisstad.conf.production}
CELERY := DJANGO_SETTINGS_MODULE=$(WORKER_SETTINGS) $(BIN)/celery -A kennisstad

.PHONY: setup run serve worker beat test test-postgres test-production test-api browser-deps test-browser screenshots lint typecheck format schema schema-check migrations-check messages bench clean

setup: $(VENV)/.installed node_modules/.installed

$(VENV)/.installed: pyproject.toml constraints.txt
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || { echo "Python 3.11+ is required"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check --upgrade pip
	$(BIN)/pip install --quiet --disable-pip-version-check -c constraints.txt -e '.[dev]'
	@touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	@touch $@

run: setup
	$(KENNISSTAD) migrate --noinput
	$(KENNISSTAD) demo
	$(KENNISSTAD) runserver $(HOST):$(PORT)

# Production: migrate, collect the static files, then gunicorn with the production settings
# (src/kennisstad/conf/gunicorn.py: BIND, WEB_CONCURRENCY, ...). Needs SECRET_KEY; on plain http
# on your own machine: SECRET_KEY=dev-only SESSION_COOKIE_SECURE=false CSRF_COOKIE_SECURE=false
# make serve (docs/operations/deployment.md).
serve: export DJANGO_SETTINGS_MODULE := kennisstad.conf.production
serve: setup
	@[ -n "$$SECRET_KEY" ] || { echo "make serve needs SECRET_KEY (see docs/operations/deployment.md)"; exit 1; }
	$(KENNISSTAD) migrate --noinput
	$(KENNISSTAD) collectstatic --noinput --verbosity 0
	exec $(BIN)/gunicorn --config python:kennisstad.conf.gunicorn kennisstad.wsgi
# The Celery worker: runs queued tasks (mails, feed syncs, the scheduled jobs). Needs a broker
# (CELERY_BROKER_URL or REDIS_URL). WORKER_CONCURRENCY processes (default: one per core);
# WITH_BEAT=1 also runs the scheduler inside it, for a single-server installation only.
worker: setup
	@if [ -z "$${CELERY_BROKER_URL:-$$REDIS_URL}" ]; then \
	  echo "make worker needs a broker: set CELERY_BROKER_URL or REDIS_URL (redis://...)"; exit 1; fi
	$(CELERY) worker --loglevel $${LOG_LEVEL:-INFO} \
	  $${WORKER_CONCURRENCY:+--concurrency $$WORKER_CONCURRENCY} $(if $(WITH_BEAT),--beat)

# The scheduler (celery beat): sends the scheduled jobs (CELERY_BEAT_SCHEDULE) to the queue.
# Exactly one per installation, however many workers and app servers run.
beat: setup
	@if [ -z "$${CELERY_BROKER_URL:-$$REDIS_URL}" ]; then \
	  echo "make beat needs a broker: set CELERY_BROKER_URL or REDIS_URL (redis://...)"; exit 1; fi
	$(CELERY) beat --loglevel $${LOG_LEVEL:-INFO}

test: setup
	$(BIN)/pytest -n 2 --dist worksteal

test-postgres: setup
	DATABASE_URL=$${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/kennisstad} $(BIN)/pytest -n 2 --dist worksteal

# What needs real servers: an OpenID provider (node), Redis, a Celery worker, two app servers on
# one PostgreSQL, backups during writes. PostgreSQL and Redis from the environment (.ci/run).
test-production: setup
	DATABASE_URL=$${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/kennisstad} \
	  REDIS_URL=$${REDIS_URL:-redis://127.0.0.1:6379/15} \
	  $(BIN)/pytest -m production -p no:xdist -p no:cacheprovider src/kennisstad

# The API against its committed OpenAPI schema (schemathesis, fixed seed, a few thousand cases).
test-api: setup
	$(BIN)/pytest -m schemathesis -rP src/kennisstad/tests/test_api_schemathesis.py

# Chromium from Debian's packages when missing (as root, or with passwordless sudo).
browser-deps: setup
	@if [ ! -x "$(CHROMIUM)" ]; then \
	  if [ "$$(id -u)" = 0 ]; then sudo=""; \
	  elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then sudo="sudo"; \
	  else echo "No $(CHROMIUM): install Debian's chromium package (apt-get install chromium)"; exit 1; fi; \
	  $$sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$sudo apt-get install -y -qq chromium >/dev/null; \
	fi
	@$(CHROMIUM) --version

# The browser suite (live server, axe-core on every page, journey, keyboard); not in `make test`.
# Two processes, each with its own live server and Chromium: the role walks spread over both cores.
test-browser: browser-deps
	KENNISSTAD_CHROMIUM=$(CHROMIUM) $(BIN)/pytest -m browser -n 2 --dist load src/kennisstad/tests/browser

# Screenshots of the main pages for the README, taken by the browser suite.
screenshots: browser-deps
	KENNISSTAD_CHROMIUM=$(CHROMIUM) KENNISSTAD_SCREENSHOTS=$(CURDIR)/docs/screenshots \
	  $(BIN)/pytest -m browser src/kennisstad/tests/browser/test_screenshots.py

lint: setup
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

# mypy (django-stubs) on every app's services and selectors and the importers: [tool.mypy] in pyproject.toml.
typecheck: setup
	$(BIN)/mypy

format: setup
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

schema: setup
	$(KENNISSTAD) spectacular --lang en --file src/kennisstad/openapi.yaml --validate --fail-on-warn

schema-check: setup
	$(KENNISSTAD) spectacular --lang en --file /tmp/kennisstad-openapi.yaml --validate --fail-on-warn
	diff -u src/kennisstad/openapi.yaml /tmp/kennisstad-openapi.yaml

migrations-check: setup
	$(KENNISSTAD) makemigrations --check --dry-run

messages: setup
	cd src/kennisstad && ../../$(KENNISSTAD) makemessages --locale nl --locale en --ignore 'tests/*' --no-obsolete
	cd src/kennisstad && ../../$(KENNISSTAD) compilemessages

bench: setup
	$(BIN)/pip install --quiet --disable-pip-version-check -c constraints.txt -e '.[dev,bench]'
	@for script in bench/bench_*.py; do echo "== $$script"; $(BIN)/python $$script || exit 1; done

clean:
	rm -rf $(VENV) node_modules staticfiles .pytest_cache .ruff_cache .mypy_cache
