package dev.darkroom.worker.core.autoconfigure;

import dev.darkroom.worker.core.WorkerProperties;
import dev.darkroom.worker.core.dispatch.DispatchConfiguration;
import dev.darkroom.worker.core.images.InputImagesConfiguration;
import dev.darkroom.worker.core.submit.SubmitConfiguration;
import dev.darkroom.worker.core.webhooks.WebhooksConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Import;

/** A worker's whole wiring; an application only names its {@code darkroom.worker.kind}. */
@AutoConfiguration(
        afterName = {
            "org.springframework.boot.amqp.autoconfigure.RabbitAutoConfiguration",
            "dev.darkroom.support.amqp.DarkroomAmqpAutoConfiguration",
            "dev.darkroom.support.fal.FalAutoConfiguration"
        })
@EnableConfigurationProperties(WorkerProperties.class)
@Import({
    WebhooksConfiguration.class,
    InputImagesConfiguration.class,
    SubmitConfiguration.class,
    DispatchConfiguration.class
})
public class WorkerAutoConfiguration {}
