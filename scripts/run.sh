#!/usr/bin/env bash
# Set up and start theodoi on its embedded database (SQLite in ./var):
# migrate, load the seed plans and demo accounts on first start, serve on 127.0.0.1:8000.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
exec .venv/bin/theodoi serve "$@"
