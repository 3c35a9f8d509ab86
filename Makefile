# The project's everyday commands. `make check test` is what CI runs (through .ci/run).
PYTHON ?= .venv/bin/python
BIN = $(dir $(PYTHON))

.PHONY: install check test run

install:  ## a virtual environment with the pinned packages
	test -x $(PYTHON) || python3 -m venv .venv
	$(PYTHON) -m pip install -r requirements.txt

check: export DEBUG = 1
check:  ## lint, format, types of the pure packages, import contracts, migrations in step with the models
	$(BIN)ruff check .
	$(BIN)ruff format --check .
	$(BIN)mypy
	$(BIN)lint-imports
	$(PYTHON) manage.py makemigrations --check --dry-run

test:  ## the whole suite (browser tests need Debian's chromium)
	$(PYTHON) -m pytest -n 2

run: export DEBUG = 1
run:  ## the app on SQLite with the bundled sample articles, at http://127.0.0.1:8000 (debug mode)
	$(PYTHON) manage.py migrate
	$(PYTHON) manage.py collectstatic --noinput -v0
	$(PYTHON) manage.py ingest sources/samples --manifest sources/samples/manifest.csv
	$(PYTHON) manage.py cluster_quotes
	@echo "Verbatim: http://127.0.0.1:8000/  admin: http://127.0.0.1:8000/admin/ (make an account with $(PYTHON) manage.py createsuperuser)"
	$(PYTHON) manage.py runserver 127.0.0.1:8000
