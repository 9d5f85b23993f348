package dev.darkroom.contracts.messaging;

import static dev.darkroom.contracts.messaging.Messaging.*;

import java.util.List;

/**
 * Darkroom's broker topology as data: every queue and what feeds it. Each service declares all of it (see
 * service-support's {@code TopologyDeclarables}), so a message published while its consumer has never started
 * still lands in a durable queue instead of being unroutable.
 */
public final class Topology {

    /** Every queue and its binding. Each also gets a dead-letter queue. */
    public static final List<Route> ROUTES = List.of(
            new Route(SUBMIT_JOB_QUEUE, COMMANDS_EXCHANGE, SUBMIT_JOB),
            new Route(WORK_IMAGE_QUEUE, WORK_EXCHANGE, WORK_IMAGE),
            new Route(WORK_VIDEO_QUEUE, WORK_EXCHANGE, WORK_VIDEO),
            new Route(JOB_SUBMITTED_QUEUE, EVENTS_EXCHANGE, JOB_SUBMITTED),
            new Route(JOB_COMPLETED_QUEUE, EVENTS_EXCHANGE, JOB_COMPLETED),
            new Route(JOB_FAILED_QUEUE, EVENTS_EXCHANGE, JOB_FAILED),
            new Route(FAL_RESULTS_QUEUE, EVENTS_EXCHANGE, FAL_RESULT_RECEIVED));

    private Topology() {}
}
