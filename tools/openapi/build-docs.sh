#!/usr/bin/env bash
# Renders the OpenAPI document into one self-contained HTML page (the gateway serves it at GET /docs), with the
# pinned @redocly/cli of package-lock.json. --inlineBundle embeds Redoc's scripts, so the page loads nothing from a
# CDN when it is read. Run by the gateway's build: a machine without Node.js still builds (the gateway then answers
# /docs with 404), but under CI=true a missing Node.js fails, so CI always ships the reference.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
document="$here/../../contracts/src/main/resources/darkroom/openapi.yaml"
output="${1:?usage: build-docs.sh <output.html>}"

if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  if [ "${CI:-}" = "true" ]; then
    echo "build-docs: Node.js and npm are required under CI=true" >&2
    exit 1
  fi
  echo "build-docs: no Node.js here; the gateway is built without its /docs page" >&2
  exit 0
fi
if [ ! -x "$here/node_modules/.bin/redocly" ]; then
  npm ci --prefix "$here" --no-audit --no-fund --loglevel=error
fi
mkdir -p "$(dirname "$output")"
# the CLI's telemetry would be network traffic in a build
if ! log=$(REDOCLY_TELEMETRY=off REDOCLY_SUPPRESS_UPDATE_NOTICE=true \
  "$here/node_modules/.bin/redocly" build-docs "$document" --config "$here/redocly.yaml" \
  --inlineBundle --title "Darkroom API reference" -o "$output" 2>&1); then
  echo "$log" >&2
  exit 1
fi
if grep -qiE '<script[^>]+src=' "$output"; then
  echo "build-docs: $output loads a script from elsewhere; it must be self-contained" >&2
  exit 1
fi
