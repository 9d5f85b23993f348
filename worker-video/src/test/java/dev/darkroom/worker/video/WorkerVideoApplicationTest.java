package dev.darkroom.worker.video;

import static org.assertj.core.api.Assertions.assertThat;

import dev.darkroom.contracts.catalog.ModelKind;
import dev.darkroom.contracts.messaging.Messaging;
import dev.darkroom.testsupport.DarkroomInfra;
import dev.darkroom.testsupport.Infra;
import dev.darkroom.worker.core.WorkerProperties;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.rabbit.listener.AbstractMessageListenerContainer;
import org.springframework.amqp.rabbit.listener.RabbitListenerEndpointRegistry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;

/** The video worker as it ships: its application.yml, its queue, its actuator. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DarkroomInfra({Infra.RABBITMQ, Infra.FAL_SIM})
@DirtiesContext
class WorkerVideoApplicationTest {

    @LocalServerPort
    int port;

    @Autowired
    RabbitListenerEndpointRegistry listeners;

    @Autowired
    WorkerProperties worker;

    @Test
    void theWorkerConsumesTheWorkQueueOfItsKind() {
        assertThat(worker.kind()).isEqualTo(ModelKind.VIDEO);
        List<String> consumed = listeners.getListenerContainers().stream()
                .filter(c -> c.isRunning())
                .flatMap(c -> Arrays.stream(((AbstractMessageListenerContainer) c).getQueueNames()))
                .toList();
        assertThat(consumed).containsExactly(Messaging.WORK_VIDEO_QUEUE);
        assertThat(worker.inputImages().resolve()).isTrue();
    }

    @Test
    void theActuatorReportsReadinessAndServesPrometheusMetrics() throws Exception {
        HttpResponse<String> readiness = get("/actuator/health/readiness");
        assertThat(readiness.statusCode()).isEqualTo(200);
        assertThat(readiness.body()).contains("\"UP\"");

        HttpResponse<String> metrics = get("/actuator/prometheus");
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body())
                .contains(
                        "darkroom_worker_submissions_total{model=\"hailuo-02-image-to-video\",outcome=\"submitted\"} 0.0");
    }

    private HttpResponse<String> get(String path) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }
}
