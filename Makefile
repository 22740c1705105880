# The two commands of the README: `make run` and `make test`. Both set up what they need.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
HOST ?= 127.0.0.1
PORT ?= 8000
# The address certificates' QR codes and e-mails point to: by default the one `make run` serves.
SITE_URL ?= http://$(HOST):$(PORT)

.PHONY: run test install lock setup fixtures messages lint bench bench-data clean

# requirements.lock pins every package (runtime, the [test] extra and the build backend) with its hashes;
# pyproject.toml keeps the ranges. The project itself is installed editable, without dependencies, by the
# locked setuptools (no build isolation, so nothing unpinned is fetched).
$(VENV)/.installed: requirements.lock pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --require-hashes -r requirements.lock
	$(PIP) install --quiet --no-deps --no-build-isolation -e .
	touch $@

install: $(VENV)/.installed

# Refresh requirements.lock after changing the ranges in pyproject.toml: keeps the versions already locked
# where the ranges allow them and resolves only what changed; `make lock UPGRADE=1` moves everything to the
# newest versions the ranges allow. For Python 3.11 on Linux x86_64 (the hashes cover every file of each
# release). uv resolves in seconds; it is installed into the venv at the version below.
UV_VERSION ?= 0.13.9
UV := $(VENV)/bin/uv

$(UV):
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet uv==$(UV_VERSION)

lock: $(UV)
	$(PY) -c 'import tomllib; print(*tomllib.load(open("pyproject.toml", "rb"))["build-system"]["requires"], sep="\n")' \
		| $(UV) pip compile --quiet pyproject.toml - --extra test --generate-hashes \
			--python-version 3.11 --python-platform x86_64-unknown-linux-gnu \
			$(if $(UPGRADE),--upgrade) --custom-compile-command "make lock" -o requirements.lock

setup: install
	$(PY) manage.py migrate --noinput
	$(PY) manage.py createcachetable
	SITE_URL=$(SITE_URL) $(PY) manage.py load_demo
	$(PY) manage.py make_signing_key

run: setup
	@echo ""
	@echo "  Demo: http://$(HOST):$(PORT)/"
	@echo "  Logins (password: demo):"
	@echo "    mitarbeiterin  programme staff"
	@echo "    anleitung      placement supervisor (Praxisanleitung)"
	@echo "    teilnehmerin   participant (Nguyễn Thị Lan)"
	@echo "    jobcenter      funder, read-only (Kreisjobcenter Coesfeld)"
	@echo "    admin          administrator (Django admin at /admin/)"
	@echo ""
	SITE_URL=$(SITE_URL) $(PY) manage.py enqueue_daily
	@# The task worker (e-mails, digests, prepared downloads) runs beside the web server and stops with it.
	SITE_URL=$(SITE_URL) $(PY) manage.py db_worker --no-reload & worker=$$!; trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
		SITE_URL=$(SITE_URL) $(PY) manage.py runserver $(HOST):$(PORT)

# The suite on every core (pytest-xdist); the browser tests stay together in one worker (tests/e2e/conftest.py).
# `make test TEST_WORKERS=0` runs it in one process.
TEST_WORKERS ?= auto

test: install
	$(PY) manage.py makemigrations --check --dry-run
	$(PY) -m pytest -n $(TEST_WORKERS) --dist loadgroup

lint: install
	$(VENV)/bin/ruff check .

# Rebuild fixtures/demo.json through the services on a scratch database; demo.meta.json keeps the build day,
# from which `make run` moves every date to the week it loads the demo in (demo/loading.py).
fixtures: install
	rm -f /tmp/demo-fixture.sqlite3
	DATABASE_URL=sqlite:////tmp/demo-fixture.sqlite3 $(PY) manage.py migrate --noinput -v0
	DATABASE_URL=sqlite:////tmp/demo-fixture.sqlite3 SITE_URL=http://127.0.0.1:8000 $(PY) manage.py build_demo \
		--meta fixtures/demo.meta.json
	DATABASE_URL=sqlite:////tmp/demo-fixture.sqlite3 $(PY) manage.py dumpdata --indent 1 \
		--exclude contenttypes --exclude auth.permission --exclude sessions --exclude admin.logentry --exclude django_tasks_database \
		-o fixtures/demo.json
	rm -f /tmp/demo-fixture.sqlite3

# Extract and compile the German translations (needs GNU gettext; the compiled .mo is committed).
messages: install
	$(PY) manage.py makemessages -l de --ignore '.venv/*' --ignore 'staticfiles/*' --no-obsolete
	$(PY) manage.py compilemessages -l de --ignore '.venv/*'

# Benchmarks (docs/benchmarks.md). `make bench-data` builds the large dataset once (minutes), `make bench`
# prints the figures; BENCH_DATABASE_URL chooses the database (a PostgreSQL URL for the production figures).
BENCH_DATABASE_URL ?= sqlite:////tmp/scale.sqlite3

bench-data: install
	DATABASE_URL=$(BENCH_DATABASE_URL) $(PY) manage.py migrate --noinput -v0
	DATABASE_URL=$(BENCH_DATABASE_URL) $(PY) manage.py createcachetable
	DATABASE_URL=$(BENCH_DATABASE_URL) $(PY) manage.py generate_scale_data --scale 1 --seed 2022

bench: install
	$(PY) bench/certificate_pdf.py
	$(PY) bench/import_participants.py
	DATABASE_URL=$(BENCH_DATABASE_URL) $(PY) bench/pages.py --repeat 50 --tails
	DATABASE_URL=$(BENCH_DATABASE_URL) $(PY) bench/gunicorn_load.py

clean:
	rm -rf $(VENV) staticfiles db.sqlite3
