# Kinerja — the two commands: `make run` and `make test`. Everything they need is installed here.
# `make help` lists every target.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
PG_PORT ?= 5433
# Test workers (pytest-xdist): one per core by default. The distribution stays `load` (tests handed out in
# collection order): pytest-django puts the transactional tests last, and they must stay last on every worker —
# they empty the database and the seed is loaded again under new keys, which the rows `example_figures` remembers
# no longer match. `--dist worksteal` breaks that: a worker that finished its block, transactional tests included,
# takes tests of the other's queue that come before them (43 failures and errors, measured).
WORKERS ?= $(shell nproc 2>/dev/null || echo 2)
PYTEST := $(BIN)/pytest -q -n $(WORKERS)
# Python may keep its compiled modules (and pytest its rewritten test modules) in __pycache__ between runs: with
# PYTHONDONTWRITEBYTECODE set (some images do), every worker of every run compiles the whole project and its
# packages again, ≈5 s of CPU each.
unexport PYTHONDONTWRITEBYTECODE
PG_ENV := DATABASE_URL="postgres://$$PGUSER:$$PGPASSWORD@$$PGHOST:$$PGPORT/$$PGDATABASE"

.DEFAULT_GOAL := help
.PHONY: help run test test-chain test-fast test-sqlite test-postgres test-browser lint install run-deps system-deps fonts \
    messages clean bench-print bench bench-load bench-cluster screenshots

help: ## list the targets
	@awk 'BEGIN {FS = ":.*## "} /^[a-z-]+:.*## / {printf "  make %-14s %s\n", $$1, $$2}' $(MAKEFILE_LIST)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[test]"
	touch $(STAMP)

install: $(STAMP) ## create .venv and install the Python packages

# Debian packages, one list for every target (system-packages.txt): `run-deps` what serving and printing need,
# `system-deps` that and what the tests call (pdftotext, chromium, pg_virtualenv …). Installed only when missing.
run-deps: ## install the Debian packages serving and printing need, when missing
	@tools/system-deps run

system-deps: ## install every Debian package of system-packages.txt that is missing
	@tools/system-deps run test

# Kept for the habits that name it: the fonts are part of run-deps.
fonts: run-deps

run: install run-deps ## set up everything, load the built-in agency, serve http://127.0.0.1:8000
	mkdir -p var
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py bootstrap
	$(BIN)/python manage.py runserver 127.0.0.1:8000

lint: install ## ruff (check and format), djLint, mypy, the import-linter contracts and the migrations check
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/djlint kinerja/templates --lint
	$(BIN)/mypy
	$(BIN)/lint-imports
	$(BIN)/python manage.py makemigrations --check --dry-run --settings=config.settings.test

test-fast: install system-deps ## the inner loop: SQLite, in parallel, without the browser and the slow tests
	$(PYTEST) -m "not browser and not slow"

test-sqlite: install system-deps ## the whole suite on SQLite (browser tests apart)
	$(PYTEST) -m "not browser"

# The tests conftest.py marks `db_independent` (they cannot open the database: pytest-django blocks it) ran in the
# SQLite run and would run the same here: they are left out.
test-postgres: install system-deps ## the whole suite on a throwaway PostgreSQL cluster (pg_virtualenv)
	pg_virtualenv -t -c "-p $(PG_PORT)" sh -c '$(PG_ENV) $(PYTEST) -m "not browser and not db_independent"'

test-browser: install system-deps ## the browser suite: Playwright driving Debian's Chromium
	DJANGO_ALLOW_ASYNC_UNSAFE=true $(BIN)/pytest -q -m browser

# The browser suite is one pytest process waiting on Chromium most of the time: it runs beside the rest (lint, then
# the SQLite and the PostgreSQL suites, two workers each), which uses the cores it leaves. Each line's output is
# printed when that line ends.
test: install system-deps ## everything: lint, SQLite, PostgreSQL and the browser suite
	$(MAKE) --no-print-directory -j2 --output-sync=line test-browser test-chain
	@echo "make test: lint, SQLite, PostgreSQL and browser suites passed."

test-chain: install system-deps
	$(MAKE) --no-print-directory lint
	$(MAKE) --no-print-directory test-sqlite
	$(MAKE) --no-print-directory test-postgres

# Not part of `make test`: the time of printing documents against WeasyPrint alone (bench/README.md).
bench-print: install run-deps ## time printing the documents
	mkdir -p var
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py bootstrap
	$(BIN)/python bench/print_documents.py

# Not part of `make test`: every page of bench/pages.py at 1 and at 40 generated agencies, on SQLite and on
# PostgreSQL (a throwaway cluster), written to bench/results/latest.json and the table of bench/README.md.
bench: install system-deps ## query counts and time ratios of every page at 1 and 40 agencies
	$(BIN)/python bench/run.py --backend sqlite
	pg_virtualenv -t -c "-p $(PG_PORT)" sh -c '$(PG_ENV) $(BIN)/python bench/run.py --backend postgresql'
	$(BIN)/python bench/run.py --report

# Not part of `make test`: 50 simulated officials entering and submitting actuals at once against gunicorn on
# 127.0.0.1 with PostgreSQL (a throwaway cluster); fails when an actual is lost, duplicated or a request errs.
bench-load: install system-deps ## 50 officials entering at once against gunicorn and PostgreSQL
	pg_virtualenv -t -c "-p $(PG_PORT)" sh -c '$(PG_ENV) $(BIN)/python bench/load.py'

# Not part of `make test`: bench/cluster.py — on 127.0.0.1, a PostgreSQL primary and a streaming replica
# (pg_basebackup -R), PgBouncer in transaction mode and gunicorn with the read-replica router on; the load run of
# bench-load (LOAD_USERS officials, 50) through them, then each official's dashboard before and after the
# read-your-writes window. Prints requests/s, p95 and lost/duplicated actuals; writes bench/results/cluster-N.json.
# Needs Debian's pgbouncer (apt-get install pgbouncer): system-packages.txt has lines for `run` and `test` only.
bench-cluster: install system-deps ## primary, streaming replica, PgBouncer, gunicorn: 50 officials via the router
	$(BIN)/python bench/cluster.py

# Not part of `make test`: the main pages as each person sees them at 1366 and 390 px, on a throwaway database.
screenshots: install system-deps ## screenshots of the main pages per person into var/screenshots/, page widths
	$(BIN)/python tools/screenshots.py

messages: install ## extract and compile the Indonesian catalogue
	$(BIN)/python manage.py makemessages -l id --no-obsolete --ignore "var/*" --ignore "data/*" --ignore "bench/*"
	cd kinerja && ../$(BIN)/django-admin compilemessages

clean: ## remove .venv, the databases and collected files
	rm -rf $(VENV) var/*.sqlite3 var/static *.egg-info
