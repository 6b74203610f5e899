# The two commands of README.md: `make run` opens the desk, `make test` runs every test.
# Both create the virtual environment in .venv on first use.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run demo test bench clean postgres

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/pantau --demo-if-offline

demo: $(STAMP)
	$(BIN)/pantau demo

# The PostgreSQL half of the storage suite uses the local server on 127.0.0.1:5432: start it when it
# is installed but down. Without one those tests skip (and fail under CI=true, where it must exist).
postgres:
	@pg_isready -q -h 127.0.0.1 2>/dev/null || { \
		command -v pg_ctlcluster >/dev/null && pg_ctlcluster --skip-systemctl-redirect "$$(ls /etc/postgresql)" main start && \
		for _ in $$(seq 30); do pg_isready -q -h 127.0.0.1 && break; sleep 1; done; } || true

test: $(STAMP) postgres
	$(BIN)/lint-imports
	$(BIN)/python -m pytest

# Every benchmark script; modules starting with an underscore are shared helpers, not benchmarks.
bench: $(STAMP) postgres
	for script in bench/[!_]*.py; do $(BIN)/python "$$script" || exit 1; done

clean:
	rm -rf $(VENV) build *.egg-info
