-- Rate limits count admitted requests only, each at the time the gateway accepted it (a sliding log), so a
-- refused request never locks a tenant out and commands drained after an outage are judged at the rate they were
-- sent. Replaces the per-minute counters, which counted refusals too.
drop table rate_window;

create table rate_admission (
    job_id       uuid        primary key,
    tenant_id    uuid        not null,
    admitted_at  timestamptz not null
);

create index rate_admission_tenant_time on rate_admission (tenant_id, admitted_at);
