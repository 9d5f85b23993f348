package dev.darkroom.orchestrator.admission;

import static dev.darkroom.orchestrator.OrchestratorTestSupport.aFluxJob;

import dev.darkroom.orchestrator.OrchestratorTestConfiguration;
import dev.darkroom.orchestrator.OrchestratorTestSupport;
import dev.darkroom.testsupport.DarkroomInfra;
import dev.darkroom.testsupport.Infra;
import java.util.Arrays;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Admission latency with an empty jobs table and with 1,000,000 rows: the time of one admission transaction (tenant
 * lock, rate window, open-job count, budget, job row, history, ledger, balance), called directly without the
 * broker. A benchmark, not a test: it prints numbers and asserts nothing. Run it with
 * {@code ./mvnw -pl orchestrator test -Dtest=AdmissionBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "darkroom.security.admin-token=" + OrchestratorTestSupport.ADMIN_TOKEN,
            // nothing competes with the measured transactions
            "darkroom.dispatch.interval=1h",
            "darkroom.reconciler.interval=1h"
        })
@DarkroomInfra({Infra.POSTGRES, Infra.RABBITMQ, Infra.S3, Infra.FAL_SIM})
@Import(OrchestratorTestConfiguration.class)
class AdmissionBenchmark {

    static final int WARMUP = 300;
    static final int MEASURED = 2000;

    @Autowired
    OrchestratorTestSupport support;

    @Autowired
    Admission admission;

    @Autowired
    JdbcClient jdbc;

    @Test
    void admissionLatency() {
        UUID tenant = support.aTenant()
                .withBudget("1000000.00")
                .withRequestsPerMinute(1_000_000)
                .withMaxQueuedJobs(1_000_000)
                .create();

        report("empty jobs table", measure(tenant));

        UUID others = support.aTenant().create();
        long start = System.nanoTime();
        jdbc.sql("""
                        insert into job (id, tenant_id, model, kind, status, input, estimated_cost_usd, cost_usd,
                                         budget_period, created_at, updated_at)
                        select gen_random_uuid(), case when g % 10 = 0 then ? else ? end, 'flux-dev', 'image',
                               case when g % 100 = 0 then 'failed' else 'succeeded' end,
                               '{"prompt":"p"}'::jsonb, 0.025, 0.025, date_trunc('month', now())::date,
                               now() - (g || ' seconds')::interval, now()
                          from generate_series(1, 1000000) g
                        """).params(tenant, others).update();
        jdbc.sql("analyze job").update();
        System.out.printf("inserted 1,000,000 job rows in %.1f s%n", (System.nanoTime() - start) / 1e9);

        report("1,000,000 job rows", measure(tenant));
    }

    private long[] measure(UUID tenant) {
        for (int i = 0; i < WARMUP; i++) {
            admission.admit(aFluxJob(tenant, "{\"prompt\":\"warm-up\"}"));
        }
        long[] micros = new long[MEASURED];
        for (int i = 0; i < MEASURED; i++) {
            var command = aFluxJob(tenant, "{\"prompt\":\"measured\"}");
            long t0 = System.nanoTime();
            admission.admit(command);
            micros[i] = (System.nanoTime() - t0) / 1000;
        }
        Arrays.sort(micros);
        return micros;
    }

    private static void report(String label, long[] sorted) {
        System.out.printf(
                "ADMISSION %-20s n=%d p50=%.2f ms p99=%.2f ms max=%.2f ms%n",
                label,
                sorted.length,
                sorted[sorted.length / 2] / 1000.0,
                sorted[(int) (sorted.length * 0.99)] / 1000.0,
                sorted[sorted.length - 1] / 1000.0);
    }
}
