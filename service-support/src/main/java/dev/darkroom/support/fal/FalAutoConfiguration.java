package dev.darkroom.support.fal;

import dev.darkroom.falclient.FalClient;
import dev.darkroom.falclient.FalClientConfig;
import dev.darkroom.falclient.webhooks.FalWebhookVerifier;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.java11.instrument.binder.jdk.MicrometerHttpClient;
import io.micrometer.observation.ObservationRegistry;
import java.net.http.HttpClient;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/** A {@link FalClient} and {@link FalWebhookVerifier} for services that have fal-client on the classpath. */
@AutoConfiguration
@ConditionalOnClass(FalClient.class)
@EnableConfigurationProperties(FalProperties.class)
public class FalAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    FalClientConfig falClientConfig(FalProperties p, ObjectProvider<Clock> clock) {
        return FalClientConfig.builder()
                .queueBaseUrl(p.queueUrl())
                .restBaseUrl(p.restUrl())
                .cdnBaseUrl(p.cdnUrl())
                .jwksUrl(p.jwksUrl())
                .apiBaseUrl(p.apiUrl())
                .apiKey(p.key())
                .connectTimeout(p.connectTimeout())
                .requestTimeout(p.requestTimeout())
                .clock(clock.getIfAvailable(Clock::systemUTC))
                .build();
    }

    /**
     * The JDK client does not propagate trace context by itself: Micrometer's instrumentation adds {@code traceparent}
     * to fal's requests and times them ({@code http.client.requests}, the URI tag left at {@code UNKNOWN} so URLs
     * with request ids do not become labels).
     */
    @Bean
    @ConditionalOnMissingBean
    FalClient falClient(
            FalClientConfig config,
            ObjectProvider<MeterRegistry> meters,
            ObjectProvider<ObservationRegistry> observations) {
        HttpClient http = HttpClient.newBuilder()
                .connectTimeout(config.connectTimeout())
                // fal never redirects API calls; following one would send the key to another host
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        MeterRegistry registry = meters.getIfAvailable();
        if (registry != null) {
            http = MicrometerHttpClient.instrumentationBuilder(http, registry)
                    .observationRegistry(observations.getIfAvailable(() -> ObservationRegistry.NOOP))
                    .build();
        }
        return new FalClient(config, http);
    }

    @Bean
    @ConditionalOnMissingBean
    FalWebhookVerifier falWebhookVerifier(FalClientConfig config) {
        return new FalWebhookVerifier(config);
    }
}
