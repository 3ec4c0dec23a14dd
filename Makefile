# Kennisstad: `make run` serves the demo, `make test` runs the whole suite (both install first).
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
KENNISSTAD := $(BIN)/kennisstad
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: setup run test test-postgres lint format schema schema-check migrations-check messages bench clean

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

test: setup
	$(BIN)/pytest -n 2 --dist loadfile

test-postgres: setup
	DATABASE_URL=$${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/kennisstad} $(BIN)/pytest -n 2 --dist loadfile

lint: setup
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

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
	rm -rf $(VENV) node_modules staticfiles .pytest_cache .ruff_cache
