package dev.darkroom.worker.core.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.darkroom.contracts.messages.DispatchJob;
import dev.darkroom.contracts.messages.JobSubmitted;
import dev.darkroom.contracts.messaging.Messaging;
import dev.darkroom.testsupport.DarkroomInfra;
import dev.darkroom.testsupport.DarkroomTestInfra;
import dev.darkroom.testsupport.Infra;
import dev.darkroom.testsupport.TestRabbit;
import dev.darkroom.worker.core.support.Broker;
import dev.darkroom.worker.core.support.ImageServer;
import dev.darkroom.worker.core.support.Pngs;
import java.awt.Color;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.amqp.support.converter.JacksonJsonMessageConverter;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.node.JsonNodeFactory;

/** A worker stopped while it works on a job: it turns not-ready, finishes and acks the job, then stops. */
@DarkroomInfra({Infra.RABBITMQ, Infra.FAL_SIM})
class GracefulShutdownTest {

    @Test
    void aStoppingWorkerReportsNotReadyFinishesTheJobInFlightAndAcksIt() throws Exception {
        CachingConnectionFactory connections =
                new CachingConnectionFactory(TestRabbit.shared().connectionFactory());
        RabbitTemplate rabbit = new RabbitTemplate(connections);
        rabbit.setMessageConverter(new JacksonJsonMessageConverter("dev.darkroom.contracts.messages"));
        try (ImageServer tenant =
                        new ImageServer().serveWhenGateOpens("/frame.png", "image/png", Pngs.square(8, Color.RED));
                Broker broker = new Broker(rabbit, Messaging.WORK_VIDEO_QUEUE)) {
            ConfigurableApplicationContext worker = startVideoWorker();
            DispatchJob job = new DispatchJob(
                    UUID.randomUUID(),
                    UUID.randomUUID(),
                    "hailuo-02-image-to-video",
                    JsonNodeFactory.instance
                            .objectNode()
                            .put("prompt", "wave goodbye")
                            .put("image_url", tenant.url("localhost", "/frame.png")),
                    Instant.now(),
                    null);
            broker.dispatch(Messaging.WORK_VIDEO, job);
            // the worker is now inside the job, waiting for the tenant's image
            await().until(() -> tenant.hits("/frame.png") == 1);

            ApplicationAvailability availability = worker.getBean(ApplicationAvailability.class);
            CompletableFuture<Void> stopping = CompletableFuture.runAsync(worker::close);
            await().until(() -> availability.getReadinessState() == ReadinessState.REFUSING_TRAFFIC);
            assertThat(stopping).isNotDone();

            tenant.openGate();
            stopping.get(30, TimeUnit.SECONDS);

            JobSubmitted submitted = broker.awaitEvent(JobSubmitted.class, job.jobId(), JobSubmitted::jobId);
            assertThat(submitted.falRequestId()).isNotBlank();
            // acked before the worker went away: nothing is left to be redelivered
            Integer waiting = rabbit.execute(channel ->
                    channel.queueDeclarePassive(Messaging.WORK_VIDEO_QUEUE).getMessageCount());
            assertThat(waiting).isZero();
            assertThat(tenant.hits("/frame.png")).isEqualTo(1);
        } finally {
            connections.destroy();
        }
    }

    private static ConfigurableApplicationContext startVideoWorker() {
        Map<String, Object> properties =
                new LinkedHashMap<>(DarkroomTestInfra.properties(EnumSet.of(Infra.RABBITMQ, Infra.FAL_SIM)));
        properties.put("server.port", 0);
        properties.put("darkroom.worker.kind", "video");
        properties.put("darkroom.worker.allowed-hosts", "localhost");
        properties.put("darkroom.worker.input-images.resolve", true);
        properties.put(
                "darkroom.worker.input-images.fetch-timeout",
                Duration.ofSeconds(40).toString());
        properties.put("darkroom.amqp.shutdown-timeout", "40s");
        List<String> args = new ArrayList<>();
        properties.forEach((name, value) -> args.add("--" + name + "=" + value));
        return new SpringApplicationBuilder(WorkerTestApplication.class).run(args.toArray(String[]::new));
    }
}
