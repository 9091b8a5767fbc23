# The two set-up commands of the README: `make serve` and `make test`. Each creates .venv
# from requirements.lock on first use.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export NO_MKDOCS_2_WARNING := 1

TOOLS := tools/node_modules/.installed

.PHONY: install serve build test test-fast lint audit check bench bench-images bench-load clean

install: $(STAMP) $(TOOLS)

$(STAMP): requirements.lock plugins/pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.lock
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e plugins
	touch $(STAMP)

$(TOOLS): tools/package.json tools/package-lock.json  ## axe-core, the Nu HTML Checker, Lighthouse
	npm ci --prefix tools --no-audit --no-fund --silent
	touch $(TOOLS)

serve: $(STAMP)  ## Preview both languages with live reload: vi at /, en at /en/
	$(BIN)/mkdocs serve -a 127.0.0.1:8000

build: $(STAMP)  ## Production build into site/ (replaced only when the build succeeds)
	$(BIN)/mkdocs build --strict

test: $(STAMP) $(TOOLS)  ## Every test: core, whole-site builds, bad input, ProperDocs, Chromium, validators
	$(BIN)/python -m pytest

test-fast: $(STAMP)  ## The core's unit tests only (seconds)
	$(BIN)/python -m pytest tests/unit

lint: $(STAMP)  ## ruff over the plugins, tests, tools and benchmarks
	$(BIN)/ruff check plugins tests tools benchmarks

check: $(STAMP)  ## Editor's report: missing or stale translations, old figures, images without alt
	$(BIN)/python tools/check.py

audit: build $(TOOLS)  ## Page-weight budgets and Lighthouse (mobile) on the production build
	$(BIN)/python tools/audit.py $(AUDIT_FLAGS)

bench: $(STAMP)  ## Build-time benchmark: bilingual vs single-language Material
	$(BIN)/python benchmarks/build_speed.py

bench-images: $(STAMP)  ## Photo variants and social cards: time and bytes, cold vs warm, 1 vs all cores
	$(BIN)/python benchmarks/images.py

bench-load: build  ## Main-thread work while a page loads on a phone: Material's script at load vs at first move
	$(BIN)/python benchmarks/page_load.py

clean:
	rm -rf site .site.* .cache .pytest_cache test-artifacts
