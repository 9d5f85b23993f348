package dev.darkroom.worker.image;

import dev.darkroom.contracts.catalog.ModelKind;
import dev.darkroom.contracts.messaging.Messaging;
import dev.darkroom.worker.core.WorkerApplicationContract;

/** The image worker as it ships: its application.yml, its queue, its actuator. */
class WorkerImageApplicationTest extends WorkerApplicationContract {

    WorkerImageApplicationTest() {
        super(ModelKind.IMAGE, Messaging.WORK_IMAGE_QUEUE, false, "flux-dev");
    }
}
