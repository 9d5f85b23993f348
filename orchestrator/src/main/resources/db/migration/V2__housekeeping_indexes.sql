-- Housekeeping deletes rows by age; these indexes keep those deletes from scanning whole tables.
create index outbox_published on outbox (published_at) where published_at is not null;
create index rate_window_start on rate_window (window_start);
create index tenant_webhook_delivery_ended on tenant_webhook_delivery ((coalesce(delivered_at, failed_at)));
