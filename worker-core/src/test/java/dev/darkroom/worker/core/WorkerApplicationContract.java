package dev.darkroom.worker.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.darkroom.contracts.catalog.ModelKind;
import dev.darkroom.testsupport.DarkroomInfra;
import dev.darkroom.testsupport.Infra;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.rabbit.listener.AbstractMessageListenerContainer;
import org.springframework.amqp.rabbit.listener.RabbitListenerEndpointRegistry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.util.ReflectionTestUtils;

/**
 * What every worker application must do as it ships, with its own application.yml: consume the work queue of its
 * kind and nothing else, drain it for the configured time when stopping, and serve readiness and Prometheus metrics. worker-image and worker-video each run it from
 * worker-core's test-jar, with their own application class found from the subclass's package.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DarkroomInfra({Infra.RABBITMQ, Infra.FAL_SIM})
@DirtiesContext
public abstract class WorkerApplicationContract {

    private final ModelKind kind;
    private final String queue;
    private final boolean resolvesInputImages;
    private final String model;

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    @Autowired
    RabbitListenerEndpointRegistry listeners;

    @Autowired
    WorkerProperties worker;

    /**
     * @param kind the kind the worker is configured for
     * @param queue the only queue it consumes
     * @param resolvesInputImages whether it resolves Darkroom input images to URLs fal can fetch
     * @param model a model of that kind, whose submission counter is registered at start
     */
    protected WorkerApplicationContract(ModelKind kind, String queue, boolean resolvesInputImages, String model) {
        this.kind = kind;
        this.queue = queue;
        this.resolvesInputImages = resolvesInputImages;
        this.model = model;
    }

    @Test
    void theWorkerConsumesTheWorkQueueOfItsKind() {
        assertThat(worker.kind()).isEqualTo(kind);
        List<String> consumed = listeners.getListenerContainers().stream()
                .filter(c -> c.isRunning())
                .flatMap(c -> Arrays.stream(((AbstractMessageListenerContainer) c).getQueueNames()))
                .toList();
        assertThat(consumed).containsExactly(queue);
        assertThat(worker.inputImages().resolve()).isEqualTo(resolvesInputImages);
    }

    @Test
    void aStoppingListenerWaitsTheConfiguredShutdownTimeoutForTheJobsInHand() {
        assertThat(listeners.getListenerContainers())
                .isNotEmpty()
                .allSatisfy(c -> assertThat(ReflectionTestUtils.getField(c, "shutdownTimeout"))
                        .isEqualTo(Duration.ofSeconds(30).toMillis()));
    }

    @Test
    void theActuatorReportsReadinessAndServesPrometheusMetricsOnTheManagementPortOnly() throws Exception {
        assertThat(get(port, "/actuator/health").statusCode()).isEqualTo(404);
        HttpResponse<String> readiness = get(managementPort, "/actuator/health/readiness");
        assertThat(readiness.statusCode()).isEqualTo(200);
        assertThat(readiness.body()).contains("\"UP\"");

        HttpResponse<String> metrics = get(managementPort, "/actuator/prometheus");
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body())
                .contains("darkroom_worker_submissions_total{model=\"" + model + "\",outcome=\"submitted\"} 0.0");
    }

    private static HttpResponse<String> get(int port, String path) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }
}
