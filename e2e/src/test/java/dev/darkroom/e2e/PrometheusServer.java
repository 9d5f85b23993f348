package dev.darkroom.e2e;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The real Prometheus binary (Debian's {@code prometheus} package), scraping a running platform's management ports
 * and RabbitMQ's Prometheus plugin every 2 s, with the repository's alert rules whose {@code for:} durations are cut
 * to 5 s, so alerts reach pending within one evaluation of their condition.
 */
final class PrometheusServer implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Process process;
    private final String url;
    private final Path log;

    private PrometheusServer(Process process, String url, Path log) {
        this.process = process;
        this.url = url;
        this.log = log;
    }

    /** The binary on the PATH, if any. */
    static Optional<Path> binary() {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .map(dir -> Path.of(dir, "prometheus"))
                .filter(Files::isExecutable)
                .findFirst();
    }

    /**
     * @param services scrape targets: service name to management port
     * @param rabbitVhost the virtual host whose queues are scraped from RabbitMQ's plugin on 127.0.0.1:15692
     */
    static PrometheusServer start(Path binary, List<Target> services, String rabbitVhost, Path dir) {
        try {
            Files.createDirectories(dir);
            Path rules = dir.resolve("alerts.yml");
            Files.writeString(
                    rules,
                    Files.readString(Path.of("..", "ops", "prometheus", "alerts.yml"))
                            .replaceAll("(?m)^(\\s+)for: \\S+$", "$1for: 5s"));
            Path config = dir.resolve("prometheus.yml");
            Files.writeString(config, config(services, rabbitVhost));
            int port = Platform.freePort();
            Path log = dir.resolve("prometheus.log");
            Process process = new ProcessBuilder(
                            binary.toString(),
                            "--config.file=" + config,
                            "--storage.tsdb.path=" + dir.resolve("data"),
                            "--web.listen-address=127.0.0.1:" + port)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            PrometheusServer server = new PrometheusServer(process, "http://127.0.0.1:" + port, log);
            Awaitility.await("prometheus ready")
                    .atMost(Duration.ofSeconds(60))
                    .ignoreExceptionsInstanceOf(IOException.class)
                    .failFast("prometheus exited; see " + log, () -> !process.isAlive())
                    .until(() -> server.get("/-/ready").statusCode() == 200);
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    record Target(String service, int port) {}

    private static String config(List<Target> services, String vhost) {
        StringBuilder targets = new StringBuilder();
        for (Target t : services) {
            targets.append("      - targets: ['127.0.0.1:")
                    .append(t.port())
                    .append("']\n        labels: { service: ")
                    .append(t.service())
                    .append(" }\n");
        }
        return """
                global:
                  scrape_interval: 2s
                  scrape_timeout: 2s
                  evaluation_interval: 2s
                rule_files: [alerts.yml]
                scrape_configs:
                  - job_name: darkroom
                    metrics_path: /actuator/prometheus
                    static_configs:
                %s
                  - job_name: rabbitmq
                    static_configs:
                      - targets: ['127.0.0.1:15692']
                        labels: { service: rabbitmq }
                  - job_name: rabbitmq-queues
                    metrics_path: /metrics/detailed
                    params:
                      vhost: ['%s']
                      family: [queue_coarse_metrics, queue_consumer_count]
                    static_configs:
                      - targets: ['127.0.0.1:15692']
                        labels: { service: rabbitmq }
                """.formatted(targets.toString().stripTrailing(), vhost);
    }

    /** An instant query's result vector (empty when the query matches no series). */
    JsonNode query(String promql) {
        try {
            HttpResponse<String> r = get("/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8));
            JsonNode body = JSON.readTree(r.body());
            if (!"success".equals(body.path("status").asString())) {
                throw new IllegalStateException("query failed: " + promql + ": " + r.body());
            }
            return body.path("data").path("result");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Alert names in the given states, from {@code /api/v1/alerts}. */
    List<String> alerts(String... states) {
        try {
            JsonNode body = JSON.readTree(get("/api/v1/alerts").body());
            List<String> names = new ArrayList<>();
            List<String> wanted = List.of(states);
            for (JsonNode a : body.path("data").path("alerts")) {
                if (wanted.contains(a.path("state").asString())) {
                    names.add(a.path("labels").path("alertname").asString());
                }
            }
            return names;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private HttpResponse<String> get(String pathAndQuery) throws IOException, InterruptedException {
        return Api.HTTP.send(
                HttpRequest.newBuilder(URI.create(url + pathAndQuery))
                        .timeout(Duration.ofSeconds(10))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    Path log() {
        return log;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
