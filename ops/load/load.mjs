#!/usr/bin/env node
// Darkroom load generator: creates a tenant through the admin API (or uses a given API key), submits N jobs with C
// in flight through the gateway, polls them to a terminal status and reports throughput, submit latency and
// end-to-end time. Node 18+, no npm dependencies. Run `node ops/load/load.mjs --help` for the options.
//
// Bounded on purpose: at most 10,000 jobs, 256 in flight, one hour; a loopback gateway unless --allow-remote; and a
// created tenant gets a monthly budget (--budget-usd) so a run against the real fal cannot spend more than that.

import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';

const TERMINAL = new Set(['succeeded', 'failed', 'canceled', 'expired', 'rejected']);
const LIMITS = { jobs: 10_000, concurrency: 256, timeout: 3600 };

const USAGE = `Usage: ops/load/load.sh [options]

  --gateway URL         gateway base URL (env GATEWAY_URL, default http://127.0.0.1:8080)
  --admin-token TOKEN   admin bearer token, to create the load tenant (env DARKROOM_ADMIN_TOKEN)
  --api-key KEY         use this tenant API key instead of creating a tenant (env DARKROOM_API_KEY)
  --jobs N              jobs to submit (default 50, at most ${LIMITS.jobs})
  --concurrency C       submissions and polls in flight (default 8, at most ${LIMITS.concurrency})
  --model ID            catalog model id (default flux-dev)
  --prompt TEXT         prompt; the job's number is appended (default "darkroom load test");
                        fal-sim tokens work, e.g. "[sim:slow=2s]" or "[sim:model_error]"
  --input JSON          further input fields, e.g. '{"image_size":"square","num_inference_steps":4}'
  --budget-usd AMOUNT   monthly budget of a created tenant (default 25.00): caps what a run can spend
  --max-concurrent N    a created tenant's limit of jobs at fal at once (default 64), so the platform's
                        global in-flight cap, not the tenant's plan, bounds throughput
  --timeout SECONDS     the whole run, submissions and polling (default 600, at most ${LIMITS.timeout})
  --poll-interval MS    pause between polling rounds (default 500)
  --json                also print the summary as one JSON line
  --allow-remote        allow a gateway that is not on a loopback address
  -h, --help            this text

Exit status: 0 when every submission was answered 201/202 and every job reached a terminal status in time (failed
jobs included: they are an outcome, not an error of the run); 1 otherwise; 2 for bad arguments.`;

function parseArgs(argv, env) {
  const o = {
    gateway: env.GATEWAY_URL || 'http://127.0.0.1:8080',
    adminToken: env.DARKROOM_ADMIN_TOKEN || '',
    apiKey: env.DARKROOM_API_KEY || '',
    jobs: 50,
    concurrency: 8,
    model: 'flux-dev',
    prompt: 'darkroom load test',
    input: {},
    budgetUsd: '25.00',
    maxConcurrent: 64,
    timeout: 600,
    pollInterval: 500,
    json: false,
    allowRemote: false,
  };
  const flags = { '--json': 'json', '--allow-remote': 'allowRemote' };
  const values = {
    '--gateway': 'gateway', '--admin-token': 'adminToken', '--api-key': 'apiKey', '--jobs': 'jobs',
    '--concurrency': 'concurrency', '--model': 'model', '--prompt': 'prompt', '--input': 'input',
    '--budget-usd': 'budgetUsd', '--max-concurrent': 'maxConcurrent', '--timeout': 'timeout',
    '--poll-interval': 'pollInterval',
  };
  for (let i = 0; i < argv.length; i++) {
    let arg = argv[i];
    let value;
    const eq = arg.indexOf('=');
    if (arg.startsWith('--') && eq > 0) {
      value = arg.slice(eq + 1);
      arg = arg.slice(0, eq);
    }
    if (arg === '-h' || arg === '--help') {
      o.help = true;
    } else if (flags[arg]) {
      o[flags[arg]] = true;
    } else if (values[arg]) {
      if (value === undefined) {
        if (i + 1 >= argv.length) throw new UsageError(`${arg} needs a value`);
        value = argv[++i];
      }
      o[values[arg]] = value;
    } else {
      throw new UsageError(`unknown argument ${arg}`);
    }
  }
  o.jobs = bounded('--jobs', o.jobs, 1, LIMITS.jobs);
  o.concurrency = bounded('--concurrency', o.concurrency, 1, LIMITS.concurrency);
  o.timeout = bounded('--timeout', o.timeout, 1, LIMITS.timeout);
  o.maxConcurrent = bounded('--max-concurrent', o.maxConcurrent, 1, 1_000_000);
  o.pollInterval = bounded('--poll-interval', o.pollInterval, 50, 60_000);
  if (typeof o.input === 'string') {
    try {
      o.input = JSON.parse(o.input);
    } catch (e) {
      throw new UsageError(`--input is not JSON: ${e.message}`);
    }
    if (o.input === null || typeof o.input !== 'object' || Array.isArray(o.input)) {
      throw new UsageError('--input must be a JSON object');
    }
  }
  if (!/^\d+(\.\d{1,6})?$/.test(String(o.budgetUsd))) {
    throw new UsageError('--budget-usd must be a decimal amount such as 25.00');
  }
  let url;
  try {
    url = new URL(o.gateway);
  } catch {
    throw new UsageError(`--gateway is not a URL: ${o.gateway}`);
  }
  o.gateway = url.origin + url.pathname.replace(/\/+$/, '');
  if (!o.allowRemote && !isLoopback(url.hostname)) {
    throw new UsageError(`${url.hostname} is not a loopback address; pass --allow-remote to load a remote gateway`);
  }
  if (!o.help && !o.apiKey && !o.adminToken) {
    throw new UsageError('give --admin-token (to create a load tenant) or --api-key');
  }
  return o;
}

class UsageError extends Error {}

function bounded(name, value, min, max) {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new UsageError(`${name} must be a whole number from ${min} to ${max}`);
  }
  return n;
}

function isLoopback(host) {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  return h === 'localhost' || h === '::1' || /^127(\.\d{1,3}){3}$/.test(h);
}

/** One HTTP exchange with a deadline; never throws for an HTTP status, only for transport errors. */
async function call(method, url, { token, body, headers = {}, deadline }) {
  const remaining = Math.max(1, deadline - Date.now());
  const response = await fetch(url, {
    method,
    headers: {
      accept: 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...headers,
    },
    body: body !== undefined ? JSON.stringify(body) : undefined,
    signal: AbortSignal.timeout(Math.min(remaining, 30_000)),
  });
  const text = await response.text();
  let json = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = null;
  }
  return { status: response.status, json, text };
}

function describe(res) {
  const code = res.json && (res.json.code || res.json.title);
  return `HTTP ${res.status}${code ? ` ${code}` : ''}${res.json && res.json.detail ? `: ${res.json.detail}` : ''}`;
}

/** Runs worker(item) over items with at most `limit` in flight. */
async function pool(items, limit, worker) {
  let next = 0;
  const runners = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const item = items[next++];
      await worker(item);
    }
  });
  await Promise.all(runners);
}

function percentile(sorted, p) {
  if (sorted.length === 0) return null;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

function stats(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return {
    count: sorted.length,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    max: sorted.length ? sorted[sorted.length - 1] : null,
  };
}

async function createTenant(o, run, deadline) {
  const admin = `${o.gateway}/v1/admin/tenants`;
  const tenant = await call('POST', admin, {
    token: o.adminToken,
    deadline,
    body: {
      name: `load ${run}`,
      monthly_budget_usd: String(o.budgetUsd),
      max_queued_jobs: Math.max(100, o.jobs * 2),
      requests_per_minute: Math.min(1_000_000, Math.max(600, o.jobs * 2)),
      max_concurrent_jobs: o.maxConcurrent,
    },
  });
  if (tenant.status !== 201 || !tenant.json || !tenant.json.id) {
    throw new Error(`creating the load tenant failed: ${describe(tenant)}`);
  }
  const key = await call('POST', `${admin}/${tenant.json.id}/keys`, {
    token: o.adminToken,
    deadline,
    body: { name: `load ${run}` },
  });
  if (key.status !== 201 || !key.json || !key.json.key) {
    throw new Error(`creating the load tenant's API key failed: ${describe(key)}`);
  }
  return { tenantId: tenant.json.id, apiKey: key.json.key };
}

async function submitAll(o, run, apiKey, deadline) {
  const jobs = [];
  const indexes = Array.from({ length: o.jobs }, (_, i) => i + 1);
  const startedAt = Date.now();
  const started = performance.now();
  await pool(indexes, o.concurrency, async (i) => {
    const job = { index: i, submittedAt: Date.now(), httpStatus: null, code: null, id: null, status: null };
    jobs.push(job);
    if (Date.now() >= deadline) {
      job.code = 'not_sent_timeout';
      return;
    }
    const t0 = performance.now();
    try {
      const res = await call('POST', `${o.gateway}/v1/jobs`, {
        token: apiKey,
        deadline,
        headers: { 'idempotency-key': `${run}-${i}` },
        body: {
          model: o.model,
          input: { ...o.input, prompt: `${o.prompt} #${i}` },
          metadata: { load_run: run, index: i },
        },
      });
      job.latencyMs = performance.now() - t0;
      job.httpStatus = res.status;
      if ((res.status === 201 || res.status === 202) && res.json && res.json.id) {
        job.id = res.json.id;
        job.status = res.json.status;
        job.createdAt = res.json.created_at;
        if (TERMINAL.has(job.status)) {
          job.observedDoneAt = Date.now();
          job.view = res.json;
        }
      } else {
        job.code = (res.json && res.json.code) || `http_${res.status}`;
      }
    } catch (e) {
      job.latencyMs = performance.now() - t0;
      job.code = e.name === 'TimeoutError' ? 'client_timeout' : 'transport_error';
      job.error = e.message;
    }
  });
  return { jobs, startedAt, seconds: (performance.now() - started) / 1000 };
}

async function pollAll(o, apiKey, jobs, deadline) {
  const started = performance.now();
  let pending = jobs.filter((j) => j.id && !TERMINAL.has(j.status));
  while (pending.length > 0 && Date.now() < deadline) {
    await pool(pending, o.concurrency, async (job) => {
      if (Date.now() >= deadline) return;
      try {
        const res = await call('GET', `${o.gateway}/v1/jobs/${job.id}`, { token: apiKey, deadline });
        // 404: a 202-accepted job the orchestrator has not admitted yet; anything else non-200: ask again later
        if (res.status === 200 && res.json) {
          job.status = res.json.status;
          if (TERMINAL.has(job.status)) {
            job.observedDoneAt = Date.now();
            job.view = res.json;
          }
        }
      } catch {
        // transient: the next round asks again, the deadline bounds it
      }
    });
    pending = pending.filter((j) => !TERMINAL.has(j.status));
    if (pending.length > 0) {
      await new Promise((r) => setTimeout(r, Math.min(o.pollInterval, Math.max(0, deadline - Date.now()))));
    }
  }
  return { seconds: (performance.now() - started) / 1000, unfinished: pending.length };
}

/**
 * From the gateway taking the job to its terminal state, on the servers' clocks. The start is the created_at of the
 * 201/202 answer: for a 202 the orchestrator's own created_at is later, when it finally admitted the job.
 */
function serverSeconds(job) {
  const view = job.view;
  const start = job.createdAt || (view && view.created_at);
  if (!view || !start || !view.timestamps || !view.timestamps[view.status]) return null;
  const ms = Date.parse(view.timestamps[view.status]) - Date.parse(start);
  return Number.isFinite(ms) && ms >= 0 ? ms / 1000 : null;
}

function summarise(o, run, tenantId, submit, poll) {
  const { jobs } = submit;
  const byHttp = {};
  const refusals = {};
  for (const j of jobs) {
    const key = j.httpStatus === null ? 'none' : String(j.httpStatus);
    byHttp[key] = (byHttp[key] || 0) + 1;
    if (!j.id) refusals[j.code] = (refusals[j.code] || 0) + 1;
  }
  const taken = jobs.filter((j) => j.id);
  const byStatus = {};
  for (const j of taken) byStatus[j.status || 'unknown'] = (byStatus[j.status || 'unknown'] || 0) + 1;
  const done = taken.filter((j) => TERMINAL.has(j.status));
  const errors = {};
  for (const j of done) {
    const code = j.view && j.view.error && j.view.error.code;
    if (code) errors[code] = (errors[code] || 0) + 1;
  }
  const lastDone = done.reduce((m, j) => Math.max(m, j.observedDoneAt || 0), 0);
  // from the first submission to the last job seen finished
  const completionSeconds = done.length ? (lastDone - submit.startedAt) / 1000 : null;
  return {
    run,
    tenant_id: tenantId,
    gateway: o.gateway,
    model: o.model,
    jobs: o.jobs,
    concurrency: o.concurrency,
    submit: {
      seconds: round(submit.seconds, 3),
      per_second: round(jobs.length / submit.seconds, 2),
      http_status: byHttp,
      refused: refusals,
      latency_ms: mapStats(stats(jobs.filter((j) => j.id).map((j) => j.latencyMs)), 1),
    },
    completion: {
      terminal: done.length,
      unfinished: poll.unfinished,
      seconds: round(completionSeconds, 2),
      per_second: completionSeconds ? round(done.length / completionSeconds, 2) : null,
      end_to_end_s: mapStats(stats(done.map(serverSeconds).filter((s) => s !== null)), 3),
      observed_s: mapStats(stats(done.map((j) => (j.observedDoneAt - j.submittedAt) / 1000)), 2),
    },
    status: byStatus,
    errors,
  };
}

function round(v, digits) {
  return v === null || v === undefined || !Number.isFinite(v) ? null : Number(v.toFixed(digits));
}

function mapStats(s, digits) {
  return { count: s.count, p50: round(s.p50, digits), p99: round(s.p99, digits), max: round(s.max, digits) };
}

function counts(map) {
  const entries = Object.entries(map).sort((a, b) => b[1] - a[1]);
  return entries.length ? entries.map(([k, v]) => `${k} ${v}`).join(', ') : 'none';
}

function dist(d, unit) {
  return d.count ? `p50 ${d.p50} ${unit}, p99 ${d.p99} ${unit}, max ${d.max} ${unit}` : 'n/a';
}

function print(s) {
  const c = s.completion;
  const lines = [
    `run ${s.run}: ${s.jobs} x ${s.model}, concurrency ${s.concurrency}, gateway ${s.gateway}, ` +
      `tenant ${s.tenant_id || '(given key)'}`,
    `submit      ${s.jobs} in ${s.submit.seconds} s = ${s.submit.per_second} jobs/s; ` +
      `HTTP ${counts(s.submit.http_status)}`,
    `refused     ${counts(s.submit.refused)}`,
    `latency     201/202: ${dist(s.submit.latency_ms, 'ms')} (${s.submit.latency_ms.count} answers)`,
    `completion  ${c.terminal} terminal, ${c.unfinished} unfinished` +
      (c.seconds !== null ? `; the last after ${c.seconds} s = ${c.per_second} jobs/s` : ''),
    `end-to-end  taken by the gateway -> finished (server clocks): ${dist(c.end_to_end_s, 's')}`,
    `            observed by this client (poll granularity): ${dist(c.observed_s, 's')}`,
    `status      ${counts(s.status)}`,
    `errors      ${counts(s.errors)}`,
  ];
  console.log(lines.join('\n'));
}

async function main() {
  if (typeof fetch !== 'function' || typeof AbortSignal.timeout !== 'function') {
    console.error(`load: needs Node 18 or newer (this is ${process.version})`);
    return 2;
  }
  let o;
  try {
    o = parseArgs(process.argv.slice(2), process.env);
  } catch (e) {
    if (e instanceof UsageError) {
      console.error(`load: ${e.message}\n\n${USAGE}`);
      return 2;
    }
    throw e;
  }
  if (o.help) {
    console.log(USAGE);
    return 0;
  }
  const startedAt = Date.now();
  const deadline = startedAt + o.timeout * 1000;
  const run = `load-${new Date(startedAt).toISOString().replace(/[-:]/g, '').slice(0, 15)}-${randomUUID().slice(0, 8)}`;
  let tenantId = null;
  let apiKey = o.apiKey;
  if (!apiKey) {
    ({ tenantId, apiKey } = await createTenant(o, run, deadline));
    console.error(`load: created tenant ${tenantId} (budget ${o.budgetUsd} USD)`);
  }
  console.error(`load: submitting ${o.jobs} jobs, ${o.concurrency} at a time`);
  const submit = await submitAll(o, run, apiKey, deadline);
  const accepted = submit.jobs.filter((j) => j.id).length;
  console.error(`load: ${accepted} jobs taken in ${submit.seconds.toFixed(1)} s; polling until terminal`);
  const poll = await pollAll(o, apiKey, submit.jobs, deadline);
  const summary = summarise(o, run, tenantId, submit, poll);
  print(summary);
  if (o.json) console.log(JSON.stringify(summary));
  const allTaken = accepted === o.jobs;
  return allTaken && poll.unfinished === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(`load: ${e.message}`);
    process.exit(1);
  },
);
