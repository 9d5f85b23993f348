package dev.darkroom.orchestrator;

import dev.darkroom.contracts.jobs.JobStatus;
import dev.darkroom.contracts.messages.RejectionCode;
import dev.darkroom.contracts.messages.SubmitJobReply;
import java.util.Arrays;
import java.util.Objects;
import org.assertj.core.api.AbstractAssert;

/** AssertJ assertions for jobs and admission replies: {@code assertThat(job).hasStates(ACCEPTED, QUEUED)}. */
public final class OrchestratorAssertions {

    private OrchestratorAssertions() {}

    public static JobAssert assertThat(StoredJob job) {
        return new JobAssert(job);
    }

    public static ReplyAssert assertThat(SubmitJobReply reply) {
        return new ReplyAssert(reply);
    }

    /** Assertions on a stored job. */
    public static final class JobAssert extends AbstractAssert<JobAssert, StoredJob> {

        JobAssert(StoredJob actual) {
            super(actual, JobAssert.class);
        }

        /** Entered exactly these states, in this order. */
        public JobAssert hasStates(JobStatus... states) {
            isNotNull();
            if (!actual.states().equals(Arrays.asList(states))) {
                failWithMessage(
                        "expected job %s to go through %s but it went through %s",
                        actual.id(), Arrays.asList(states), actual.states());
            }
            return this;
        }

        public JobAssert isIn(JobStatus state) {
            isNotNull();
            if (actual.status() != state) {
                failWithMessage("expected job %s to be %s but it is %s", actual.id(), state, actual.status());
            }
            return this;
        }

        /** Ended without success, for this reason. */
        public JobAssert endedWith(String errorCode) {
            isNotNull();
            if (!Objects.equals(actual.errorCode(), errorCode)) {
                failWithMessage(
                        "expected job %s to end with %s but its error is %s",
                        actual.id(), errorCode, actual.errorCode());
            }
            return this;
        }

        /** Charged nothing: settled at zero or never settled. */
        public JobAssert costsNothing() {
            isNotNull();
            if (actual.costUsd() != null && actual.costUsd().signum() != 0) {
                failWithMessage("expected job %s to cost nothing but it cost %s", actual.id(), actual.costUsd());
            }
            return this;
        }
    }

    /** Assertions on admission's reply. */
    public static final class ReplyAssert extends AbstractAssert<ReplyAssert, SubmitJobReply> {

        ReplyAssert(SubmitJobReply actual) {
            super(actual, ReplyAssert.class);
        }

        public ReplyAssert isAdmitted() {
            isNotNull();
            if (actual.rejection() != null) {
                failWithMessage("expected the job to be admitted but it was rejected: %s", actual.rejection());
            }
            return this;
        }

        /** Rejected for this reason, with the code's HTTP status. */
        public ReplyAssert isRejectedWith(RejectionCode code) {
            isNotNull();
            if (actual.rejection() == null || actual.rejection().code() != code) {
                failWithMessage("expected a %s rejection but got %s", code, actual.rejection());
            }
            if (actual.rejection().status() != code.httpStatus()) {
                failWithMessage(
                        "expected HTTP %s for %s but got %s",
                        code.httpStatus(), code, actual.rejection().status());
            }
            return this;
        }
    }
}
