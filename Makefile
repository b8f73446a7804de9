# Return to Run: every step of setup is a file target, so a second run only
# redoes what changed. The two commands a new user needs:
#   make serve   build the site and serve it at http://127.0.0.1:8000
#   make test    run every test, browser tests included

SHELL := /bin/bash
.DEFAULT_GOAL := help

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PYTEST_ARGS ?=
export NO_MKDOCS_2_WARNING := 1

VENDOR := docs/assets/vendor/pyodide
RUNTIME_FILES := pyodide.mjs pyodide.asm.mjs pyodide.asm.wasm pyodide-lock.json
RUNTIME := $(addprefix $(VENDOR)/,$(RUNTIME_FILES)) $(VENDOR)/python_stdlib.pyc.zip
APP_ZIP := docs/assets/py/calculators.zip
CALCULATOR_SOURCES := $(shell find calculators -name '*.py' -not -path '*/__pycache__/*')
SITE_SOURCES := mkdocs.yml $(shell find docs overrides includes calculator_embed -type f -not -path 'docs/assets/vendor/*' -not -path 'docs/assets/py/*' -not -path '*/__pycache__/*')

.PHONY: help setup serve preview site test test-fast bench chromium clean

help:
	@echo "make serve    build the site and serve it at http://127.0.0.1:8000"
	@echo "make test     run every test (unit, build and browser)"
	@echo "make bench    print performance figures (and write build/bench.json)"
	@echo "make preview  live-reloading preview for writers (mkdocs serve)"
	@echo "make clean    remove everything generated"

# --- setup ---------------------------------------------------------------
$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e . --group test
	@touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --omit=dev
	@touch $@

# Lighthouse (a dev dependency) is only for `make bench`.
node_modules/.installed-dev: package.json package-lock.json
	npm ci --no-audit --no-fund
	@touch $@ node_modules/.installed

setup: $(VENV)/.installed node_modules/.installed

# The Python runtime is copied from the pinned npm package, never committed
# and never fetched from a CDN.
$(VENDOR)/%: node_modules/.installed
	@mkdir -p $(VENDOR)
	cp node_modules/pyodide/$* $@

$(VENDOR)/python_stdlib.pyc.zip: node_modules/.installed tools/build-pyc.mjs tools/stdlib-exclude.txt
	@mkdir -p $(VENDOR)
	node tools/build-pyc.mjs --stdlib $@

# mkdocs.yml too: a clinic's settings (extra.clinic) go into the bundle.
build/calculators-src.zip: $(CALCULATOR_SOURCES) tools/bundle_calculators.py sitebuild/config.py mkdocs.yml $(VENV)/.installed
	$(PY) tools/bundle_calculators.py $@ --config mkdocs.yml

$(APP_ZIP): build/calculators-src.zip node_modules/.installed tools/build-pyc.mjs
	@mkdir -p $(dir $@)
	node tools/build-pyc.mjs $< $@

# The browser's copy of the calculators' contract (field ids, message types),
# generated from their declarations and never committed.
CONTRACT := docs/assets/js/contract.js
$(CONTRACT): $(CALCULATOR_SOURCES) calculator_embed/manifest.py $(VENV)/.installed
	$(PY) -m calculator_embed.manifest $@

# --- build and serve -----------------------------------------------------
site/.built: $(VENV)/.installed $(RUNTIME) $(APP_ZIP) $(CONTRACT) $(SITE_SOURCES) tools/finish_site.py sitebuild/finish.py
	$(PY) -m mkdocs build --strict --clean --quiet
	$(PY) tools/finish_site.py site
	@touch $@

site: site/.built

serve: site
	@echo "Serving the built site at http://127.0.0.1:8000/ (Ctrl+C to stop)"
	$(PY) -m http.server 8000 --bind 127.0.0.1 --directory site

preview: $(VENV)/.installed $(RUNTIME) $(APP_ZIP) $(CONTRACT)
	$(PY) -m mkdocs serve --dev-addr 127.0.0.1:8000

# --- checks --------------------------------------------------------------
chromium:
	@bash tools/ensure-chromium.sh

test: site chromium
	$(PY) -m pytest -n 2 $(PYTEST_ARGS); status=$$?; \
	  if [ $$status -eq 5 ]; then echo "pytest collected no tests: that is a failure"; fi; \
	  exit $$status

# Native tests only: no build, no browser (so none of tests/site either).
test-fast: $(VENV)/.installed
	$(PY) -m pytest -m "not browser and not site" $(PYTEST_ARGS)

bench: site chromium node_modules/.installed-dev
	$(PY) tools/bench.py

clean:
	rm -rf site build docs/assets/vendor docs/assets/py $(CONTRACT) .pytest_cache .hypothesis
