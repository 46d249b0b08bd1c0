#!/usr/bin/env bash
# Run the test suite against a local Mosquitto (started here if none listens on 1883).
set -euo pipefail
cd "$(dirname "$0")/.."
if ! (exec 3<>/dev/tcp/127.0.0.1/1883) 2>/dev/null; then
  echo "starting mosquitto on 127.0.0.1:1883"
  mosquitto -d -c "$(pwd)/deploy/mosquitto-local.conf"
  sleep 0.5
fi
exec .venv/bin/python -m pytest -q "$@"
