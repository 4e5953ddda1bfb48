#!/usr/bin/env bash
# Run the test suite again against a private PostgreSQL cluster on 127.0.0.1.
set -euo pipefail
PY=${PY:-.venv/bin/python}
dir=$(mktemp -d /tmp/intake-pg.XXXXXX)
chmod 755 "$dir"
url=$($PY -m bot.devservers.postgres start "$dir")
trap '$PY -m bot.devservers.postgres stop "$dir"; rm -rf "$dir"' EXIT
echo "PostgreSQL test run against $url"
INTAKE_TEST_DATABASE_URL="$url" $PY -m pytest ${PYTEST_ARGS:-} "$@"
