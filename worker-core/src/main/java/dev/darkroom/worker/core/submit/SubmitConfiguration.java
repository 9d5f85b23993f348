package dev.darkroom.worker.core.submit;

import dev.darkroom.contracts.catalog.Catalog;
import dev.darkroom.contracts.catalog.ModelSpec;
import dev.darkroom.falclient.FalClient;
import dev.darkroom.support.amqp.ConfirmedPublisher;
import dev.darkroom.worker.core.WorkerProperties;
import dev.darkroom.worker.core.images.InputImages;
import dev.darkroom.worker.core.webhooks.WebhookUrls;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The submit-report step. */
@Configuration(proxyBeanMethods = false)
public class SubmitConfiguration {

    @Bean
    SubmissionHandler submissionHandler(
            Catalog catalog,
            WorkerProperties properties,
            FalClient fal,
            InputImages inputImages,
            WebhookUrls webhooks,
            ConfirmedPublisher publisher,
            MeterRegistry meters,
            RabbitTemplate rabbit,
            Clock clock) {
        return new SubmissionHandler(
                catalog,
                properties.kind(),
                fal,
                inputImages,
                webhooks,
                properties.startTimeout(),
                publisher,
                new SubmissionMetrics(
                        meters,
                        catalog.models().stream()
                                .filter(m -> m.kind() == properties.kind())
                                .map(ModelSpec::id)
                                .toList()),
                new SubmitLeaseClient(rabbit, properties.leaseTimeout()),
                clock);
    }
}
