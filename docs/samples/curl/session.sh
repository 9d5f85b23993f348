#!/usr/bin/env bash
# A curl session against Darkroom: models, an estimate, a job submitted twice with one Idempotency-Key, waiting
# for it, its outputs, the quota. CI runs it against a running platform (IntegratingSamplesEndToEndTest).
#
#   DARKROOM_URL=http://127.0.0.1:8080 DARKROOM_API_KEY=dr_live_... ./session.sh
#
# Needs curl and jq.
set -euo pipefail
: "${DARKROOM_URL:?the gateway, e.g. http://127.0.0.1:8080}" "${DARKROOM_API_KEY:?a tenant API key}"
auth=(-H "Authorization: Bearer $DARKROOM_API_KEY")
json=(-H 'Content-Type: application/json')

echo "# the models and what each costs"
curl -sf "$DARKROOM_URL/v1/models" | jq -r '.data[] | "\(.id)\t\(.kind)"'

job='{"model":"flux-dev","input":{"prompt":"a lighthouse at dusk, oil painting","aspect_ratio":"4:3"},"metadata":{"order":"42"}}'

echo "# what it would cost"
curl -sf "${auth[@]}" "${json[@]}" -d "$job" "$DARKROOM_URL/v1/estimate" | jq -c .

echo "# submit; a retry with the same Idempotency-Key returns the same job"
key="order-42-$(date +%s%N)"
first=$(curl -sf "${auth[@]}" "${json[@]}" -H "Idempotency-Key: $key" -d "$job" "$DARKROOM_URL/v1/jobs")
again=$(curl -sf "${auth[@]}" "${json[@]}" -H "Idempotency-Key: $key" -d "$job" "$DARKROOM_URL/v1/jobs")
id=$(jq -r .id <<<"$first")
[ "$id" = "$(jq -r .id <<<"$again")" ] || { echo "the retry made a second job" >&2; exit 1; }
echo "job $id: $(jq -r .status <<<"$first")"

echo "# wait for it to finish"
for _ in $(seq 120); do
  state=$(curl -sf "${auth[@]}" "$DARKROOM_URL/v1/jobs/$id")
  status=$(jq -r .status <<<"$state")
  case $status in succeeded|failed|canceled|expired|rejected) break ;; esac
  sleep 1
done
echo "job $id: $status, cost $(jq -r .cost_usd <<<"$state") USD"
[ "$status" = succeeded ] || { jq -c .error <<<"$state" >&2; exit 1; }

echo "# its outputs (presigned URLs, short-lived)"
jq -r '.outputs[] | "\(.content_type) \(.width)x\(.height) \(.bytes) bytes sha256 \(.sha256)"' <<<"$state"
url=$(jq -r '.outputs[0].url' <<<"$state")
# a link to Darkroom itself takes the key and redirects to the file; a presigned storage URL takes nothing
download=(-sfL -o /dev/null -w 'downloaded %{size_download} bytes\n')
if [[ $url == "$DARKROOM_URL"* ]]; then download+=("${auth[@]}"); fi
curl "${download[@]}" "$url"

echo "# a problem has a stable code"
curl -s "${auth[@]}" "${json[@]}" -d '{"model":"no-such-model","input":{}}' "$DARKROOM_URL/v1/jobs" | jq -r .code

echo "# the quota"
curl -sf "${auth[@]}" "$DARKROOM_URL/v1/quota" | jq -c .
echo "session ok"
