// Drives fal-sim with fal's official JavaScript client (@fal-ai/client, pinned in package.json). The only
// change to the client is its documented requestMiddleware hook, which rewrites fal's hosts to fal-sim's
// prefixes; everything else (URL building, headers, retries, response handling) is the client's own.
//
// Usage: node conformance.mjs <fal-sim base URL>   e.g. node conformance.mjs http://127.0.0.1:8090
// Exits 0 when every check passed, 1 otherwise. Run by OfficialClientConformanceTest.

import { createPublicKey, createHash, verify } from "node:crypto";
import http from "node:http";
import falClient from "@fal-ai/client";

const { createFalClient, ApiError, ValidationError } = falClient;

const base = (process.argv[2] ?? "").replace(/\/$/, "");
if (!base.startsWith("http")) {
  console.error("usage: node conformance.mjs <fal-sim base URL>");
  process.exit(2);
}
const KEY = process.env.FAL_SIM_KEY ?? "darkroom-sim:local-secret";
const IMAGE = "fal-ai/flux/dev";
const VIDEO = "fal-ai/minimax/hailuo-02/standard/image-to-video";

const HOSTS = [
  ["https://queue.fal.run", `${base}/queue`],
  ["https://rest.fal.ai", `${base}/rest`],
  ["https://v3.fal.media", `${base}/cdn`],
];
const rewrite = (url) => {
  for (const [from, to] of HOSTS) {
    if (url.startsWith(from)) return to + url.slice(from.length);
  }
  return url;
};

const fal = createFalClient({
  credentials: KEY,
  requestMiddleware: async (request) => ({ ...request, url: rewrite(request.url) }),
});

// --- a tiny webhook receiver -------------------------------------------------------------------
const webhooks = [];
const receiver = http.createServer((req, res) => {
  const chunks = [];
  req.on("data", (c) => chunks.push(c));
  req.on("end", () => {
    webhooks.push({ headers: req.headers, body: Buffer.concat(chunks) });
    res.writeHead(200, { "content-type": "text/plain" });
    res.end("ok");
  });
});
await new Promise((resolve) => receiver.listen(0, "127.0.0.1", resolve));
const webhookUrl = `http://127.0.0.1:${receiver.address().port}/fal/webhook?token=abc`;

// --- tiny test harness -------------------------------------------------------------------------
let passed = 0;
let failed = 0;
const check = (condition, message) => {
  if (!condition) throw new Error(message);
};
async function step(name, fn) {
  const started = Date.now();
  try {
    await fn();
    passed++;
    console.log(`ok   ${name} (${Date.now() - started} ms)`);
  } catch (e) {
    failed++;
    console.log(`FAIL ${name}: ${e?.stack ?? e}`);
    if (e?.body) console.log(`     body: ${JSON.stringify(e.body)}`);
  }
}
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
async function waitFor(what, predicate, timeoutMs = 15000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const value = predicate();
    if (value) return value;
    await sleep(50);
  }
  throw new Error(`timed out waiting for ${what}`);
}
async function rejection(promise) {
  try {
    await promise;
  } catch (e) {
    return e;
  }
  throw new Error("expected the call to fail");
}
async function verifySignature(webhook) {
  const jwks = await (await fetch(`${base}/rest/.well-known/jwks.json`)).json();
  const h = webhook.headers;
  const message = [
    h["x-fal-webhook-request-id"],
    h["x-fal-webhook-user-id"],
    h["x-fal-webhook-timestamp"],
    createHash("sha256").update(webhook.body).digest("hex"),
  ].join("\n");
  const signature = Buffer.from(h["x-fal-webhook-signature"], "hex");
  return jwks.keys.some((jwk) =>
    verify(null, Buffer.from(message), createPublicKey({ key: jwk, format: "jwk" }), signature),
  );
}

// --- the checks --------------------------------------------------------------------------------
await step("queue.submit with webhookUrl, queue.status with logs, queue.result, signed webhook", async () => {
  const submitted = await fal.queue.submit(IMAGE, {
    input: { prompt: "a lighthouse at dusk", image_size: "square", seed: 7 },
    webhookUrl,
  });
  check(submitted.status === "IN_QUEUE", `submit status ${submitted.status}`);
  check(typeof submitted.request_id === "string", "submit has request_id");
  for (const field of ["response_url", "status_url", "cancel_url"]) {
    check(submitted[field].startsWith(`${base}/queue/fal-ai/flux/requests/`), `${field} is ${submitted[field]}`);
  }
  const requestId = submitted.request_id;

  const status = await fal.queue.status(IMAGE, { requestId, logs: true });
  check(["IN_QUEUE", "IN_PROGRESS", "COMPLETED"].includes(status.status), `status ${status.status}`);
  check(status.request_id === requestId, "status names the request");

  const done = await fal.queue.subscribeToStatus(IMAGE, { requestId, logs: true, pollInterval: 100 });
  check(done.status === "COMPLETED", `final status ${done.status}`);
  check(Array.isArray(done.logs) && done.logs.length > 0, "completed status carries logs");
  check(typeof done.logs[0].message === "string" && typeof done.logs[0].timestamp === "string", "log shape");

  const result = await fal.queue.result(IMAGE, { requestId });
  check(result.requestId === requestId, `result requestId ${result.requestId}`);
  const image = result.data.images[0];
  check(image.width === 512 && image.height === 512, `image size ${image.width}x${image.height}`);
  check(result.data.seed === 7, `seed ${result.data.seed}`);
  const file = await fetch(image.url);
  check(file.ok, `image download ${file.status}`);
  check(file.headers.get("content-type") === "image/jpeg", `content-type ${file.headers.get("content-type")}`);
  const bytes = Buffer.from(await file.arrayBuffer());
  check(bytes.length === image.file_size, `file_size ${image.file_size} vs ${bytes.length}`);
  check(bytes[0] === 0xff && bytes[1] === 0xd8, "a JPEG");

  const webhook = await waitFor("the webhook", () =>
    webhooks.find((w) => w.headers["x-fal-webhook-request-id"] === requestId),
  );
  const payload = JSON.parse(webhook.body.toString("utf8"));
  check(payload.status === "OK" && payload.request_id === requestId, `webhook ${payload.status}`);
  check(payload.payload.images[0].url === image.url, "webhook payload is the result");
  check(await verifySignature(webhook), "webhook signature verifies against the JWKS");
});

await step("subscribe (polling)", async () => {
  const updates = [];
  const result = await fal.subscribe(IMAGE, {
    input: { prompt: "polling", num_images: 2, output_format: "png" },
    logs: true,
    pollInterval: 100,
    onQueueUpdate: (u) => updates.push(u.status),
  });
  check(result.data.images.length === 2, `${result.data.images.length} images`);
  check(result.data.images[0].content_type === "image/png", result.data.images[0].content_type);
  check(updates.includes("COMPLETED"), `updates ${updates}`);
});

await step("subscribe (streaming)", async () => {
  const updates = [];
  const result = await fal.subscribe(IMAGE, {
    input: { prompt: "streaming [sim:slow=1500ms]" },
    mode: "streaming",
    logs: true,
    onQueueUpdate: (u) => updates.push(u),
  });
  check(result.data.images.length === 1, "one image");
  check(updates.length >= 2, `${updates.length} stream events`);
  check(updates.at(-1).status === "COMPLETED", `last event ${updates.at(-1).status}`);
  check(updates.at(-1).logs.length > 0, "logs accumulated from the stream");
});

await step("queue.cancel, then status, result and a second cancel", async () => {
  const { request_id: requestId } = await fal.queue.submit(IMAGE, {
    input: { prompt: "to be cancelled [sim:slow=5s]" },
    webhookUrl,
  });
  await fal.queue.cancel(IMAGE, { requestId });
  const status = await fal.queue.status(IMAGE, { requestId });
  check(status.status === "COMPLETED", `status after cancel ${status.status}`);
  check(status.error_type === "client_cancelled", `error_type ${status.error_type}`);
  const error = await rejection(fal.queue.result(IMAGE, { requestId }));
  check(error instanceof ApiError && error.status === 499, `result after cancel: ${error}`);
  const again = await rejection(fal.queue.cancel(IMAGE, { requestId }));
  check(again instanceof ApiError && again.status === 400, `second cancel: ${again}`);
  check(again.body?.status === "ALREADY_COMPLETED", `second cancel body ${JSON.stringify(again.body)}`);
  const webhook = await waitFor("the cancel webhook", () =>
    webhooks.find((w) => w.headers["x-fal-webhook-request-id"] === requestId),
  );
  check(JSON.parse(webhook.body).status === "ERROR", "cancelled request's webhook is an ERROR");
});

await step("invalid input surfaces as the client's ValidationError", async () => {
  const error = await rejection(
    fal.subscribe(IMAGE, { input: { prompt: "bad", num_images: 9 }, pollInterval: 100 }),
  );
  check(error instanceof ValidationError, `got ${error}`);
  check(error.status === 422, `status ${error.status}`);
  const fieldErrors = error.getFieldErrors("num_images");
  check(fieldErrors.length === 1 && fieldErrors[0].type === "less_than_equal", JSON.stringify(error.fieldErrors));
});

await step("unknown request answers 404", async () => {
  const error = await rejection(fal.queue.status(IMAGE, { requestId: "00000000-0000-0000-0000-000000000000" }));
  check(error instanceof ApiError && error.status === 404, `got ${error}`);
});

await step("storage.upload round trip", async () => {
  const bytes = new Uint8Array(4096).map((_, i) => (i * 31) % 256);
  const url = await fal.storage.upload(new Blob([bytes], { type: "image/png" }));
  check(url.startsWith(`${base}/cdn/files/`), `file_url ${url}`);
  const fetched = await fetch(url);
  check(fetched.ok, `download ${fetched.status}`);
  check(fetched.headers.get("content-type") === "image/png", fetched.headers.get("content-type"));
  check(Buffer.from(await fetched.arrayBuffer()).equals(Buffer.from(bytes)), "bytes differ");
});

await step("a Blob input is uploaded by the client and used by a video model", async () => {
  const png = Buffer.from(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000" +
      "1f15c4890000000d49444154789c6360000002000185d114090000000049454e44ae426082",
    "hex",
  );
  const result = await fal.subscribe(VIDEO, {
    input: { prompt: "a slow pan", image_url: new Blob([png], { type: "image/png" }), duration: "6" },
    pollInterval: 100,
  });
  check(result.data.video.content_type === "video/mp4", JSON.stringify(result.data));
  const video = Buffer.from(await (await fetch(result.data.video.url)).arrayBuffer());
  check(video.length === result.data.video.file_size, "video file_size");
  check(video.subarray(4, 8).toString("latin1") === "ftyp", "an MP4");
});

receiver.close();
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
