# The party website. `make run` and `make test` are all a newcomer needs (see README.md).
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
MANAGE := DJANGO_DEBUG=$${DJANGO_DEBUG-1} $(PY) manage.py

.PHONY: run test setup admin lint format messages clean bench-join bench-pages lighthouse page-weight backup restore \
	stack-up stack-down stack-status stack-check bench-stack mutation

$(VENV)/.installed: requirements.txt requirements-dev.txt
	$(PYTHON) -c 'import sys; sys.exit("Python 3.11 or newer is needed") if sys.version_info < (3, 11) else None'
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip
	$(PIP) install --quiet -r requirements-dev.txt
	touch $@

setup: $(VENV)/.installed
	$(MANAGE) compiletranslations
	$(MANAGE) migrate --noinput
	$(MANAGE) load_party_content
	$(MANAGE) setup_roles

run: setup  ## Set everything up and serve the site at http://127.0.0.1:8000/
	$(MANAGE) runserver 127.0.0.1:8000

admin: setup  ## Create (or reset) a local superuser for the admin
	$(MANAGE) create_local_admin

test: $(VENV)/.installed  ## Run the whole suite (SQLite, or PostgreSQL when DATABASE_URL is set)
	$(MANAGE) compiletranslations
	$(VENV)/bin/pytest $(PYTEST_ARGS)

lint: $(VENV)/.installed
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: $(VENV)/.installed
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

messages: $(VENV)/.installed  ## Refresh the .po files after changing translatable text (needs gettext)
	$(MANAGE) makemessages -l ar -l ckb --no-obsolete --ignore=.venv --ignore=tests --ignore=scripts \
		--ignore=content --ignore=membership --ignore=feedback --ignore=staticfiles
	for app in content membership feedback; do \
		(cd $$app && DJANGO_DEBUG=1 ../$(PY) ../manage.py makemessages -l ar -l ckb --no-obsolete) || exit 1; \
	done

bench-join: $(VENV)/.installed  ## 1,000 applications from 20 clients to gunicorn + PostgreSQL (BENCH_ARGS=--help)
	$(PY) scripts/bench_join.py $(BENCH_ARGS)

stack-up: $(VENV)/.installed  ## The production shape on loopback: nginx :8080/:8443, 2 gunicorns, PostgreSQL, Redis, S3, mail
	$(PY) scripts/stack.py up

stack-down:  ## Stop what stack-up started, and nothing else
	python3 scripts/stack.py down

stack-status:
	python3 scripts/stack.py status

stack-check: $(VENV)/.installed  ## Prove the running stack works (PASS/FAIL/SKIP lines; exit code). CHECK_ARGS=--help
	$(PY) scripts/stack_check.py $(CHECK_ARGS)

bench-stack: $(VENV)/.installed  ## wrk through nginx: cached page vs static file, and 200 connections on the home page
	$(PY) scripts/bench_stack.py $(BENCH_ARGS)

bench-pages: $(VENV)/.installed  ## Public pages, cached and uncached, beside a static file: gunicorn + PostgreSQL + Redis (BENCH_ARGS=--help)
	command -v wrk >/dev/null || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk)
	$(PY) scripts/bench_pages.py $(BENCH_ARGS)

BASE_URL ?= http://127.0.0.1:8000
PATHS ?=

lighthouse:  ## Lighthouse, mobile on a slow network, per page (BASE_URL=..., PATHS="/ /news/", LIGHTHOUSE_ARGS=--runs 3); needs npm and Chromium
	$(PYTHON) scripts/lighthouse.py $(BASE_URL) $(PATHS) $(LIGHTHOUSE_ARGS)

page-weight: $(VENV)/.installed  ## First-visit bytes of the home page and a post (BASE_URL=...)
	$(PY) scripts/page_weight.py $(BASE_URL) $(PATHS)

# Backups: an archive of the database and the uploads, encrypted with BACKUP_KEY, into BACKUP_DIR.
# On a server, run them with the service's environment and DJANGO_DEBUG=0 (see README.md, "Backups").
backup:  ## Encrypted archive of the database and uploads into BACKUP_DIR (needs BACKUP_KEY)
	@test -n "$$BACKUP_KEY" || { echo "make backup: set BACKUP_KEY (the archive's encryption secret)" >&2; exit 2; }
	$(MANAGE) backup

restore:  ## Restore ARCHIVE=path into an empty database and storage (FORCE=1 replaces what is there)
	@test -n "$(ARCHIVE)" || { echo "usage: make restore ARCHIVE=path/to/party-backup-….tar.gz.enc" >&2; exit 2; }
	@test -n "$$BACKUP_KEY" || { echo "make restore: set BACKUP_KEY (the archive's encryption secret)" >&2; exit 2; }
	$(MANAGE) restore "$(ARCHIVE)" $(if $(FORCE),--force)

mutation: $(VENV)/.installed  ## Mutation testing of the core modules on SQLite (MODULE=party_site/phone.py for one)
	$(MANAGE) compiletranslations
	$(PY) scripts/mutation.py $(MODULE)

clean:
	rm -rf $(VENV) staticfiles .pytest_cache
