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

# pip's own output goes to $(PIP_LOG) and is shown only when an install fails: an install that works
# has nothing to say, and setuptools' notice about editable installs would read as a problem.
PIP_LOG := $(VENV)/pip-install.log
PIP     := $(BIN)/python -m pip install --quiet -c constraints.txt
quiet_pip = $(1) >> $(PIP_LOG) 2>&1 || { cat $(PIP_LOG) >&2; echo "make: the install above failed (its output: $(PIP_LOG))" >&2; exit 1; }

$(VENV)/.installed: pyproject.toml constraints.txt
	PYTHON=$(PYTHON) sh scripts/install-system-deps.sh site
	$(PYTHON) -m venv $(VENV)
	@echo "installing sitegen and the Python packages it uses into $(VENV) (pip's output: $(PIP_LOG))"
	@: > $(PIP_LOG)
	@$(call quiet_pip,$(BIN)/python -m pip install --quiet --upgrade pip)
	@$(call quiet_pip,$(PIP) -e .)
	touch $@

$(VENV)/.installed-test: $(VENV)/.installed
	@echo "installing the test tools into $(VENV) (pip's output: $(PIP_LOG))"
	@$(call quiet_pip,$(PIP) -e '.[test]')
	touch $@

system-deps:
	PYTHON=$(PYTHON) sh scripts/install-system-deps.sh

clean:
	rm -rf output .sitegen-cache test-artifacts
