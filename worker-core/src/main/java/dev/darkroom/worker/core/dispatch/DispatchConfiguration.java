package dev.darkroom.worker.core.dispatch;

import dev.darkroom.worker.core.WorkerProperties;
import dev.darkroom.worker.core.submit.SubmissionHandler;
import org.springframework.amqp.support.converter.MessageConverter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The work queue consumer. Its graceful stop ({@code darkroom.amqp.shutdown-timeout}) and skipping retries for poison
 * messages come from service-support.
 */
@Configuration(proxyBeanMethods = false)
public class DispatchConfiguration {

    @Bean
    DispatchListener dispatchListener(
            WorkerProperties properties, MessageConverter converter, SubmissionHandler handler) {
        return new DispatchListener(properties.queue(), properties.concurrency(), converter, handler);
    }
}
