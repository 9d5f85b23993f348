-- One trace per job (W3C trace context: traceparent, baggage). The job keeps the context of the request that created
-- it, so work done later by other threads (dispatch, reconciliation, tenant webhooks) joins the job's trace; an
-- outbox row keeps the context of the transaction that wrote it, and the relay publishes under it; a tenant webhook
-- delivery keeps the context of the event it announces, and is sent under it.
alter table job add column trace_context jsonb;
alter table outbox add column trace_context jsonb;
alter table tenant_webhook_delivery add column trace_context jsonb;
