# sitegen: the two commands of the README's quick start, and their parts.
#   make site   set up, then build the bundled example site into output/
#   make test   set up (Python packages, and Chromium + nginx from Debian when missing), then run every test

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin

.PHONY: site test setup setup-test system-deps clean

site: setup
	$(BIN)/sitegen build

test: setup-test system-deps
	$(BIN)/python -m pytest

setup: $(VENV)/.installed
setup-test: $(VENV)/.installed-test

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: $(VENV)/.installed
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

system-deps:
	sh scripts/install-system-deps.sh

clean:
	rm -rf output .sitegen-cache test-artifacts
