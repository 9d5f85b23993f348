package dev.darkroom.receiver.ingest;

import org.springframework.amqp.rabbit.config.ContainerCustomizer;
import org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** How the result consumer stops (poison messages skip the retries: see service-support). */
@Configuration(proxyBeanMethods = false)
class ListenerConfiguration {

    /** A stopping container finishes the result in hand, up to the timeout, before the service exits. */
    @Bean
    ContainerCustomizer<SimpleMessageListenerContainer> gracefulListenerStop(IngestProperties properties) {
        return container ->
                container.setShutdownTimeout(properties.shutdownTimeout().toMillis());
    }
}
