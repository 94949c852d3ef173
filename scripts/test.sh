#!/usr/bin/env bash
# Set up a fresh machine and run the whole test suite (unit, API, and browser tests).
# Installs Debian's chromium when it is missing (needs root or sudo), makes .venv,
# installs geomap with its test extras, builds the local gazetteer, then runs ruff and pytest.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -x /usr/bin/chromium ]; then
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium fonts-dejavu-core >/dev/null
fi

python3 -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip
.venv/bin/python -m pip install -q -e '.[test]'
.venv/bin/geomap gazetteer build
.venv/bin/ruff check geomap tests benchmarks
.venv/bin/python -m pytest "$@"
