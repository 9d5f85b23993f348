-- Webhook endpoints become a tenant resource: several per tenant, each with its own event-type filter and
-- secret (with an overlap window after rotation). An event is one message; each matching endpoint gets one
-- delivery of it, and every attempt of a delivery is kept.
create table webhook_endpoint (
    id                     uuid primary key,
    tenant_id              uuid        not null references tenant (id),
    url                    text        not null,
    description            text,
    -- null: every event type
    event_types            text[],
    enabled                boolean     not null default true,
    disabled_reason        text,
    secret                 text        not null,
    previous_secret        text,
    previous_secret_until  timestamptz,
    -- since when every attempt to this endpoint has failed; null after a success
    failing_since          timestamptz,
    created_at             timestamptz not null,
    updated_at             timestamptz not null
);
create index webhook_endpoint_tenant on webhook_endpoint (tenant_id, created_at, id);

create table webhook_message (
    id          uuid primary key,
    tenant_id   uuid        not null references tenant (id),
    event_type  text        not null,
    payload     jsonb       not null,
    created_at  timestamptz not null
);
create index webhook_message_created on webhook_message (created_at);

create table webhook_delivery (
    id               uuid primary key,
    message_id       uuid        not null references webhook_message (id) on delete cascade,
    endpoint_id      uuid        not null references webhook_endpoint (id) on delete cascade,
    status           text        not null check (status in ('pending', 'delivered', 'failed')),
    -- attempts since the delivery was created, replayed or recovered: the position in the retry schedule
    tries            int         not null default 0,
    -- when a pending delivery is due; a sender leases one by moving this past its attempt deadline
    next_attempt_at  timestamptz not null,
    delivered_at     timestamptz,
    failed_at        timestamptz,
    created_at       timestamptz not null,
    unique (message_id, endpoint_id)
);
create index webhook_delivery_due on webhook_delivery (next_attempt_at) where status = 'pending';
create index webhook_delivery_endpoint on webhook_delivery (endpoint_id, created_at desc, id desc);

create table webhook_attempt (
    id           bigint generated always as identity primary key,
    delivery_id  uuid        not null references webhook_delivery (id) on delete cascade,
    attempted_at timestamptz not null,
    http_status  int,
    latency_ms   bigint      not null,
    error        text
);
create index webhook_attempt_delivery on webhook_attempt (delivery_id, id);

-- Each tenant's single webhook URL and secret become its first endpoint, subscribed to every event type.
insert into webhook_endpoint (id, tenant_id, url, description, secret, created_at, updated_at)
select gen_random_uuid(), id, webhook_url, 'migrated from the tenant''s webhook_url', webhook_secret, now(), now()
  from tenant
 where webhook_url is not null and webhook_secret is not null;

-- Deliveries still pending (or kept as history) move over to that endpoint; the old row id stays the webhook-id.
insert into webhook_message (id, tenant_id, event_type, payload, created_at)
select d.id, d.tenant_id, d.event_type, d.payload, d.created_at
  from tenant_webhook_delivery d
  join webhook_endpoint e on e.tenant_id = d.tenant_id;

insert into webhook_delivery (id, message_id, endpoint_id, status, tries, next_attempt_at, delivered_at, failed_at,
                              created_at)
select gen_random_uuid(), d.id, e.id,
       case when d.delivered_at is not null then 'delivered' when d.failed_at is not null then 'failed' else 'pending' end,
       d.attempts, d.next_attempt_at, d.delivered_at, d.failed_at, d.created_at
  from tenant_webhook_delivery d
  join webhook_endpoint e on e.tenant_id = d.tenant_id;

drop table tenant_webhook_delivery;
alter table tenant drop column webhook_url;
alter table tenant drop column webhook_secret;
