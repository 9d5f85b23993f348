package dev.darkroom.worker.core.webhooks;

import dev.darkroom.falclient.FalClientConfig;
import dev.darkroom.support.tracing.TraceContexts;
import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The job webhook URLs. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WebhookProperties.class)
public class WebhooksConfiguration {

    @Bean
    WebhookUrls webhookUrls(WebhookProperties properties, FalClientConfig fal, Clock clock, TraceContexts traces) {
        return new WebhookUrls(properties, fal.queueBaseUrl(), clock, traces);
    }
}
