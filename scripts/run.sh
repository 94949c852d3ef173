#!/usr/bin/env bash
# Set up a fresh machine and serve the map on the seed articles with the default SQLite store.
set -euo pipefail
cd "$(dirname "$0")/.."
python3 -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip
.venv/bin/python -m pip install -q -e .
.venv/bin/geomap gazetteer info >/dev/null 2>&1 || .venv/bin/geomap gazetteer build
exec .venv/bin/geomap serve "$@"
