# The two commands of README.md: `make run` opens the desk, `make test` runs every test.
# Both create the virtual environment in .venv on first use.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run demo test bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/pantau --demo-if-offline

demo: $(STAMP)
	$(BIN)/pantau demo

test: $(STAMP)
	$(BIN)/lint-imports
	$(BIN)/python -m pytest

# Every benchmark script; modules starting with an underscore are shared helpers, not benchmarks.
bench: $(STAMP)
	for script in bench/[!_]*.py; do $(BIN)/python "$$script" || exit 1; done

clean:
	rm -rf $(VENV) build *.egg-info
