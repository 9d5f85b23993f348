-- Job events: one row per state change, with a monotonic id that SSE clients resume from (Last-Event-ID).
-- Written by a trigger on job_transition, so every change the state machine records becomes an event in the same
-- transaction, whichever code path made it. xid is the writing transaction: readers deliver a row only once every
-- transaction that could still commit a lower id has ended (id < the snapshot's xmin horizon), so a resumed stream
-- never skips an event that committed late.
create table job_event (
    id          bigserial   primary key,
    tenant_id   uuid        not null,
    job_id      uuid        not null,
    type        text        not null,
    created_at  timestamptz not null,
    xid         xid8        not null default pg_current_xact_id()
);
create index job_event_job on job_event (job_id, id);
create index job_event_tenant on job_event (tenant_id, id);
create index job_event_created on job_event (created_at);

-- NOTIFY is delivered when the transaction commits, exactly when its rows become visible: every orchestrator
-- replica LISTENs and wakes the streams of that tenant.
create function job_event_from_transition() returns trigger language plpgsql as $$
declare
    tenant uuid;
begin
    select tenant_id into tenant from job where id = new.job_id;
    insert into job_event (tenant_id, job_id, type, created_at)
    values (tenant, new.job_id, 'job.' || new.to_status, new.at);
    perform pg_notify('darkroom_job_events', tenant::text);
    return new;
end $$;

create trigger job_event_from_transition after insert on job_transition
    for each row execute function job_event_from_transition();
