# factcheck — the two commands of the README, plus the benchmarks.
#   make run    everything from nothing: venv, install, migrate, demo editor, seeds, worker + web
#   make test   the test suite (PostgreSQL + Redis when DATABASE_URL / REDIS_URL are set)
#   make bench  the benchmarks
#   make eval   CT24, PolNeAR, paste-fixture and throughput figures (python -m evaluation)
#   make train-scorer   retrain workers/extraction/checkworthiness.json from CT24 train + dev
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
HOST ?= 127.0.0.1
PORT ?= 8000
export DJANGO_DEBUG ?= 1

.PHONY: install run test bench eval train-scorer lint format migrate smoke clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

migrate: install
	$(BIN)/python manage.py migrate --noinput

# The embedded default: SQLite and the filesystem broker under var/, a real Celery worker (with
# beat inside it) and the development web server. Ctrl-C stops both.
run: migrate
	$(BIN)/python manage.py demo_user
	$(BIN)/python manage.py load_seeds
	@echo "Starting the worker and http://$(HOST):$(PORT)/admin/ (Ctrl-C stops both)"
	@BIN=$(BIN) HOST=$(HOST) PORT=$(PORT) scripts/devserver.sh

test: install
	$(BIN)/pytest

bench: install
	$(BIN)/pytest benchmarks -p no:cacheprovider --benchmark-enable --benchmark-only --benchmark-columns=min,median,mean,max,rounds --benchmark-sort=name

eval: install
	$(BIN)/python -m evaluation

train-scorer: install
	$(BIN)/python -m pip install --quiet -e '.[dev,train]'
	$(BIN)/python -m evaluation.train_scorer

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

# One end-to-end run of the embedded default in a fresh var/ (what CI runs after the tests).
smoke: install
	$(BIN)/python scripts/smoke.py

clean:
	rm -rf var/ $(VENV)
