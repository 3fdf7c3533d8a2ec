# Kinerja — the two commands: `make run` and `make test`. Everything they need is installed here.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
PG_PORT ?= 5433

.PHONY: run test test-sqlite test-postgres test-browser lint install system-deps fonts messages clean bench-print bench bench-load

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[test]"
	touch $(STAMP)

install: $(STAMP)

# Debian packages the tests need: Chromium for the browser suite, PostgreSQL for the second database run.
system-deps: fonts
	@missing=""; \
	command -v chromium >/dev/null 2>&1 || missing="$$missing chromium"; \
	command -v pg_virtualenv >/dev/null 2>&1 || missing="$$missing postgresql postgresql-common"; \
	command -v pdftoppm >/dev/null 2>&1 || missing="$$missing poppler-utils"; \
	if [ -n "$$missing" ]; then \
	  echo "Installing Debian packages:$$missing"; \
	  SUDO=""; [ "$$(id -u)" -eq 0 ] || SUDO="sudo"; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing; \
	fi

# Fonts the printed documents use: Liberation (Arial-compatible) and TeX Gyre Bonum (Bookman-compatible).
fonts:
	@missing=""; \
	fc-list 2>/dev/null | grep -qi "Liberation Sans" || missing="$$missing fonts-liberation"; \
	fc-list 2>/dev/null | grep -qi "TeX Gyre Bonum" || missing="$$missing fonts-texgyre"; \
	if [ -n "$$missing" ]; then \
	  echo "Installing Debian packages:$$missing"; \
	  SUDO=""; [ "$$(id -u)" -eq 0 ] || SUDO="sudo"; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing; \
	fi

run: install fonts
	mkdir -p var
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py bootstrap
	$(BIN)/python manage.py runserver 127.0.0.1:8000

lint: install
	$(BIN)/ruff check .
	$(BIN)/lint-imports

test-sqlite: install fonts
	$(BIN)/pytest -q -m "not browser"

test-postgres: install system-deps
	pg_virtualenv -t -c "-p $(PG_PORT)" sh -c 'DATABASE_URL="postgres://$$PGUSER:$$PGPASSWORD@$$PGHOST:$$PGPORT/$$PGDATABASE" $(BIN)/pytest -q -m "not browser"'

test-browser: install system-deps
	DJANGO_ALLOW_ASYNC_UNSAFE=true $(BIN)/pytest -q -m browser

test: lint test-sqlite test-postgres test-browser
	@echo "make test: lint, SQLite, PostgreSQL and browser suites passed."

# Not part of `make test`: the time of printing documents against WeasyPrint alone (bench/README.md).
bench-print: install fonts
	mkdir -p var
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py bootstrap
	$(BIN)/python bench/print_documents.py

# Not part of `make test`: every page of bench/pages.py at 1 and at 40 generated agencies, on SQLite and on
# PostgreSQL (a throwaway cluster), written to bench/results/latest.json and the table of bench/README.md.
bench: install fonts system-deps
	$(BIN)/python bench/run.py --backend sqlite
	pg_virtualenv -t -c "-p $(PG_PORT)" sh -c 'DATABASE_URL="postgres://$$PGUSER:$$PGPASSWORD@$$PGHOST:$$PGPORT/$$PGDATABASE" $(BIN)/python bench/run.py --backend postgresql'
	$(BIN)/python bench/run.py --report

# Not part of `make test`: 50 simulated officials entering and submitting actuals at once against gunicorn on
# 127.0.0.1 with PostgreSQL (a throwaway cluster); fails when an actual is lost, duplicated or a request errs.
bench-load: install system-deps
	pg_virtualenv -t -c "-p $(PG_PORT)" sh -c 'DATABASE_URL="postgres://$$PGUSER:$$PGPASSWORD@$$PGHOST:$$PGPORT/$$PGDATABASE" $(BIN)/python bench/load.py'

messages: install
	$(BIN)/python manage.py makemessages -l id --no-obsolete --ignore "var/*" --ignore "data/*" --ignore "bench/*"
	cd kinerja && ../$(BIN)/django-admin compilemessages

clean:
	rm -rf $(VENV) var/*.sqlite3 var/static *.egg-info
