# The two set-up commands of the README: `make serve` and `make test`. Each creates .venv
# from requirements.lock on first use.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export NO_MKDOCS_2_WARNING := 1

.PHONY: install serve build test test-fast lint bench clean

install: $(STAMP)

$(STAMP): requirements.lock plugins/pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.lock
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e plugins
	touch $(STAMP)

serve: $(STAMP)  ## Preview both languages with live reload: vi at /, en at /en/
	$(BIN)/mkdocs serve -a 127.0.0.1:8000

build: $(STAMP)  ## Production build into site/ (replaced only when the build succeeds)
	$(BIN)/mkdocs build --strict

test: $(STAMP)  ## Every test: the core, whole-site builds, bad input, ProperDocs, a real Chromium
	$(BIN)/python -m pytest

test-fast: $(STAMP)  ## The core's unit tests only (seconds)
	$(BIN)/python -m pytest tests/unit

lint: $(STAMP)  ## ruff over the plugins, tests and benchmarks
	$(BIN)/ruff check plugins tests benchmarks

bench: $(STAMP)  ## Build-time benchmark: bilingual vs single-language Material
	$(BIN)/python benchmarks/build_speed.py

clean:
	rm -rf site .site.* .cache .pytest_cache
