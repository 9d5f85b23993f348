#!/usr/bin/env node
// The platform benchmark's load and measurement (run by ops/bench/bench.sh, which starts the platform first).
// Open-loop load through the gateway at each given rate; completion seen through the tenant's webhook; fal-sim's
// own records give its part of each job's time, so "added" is what Darkroom adds; CPU per job and RSS come from
// /proc for every process of the platform, RabbitMQ and Postgres included. Node 18+, no npm packages.
//
// Bounded on purpose: at most 300 jobs/s, 120 s per rate, a loopback gateway only.

import { createServer } from 'node:http';
import { readFileSync, readdirSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

const USAGE = `Usage: node ops/bench/bench.mjs --gateway URL --admin-token T --fal-sim URL --pids FILE
    [--rates 10,25,50] [--duration 15] [--warmup 20] [--json FILE]

  --pids FILE   lines "name pid" of the processes to measure; "postgres" and "rabbitmq" are found by name`;

const TICKS = 100; // USER_HZ: /proc/<pid>/stat counts CPU time in 1/100 s on Linux
const HOLD_P99_MS = 1000;

function args(argv) {
  const o = { rates: [10, 25, 50], duration: 15, warmup: 20 };
  for (let i = 0; i < argv.length; i += 2) {
    const [k, v] = [argv[i], argv[i + 1]];
    if (k === '--gateway') o.gateway = v.replace(/\/+$/, '');
    else if (k === '--admin-token') o.adminToken = v;
    else if (k === '--fal-sim') o.falSim = v.replace(/\/+$/, '');
    else if (k === '--pids') o.pids = v;
    else if (k === '--rates') o.rates = v.split(',').map(Number);
    else if (k === '--duration') o.duration = Number(v);
    else if (k === '--warmup') o.warmup = Number(v);
    else if (k === '--json') o.json = v;
    else throw new Error(`unknown argument ${k}\n${USAGE}`);
  }
  if (!o.gateway || !o.adminToken || !o.falSim || !o.pids) throw new Error(USAGE);
  if (!/^http:\/\/(127\.\d+\.\d+\.\d+|localhost)(:\d+)?$/.test(o.gateway)) throw new Error('loopback gateways only');
  if (o.rates.some((r) => !(r > 0 && r <= 300)) || !(o.duration > 0 && o.duration <= 120)) {
    throw new Error('rates must be within (0, 300] jobs/s and --duration within (0, 120] s');
  }
  return o;
}

async function call(method, url, token, body, headers = {}) {
  const res = await fetch(url, {
    method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...headers,
    },
    body: body !== undefined ? JSON.stringify(body) : undefined,
    signal: AbortSignal.timeout(30_000),
  });
  const text = await res.text();
  let json = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = null;
  }
  return { status: res.status, json, headers: res.headers };
}

// ---- processes and /proc ----------------------------------------------------------------------------------

function processes(pidsFile) {
  const named = readFileSync(pidsFile, 'utf8').trim().split('\n').filter(Boolean).map((l) => {
    const [name, pid] = l.trim().split(/\s+/);
    return { name, pids: () => [Number(pid)] };
  });
  const byComm = (comm, match) => () => readdirSync('/proc').filter((d) => /^\d+$/.test(d)).filter((d) => {
    try {
      return readFileSync(`/proc/${d}/comm`, 'utf8').trim() === comm
        && (!match || readFileSync(`/proc/${d}/cmdline`, 'utf8').includes(match));
    } catch {
      return false;
    }
  }).map(Number);
  named.push({ name: 'postgres', pids: byComm('postgres'), withChildren: true });
  named.push({ name: 'rabbitmq', pids: byComm('beam.smp', 'rabbit') });
  return named;
}

/** CPU seconds of a process; with children, also what its exited children used (Postgres backends come and go). */
function cpuSeconds(pid, withChildren) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const own = Number(f[11]) + Number(f[12]);
    const children = withChildren ? Number(f[13]) + Number(f[14]) : 0;
    return (own + children) / TICKS;
  } catch {
    return 0;
  }
}

function rssMb(pid) {
  try {
    const m = readFileSync(`/proc/${pid}/status`, 'utf8').match(/VmRSS:\s+(\d+) kB/);
    return m ? Number(m[1]) / 1024 : 0;
  } catch {
    return 0;
  }
}

function sampleCpu(procs) {
  const s = {};
  for (const p of procs) {
    const pids = p.pids();
    // the postmaster (lowest pid) carries its exited backends' time; live backends count their own
    s[p.name] = pids.reduce((sum, pid, i) => sum + cpuSeconds(pid, p.withChildren && pid === Math.min(...pids)), 0);
  }
  return s;
}

// ---- the tenant and its webhook --------------------------------------------------------------------------

function webhookSink() {
  const seen = new Map(); // job id -> { at, body }
  const server = createServer((req, res) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      const at = Date.now();
      try {
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
        const job = body.data || body;
        if (job && job.id && !seen.has(job.id)) seen.set(job.id, { at, type: body.type, job });
      } catch {
        // not a job event: acknowledged and ignored
      }
      res.writeHead(204).end();
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, seen, url: `http://127.0.0.1:${server.address().port}/hook` })));
}

async function tenant(o, name, hookUrl) {
  const t = await call('POST', `${o.gateway}/v1/admin/tenants`, o.adminToken, {
    name,
    monthly_budget_usd: '100000.00',
    max_concurrent_jobs: 1000,
    max_queued_jobs: 100000,
    requests_per_minute: 1000000,
  });
  if (t.status !== 201) throw new Error(`creating a tenant: HTTP ${t.status} ${JSON.stringify(t.json)}`);
  const k = await call('POST', `${o.gateway}/v1/admin/tenants/${t.json.id}/keys`, o.adminToken, { name });
  if (k.status !== 201) throw new Error(`creating a key: HTTP ${k.status}`);
  const key = k.json.key;
  // webhook endpoints as a tenant resource where the platform has them, else the tenant's single webhook URL
  const e = await call('POST', `${o.gateway}/v1/webhooks/endpoints`, key, { url: hookUrl, event_types: ['job.succeeded', 'job.failed'] });
  if (e.status !== 201) {
    const p = await call('PATCH', `${o.gateway}/v1/admin/tenants/${t.json.id}`, o.adminToken, { webhook_url: hookUrl });
    if (p.status !== 200) throw new Error(`registering the webhook: HTTP ${e.status} / ${p.status}`);
  }
  return key;
}

// ---- one rate ---------------------------------------------------------------------------------------------

function pct(values, p) {
  if (!values.length) return null;
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length, Math.max(1, Math.ceil((p / 100) * s.length))) - 1];
}

async function openLoop(o, key, rate, seconds, tag) {
  const count = Math.round(rate * seconds);
  const sent = [];
  const start = performance.now();
  const inflight = [];
  for (let i = 0; i < count; i++) {
    const due = start + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    const job = { sentAt: Date.now() };
    sent.push(job);
    const t0 = performance.now();
    inflight.push(call('POST', `${o.gateway}/v1/jobs`, key, {
      model: 'flux-dev',
      input: { prompt: `bench ${tag} #${i}`, aspect_ratio: '1:1', seed: i },
    }).then((r) => {
      job.submitMs = performance.now() - t0;
      job.status = r.status;
      job.id = r.json && r.json.id;
    }, (e) => {
      job.submitMs = performance.now() - t0;
      job.status = `error ${e.name}`;
    }));
  }
  await Promise.all(inflight);
  return sent;
}

async function falRecords(o) {
  const r = await call('GET', `${o.falSim}/_sim/requests`);
  const byJob = new Map();
  for (const rec of r.json || []) {
    const m = /\/fal\/webhooks\/([0-9a-f-]{36})/.exec(rec.webhook_url || '');
    const first = rec.webhook && rec.webhook.attempts && rec.webhook.attempts[0];
    if (m && first) byJob.set(m[1], Date.parse(first.at) - Date.parse(rec.created_at));
  }
  return byJob;
}

async function measureRate(o, procs, sink, rate, seconds = o.duration) {
  const key = await tenant(o, `bench ${rate}/s ${Date.now()}`, sink.url);
  const cpu0 = sampleCpu(procs);
  const sent = await openLoop(o, key, rate, seconds, `${rate}`);
  const submitted = performance.now();
  const ids = sent.filter((j) => j.id);
  const drainUntil = Date.now() + 30_000;
  while (Date.now() < drainUntil && ids.some((j) => !sink.seen.has(j.id))) await new Promise((r) => setTimeout(r, 100));
  const drained = (performance.now() - submitted) / 1000;
  const cpu1 = sampleCpu(procs);
  const fal = await falRecords(o);
  const done = ids.filter((j) => sink.seen.has(j.id));
  const e2e = [], added = [], webhook = [];
  for (const j of done) {
    const { at, job } = sink.seen.get(j.id);
    e2e.push(at - j.sentAt);
    const ended = job.timestamps && Date.parse(job.timestamps[job.status]);
    if (ended) webhook.push(at - ended);
    const falMs = fal.get(j.id);
    if (ended && falMs !== undefined) added.push(ended - Date.parse(job.created_at) - falMs);
  }
  const answered = {};
  for (const j of sent) answered[j.status] = (answered[j.status] || 0) + 1;
  const span = seconds + drained;
  const cpuMsPerJob = {};
  for (const p of procs) cpuMsPerJob[p.name] = done.length ? ((cpu1[p.name] - cpu0[p.name]) * 1000) / done.length : null;
  const r = {
    rate,
    sent: sent.length,
    answered,
    completed: done.length,
    throughput: done.length / span,
    submit_ms: { p50: pct(sent.map((j) => j.submitMs), 50), p99: pct(sent.map((j) => j.submitMs), 99) },
    e2e_ms: { p50: pct(e2e, 50), p99: pct(e2e, 99) },
    added_ms: { p50: pct(added, 50), p99: pct(added, 99) },
    webhook_ms: { p50: pct(webhook, 50), p99: pct(webhook, 99) },
    cpu_ms_per_job: cpuMsPerJob,
  };
  r.holds = done.length === sent.length && (answered[201] || 0) === sent.length && r.e2e_ms.p99 < HOLD_P99_MS;
  return r;
}

// ---- report -----------------------------------------------------------------------------------------------

const f = (n, d = 0) => (n === null || n === undefined ? '-' : Number(n).toFixed(d));
const SERVICES = ['gateway', 'orchestrator', 'worker-image', 'webhook-receiver', 'worker-video'];

function table(results, procs) {
  const names = procs.map((p) => p.name);
  const lines = [
    `| offered | answered | submit p50 / p99 | end to end p50 / p99 | added p50 / p99 | webhook p50 / p99 | completed | ${names.join(' | ')} | services | broker+db |`,
    `|${'---|'.repeat(10 + names.length)}`,
  ];
  for (const r of results) {
    const ans = Object.entries(r.answered).map(([s, n]) => `${n} × ${s}`).join(', ');
    const c = r.cpu_ms_per_job;
    const services = SERVICES.reduce((s, n) => s + (c[n] || 0), 0);
    const infra = (c.postgres || 0) + (c.rabbitmq || 0);
    lines.push(`| ${r.rate} jobs/s | ${ans} | ${f(r.submit_ms.p50)} / ${f(r.submit_ms.p99)} ms | ${f(r.e2e_ms.p50)} / ${f(r.e2e_ms.p99)} ms | ${f(r.added_ms.p50)} / ${f(r.added_ms.p99)} ms | ${f(r.webhook_ms.p50)} / ${f(r.webhook_ms.p99)} ms | ${f(r.throughput, 1)}/s | ${names.map((n) => f(c[n], 1)).join(' | ')} | ${f(services, 1)} | ${f(infra, 1)} |`);
  }
  return lines.join('\n');
}

async function main() {
  const o = args(process.argv.slice(2));
  const procs = processes(o.pids);
  const sink = await webhookSink();
  try {
    if (o.warmup > 0) {
      process.stderr.write(`bench: warming up for ${o.warmup} s at 20 jobs/s\n`);
      await measureRate(o, procs, sink, 20, o.warmup);
    }
    const results = [];
    for (const rate of o.rates) {
      process.stderr.write(`bench: ${rate} jobs/s for ${o.duration} s\n`);
      const r = await measureRate(o, procs, sink, rate);
      results.push(r);
      process.stderr.write(`bench: ${rate} jobs/s ${r.holds ? 'holds' : 'does not hold'}\n`);
    }
    const rss = {};
    for (const p of procs) rss[p.name] = p.pids().reduce((s, pid) => s + rssMb(pid), 0);
    const best = results.filter((r) => r.holds).map((r) => r.rate);
    console.log(table(results, procs));
    console.log(`\nRSS after the run (MB): ${Object.entries(rss).map(([n, v]) => `${n} ${f(v)}`).join(', ')}`);
    console.log(`highest rate that holds (all 201, all completed, end-to-end p99 < ${HOLD_P99_MS} ms): ${best.length ? Math.max(...best) + ' jobs/s' : 'none'}`);
    if (o.json) {
      const { writeFileSync } = await import('node:fs');
      writeFileSync(o.json, JSON.stringify({ results, rss }, null, 2));
    }
  } finally {
    sink.server.close();
  }
}

main().catch((e) => {
  console.error(`bench: ${e.message}`);
  process.exit(1);
});
