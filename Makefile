# Sozialplanung - set-up, demo, tests, packaging. Everything runs with Debian's QGIS Python.
SHELL := /bin/bash
PY_ENV := PYTHONNOUSERSITE=1 QT_QPA_PLATFORM=offscreen
PY := $(PY_ENV) /usr/bin/python3
QGIS_PROCESS := /usr/bin/qgis_process.bin
PLUGIN := sozialplanung_plugin
VERSION := $(shell sed -n 's/^version=//p' $(PLUGIN)/metadata.txt)
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
PROFILE ?= default
PROFILE_DIR ?= $(HOME)/.local/share/QGIS/QGIS3/profiles/$(PROFILE)

# Debian packages the plugin, its tests, demo and benchmarks need (QGIS 3.22 LTR from Debian 12).
APT_PACKAGES := qgis python3-qgis qgis-providers python3-pandas python3-geopandas python3-scipy \
	python3-openpyxl python3-pytest python3-pytestqt poppler-utils xvfb python3-yaml python3-matplotlib \
	python3-psycopg2 postgresql-15 postgresql-15-postgis-3 qttools5-dev-tools python3-sklearn python3-venv \
	fonts-dejavu-core python3-pyflakes python3-jsonschema python3-hypothesis python3-networkx \
	python3-docx libreoffice-writer-nogui

TS := $(wildcard $(PLUGIN)/resources/i18n/*.ts)
QM := $(TS:.ts=.qm)

.PHONY: help setup demo test test-fast test-core test-qgis package deploy bench lint i18n i18n-update clean

help:
	@echo "make demo   - install what is missing, run the whole pipeline on the demo county (out/)"
	@echo "make test   - install what is missing, run all tests (make test-fast: without slow and PostGIS tests)"
	@echo "make package / deploy / bench / lint / i18n / clean"

# Idempotent and quick when everything is present: apt runs only for missing packages.
setup:
	@missing=$$(for p in $(APT_PACKAGES); do dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | grep -q 'install ok installed' || echo $$p; done); \
	if [ -n "$$missing" ]; then \
		echo "Installing: $$missing"; \
		export DEBIAN_FRONTEND=noninteractive; \
		$(SUDO) apt-get update -q && $(SUDO) apt-get install -y -q --no-install-recommends $$missing; \
	else echo "setup: all packages present"; fi
	@git rev-parse --git-dir >/dev/null 2>&1 && git config merge.i18n-ts.driver "/usr/bin/python3 tools/i18n_merge.py %O %A %B" || true

i18n: $(QM)

%.qm: %.ts
	lrelease -silent $< -qm $@

# Re-extract the English strings into the .ts files (then translate them in Qt Linguist or the .ts).
i18n-update:
	$(PY) tools/i18n_update.py

demo: setup i18n
	$(PY) tools/run_demo.py --out out

test: setup i18n
	$(PY) -m pytest -q -p no:cacheprovider tests

# Without the slow tests (qgis_process runs, the demo pipeline, PDF atlases) and without PostgreSQL/PostGIS.
test-fast: i18n
	$(PY) -m pytest -q -p no:cacheprovider -m "not slow and not postgis" tests

test-core:
	$(PY) -m pytest -q -p no:cacheprovider tests/core

test-qgis: i18n
	$(PY) -m pytest -q -p no:cacheprovider tests/qgis

package: i18n
	$(PY) tools/package.py --out dist
	@ls -l dist/$(PLUGIN)-$(VERSION).zip

deploy: package
	mkdir -p "$(PROFILE_DIR)/python/plugins"
	rm -rf "$(PROFILE_DIR)/python/plugins/$(PLUGIN)"
	cd "$(PROFILE_DIR)/python/plugins" && $(PY) -m zipfile -e "$(CURDIR)/dist/$(PLUGIN)-$(VERSION).zip" .
	$(PY_ENV) $(QGIS_PROCESS) plugins enable $(PLUGIN)
	@echo "Deployed $(PLUGIN) $(VERSION) into $(PROFILE_DIR) and enabled it."

bench: setup i18n
	$(PY) bench/run_all.py

# Lint tools from PyPI in a venv of their own (Debian 12's ruff has no formatter); pinned for stable results.
LINT_VENV := .venv-lint
LINT_TOOLS := ruff==0.17.6 bandit==1.9.4 detect-secrets==1.5.0

$(LINT_VENV)/.installed: Makefile
	/usr/bin/python3 -m venv --clear $(LINT_VENV)
	$(LINT_VENV)/bin/pip install -q --disable-pip-version-check $(LINT_TOOLS)
	touch $@

# ruff (lint + format), Qt6 readiness, plugin conventions, translations complete, security scan of the plugin.
lint: setup $(LINT_VENV)/.installed
	$(LINT_VENV)/bin/ruff check .
	$(LINT_VENV)/bin/ruff format --check .
	$(PY) tools/check_qt6.py
	$(PY) tools/check_conventions.py
	$(PY) tools/i18n_update.py --check
	$(PY) tools/security_scan.py --venv $(LINT_VENV)

clean:
	rm -rf out dist build .pytest_cache $(LINT_VENV)
	find . -name __pycache__ -type d -prune -exec rm -rf {} +
