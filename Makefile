# Kernel-style entry points for the KVM x86 handbook and kvmcheck.
# Every target bootstraps what it needs on a fresh machine.

PYTHON      ?= python3
SPHINXOPTS  ?=
PYTESTOPTS  ?=
# Translated pages brought up to date, for translations-mark-current.
PAGES       ?=

# Where things go and where `make serve` listens: only `make NAME=value` on
# the command line changes these.  Generic names like BUILDDIR and HOST are
# often exported for other tools (Yocto's environment sets BUILDDIR), and
# must not move the output, widen the server or aim `make clean` elsewhere.
VENV        := .venv
BUILDDIR    := _build
HOST        := 127.0.0.1
PORT        := 8000

VPY         := $(VENV)/bin/python
SPHINXBUILD := $(VENV)/bin/sphinx-build
NPM_STAMP   := playground/node_modules/.package-lock.json
TYPOS       := playground/kvmcheck/data/typos.txt
REGEXES     := playground/kvmcheck/data/regexes.marshal

.PHONY: help htmldocs serve check test snapshots bench lint screenshot warnings-baseline \
        translations-mark-current playground-stdlib chromium graphviz node git-email kernel-build-deps \
        recipes-check \
        clean

help:
	@echo "make htmldocs     build the site into $(BUILDDIR)/html (fails on new warnings)"
	@echo "make serve        build, then serve on http://$(HOST):$(PORT)/"
	@echo "make check        the fast loop: lint and the tests that need no site, browser,"
	@echo "                  kernel tree, Sphinx build, package build, Pyodide or megabyte input"
	@echo "make test         install test dependencies and run the whole suite"
	@echo "make snapshots    rewrite kvmcheck's golden outputs after an intended change"
	@echo "make bench        run the benchmarks (kvmcheck, playground)"
	@echo "make lint         ruff (lint and format check) and ESLint"
	@echo "make recipes-check  check the handbook's kernel config recipes in a real 6.12 tree"
	@echo "make screenshot   retake the README's picture of the playground"
	@echo "make playground-stdlib  retrace the standard-library modules the playground serves"
	@echo "make warnings-baseline          rewrite docs/warnings-baseline.txt"
	@echo "make translations-mark-current PAGES=handbook/zh_CN/x.rst"
	@echo "                  record that these translations match the English;"
	@echo "                  without PAGES, list the stale ones and change nothing"
	@echo "make clean        remove build output (keeps .venv and node_modules)"

# --- bootstrap --------------------------------------------------------------

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)
	$(VPY) -m pip install --quiet --upgrade pip

$(VENV)/.docs-stamp: pyproject.toml | $(VENV)/bin/python
	$(VPY) -m pip install --quiet -e '.[docs]'
	touch $@

$(VENV)/.test-stamp: pyproject.toml $(VENV)/.docs-stamp
	$(VPY) -m pip install --quiet -e '.[test]'
	touch $@

# kvmcheck's typo list, from codespell's dictionary; never committed.  Every
# pip build of kvmcheck writes it (setup.py); this remakes it when it is gone,
# before anything packs or runs kvmcheck (the playground's archive included).
$(TYPOS): playground/build_typos.py | $(VENV)/.docs-stamp
	$(VPY) playground/build_typos.py

# The engine code of kvmcheck's regular expressions, for this venv's Python;
# never committed.  Every pip build of kvmcheck writes it (setup.py); this
# remakes it when a module of kvmcheck (a pattern) changes.
$(REGEXES): playground/build_regex_cache.py $(shell find playground/kvmcheck -name '*.py') \
		| $(VENV)/.docs-stamp
	$(VPY) playground/build_regex_cache.py

$(NPM_STAMP): playground/package.json playground/package-lock.json
	npm ci --prefix playground --no-audit --no-fund --loglevel=error
	touch $@

# $(call debian_install,PACKAGES,COMMAND): install Debian packages when this
# user may (root, or password-less sudo); otherwise run COMMAND, which says
# what is lost without them.
define debian_install
if [ "$$(id -u)" = 0 ]; then \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(1) >/dev/null; \
	elif sudo -n true 2>/dev/null; then \
		sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(1) >/dev/null; \
	else \
		$(2); \
	fi
endef

# Browser tests drive Debian's Chromium; install it when none is found.
chromium:
	@command -v chromium >/dev/null 2>&1 || { $(call debian_install,chromium,\
		echo "chromium not found and packages cannot be installed: browser tests will be skipped"); }

# The handbook's send-to-yourself recipe is run with git send-email --dry-run
# (Debian's git-email); install it when git has no send-email.
git-email:
	@[ -x "$$(git --exec-path)/git-send-email" ] || { $(call debian_install,git-email,\
		echo "git send-email not found and packages cannot be installed: its recipe tests will be skipped"); }

# make olddefconfig in the kernel tree (recipes-check) builds the Kconfig
# tools with these; install the Debian packages that are missing.
KERNEL_BUILD_TOOLS := make gcc flex bison

kernel-build-deps:
	@missing=""; for tool in $(KERNEL_BUILD_TOOLS); do \
		command -v $$tool >/dev/null 2>&1 || missing="$$missing $$tool"; \
	done; \
	[ -z "$$missing" ] || { $(call debian_install,$$missing,\
		echo "$$missing not found and packages cannot be installed: the config recipe check will be skipped"); }

# The handbook's diagrams are drawn at build time by Graphviz's dot (Debian's
# graphviz); install it the same way when it is missing.
graphviz:
	@command -v dot >/dev/null 2>&1 || { $(call debian_install,graphviz,\
		echo "Graphviz's dot not found and packages cannot be installed:" \
		     "install graphviz (e.g. sudo apt-get install graphviz) to build the diagrams" >&2; \
		exit 1); }

# The playground's unit tests (node --test) and ESLint run on Node.js, which the
# playground's npm install needs anyway.
node:
	@command -v node >/dev/null 2>&1 || { \
		echo "node not found: install Node.js 20 or later (e.g. sudo apt-get install nodejs npm)" \
		     "to run the playground's unit tests and ESLint" >&2; \
		exit 1; }

# --- site -------------------------------------------------------------------

# Two builds into one output folder at once break each other (both write
# searchindex.js through one temporary name and share the pickled
# environment): with flock(1), the second waits for the first.
BUILD_LOCK   = $(BUILDDIR)/.build-lock
LOCKED_BUILD = mkdir -p "$(BUILDDIR)" && $(if $(shell command -v flock),flock "$(BUILD_LOCK)",)

htmldocs: $(VENV)/.docs-stamp $(TYPOS) $(NPM_STAMP) graphviz
	$(LOCKED_BUILD) $(SPHINXBUILD) -b html $(SPHINXOPTS) . $(BUILDDIR)/html

# scripts/serve.py, not `python -m http.server`: a port in use is said in
# one line with how to pick another, not a traceback.
serve: htmldocs
	$(VPY) scripts/serve.py --bind $(HOST) --directory $(BUILDDIR)/html $(PORT)

# A fresh environment (-E) so every warning is seen, not only those of
# changed pages.
warnings-baseline: $(VENV)/.docs-stamp $(TYPOS) $(NPM_STAMP) graphviz
	$(LOCKED_BUILD) $(SPHINXBUILD) -b html -E -D warnings_gate_update=1 $(SPHINXOPTS) . $(BUILDDIR)/html

# The standard-library modules the playground serves, traced by running
# kvmcheck in Pyodide under Node.js (_ext/playground_stdlib.py says why).
# Run it after changing kvmcheck's imports or the Pyodide version.
playground-stdlib: $(NPM_STAMP)
	node playground/trace-stdlib.mjs > playground/stdlib-modules.json.partial
	mv playground/stdlib-modules.json.partial playground/stdlib-modules.json

translations-mark-current: $(VENV)/.docs-stamp
	$(VPY) _ext/translation_status.py mark-current $(PAGES)

# --- quality ----------------------------------------------------------------

# The fast loop. The markers come from what each test uses (tests/conftest.py);
# property tests take a small sample (the "check" hypothesis profile), and
# pytest-xdist spreads them over every core (-n auto): about 28 s in one
# process on a 2-core machine, under 20 s in two.
FAST_TESTS := not (site or browser or kernel or sphinx or big or package or pyodide)
# The front end's pure modules (playground/web/*.js), tested without a browser.
JS_TESTS := playground/web/test/
# ESLint on the front end, with playground/eslint.config.js.
ESLINT   := cd playground && node_modules/.bin/eslint --max-warnings 0 .

check: lint $(TYPOS) $(REGEXES)
	node --test $(JS_TESTS)
	HYPOTHESIS_PROFILE=check $(VPY) -m pytest -q -n auto -m "$(FAST_TESTS)" $(PYTESTOPTS)

test: lint $(TYPOS) $(REGEXES) chromium graphviz git-email kernel-build-deps
	node --test $(JS_TESTS)
	$(VPY) -m pytest $(PYTESTOPTS)

# kvmcheck's golden outputs (tests/kvmcheck/snapshots/): review the diff, commit it.
snapshots: $(VENV)/.test-stamp $(TYPOS) $(REGEXES)
	UPDATE_SNAPSHOTS=1 $(VPY) -m pytest -q -p no:cacheprovider tests/kvmcheck/test_snapshots.py
	git status --short tests/kvmcheck/snapshots

bench: $(VENV)/.test-stamp $(TYPOS) $(REGEXES) $(NPM_STAMP) chromium
	$(VPY) tests/bench/run.py

# Every scripts/config recipe of the handbook, replayed in Debian's
# linux-source-6.12 (fetched once into tests/.cache/).
recipes-check: $(VENV)/bin/python kernel-build-deps
	$(VPY) tests/config_recipes.py handbook/*/*.rst

# ruff's formatter is pinned to one minor version in pyproject.toml, so its
# style cannot change under a contributor between two runs.
lint: $(VENV)/.test-stamp $(NPM_STAMP) node
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/mypy
	$(ESLINT)

screenshot: htmldocs $(VENV)/.test-stamp chromium
	PYTHONPATH=tests $(VPY) tests/playground/screenshot.py $(BUILDDIR)/html docs/images/playground.png

# Only ever inside the checkout: a BUILDDIR given on the command line that
# resolves outside it (or to the checkout itself) stops make, even with -n.
clean:
	$(if $(filter $(CURDIR)/%,$(abspath $(BUILDDIR))),,$(error make clean: \
		BUILDDIR=$(BUILDDIR) is not inside this checkout; nothing removed))
	rm -rf -- "$(BUILDDIR)" .pytest_cache .ruff_cache .hypothesis
