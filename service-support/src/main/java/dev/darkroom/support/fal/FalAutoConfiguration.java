package dev.darkroom.support.fal;

import dev.darkroom.falclient.FalClient;
import dev.darkroom.falclient.FalClientConfig;
import dev.darkroom.falclient.webhooks.FalWebhookVerifier;
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

    @Bean
    @ConditionalOnMissingBean
    FalClient falClient(FalClientConfig config) {
        return new FalClient(config);
    }

    @Bean
    @ConditionalOnMissingBean
    FalWebhookVerifier falWebhookVerifier(FalClientConfig config) {
        return new FalWebhookVerifier(config);
    }
}
