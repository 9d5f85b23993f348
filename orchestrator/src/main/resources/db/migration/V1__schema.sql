-- Darkroom orchestrator schema. Money is numeric USD with six decimals; times are timestamptz (UTC).
-- Every query that runs per job or per request is backed by an index created here with its table.

create table plan (
    id                     text primary key,
    name                   text          not null,
    monthly_budget_usd     numeric(18, 6) not null check (monthly_budget_usd >= 0),
    alert_thresholds_pct   int[]         not null default '{50,80,100}',
    max_concurrent_jobs    int           not null check (max_concurrent_jobs > 0),
    max_queued_jobs        int           not null check (max_queued_jobs > 0),
    requests_per_minute    int           not null check (requests_per_minute > 0),
    allowed_models         text[],
    output_retention_days  int           not null check (output_retention_days > 0),
    created_at             timestamptz   not null,
    updated_at             timestamptz   not null
);

-- A tenant's quotas are its plan's, unless the tenant overrides a field (null = the plan's value).
create table tenant (
    id                     uuid primary key,
    name                   text          not null,
    plan_id                text          not null references plan (id),
    status                 text          not null default 'active' check (status in ('active', 'suspended')),
    monthly_budget_usd     numeric(18, 6) check (monthly_budget_usd >= 0),
    alert_thresholds_pct   int[],
    max_concurrent_jobs    int check (max_concurrent_jobs > 0),
    max_queued_jobs        int check (max_queued_jobs > 0),
    requests_per_minute    int check (requests_per_minute > 0),
    allowed_models         text[],
    output_retention_days  int check (output_retention_days > 0),
    webhook_url            text,
    webhook_secret         text,
    created_at             timestamptz   not null,
    updated_at             timestamptz   not null,
    version                bigint        not null default 0
);
create index tenant_created on tenant (created_at, id);

create table api_key (
    id           uuid primary key,
    tenant_id    uuid        not null references tenant (id),
    name         text,
    prefix       text        not null,
    key_hash     text        not null unique,
    created_at   timestamptz not null,
    expires_at   timestamptz,
    revoked_at   timestamptz
);
create index api_key_tenant on api_key (tenant_id, created_at);

create table job (
    id                   uuid primary key,
    tenant_id            uuid           not null references tenant (id),
    api_key_id           uuid,
    model                text           not null,
    kind                 text           not null check (kind in ('image', 'video')),
    status               text           not null,
    input                jsonb          not null,
    metadata             jsonb,
    estimated_cost_usd   numeric(18, 6) not null,
    cost_usd             numeric(18, 6),
    budget_period        date           not null,
    idempotency_key      text,
    fal_request_id       text unique,
    fal_status_url       text,
    fal_response_url     text,
    fal_cancel_url       text,
    error_code           text,
    error_message        text,
    error_detail         jsonb,
    dispatch_attempts    int            not null default 0,
    next_check_at        timestamptz,
    check_attempts       int            not null default 0,
    cancel_requested_at  timestamptz,
    created_at           timestamptz    not null,
    updated_at           timestamptz    not null,
    version              bigint         not null default 0
);
-- listing a tenant's jobs newest first with a (created_at, id) cursor, optionally by status or model
create index job_tenant_created on job (tenant_id, created_at desc, id desc);
create index job_tenant_status_created on job (tenant_id, status, created_at desc, id desc);
-- the dispatcher's scan of waiting jobs, oldest first per tenant
create index job_queued on job (tenant_id, created_at, id) where status = 'queued';
-- in-flight counts for the global and per-tenant caps, and the reconciler's overdue scan
create index job_in_flight on job (tenant_id) where status in ('dispatched', 'submitted', 'running');
create index job_check_due on job (next_check_at) where status in ('dispatched', 'submitted', 'running');
-- admission's count of a tenant's unfinished jobs
create index job_active on job (tenant_id) where status in ('accepted', 'queued', 'dispatched', 'submitted', 'running');

-- Append-only history: one row per state a job entered.
create table job_transition (
    id           bigserial primary key,
    job_id       uuid        not null references job (id),
    from_status  text,
    to_status    text        not null,
    at           timestamptz not null,
    reason       text
);
create index job_transition_job on job_transition (job_id, id);

create table job_output (
    job_id            uuid        not null references job (id),
    idx               int         not null,
    object_key        text        not null unique,
    content_type      text        not null,
    bytes             bigint      not null,
    sha256            text        not null,
    width             int,
    height            int,
    duration_seconds  numeric(10, 3),
    created_at        timestamptz not null,
    primary key (job_id, idx)
);

-- fal requests that lost to another request of the same job (a worker redelivered after submitting):
-- cancelled at fal so they neither run nor bill.
create table fal_request_to_cancel (
    fal_request_id  text primary key,
    job_id          uuid        not null references job (id),
    cancel_url      text,
    created_at      timestamptz not null,
    done_at         timestamptz,
    outcome         text
);
create index fal_request_to_cancel_pending on fal_request_to_cancel (created_at) where done_at is null;

-- The cost ledger: append-only. A job reserves its estimate at admission, then either settles its real cost and
-- releases the reservation (succeeded), or only releases it (failed, canceled, expired). One entry of each kind
-- per job at most, which makes every writer idempotent.
create table ledger_entry (
    id          bigserial primary key,
    tenant_id   uuid           not null references tenant (id),
    job_id      uuid           not null references job (id),
    kind        text           not null check (kind in ('reserve', 'release', 'settle')),
    amount_usd  numeric(18, 6) not null check (amount_usd >= 0),
    period      date           not null,
    created_at  timestamptz    not null,
    unique (job_id, kind)
);
create index ledger_entry_tenant_period on ledger_entry (tenant_id, period);

-- Running totals of ledger_entry per tenant and month, changed in the same transaction as each entry and locked
-- by admission, so a budget check never sums the ledger and never races another admission.
create table tenant_balance (
    tenant_id     uuid           not null references tenant (id),
    period        date           not null,
    reserved_usd  numeric(18, 6) not null default 0,
    spent_usd     numeric(18, 6) not null default 0,
    primary key (tenant_id, period)
);

-- Requests per minute: a counter per tenant and minute, read as a sliding window over two minutes.
create table rate_window (
    tenant_id     uuid        not null,
    window_start  timestamptz not null,
    requests      int         not null,
    primary key (tenant_id, window_start)
);

create table idempotency_key (
    tenant_id     uuid        not null,
    key           text        not null,
    request_hash  text        not null,
    job_id        uuid        not null references job (id),
    created_at    timestamptz not null,
    primary key (tenant_id, key)
);
create index idempotency_key_created on idempotency_key (created_at);

-- A threshold crossed once per tenant, period and threshold.
create table budget_alert (
    tenant_id       uuid           not null references tenant (id),
    period          date           not null,
    threshold_pct   int            not null,
    budget_usd      numeric(18, 6) not null,
    committed_usd   numeric(18, 6) not null,
    crossed_at      timestamptz    not null,
    primary key (tenant_id, period, threshold_pct)
);

-- Round-robin turn of each tenant at the dispatcher: the tenant served longest ago goes first.
create table dispatch_turn (
    tenant_id  uuid primary key references tenant (id),
    last_turn  bigint not null
);
create sequence dispatch_turn_seq;

-- Messages committed with the state change that caused them; the relay publishes them with confirms.
create table outbox (
    id            bigserial primary key,
    exchange      text        not null,
    routing_key   text        not null,
    message_type  text        not null,
    payload       jsonb       not null,
    created_at    timestamptz not null,
    claimed_until timestamptz,
    published_at  timestamptz
);
create index outbox_unpublished on outbox (id) where published_at is null;

-- Outgoing webhooks to tenants (Standard Webhooks), one row per event and endpoint.
create table tenant_webhook_delivery (
    id               uuid primary key,
    tenant_id        uuid        not null references tenant (id),
    event_type       text        not null,
    payload          jsonb       not null,
    attempts         int         not null default 0,
    next_attempt_at  timestamptz not null,
    delivered_at     timestamptz,
    failed_at        timestamptz,
    last_error       text,
    created_at       timestamptz not null
);
create index tenant_webhook_delivery_due on tenant_webhook_delivery (next_attempt_at)
    where delivered_at is null and failed_at is null;

insert into plan (id, name, monthly_budget_usd, max_concurrent_jobs, max_queued_jobs, requests_per_minute,
                  allowed_models, output_retention_days, created_at, updated_at)
values ('standard', 'Standard', 100.000000, 4, 1000, 600, null, 30, now(), now());
