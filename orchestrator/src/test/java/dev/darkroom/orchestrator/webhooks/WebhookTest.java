package dev.darkroom.orchestrator.webhooks;

import dev.darkroom.orchestrator.OrchestratorIntegrationTest;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.test.context.TestPropertySource;

/**
 * The orchestrator with quick webhook retries and a 2 s attempt deadline; the classes using it share one context.
 * Receivers listen on loopback, which only an operator allow-list permits. The fallback poll stays slow, so a
 * prompt delivery shows the commit woke the sender.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@OrchestratorIntegrationTest
@TestPropertySource(
        properties = {
            "darkroom.webhooks.backoff=300ms,300ms",
            "darkroom.webhooks.jitter=0",
            "darkroom.webhooks.timeout=2s",
            "darkroom.webhooks.interval=30s",
            "darkroom.webhooks.allowed-hosts=127.0.0.1"
        })
@interface WebhookTest {}
