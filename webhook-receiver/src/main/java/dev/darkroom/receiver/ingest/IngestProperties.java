package dev.darkroom.receiver.ingest;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The result consumer ({@code darkroom.receiver.ingest.*}).
 *
 * @param shutdownTimeout how long a stopping consumer waits for the result in hand (a video download) before it
 *     gives the message back to the broker; keep it below {@code spring.lifecycle.timeout-per-shutdown-phase}
 */
@ConfigurationProperties("darkroom.receiver.ingest")
record IngestProperties(@DefaultValue("50s") Duration shutdownTimeout) {}
