# factcheck — the two commands of the README, plus the benchmarks and the database backups.
#   make run    everything from nothing: venv, install, .env, migrate, demo accounts, worker + web,
#               the seed article (HOST and PORT choose the address: make run PORT=8001)
#   make test   the test suite (PostgreSQL + Redis when DATABASE_URL / REDIS_URL are set)
#   make bench  the benchmarks (on PostgreSQL also the 1k/100k scale run and the HTTP load run)
#   make lint   ruff (lint and format) and mypy on claims/, workers/ and factcheck/
#   make chaos  kill the worker, stop Redis 30 s, restart PostgreSQL during a batch (private
#               servers on spare ports): prints what was lost and duplicated, and the recovery
#   make eval   CT24, PolNeAR, paste-fixture and throughput figures (python -m evaluation)
#   make train-scorer   retrain workers/extract/checkworthiness.json from CT24 train + dev
#   make backup / make restore FILE=…   pg_dump / pg_restore of DATABASE_URL (scripts/db.sh)
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
export HOST ?= 127.0.0.1
export PORT ?= 8000
# While `make run` serves, this file (its target) exists; on SIGINT or SIGTERM make deletes an
# interrupted recipe's target, which is how the service hears that make alone was signalled.
RUN_MARK := $(or $(FACTCHECK_VAR_DIR),var)/make-run.serving

.PHONY: install run test bench chaos eval train-scorer lint format smoke backup restore clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

# The embedded default: SQLite and the filesystem broker under var/, a real Celery worker (with
# beat inside it) and the development web server (scripts/devserver.py). Ctrl-C stops both.
run: $(RUN_MARK)

$(RUN_MARK): install
	@exec $(BIN)/python scripts/devserver.py --mark $@

# Side by side: one pytest-xdist worker per core (TEST_WORKERS=0: one process). Each worker has its
# own test database, Redis database and var/ (factcheck/settings_test.py, tests/conftest.py).
TEST_WORKERS ?= auto
test: install
	$(BIN)/pytest -n $(TEST_WORKERS) --dist loadgroup --durations=20

# With DATABASE_URL on PostgreSQL, also the scale benchmark (1k and 100k claims, built once in
# <name>_1k and <name>_100k) and the HTTP load run against gunicorn on 127.0.0.1.
bench: install
	$(BIN)/pytest benchmarks -p no:cacheprovider --benchmark-enable --benchmark-only --benchmark-columns=min,median,mean,max,rounds --benchmark-sort=name
	$(BIN)/python -m benchmarks.scale
	$(BIN)/python -m benchmarks.load

chaos: install
	$(BIN)/python scripts/chaos.py

eval: install
	$(BIN)/python -m evaluation

train-scorer: install
	$(BIN)/python -m pip install --quiet -e '.[dev,train]'
	$(BIN)/python -m evaluation.train_scorer

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	DJANGO_DEBUG=1 $(BIN)/mypy

format: install
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

# One end-to-end run of the embedded default in a fresh var/ (what CI runs after the tests).
smoke: install
	$(BIN)/python scripts/smoke.py

# PostgreSQL only (DATABASE_URL); under docker compose: the db-tools service (README).
backup:
	scripts/db.sh backup $(FILE)

restore:
	scripts/db.sh restore $(FILE)

clean:
	rm -rf var/ $(VENV)
