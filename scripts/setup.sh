#!/usr/bin/env bash
# Set up octohub on a fresh machine: the Mosquitto broker (Debian), then .venv/ with
# octohub in it. Safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v mosquitto >/dev/null 2>&1; then
  if command -v apt-get >/dev/null 2>&1; then
    echo "installing mosquitto (Debian package)…"
    SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
    $SUDO apt-get update -qq && $SUDO apt-get install -y -qq mosquitto mosquitto-clients >/dev/null
  else
    echo "note: no mosquitto found; 'octohub demo' brings its own embedded broker" >&2
  fi
fi

PYTHON="${PYTHON:-python3}"
[ -x .venv/bin/python ] || "$PYTHON" -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip
# torch first and pinned: the CPU build that this machine keeps on local disk. An
# unpinned torch (or one pulled in by another package) would fetch a multi-GB CUDA build.
.venv/bin/python -m pip install -q "torch==2.13.0"
.venv/bin/python -m pip install -q -e '.[test]'
echo "ready: .venv/bin/octohub"
