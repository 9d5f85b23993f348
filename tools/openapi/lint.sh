#!/usr/bin/env bash
# Lints the OpenAPI document with the pinned @redocly/cli (package-lock.json), then proves the lint can fail: a copy
# of the document with a schema type that does not exist must be refused.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
document="$here/../../contracts/src/main/resources/darkroom/openapi.yaml"
redocly() { REDOCLY_TELEMETRY=off REDOCLY_SUPPRESS_UPDATE_NOTICE=true "$here/node_modules/.bin/redocly" "$@"; }

[ -x "$here/node_modules/.bin/redocly" ] || npm ci --prefix "$here" --no-audit --no-fund --loglevel=error
redocly lint --config "$here/redocly.yaml" --format stylish "$document"

broken="$(mktemp -d)/openapi.yaml"
trap 'rm -rf "$(dirname "$broken")"' EXIT
sed '0,/type: integer/s//type: int/' "$document" > "$broken"
if redocly lint --config "$here/redocly.yaml" --format stylish "$broken" >/dev/null 2>&1; then
  echo "lint: a document with 'type: int' passed; the lint checks nothing" >&2
  exit 1
fi
echo "lint: the document is valid, and a broken copy is refused"
