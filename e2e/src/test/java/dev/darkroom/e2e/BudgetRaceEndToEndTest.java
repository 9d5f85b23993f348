package dev.darkroom.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * A burst of concurrent submissions for a tenant whose budget covers exactly 50 of them, admitted by two
 * orchestrator instances at once, never overspends.
 */
class BudgetRaceEndToEndTest {

    static final int SUBMISSIONS = 500;
    static final int AFFORDABLE = 50;
    static final BigDecimal JOB_PRICE = new BigDecimal("0.025"); // flux-dev, 1024x768 -> 1 MP
    static final BigDecimal BUDGET = JOB_PRICE.multiply(BigDecimal.valueOf(AFFORDABLE));

    @Test
    void fiveHundredConcurrentSubmissionsAdmitAtMostTheFiftyTheBudgetCovers() {
        Platform platform = SharedPlatform.get();
        platform.addInstance("orchestrator", "orchestrator-2");
        try {
            race(platform);
        } finally {
            platform.removeInstance("orchestrator-2");
        }
    }

    private static void race(Platform platform) {
        Api api = new Api(platform.gatewayUrl());
        Db db = new Db(platform.database());
        Api.Tenant tenant = api.aTenant(
                "monthly_budget_usd", BUDGET.toPlainString(),
                "requests_per_minute", 100_000,
                "max_queued_jobs", 10_000);
        UUID tenantId = UUID.fromString(tenant.id());
        AtomicBoolean burstRunning = new AtomicBoolean(true);
        AtomicReference<BigDecimal> worstCommitted = new AtomicReference<>(BigDecimal.ZERO);
        CompletableFuture<Void> watcher =
                CompletableFuture.runAsync(() -> watchCommitted(platform, tenantId, burstRunning, worstCommitted));

        String body = "{\"model\":\"flux-dev\",\"input\":{\"prompt\":\"race\"}}";
        long burstStart = System.nanoTime();
        Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
        List<CompletableFuture<HttpResponse<String>>> responses = IntStream.range(0, SUBMISSIONS)
                .mapToObj(i -> Api.HTTP.sendAsync(
                        HttpRequest.newBuilder(URI.create(platform.gatewayUrl() + "/v1/jobs"))
                                .timeout(Duration.ofSeconds(60))
                                .header("Authorization", "Bearer " + tenant.key())
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(body))
                                .build(),
                        HttpResponse.BodyHandlers.ofString()))
                .toList();
        CompletableFuture.allOf(responses.toArray(CompletableFuture[]::new)).join();
        long burstMillis = (System.nanoTime() - burstStart) / 1_000_000;
        responses.forEach(r -> statuses.merge(r.join().statusCode(), 1, Integer::sum));

        // a 202 is admitted or refused once the orchestrators get to it; wait until every job has its answer
        Awaitility.await("every submission decided")
                .atMost(Duration.ofSeconds(120))
                .until(() ->
                        db.count("select count(*) from job where tenant_id = ? and status = 'accepted'", tenantId) == 0
                                && db.count("select count(*) from job where tenant_id = ?", tenantId) == SUBMISSIONS);
        burstRunning.set(false);
        watcher.join();
        for (String instance : List.of("orchestrator", "orchestrator-2")) {
            String metrics =
                    new String(Api.download(platform.service(instance).managementUrl() + "/actuator/prometheus"));
            metrics.lines()
                    .filter(l -> l.startsWith("darkroom_admission"))
                    .forEach(l -> System.out.println("admission metrics " + instance + ": " + l));
        }

        long admitted = db.count("select count(*) from job where tenant_id = ? and status <> 'rejected'", tenantId);
        long refused = db.count(
                "select count(*) from job where tenant_id = ? and status = 'rejected' and error_code = 'budget_exceeded'",
                tenantId);
        BigDecimal reservedEver =
                db.money("select sum(amount_usd) from ledger_entry where tenant_id = ? and kind = 'reserve'", tenantId);
        System.out.printf(
                "budget race: submissions=%d answered_in=%d ms http=%s admitted=%d refused_402=%d worst_committed=%s"
                        + " budget=%s%n",
                SUBMISSIONS, burstMillis, statuses, admitted, refused, worstCommitted.get(), BUDGET);

        assertThat(statuses.keySet()).allMatch(s -> s == 201 || s == 402 || s == 202);
        assertThat(statuses.getOrDefault(201, 0)).isLessThanOrEqualTo(AFFORDABLE);
        assertThat(admitted).isEqualTo(AFFORDABLE);
        assertThat(refused).isEqualTo(SUBMISSIONS - AFFORDABLE);
        assertThat(reservedEver).isLessThanOrEqualTo(BUDGET);
        assertThat(worstCommitted.get()).isLessThanOrEqualTo(BUDGET);
        assertThat(db.money("select sum(reserved_usd + spent_usd) from tenant_balance where tenant_id = ?", tenantId))
                .isLessThanOrEqualTo(BUDGET);
        assertThat(db.count("select count(distinct tenant_id) from job where tenant_id = ?", tenantId))
                .isEqualTo(1);
    }

    /**
     * Samples the tenant's committed money (reserved + spent) as often as the database answers while the burst runs,
     * keeping the highest seen. One connection and statement for the whole watch: a connection per sample would start
     * a Postgres backend each time and load the two cores the race itself runs on.
     */
    private static void watchCommitted(
            Platform platform, UUID tenantId, AtomicBoolean burstRunning, AtomicReference<BigDecimal> worst) {
        try (Connection c = platform.database().connect();
                PreparedStatement committed = c.prepareStatement(
                        "select coalesce(sum(reserved_usd + spent_usd), 0) from tenant_balance where tenant_id = ?")) {
            committed.setObject(1, tenantId);
            while (burstRunning.get()) {
                try (ResultSet rs = committed.executeQuery()) {
                    rs.next();
                    worst.accumulateAndGet(rs.getBigDecimal(1), BigDecimal::max);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot watch the tenant's balance", e);
        }
    }
}
