# Two commands do all the set-up on a fresh machine: `make run` and `make test`.
SHELL := /bin/bash
.DEFAULT_GOAL := run

export RASA_TELEMETRY_ENABLED := false
export TF_CPP_MIN_LOG_LEVEL := 2

VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
MODEL = $(shell $(BIN)/navigator model-path)
export TEST_DATABASE_URL ?= postgresql://postgres@127.0.0.1:5432/test

.PHONY: run test test-unit bootstrap deps postgres chromium haproxy lint screenshot bench-chat bench-directory \
	cluster bench-cluster clean

$(STAMP): requirements.lock pyproject.toml
	@set -e; py=$$(scripts/find-python310); \
	if ! $(BIN)/python -c 'import sys; assert sys.version_info[:2] == (3, 10)' 2>/dev/null; then \
	  echo "creating $(VENV) with $$py"; rm -rf $(VENV); "$$py" -m venv $(VENV); \
	fi
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps -e .
	$(BIN)/python -m pip check
	@touch $@

deps: $(STAMP)

bootstrap: deps
	$(BIN)/navigator bootstrap

run: bootstrap
	exec $(BIN)/navigator run --skip-bootstrap

postgres: deps
	VENV_PYTHON=$(BIN)/python scripts/ensure-postgres

chromium:
	scripts/ensure-chromium

haproxy:
	scripts/ensure-haproxy

# Two app processes behind HAProxy on loopback, sharing PostgreSQL and Redis
# (docs/deployment.md). PORT (8000) is the balancer's; the apps take the next ports.
CLUSTER_PROCESSES ?= 2
cluster bench-cluster: export TRACKER_STORE_URL ?= postgresql://postgres@127.0.0.1:5432/navigator_tracker
cluster bench-cluster: export LOCK_STORE_URL ?= redis://127.0.0.1:6379/0

cluster: bootstrap haproxy postgres
	exec $(BIN)/navigator cluster --processes $(CLUSTER_PROCESSES)

bench-cluster: bootstrap haproxy postgres
	$(BIN)/python -m bench.cluster_load

lint: deps
	$(BIN)/ruff check bot actions api tests bench
	$(BIN)/ruff format --check bot actions api tests bench
	$(BIN)/mypy bot actions api

test: bootstrap postgres chromium haproxy lint
	$(BIN)/navigator validate-data
	$(BIN)/pytest
	$(BIN)/navigator evaluate-nlu
	$(BIN)/navigator rasa test core --model $(MODEL) --stories tests/stories --fail-on-prediction-errors --out results/core

# The tests that need no trained model, database server, browser or server (tests/unit/,
# which mirrors bot/ and actions/; transactions are checked on a throw-away SQLite file);
# `make test` runs them too.
test-unit: deps
	$(BIN)/pytest -q tests/unit

# The chat page on a phone-sized screen, for the README.
screenshot: bootstrap chromium
	SCREENSHOT_DIR=docs $(BIN)/pytest -q tests/browser/test_web_page.py -k phone

bench-chat: bootstrap
	$(BIN)/python -m bench.chat_load

bench-directory: deps
	$(BIN)/python -m bench.directory_load

clean:
	rm -rf var build models results .rasa
