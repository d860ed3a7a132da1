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

# Debian packages the plugin, its tests, demo and benchmarks need (QGIS 3.22 LTR on Debian 12; the same list on
# Debian 13 / unstable in `make test-matrix`). PostgreSQL + PostGIS come on top, in the release's own version
# (15 on Debian 12, 17 on 13, 18 on unstable): `setup` picks the installed one, else the one apt offers.
APT_PACKAGES := qgis python3-qgis qgis-providers python3-pandas python3-geopandas python3-scipy \
	python3-openpyxl python3-pytest python3-pytestqt poppler-utils xvfb xauth python3-yaml python3-matplotlib \
	python3-psycopg2 qttools5-dev-tools python3-sklearn python3-venv \
	fonts-dejavu-core python3-pyflakes python3-jsonschema python3-hypothesis python3-networkx \
	python3-docx libreoffice-writer-nogui python3-pytest-xdist
# QGIS versions of `make test-matrix` by Debian suite: bookworm = 3.22 (this host), trixie = 3.40, sid = 3.44.
QGIS_MATRIX ?= bookworm trixie sid

TS := $(wildcard $(PLUGIN)/resources/i18n/*.ts)
QM := $(TS:.ts=.qm)

.PHONY: help setup demo screenshots test test-fast test-core test-qgis test-matrix demo-matrix print-apt-packages package \
	deploy bench lint i18n i18n-update clean

help:
	@echo "make demo   - install what is missing, run the whole pipeline on the demo county (out/)"
	@echo "make test   - install what is missing, run all tests (make test-fast: without slow and PostGIS tests)"
	@echo "make test-matrix - the same tests on QGIS 3.22 (host), 3.40 and 3.44 (Debian chroots; QGIS_MATRIX=trixie)"
	@echo "make package / deploy / bench / lint / i18n / clean"

# Idempotent and quick when everything is present: apt runs only for missing packages.
setup:
	@export DEBIAN_FRONTEND=noninteractive; updated=; \
	pg=$$(ls /usr/lib/postgresql 2>/dev/null | sort -n | tail -1); \
	pgcand() { apt-cache depends postgresql 2>/dev/null | sed -n 's/^ *Depends: postgresql-\([0-9][0-9]*\)$$/\1/p' | head -1; }; \
	[ -n "$$pg" ] || pg=$$(pgcand); \
	[ -n "$$pg" ] || { $(SUDO) apt-get update -q && updated=1 && pg=$$(pgcand); }; \
	[ -n "$$pg" ] || { echo "setup: apt offers no PostgreSQL (package postgresql)"; exit 1; }; \
	missing=$$(for p in $(APT_PACKAGES) postgresql-$$pg postgresql-$$pg-postgis-3; do dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | grep -q 'install ok installed' || echo $$p; done); \
	if [ -n "$$missing" ]; then \
		echo "Installing: $$missing"; \
		{ [ -n "$$updated" ] || $(SUDO) apt-get update -q; } && $(SUDO) apt-get install -y -q --no-install-recommends $$missing; \
	else echo "setup: all packages present (PostgreSQL $$pg)"; fi
	@git rev-parse --git-dir >/dev/null 2>&1 && git config merge.i18n-ts.driver "/usr/bin/python3 tools/i18n_merge.py %O %A %B" || true

# The package list (without PostgreSQL, whose version depends on the release), for tools/qgis_matrix.sh.
print-apt-packages:
	@echo $(APT_PACKAGES)

i18n: $(QM)

%.qm: %.ts
	lrelease -silent $< -qm $@

# Re-extract the English strings into the .ts files (then translate them in Qt Linguist or the .ts).
i18n-update:
	$(PY) tools/i18n_update.py

demo: setup i18n
	$(PY) tools/run_demo.py --out out

# The pictures of docs/img anew from the demo's PDFs and the screenshot tests (tools/make_screenshots.py).
screenshots: demo
	PYTHONNOUSERSITE=1 /usr/bin/python3 tools/make_screenshots.py --demo-out out

# The suite in parallel, one worker per core (pytest-xdist, whole modules per worker so that module fixtures are
# built once; at most 4: the workers share the demo fixtures' cost), serial where xdist is missing.
# Recursive (=): evaluated when the recipe runs, i.e. after `setup` installed xdist on a new machine.
TEST_JOBS = $(shell n=$$(nproc 2>/dev/null || echo 1); [ $$n -gt 4 ] && n=4; echo $$n)
XDIST = $(shell /usr/bin/python3 -c 'import xdist' 2>/dev/null && [ $(TEST_JOBS) -gt 1 ] && echo "-n $(TEST_JOBS) --dist loadfile")

test: setup i18n
	$(PY) -m pytest -q -p no:cacheprovider $(XDIST) tests

# The whole suite (`make test`) on each QGIS of QGIS_MATRIX, chroots built with mmdebstrap and cached in
# /var/cache/sozialplanung-matrix (kept by `make clean`). One summary line per version. docs/platform.md.
test-matrix:
	$(SUDO) env QGIS_MATRIX="$(QGIS_MATRIX)" tools/qgis_matrix.sh test

# `make demo` inside the Debian 13 chroot (QGIS 3.40); QGIS_MATRIX=sid for 3.44.
demo-matrix:
	$(SUDO) env QGIS_MATRIX="$(if $(filter command line environment,$(origin QGIS_MATRIX)),$(QGIS_MATRIX),trixie)" tools/qgis_matrix.sh demo

# Without the slow tests (qgis_process runs, whole-QGIS subprocesses, the demo pipeline, PDF exports) and without
# PostgreSQL/PostGIS (markers set in tests/conftest.py); in parallel like `make test`.
test-fast: i18n
	$(PY) -m pytest -q -p no:cacheprovider $(XDIST) -m "not slow and not postgis" tests

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
# mypy checks the core against Debian's Python and numpy (python_executable in pyproject.toml), not the venv's.
LINT_VENV := .venv-lint
LINT_TOOLS := ruff==0.17.6 bandit==1.9.4 detect-secrets==1.5.0 mypy==2.4.1

$(LINT_VENV)/.installed: Makefile
	/usr/bin/python3 -m venv --clear $(LINT_VENV)
	$(LINT_VENV)/bin/pip install -q --disable-pip-version-check $(LINT_TOOLS)
	touch $@

# ruff (lint + format), mypy on the core (config: pyproject.toml), Qt6 readiness, plugin conventions,
# translations complete, security scan of the plugin.
lint: setup $(LINT_VENV)/.installed
	$(LINT_VENV)/bin/ruff check .
	$(LINT_VENV)/bin/ruff format --check .
	$(LINT_VENV)/bin/mypy
	$(PY) tools/check_qt6.py
	$(PY) tools/check_conventions.py
	$(PY) tools/i18n_update.py --check
	$(PY) tools/security_scan.py --venv $(LINT_VENV)

clean:
	rm -rf out dist build .pytest_cache $(LINT_VENV)
	find . -name __pycache__ -type d -prune -exec rm -rf {} +
