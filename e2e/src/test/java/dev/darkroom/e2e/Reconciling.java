package dev.darkroom.e2e;

import java.util.List;

/** Orchestrator settings that let tests watch reconciliation within seconds instead of minutes. */
final class Reconciling {

    /**
     * Poll a job 2 s past its model's expected time (flux-dev: 10 s), then every 2 s; give up on a job waiting in
     * fal's queue after 20 s, and on one still running there 30 s after submission; look again 10 s after feeding a
     * result.
     */
    static final List<String> FAST = List.of(
            "--darkroom.jobs.check-margin=2s",
            "--darkroom.reconciler.poll-interval=2s",
            "--darkroom.reconciler.queue-deadline=20s",
            "--darkroom.reconciler.max-run-time=30s",
            "--darkroom.reconciler.ingest-grace=10s",
            "--darkroom.reconciler.cancel-follow-up=1s");

    private Reconciling() {}
}
