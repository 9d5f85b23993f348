#!/usr/bin/env python3
"""Chaos run: N jobs through a local Darkroom while its parts fail, then proof that nothing was lost or charged twice.

While the jobs run, the services are killed with SIGKILL and started again one by one, RabbitMQ and Postgres are
restarted, and fal-sim drops, duplicates and delays webhooks and answers some submits with 429 and 503. Then every
job must be finished, none lost, no output stored twice, no tenant charged twice and the ledger balanced. It prints

    jobs=500 terminal=500 lost=0 double_charged=0 ledger_balanced=true ...

and exits 0 only when all of that holds. Loopback only (it refuses other hosts), bounded in jobs and time. The
platform is the one `./darkroom up` started; the services are killed and started with `./darkroom kill|start`.
Python 3 standard library only.
"""
import argparse
import concurrent.futures
import json
import os
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid

SERVICES_TO_KILL = ["gateway", "orchestrator", "worker-image", "webhook-receiver"]
TERMINAL = {"succeeded", "failed", "canceled", "expired", "rejected"}


def log(message):
    print(f"[chaos {time.strftime('%H:%M:%S')}] {message}", flush=True)


def loopback(url):
    host = urllib.parse.urlparse(url).hostname
    if host not in ("127.0.0.1", "localhost", "::1"):
        sys.exit(f"refusing {url}: the chaos run only drives a platform on this machine")
    return url.rstrip("/")


def call(method, url, body=None, headers=None, timeout=30):
    """(status, parsed JSON or None); status 0 when the connection failed."""
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(url, data=data, method=method, headers=headers or {})
    if data is not None:
        request.add_header("Content-Type", "application/json")
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            raw = response.read()
            return response.status, json.loads(raw) if raw else None
    except urllib.error.HTTPError as e:
        raw = e.read()
        try:
            return e.code, json.loads(raw) if raw else None
        except ValueError:
            return e.code, None
    except (urllib.error.URLError, ConnectionError, TimeoutError, OSError):
        return 0, None


def fal_submissions(records, job_ids):
    """fal submissions per job from fal-sim's request records, for the run's jobs that reached fal: each record's
    webhook URL ends in /fal/webhooks/<job id>?token=... . Submits refused by injected faults (429, ingress 5xx)
    enqueue nothing, so they leave no record. Returns (submissions per job, jobs submitted more than once)."""
    wanted = set(job_ids)
    per_job = {}
    for record in records:
        url = record.get("webhook_url") or ""
        marker = url.find("/fal/webhooks/")
        if marker < 0:
            continue
        job_id = url[marker + len("/fal/webhooks/"):].split("?", 1)[0]
        if job_id in wanted:
            per_job[job_id] = per_job.get(job_id, 0) + 1
    if not per_job:
        return 0.0, 0
    return sum(per_job.values()) / len(per_job), sum(1 for n in per_job.values() if n > 1)


class Chaos:
    def __init__(self, args):
        self.args = args
        self.gateway = loopback(args.gateway)
        self.fal_sim = loopback(args.fal_sim)
        self.admin = {"Authorization": f"Bearer {args.admin_token}"}
        self.deadline = time.monotonic() + args.time_limit
        self.job_ids = {}
        self.lock = threading.Lock()
        self.retries = 0
        self.events = []

    def left(self):
        return self.deadline - time.monotonic()

    # --- setup ---------------------------------------------------------------------------------------------------
    def tenant(self):
        status, tenant = call("POST", f"{self.gateway}/v1/admin/tenants", {
            "name": f"chaos-{uuid.uuid4().hex[:8]}", "monthly_budget_usd": "1000.00",
            "requests_per_minute": 100000, "max_queued_jobs": 100000, "max_concurrent_jobs": 16}, self.admin)
        if status != 201:
            sys.exit(f"cannot create the chaos tenant: {status} {tenant}")
        status, key = call("POST", f"{self.gateway}/v1/admin/tenants/{tenant['id']}/keys", {"name": "chaos"}, self.admin)
        if status != 201:
            sys.exit(f"cannot create the chaos key: {status} {key}")
        return tenant["id"], key["key"]

    def faults(self, on):
        settings = {
            "seed": self.args.seed,
            "webhook_drop_rate": self.args.drop_rate,
            "webhook_duplicate_rate": self.args.duplicate_rate,
            "webhook_delay_rate": 0.1, "webhook_delay_min": "PT1S", "webhook_delay_max": "PT5S",
            "submit_429_rate": self.args.submit_429_rate, "retry_after": "PT1S",
            "ingress_5xx_submit_rate": self.args.submit_5xx_rate,
        } if on else {}
        status, body = call("PUT", f"{self.fal_sim}/_sim/faults", settings)
        if status != 200:
            sys.exit(f"cannot set fal-sim faults: {status} {body}")

    # --- the jobs --------------------------------------------------------------------------------------------------
    def submit(self, key, i):
        """Submits one job, retrying through outages with the same Idempotency-Key, so a retry never makes a
        second job."""
        headers = {"Authorization": f"Bearer {key}", "Idempotency-Key": f"chaos-{self.args.seed}-{i}"}
        body = {"model": "flux-dev", "input": {"prompt": f"chaos job {i}", "aspect_ratio": "1:1", "seed": i}}
        wait = 0.5
        while self.left() > 0:
            status, job = call("POST", f"{self.gateway}/v1/jobs", body, headers)
            if status in (201, 202):
                with self.lock:
                    self.job_ids[i] = job["id"]
                return
            with self.lock:
                self.retries += 1
            if status not in (0, 409, 429, 502, 503, 504):
                log(f"job {i}: unexpected answer {status} {job}")
            time.sleep(wait)
            wait = min(wait * 2, 5)

    # --- the faults --------------------------------------------------------------------------------------------------
    def run(self, command):
        started = time.monotonic()
        result = subprocess.run(command, shell=True, capture_output=True, text=True, timeout=max(30, self.left()))
        took = time.monotonic() - started
        if result.returncode != 0:
            log(f"'{command}' failed ({result.returncode}): {result.stderr.strip()[-300:]}")
        return took

    def kill_and_start(self, service):
        log(f"SIGKILL {service}")
        self.run(f"{self.args.control} kill {service}")
        took = self.run(f"{self.args.control} start {service}")
        self.events.append(f"{service}_restart_s={took:.1f}")
        log(f"{service} back after {took:.1f} s")

    def restart(self, name, command):
        if not command:
            return
        log(f"restarting {name}")
        took = self.run(command)
        self.events.append(f"{name}_restart_s={took:.1f}")
        log(f"{name} back after {took:.1f} s")

    def schedule(self, submitted):
        """One fault at a time, spread over the run: each service killed once, then the broker and the database."""
        steps = [lambda s=s: self.kill_and_start(s) for s in SERVICES_TO_KILL]
        steps.append(lambda: self.restart("rabbitmq", self.args.restart_rabbitmq))
        steps.append(lambda: self.restart("postgres", self.args.restart_postgres))
        for step in steps:
            if self.left() <= 0:
                return
            # start each fault once a share of the jobs is in, so faults land while work is in flight
            target = min(self.args.jobs, len(self.events) * self.args.jobs // len(steps) + self.args.jobs // 10)
            while len(submitted()) < target and self.left() > 0:
                time.sleep(0.2)
            step()

    # --- the checks --------------------------------------------------------------------------------------------------
    def audit(self, tenant_id):
        status, audit = call("GET", f"{self.gateway}/v1/admin/tenants/{tenant_id}/audit", headers=self.admin, timeout=60)
        return audit if status == 200 else None

    def main(self):
        started = time.monotonic()
        tenant_id, key = self.tenant()
        log(f"tenant {tenant_id}; {self.args.jobs} jobs, {self.args.concurrency} at a time")
        self.faults(True)
        with concurrent.futures.ThreadPoolExecutor(self.args.concurrency) as pool:
            chaos = threading.Thread(target=self.schedule, args=(lambda: self.job_ids,), daemon=True)
            chaos.start()
            for _ in pool.map(lambda i: self.submit(key, i), range(self.args.jobs)):
                pass
            submit_s = time.monotonic() - started
            log(f"submitted {len(self.job_ids)} of {self.args.jobs} in {submit_s:.1f} s ({self.retries} retries)")
            chaos.join(max(0, self.left()))

        audit = None
        while self.left() > 0:
            audit = self.audit(tenant_id)
            if audit and audit["jobs"]["total"] >= len(self.job_ids) and audit["jobs"]["terminal"] == audit["jobs"]["total"]:
                break
            time.sleep(2)
        drain_s = time.monotonic() - started - submit_s
        self.faults(False)
        audit = self.audit(tenant_id) or audit

        lost = 0
        for i, job_id in sorted(self.job_ids.items()):
            status, _ = call("GET", f"{self.gateway}/v1/jobs/{job_id}", headers={"Authorization": f"Bearer {key}"})
            if status == 404:
                lost += 1
        lost += self.args.jobs - len(self.job_ids)
        jobs = audit["jobs"] if audit else {"total": 0, "terminal": 0, "by_status": {}}
        status, records = call("GET", f"{self.fal_sim}/_sim/requests", timeout=60)
        per_job, submitted_twice = fal_submissions(records if status == 200 else [], self.job_ids.values())
        duplicated = (audit["stored_objects"] - audit["output_rows"]) if audit else -1
        summary = (f"jobs={self.args.jobs} terminal={jobs['terminal']} lost={lost} "
                   f"double_charged={audit['double_charged_jobs'] if audit else -1} "
                   f"ledger_balanced={str(bool(audit and audit['ledger_balanced'])).lower()} "
                   f"outputs_stored_twice={duplicated} "
                   f"unexpected_output_sets={audit['jobs_with_unexpected_outputs'] if audit else -1} "
                   f"fal_submissions_per_job={per_job:.2f} jobs_submitted_twice={submitted_twice} "
                   f"submit_s={submit_s:.1f} drain_s={drain_s:.1f} total_s={time.monotonic() - started:.1f} "
                   f"client_retries={self.retries} " + " ".join(self.events))
        print(summary, flush=True)
        print(f"by_status={json.dumps(jobs.get('by_status', {}), sort_keys=True)} ledger={json.dumps(audit['ledger'] if audit else {})}", flush=True)
        ok = (audit is not None and lost == 0 and jobs["terminal"] == self.args.jobs == jobs["total"]
              and audit["double_charged_jobs"] == 0 and audit["ledger_balanced"] and duplicated == 0
              and audit["jobs_with_unexpected_outputs"] == 0)
        return 0 if ok else 1


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--gateway", default="http://127.0.0.1:8080")
    parser.add_argument("--fal-sim", default="http://127.0.0.1:8090")
    parser.add_argument("--admin-token", default=os.environ.get("DARKROOM_ADMIN_TOKEN"))
    parser.add_argument("--control", default="./darkroom", help="kills and starts services: <control> kill|start <service>")
    parser.add_argument("--jobs", type=int, default=500)
    parser.add_argument("--concurrency", type=int, default=16)
    parser.add_argument("--time-limit", type=float, default=900, help="seconds for the whole run")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--drop-rate", type=float, default=0.2)
    parser.add_argument("--duplicate-rate", type=float, default=0.2)
    parser.add_argument("--submit-429-rate", type=float, default=0.05)
    parser.add_argument("--submit-5xx-rate", type=float, default=0.02)
    parser.add_argument("--restart-rabbitmq", default="rabbitmqctl -q -n rabbit@localhost stop_app && rabbitmqctl -q -n rabbit@localhost start_app",
                        help="shell command restarting the broker ('' to skip)")
    parser.add_argument("--restart-postgres", default="",
                        help="shell command restarting Postgres, e.g. 'pg_ctlcluster --skip-systemctl-redirect 15 main restart -m fast' ('' to skip)")
    args = parser.parse_args()
    if not args.admin_token:
        sys.exit("--admin-token (or DARKROOM_ADMIN_TOKEN) is required: ./darkroom up writes it to .darkroom/admin-token")
    if not 1 <= args.jobs <= 5000 or not 1 <= args.concurrency <= 64 or not 10 <= args.time_limit <= 3600:
        sys.exit("bounded run: 1-5000 jobs, 1-64 at a time, 10-3600 s")
    sys.exit(Chaos(args).main())


if __name__ == "__main__":
    main()
