package dev.darkroom.worker.core.dispatch;

import dev.darkroom.worker.core.WorkerProperties;
import dev.darkroom.worker.core.submit.SubmissionHandler;
import org.springframework.amqp.rabbit.config.ContainerCustomizer;
import org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer;
import org.springframework.amqp.support.converter.MessageConverter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The work queue consumer and its graceful stop (poison messages skip the retries: see service-support). */
@Configuration(proxyBeanMethods = false)
public class DispatchConfiguration {

    @Bean
    DispatchListener dispatchListener(
            WorkerProperties properties, MessageConverter converter, SubmissionHandler handler) {
        return new DispatchListener(properties.queue(), properties.concurrency(), converter, handler);
    }

    /**
     * On shutdown the container stops taking messages and waits this long for the ones being submitted; a message
     * still unfinished after that is not acked and is redelivered to another worker.
     */
    @Bean
    ContainerCustomizer<SimpleMessageListenerContainer> workerShutdownTimeout(WorkerProperties properties) {
        return container ->
                container.setShutdownTimeout(properties.shutdownTimeout().toMillis());
    }
}
