#!/usr/bin/env bash
# Load test against a running Darkroom (docker compose or local): see ops/README.md and `ops/load/load.sh --help`.
# The work is done by load.mjs next to this file (Node 18+, no npm dependencies).
set -euo pipefail
if ! command -v node >/dev/null 2>&1; then
  echo "load: node (18 or newer) is required" >&2
  exit 2
fi
exec node "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/load.mjs" "$@"
