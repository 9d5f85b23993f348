-- A worker takes the submit lease of a dispatch attempt before it calls fal: one holder per attempt, only for the
-- job's latest attempt while it is dispatched. fal_submissions counts the holders granted, i.e. the fal submissions
-- the job can have caused.
alter table job
    add column submit_lease_attempt int,
    add column submit_lease_holder  text,
    add column submit_lease_until   timestamptz,
    add column fal_submissions      int not null default 0;
