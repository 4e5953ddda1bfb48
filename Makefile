# Two entry points for operators and developers: `make demo` and `make test`.
VENV ?= .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
PYTHON ?= python3

.PHONY: demo test check lint format system-deps venv clean

$(VENV)/.installed: pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(PIP) install -q --upgrade pip
	$(PIP) install -q -c constraints.txt -e '.[test,postgres,web]'
	touch $@

venv: $(VENV)/.installed

system-deps:
	bash scripts/install-system-deps.sh

demo: system-deps venv
	$(PY) -m bot.devservers.demo

# The two passes differ on purpose in what a machine may differ in: time zone and
# locale (fonts are pinned by the tests themselves: tests/fontsets.py).
test: system-deps venv
	@PY=$(PY) bash scripts/tool-versions.sh
	TZ=UTC LANG=C LC_ALL=C $(PY) -m pytest $(PYTEST_ARGS)
	@# Second pass: the whole suite again against a private PostgreSQL cluster on
	@# loopback (fault injection included; two-instance tests run only here).
	@if ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then \
		TZ=Asia/Ho_Chi_Minh LANG=C.UTF-8 PY=$(PY) bash scripts/test-postgres.sh $(PYTEST_ARGS); \
	else echo "PostgreSQL is not installed: the PostgreSQL run is skipped"; fi

# Style, the architecture's import contracts (pyproject [tool.importlinter], ARCHITECTURE.md)
# and the type check; CI runs it before the tests.
check: venv
	$(VENV)/bin/ruff check bot tests bench scripts
	$(VENV)/bin/ruff format --check bot tests bench scripts
	$(VENV)/bin/lint-imports
	$(VENV)/bin/mypy

lint: check

format:
	$(VENV)/bin/ruff check --fix bot tests bench scripts
	$(VENV)/bin/ruff format bot tests bench scripts

clean:
	rm -rf var/demo .pytest_cache
