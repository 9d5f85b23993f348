package dev.darkroom.worker.video;

import dev.darkroom.contracts.catalog.ModelKind;
import dev.darkroom.contracts.messaging.Messaging;
import dev.darkroom.worker.core.WorkerApplicationContract;

/** The video worker as it ships: its application.yml, its queue, its actuator; it resolves input images. */
class WorkerVideoApplicationTest extends WorkerApplicationContract {

    WorkerVideoApplicationTest() {
        super(ModelKind.VIDEO, Messaging.WORK_VIDEO_QUEUE, true, "hailuo-02-image-to-video");
    }
}
