package dev.darkroom.contracts.messaging;

/** The names of Darkroom's exchanges, routing keys and queues. */
public final class Messaging {

    /** Direct exchange for commands (imperative): {@link #SUBMIT_JOB}. */
    public static final String COMMANDS_EXCHANGE = "darkroom.commands";
    /** Direct exchange the dispatcher releases jobs to: {@link #WORK_IMAGE}, {@link #WORK_VIDEO}. */
    public static final String WORK_EXCHANGE = "darkroom.work";
    /** Topic exchange for job events (past tense). */
    public static final String EVENTS_EXCHANGE = "darkroom.events";
    /** Direct exchange dead-lettered messages go to, keyed by their queue's name. */
    public static final String DEAD_LETTER_EXCHANGE = "darkroom.dlx";

    public static final String SUBMIT_JOB = "job.submit";
    /** A worker asks for the right to submit one dispatch of a job to fal (request-reply). */
    public static final String TAKE_SUBMIT_LEASE = "job.submit-lease";

    public static final String WORK_IMAGE = "work.image";
    public static final String WORK_VIDEO = "work.video";
    public static final String JOB_SUBMITTED = "job.submitted";
    public static final String JOB_COMPLETED = "job.completed";
    public static final String JOB_FAILED = "job.failed";
    /** A fal result to ingest, from a webhook or from the reconciler's poll. */
    public static final String FAL_RESULT_RECEIVED = "fal.result.received";

    /** Orchestrator: admission of {@link #SUBMIT_JOB} commands. */
    public static final String SUBMIT_JOB_QUEUE = "orchestrator.submit-job";
    /** Orchestrator: {@link #TAKE_SUBMIT_LEASE} requests. */
    public static final String SUBMIT_LEASE_QUEUE = "orchestrator.submit-lease";
    /** worker-image: image jobs to submit to fal. */
    public static final String WORK_IMAGE_QUEUE = "worker.work-image";
    /** worker-video: video jobs to submit to fal. */
    public static final String WORK_VIDEO_QUEUE = "worker.work-video";
    /** Orchestrator: fal accepted a job. */
    public static final String JOB_SUBMITTED_QUEUE = "orchestrator.job-submitted";
    /** Orchestrator: a job's outputs are stored. */
    public static final String JOB_COMPLETED_QUEUE = "orchestrator.job-completed";
    /** Orchestrator: a job failed at fal or in a worker. */
    public static final String JOB_FAILED_QUEUE = "orchestrator.job-failed";
    /** webhook-receiver: fal results to download and store. */
    public static final String FAL_RESULTS_QUEUE = "receiver.fal-results";

    private Messaging() {}

    /** The dead-letter queue of a queue. */
    public static String deadLetterQueue(String queue) {
        return queue + ".dlq";
    }
}
