# The two set-up commands of the README: `make serve` and `make test`. Each creates .venv
# from requirements.lock on first use.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export NO_MKDOCS_2_WARNING := 1

TOOLS := tools/node_modules/.installed

.PHONY: install tools edit serve build test test-fast lint audit check bench bench-images bench-load clean

install: $(STAMP) $(TOOLS)

$(STAMP): requirements.lock plugins/pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.lock
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e plugins
	touch $(STAMP)

$(TOOLS): tools/package.json tools/package-lock.json  ## axe-core, the Nu HTML Checker, Lighthouse
	@bash tools/system_deps.sh node
	npm ci --prefix tools --no-audit --no-fund --silent
	touch $(TOOLS)

tools: $(TOOLS)  ## Node tools, among them the browser editor at /admin/ (Decap CMS), which every build copies

serve: $(STAMP) $(TOOLS)  ## Preview both languages with live reload: vi at /, en at /en/ (a save redoes what it reaches)
	@bash tools/system_deps.sh fonts
	$(BIN)/mkdocs serve --dirty -a 127.0.0.1:8000

# The editor's local proxy (decap-server, pinned) writes this checkout; it listens on 127.0.0.1 only.
edit: $(STAMP) $(TOOLS)  ## Edit in the browser at http://127.0.0.1:8000/admin/ (Ctrl-C stops the proxy and the preview)
	@bash tools/system_deps.sh fonts
	@trap 'kill 0' INT TERM EXIT; \
	BIND_HOST=127.0.0.1 PORT=8081 GIT_REPO_DIRECTORY="$(CURDIR)" tools/node_modules/.bin/decap-server & \
	$(BIN)/mkdocs serve --dirty -a 127.0.0.1:8000

build: $(STAMP) $(TOOLS)  ## Production build into site/ (replaced only when the build succeeds)
	@bash tools/system_deps.sh fonts
	$(BIN)/mkdocs build --strict

test: system-deps $(STAMP) $(TOOLS)  ## Every test: core, whole-site builds, bad input, ProperDocs, Chromium, validators
	DIENBIEN_TEST_ARTIFACTS=test-artifacts $(BIN)/python -m pytest -n auto

test-fast: $(STAMP)  ## The core's unit tests only (seconds)
	$(BIN)/python -m pytest tests/unit

lint: $(STAMP)  ## ruff over the plugins, tests, tools and benchmarks
	$(BIN)/ruff check plugins tests tools benchmarks

check: $(STAMP)  ## Editor's report: what the build refuses first (its own rules, then a build), then reviews; a summary
	$(BIN)/python tools/check.py

audit: build  ## Page-weight budgets and Lighthouse (mobile) on the production build
	@$(MAKE) --no-print-directory audit-site

audit-site: $(STAMP) $(TOOLS)  ## The same on the site/ already built
	$(BIN)/python tools/audit.py $(AUDIT_FLAGS)

.PHONY: audit-site system-deps ci bench-serve

system-deps:  ## Chromium, Noto fonts, Java, Node.js: installed from Debian when missing (root or sudo)
	@bash tools/system_deps.sh

ci:  ## What CI runs, here and on GitHub: lint, test, build, audit (tools/ci.sh)
	bash tools/ci.sh

bench: $(STAMP)  ## Build-time benchmark: bilingual (cold and warm cache) vs plain Material, 1,000 and 2,000 pages
	$(BIN)/python benchmarks/build_speed.py

bench-images: $(STAMP)  ## Photo variants and social cards: time and bytes, cold vs warm, 1 vs all cores
	$(BIN)/python benchmarks/images.py

bench-load: build  ## Main-thread work while a page loads on a phone: Material's script at load vs at first move
	$(BIN)/python benchmarks/page_load.py

bench-serve: $(STAMP)  ## The editing loop: seconds from saving a page to `make serve` showing it (500 pages)
	$(BIN)/python benchmarks/serve_reload.py

clean:
	rm -rf site .site.* .cache .pytest_cache test-artifacts
