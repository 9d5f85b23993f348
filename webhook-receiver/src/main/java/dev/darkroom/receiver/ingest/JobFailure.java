package dev.darkroom.receiver.ingest;

import dev.darkroom.contracts.messages.JobError;

/** The job cannot succeed with this result: report {@link #error()} as {@code JobFailed}. */
final class JobFailure extends RuntimeException {

    private final transient JobError error;

    JobFailure(JobError error) {
        super(error.code() + ": " + error.message());
        this.error = error;
    }

    JobError error() {
        return error;
    }
}
