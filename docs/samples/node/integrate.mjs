// Darkroom from Node 18+: submit a job with an Idempotency-Key, receive its webhook, verify the signature with the
// Standard Webhooks library, and read the finished job. CI runs it against a running platform
// (IntegratingSamplesEndToEndTest); see docs/integrating.md.
//
//   DARKROOM_URL=http://127.0.0.1:8080 DARKROOM_API_KEY=dr_live_... DARKROOM_WEBHOOK_SECRET=whsec_... \
//   WEBHOOK_PORT=4000 node integrate.mjs
//
// The tenant's webhook URL must point at http://<this host>:WEBHOOK_PORT/darkroom.
import http from "node:http";
import { randomUUID } from "node:crypto";
import { Webhook } from "standardwebhooks";

const base = required("DARKROOM_URL");
const apiKey = required("DARKROOM_API_KEY");
const webhook = new Webhook(required("DARKROOM_WEBHOOK_SECRET"));
const port = Number(required("WEBHOOK_PORT"));

// 1. A webhook receiver: verify against the raw body, answer 2xx quickly, act on the event afterwards.
const events = [];
const server = http.createServer((req, res) => {
  const chunks = [];
  req.on("data", (c) => chunks.push(c));
  req.on("end", () => {
    const raw = Buffer.concat(chunks).toString("utf8");
    try {
      const event = webhook.verify(raw, req.headers); // throws on a bad signature or a stale timestamp
      events.push(event);
      res.writeHead(204).end();
    } catch (e) {
      res.writeHead(400).end(); // not from Darkroom: refuse it
    }
  });
});
await new Promise((resolve) => server.listen(port, resolve));

// 2. Submit with an Idempotency-Key: resending after a timeout or a 5xx returns the same job, never a second one.
const job = { model: "flux-dev", input: { prompt: "a lighthouse at dusk, oil painting", aspect_ratio: "4:3" } };
const idempotencyKey = randomUUID();
const submit = () => call("POST", "/v1/jobs", job, { "Idempotency-Key": idempotencyKey });
const first = await withRetries(submit);
const again = await withRetries(submit);
check(first.id === again.id, "the retried submit returned the same job");
console.log(`job ${first.id}: ${first.status}, estimated ${first.estimated_cost_usd} USD`);

// 3. Wait for the webhook announcing the end of the job (a real integration would also poll as a fallback).
const ended = await until(() => events.find((e) => e.data?.id === first.id && e.type === "job.succeeded"), 120_000);
console.log(`webhook ${ended.type} verified`);

// 4. A forged delivery is refused.
const forged = await fetch(`http://127.0.0.1:${port}/darkroom`, {
  method: "POST",
  headers: { "webhook-id": "msg_forged", "webhook-timestamp": `${Math.floor(Date.now() / 1000)}`,
             "webhook-signature": "v1,AAAA" },
  body: JSON.stringify({ type: "job.succeeded", data: { id: first.id } }),
});
check(forged.status === 400, "a forged webhook is refused");

// 5. The finished job: its real cost and its outputs.
const done = await call("GET", `/v1/jobs/${first.id}`);
check(done.status === "succeeded", "the job succeeded");
console.log(`cost ${done.cost_usd} USD, ${done.outputs.length} output(s), first ${done.outputs[0].content_type}`);

server.close();
console.log("node sample ok");

async function call(method, path, body, headers = {}) {
  const res = await fetch(base + path, {
    method,
    headers: { Authorization: `Bearer ${apiKey}`, "Content-Type": "application/json", ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = await res.json();
  if (!res.ok) {
    const error = new Error(`${method} ${path}: ${res.status} ${json.code}: ${json.detail}`);
    error.status = res.status;
    error.retryAfter = Number(res.headers.get("retry-after") ?? 1);
    throw error;
  }
  return json;
}

// Retries what is worth retrying: 429 after its Retry-After, 5xx and network errors with backoff.
async function withRetries(fn, attempts = 5) {
  for (let i = 1; ; i++) {
    try {
      return await fn();
    } catch (e) {
      const retryable = e.status === undefined || e.status === 429 || e.status >= 500;
      if (!retryable || i === attempts) throw e;
      const wait = e.status === 429 ? e.retryAfter * 1000 : 2 ** i * 250;
      await new Promise((r) => setTimeout(r, wait));
    }
  }
}

async function until(find, timeoutMs) {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const found = find();
    if (found) return found;
    if (Date.now() > end) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 200));
  }
}

function check(ok, what) {
  if (!ok) throw new Error(`failed: ${what}`);
}

function required(name) {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
}
