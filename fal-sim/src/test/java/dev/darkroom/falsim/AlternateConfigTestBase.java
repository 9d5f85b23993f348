package dev.darkroom.falsim;

import org.springframework.test.context.TestPropertySource;

/**
 * The simulator configured the other way round from {@link SimTestBase}: two requests at a time, slower models,
 * validation at submit, any well-formed key accepted. Subclasses share this one context.
 */
@TestPropertySource(
        properties = {
            "fal-sim.queue.concurrency=2",
            "fal-sim.queue.image-model-time=300ms",
            "fal-sim.queue.validation=submit",
            "fal-sim.auth.accept-any-key=true"
        })
public abstract class AlternateConfigTestBase extends SimTestBase {}
