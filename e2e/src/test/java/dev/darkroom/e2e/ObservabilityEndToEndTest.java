package dev.darkroom.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.darkroom.contracts.messaging.Messaging;
import dev.darkroom.testsupport.TestRabbit;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Operations checked against the real thing: Prometheus scrapes the running platform and RabbitMQ while jobs flow
 * with injected faults (model errors, dropped fal webhooks, a dead-lettered message, a tenant endpoint slower than
 * the delivery timeout); then every panel query of every provisioned dashboard must return data, and the alerts
 * those faults should raise must be pending or firing.
 */
class ObservabilityEndToEndTest {

    static final Duration JOB_TIMEOUT = Duration.ofSeconds(120);
    static final JsonMapper JSON = JsonMapper.builder().build();
    /** The alerts the injected faults must raise. */
    static final List<String> EXPECTED_ALERTS =
            List.of("JobSuccessBudgetBurnFast", "FalWebhooksMissing", "DeadLetterQueueNotEmpty");

    @Test
    void everyDashboardPanelHasDataAndTheInjectedFaultsRaiseTheirAlerts() throws Exception {
        Path binary = PrometheusServer.binary().orElse(null);
        if (binary == null) {
            assertThat("true".equals(System.getenv("CI")))
                    .as("under CI=true the prometheus binary must be installed (apt-get install prometheus)")
                    .isFalse();
            Assumptions.abort("no prometheus binary on the PATH");
        }
        Platform platform = SharedPlatform.get();
        Api api = new Api(platform.gatewayUrl());
        List<PrometheusServer.Target> targets = Platform.SERVICES.stream()
                .map(s -> new PrometheusServer.Target(s, platform.service(s).managementPort()))
                .toList();
        Path dir = Path.of("target", "prometheus", UUID.randomUUID().toString());
        ScheduledExecutorService later = Executors.newSingleThreadScheduledExecutor();
        HttpServer endpoints = endpoints(later);
        try (PrometheusServer prometheus =
                PrometheusServer.start(binary, targets, TestRabbit.shared().virtualHost(), dir)) {
            String hooks = "http://127.0.0.1:" + endpoints.getAddress().getPort();
            runLoad(api, hooks);
            deadLetterOnePoisonMessage();

            List<String> queries = panelQueries();
            List<String> empty = new ArrayList<>(queries);
            Set<String> alerts = new TreeSet<>();
            try {
                // one loop for both: an alert on a short window may already have resolved when the panels are done
                Awaitility.await("every panel query returns data and the faults' alerts are pending or firing")
                        .atMost(Duration.ofMinutes(3))
                        .pollInterval(Duration.ofSeconds(5))
                        .until(() -> {
                            empty.retainAll(queries.stream()
                                    .filter(q -> prometheus.query(q).isEmpty())
                                    .toList());
                            alerts.addAll(prometheus.alerts("pending", "firing"));
                            return empty.isEmpty() && alerts.containsAll(EXPECTED_ALERTS);
                        });
            } finally {
                System.out.printf(
                        "[observability] %d panel queries across the dashboards, %d without data%n",
                        queries.size(), empty.size());
                empty.forEach(q -> System.out.println("[observability]   no data: " + q));
                System.out.println("[observability] alerts seen pending or firing: " + alerts);
            }
            assertThat(empty).isEmpty();
            assertThat(alerts).containsAll(EXPECTED_ALERTS);
        } finally {
            endpoints.stop(0);
            later.shutdownNow();
            purgeDeadLetters();
        }
    }

    /**
     * Three tenants. One with a budget its jobs cross the thresholds of; one whose webhook endpoint answers at once
     * and whose jobs hit model errors; one whose endpoint answers after the delivery timeout. Some of the first
     * tenant's jobs lose their fal webhook; one request carries a wrong key.
     */
    private static void runLoad(Api api, String hooks) {
        Api.Tenant fast = api.aTenant("monthly_budget_usd", "50.00", "webhook_url", hooks + "/fast");
        Api.Tenant slow = api.aTenant("monthly_budget_usd", "50.00", "webhook_url", hooks + "/slow");
        List<Job> jobs = new ArrayList<>();
        Job probe = submit(api, fast, "probe");
        jobs.add(probe);
        double estimate = Double.parseDouble(api.get(fast.key(), "/v1/jobs/" + probe.id())
                .body()
                .get("estimated_cost_usd")
                .asString());
        // seven jobs of this tenant cost 7/8 of its budget: it crosses 50 % and 80 %, and nothing is refused
        Api.Tenant budgeted = api.aTenant("monthly_budget_usd", String.format(Locale.ROOT, "%.6f", estimate * 8));
        for (int i = 0; i < 5; i++) {
            jobs.add(submit(api, budgeted, "lighthouse " + i));
        }
        jobs.add(submit(api, budgeted, "lost webhook [sim:drop_webhook]"));
        jobs.add(submit(api, budgeted, "lost webhook too [sim:drop_webhook]"));
        for (int i = 0; i < 6; i++) {
            jobs.add(submit(api, fast, "refused " + i + " [sim:model_error]"));
        }
        jobs.add(submit(api, slow, "for a slow endpoint"));
        jobs.add(submit(api, slow, "for a slow endpoint again"));
        assertThat(api.submit("dr_live_not-a-key", Map.of("model", "flux-dev")).status())
                .isEqualTo(401);
        for (Job job : jobs) {
            api.awaitStatus(job.tenant().key(), job.id(), JOB_TIMEOUT, "succeeded", "failed");
        }
    }

    record Job(Api.Tenant tenant, String id) {}

    private static Job submit(Api api, Api.Tenant tenant, String prompt) {
        Api.Response r = api.submit(tenant.key(), Map.of("model", "flux-dev", "input", Map.of("prompt", prompt)));
        assertThat(r.status()).as("%s", r.body()).isEqualTo(201);
        return new Job(tenant, r.body().get("id").asString());
    }

    /** Tenant webhook endpoints: {@code /fast} answers at once, {@code /slow} after 5 s (past the 2 s timeout). */
    private static HttpServer endpoints(ScheduledExecutorService later) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/fast", ObservabilityEndToEndTest::answer);
        server.createContext("/slow", exchange -> later.schedule(() -> answer(exchange), 5, TimeUnit.SECONDS));
        server.start();
        return server;
    }

    private static void answer(HttpExchange exchange) {
        try (exchange) {
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(204, -1);
        } catch (IOException e) {
            // the orchestrator gave up on a slow answer and closed the connection: that is the point of /slow
            exchange.close();
        }
    }

    /** A body no listener can read, published where the orchestrator consumes job completions. */
    private static void deadLetterOnePoisonMessage() throws Exception {
        try (Connection connection = TestRabbit.shared().connectionFactory().newConnection("e2e-poison");
                Channel channel = connection.createChannel()) {
            channel.basicPublish(
                    Messaging.EVENTS_EXCHANGE,
                    Messaging.JOB_COMPLETED,
                    new AMQP.BasicProperties.Builder()
                            .contentType("application/json")
                            .messageId("e2e-poison")
                            .build(),
                    "not json".getBytes(StandardCharsets.UTF_8));
        }
    }

    private static void purgeDeadLetters() throws Exception {
        try (Connection connection = TestRabbit.shared().connectionFactory().newConnection("e2e-poison");
                Channel channel = connection.createChannel()) {
            channel.queuePurge(Messaging.deadLetterQueue(Messaging.JOB_COMPLETED_QUEUE));
        }
    }

    /** Every target expression of every dashboard, with Grafana's variables as Grafana would fill them in. */
    static List<String> panelQueries() throws IOException {
        Map<String, String> variables = new LinkedHashMap<>();
        variables.put("$__rate_interval", "1m");
        variables.put("$__range", "10m");
        variables.put("$service", ".*");
        List<String> queries = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("..", "ops", "grafana", "dashboards"))) {
            for (Path file :
                    files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                for (JsonNode panel : JSON.readTree(Files.readString(file)).path("panels")) {
                    for (JsonNode target : panel.path("targets")) {
                        String expr = target.path("expr").asString();
                        for (Map.Entry<String, String> v : variables.entrySet()) {
                            expr = expr.replace(v.getKey(), v.getValue());
                        }
                        queries.add(expr);
                    }
                }
            }
        }
        assertThat(queries).as("dashboards' panel queries").hasSizeGreaterThan(50);
        return queries;
    }
}
