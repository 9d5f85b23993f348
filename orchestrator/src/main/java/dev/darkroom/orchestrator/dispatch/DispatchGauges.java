package dev.darkroom.orchestrator.dispatch;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Saturation: {@code darkroom_jobs_in_flight} (dispatched, at fal or running) against
 * {@code darkroom_jobs_in_flight_cap}, and {@code darkroom_jobs_queued}. Read from the database at each scrape
 * (partial indexes keep both counts cheap), so every orchestrator replica reports the same global numbers: chart
 * them with {@code max}, not {@code sum}.
 */
@Component
class DispatchGauges {

    DispatchGauges(DispatchQueries queries, JdbcClient jdbc, DispatchProperties properties, MeterRegistry meters) {
        Gauge.builder("darkroom_jobs_in_flight", queries, DispatchQueries::inFlight)
                .description("jobs dispatched to a worker, at fal or running, across all tenants")
                .register(meters);
        Gauge.builder("darkroom_jobs_in_flight_cap", properties, DispatchProperties::globalInFlightCap)
                .description("the global cap on jobs in flight (darkroom.dispatch.global-in-flight-cap)")
                .register(meters);
        Gauge.builder(
                        "darkroom_jobs_queued",
                        jdbc,
                        j -> j.sql("select count(*) from job where status = 'queued'")
                                .query(Integer.class)
                                .single())
                .description("jobs admitted and waiting for a slot")
                .register(meters);
    }
}
