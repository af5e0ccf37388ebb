# sitegen: the two commands of the README's quick start, and their parts.
#   make site   set up (Python's venv from Debian when missing), then build the bundled example site into output/
#   make test   set up (Python packages; Chromium, nginx and CJK fonts from Debian when missing), then run every test
#
# PYTEST_ARGS passes options to pytest, e.g. make test PYTEST_ARGS="tests/browser -x".
# With CI=true a missing browser or server fails the tests instead of skipping them.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
PYTEST_ARGS ?=

.PHONY: site test setup setup-test system-deps clean

site: setup
	$(BIN)/sitegen build

# pytest exits 5 when it collected no test: that is a failure too, said plainly.
test: system-deps setup-test
	@$(BIN)/python -m pytest $(PYTEST_ARGS); status=$$?; \
	if [ $$status -eq 5 ]; then echo "make test: FAILED: pytest collected no test" >&2; fi; \
	exit $$status

setup: $(VENV)/.installed
setup-test: $(VENV)/.installed-test

$(VENV)/.installed: pyproject.toml constraints.txt
	PYTHON=$(PYTHON) sh scripts/install-system-deps.sh site
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c constraints.txt -e .
	touch $@

$(VENV)/.installed-test: $(VENV)/.installed
	$(BIN)/python -m pip install --quiet -c constraints.txt -e '.[test]'
	touch $@

system-deps:
	PYTHON=$(PYTHON) sh scripts/install-system-deps.sh

clean:
	rm -rf output .sitegen-cache test-artifacts
