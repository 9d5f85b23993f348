-- Flagged (NSFW) outputs: fal's safety checker marks an image in has_nsfw_concepts and blacks it out.
-- A tenant's nsfw_policy says what happens to such images: deliver (kept, marked), drop (neither stored nor charged;
-- the job fails content_flagged when none is left) or fail (the job fails content_flagged, nothing charged).
alter table tenant add column nsfw_policy text not null default 'drop'
    constraint tenant_nsfw_policy_check check (nsfw_policy in ('deliver', 'drop', 'fail'));

-- whether a kept output was flagged (only under nsfw_policy = deliver)
alter table job_output add column nsfw boolean not null default false;
