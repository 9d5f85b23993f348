package dev.darkroom.worker.core.flow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.darkroom.contracts.messages.DispatchJob;
import dev.darkroom.contracts.messages.JobFailed;
import dev.darkroom.contracts.messages.JobSubmitted;
import dev.darkroom.contracts.messaging.Messaging;
import dev.darkroom.testsupport.DarkroomInfra;
import dev.darkroom.testsupport.FalSimServer;
import dev.darkroom.testsupport.Infra;
import dev.darkroom.testsupport.S3Server;
import dev.darkroom.worker.core.support.Broker;
import dev.darkroom.worker.core.support.FalSimAdmin;
import dev.darkroom.worker.core.support.ImageServer;
import dev.darkroom.worker.core.support.Pngs;
import io.minio.GetPresignedObjectUrlArgs;
import io.minio.Http;
import io.minio.PutObjectArgs;
import java.awt.Color;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A video worker resolving input images: a tenant's web server on loopback ({@code localhost} is allow-listed,
 * {@code 127.0.0.1} is not), Darkroom's storage in an S3 server, fal-sim's storage for uploads.
 */
@SpringBootTest(
        classes = WorkerTestApplication.class,
        properties = {
            "darkroom.worker.kind=video",
            "darkroom.worker.allowed-hosts=localhost",
            "darkroom.worker.input-images.resolve=true",
            "darkroom.worker.input-images.own-storage-urls=${darkroom.storage.endpoint}"
        })
@DarkroomInfra({Infra.RABBITMQ, Infra.S3, Infra.FAL_SIM})
@DirtiesContext
class VideoJobFlowTest {

    private static final String MODEL = "hailuo-02-image-to-video";
    private static final byte[] PNG = Pngs.square(32, Color.BLUE);

    @Autowired
    RabbitTemplate rabbit;

    @Value("${darkroom.storage.bucket}")
    String bucket;

    private final FalSimAdmin sim = new FalSimAdmin(FalSimServer.shared().baseUrl());
    private Broker broker;
    private ImageServer tenant;

    @BeforeEach
    void setUp() {
        broker = new Broker(rabbit, Messaging.WORK_VIDEO_QUEUE);
        tenant = new ImageServer().serve("/first-frame.png", 200, "image/png", PNG);
    }

    @AfterEach
    void tearDown() {
        tenant.close();
        broker.close();
    }

    @Test
    void aPublicImageOnAnAllowedHostIsCheckedAndPassedToFalUnchanged() {
        String imageUrl = tenant.url("localhost", "/first-frame.png");
        DispatchJob job = job(input(imageUrl).put("duration", 10).put("resolution", "512P"));

        broker.dispatch(Messaging.WORK_VIDEO, job);

        JobSubmitted submitted = broker.awaitEvent(JobSubmitted.class, job.jobId(), JobSubmitted::jobId);
        assertThat(submitted.statusUrl()).contains("/fal-ai/minimax/requests/" + submitted.falRequestId());
        JsonNode received = sim.request(submitted.falRequestId());
        assertThat(received.path("endpoint_id").asString())
                .isEqualTo("fal-ai/minimax/hailuo-02/standard/image-to-video");
        assertThat(received.path("input").path("image_url").asString()).isEqualTo(imageUrl);
        assertThat(received.path("input").path("duration").isString()).isTrue();
        assertThat(received.path("input").path("duration").asString()).isEqualTo("10");
        assertThat(received.path("input").path("resolution").asString()).isEqualTo("512P");
    }

    @Test
    void anImageUrlThatResolvesToLoopbackFailsTheJobWithoutReachingFal() {
        DispatchJob job = job(input(tenant.url("127.0.0.1", "/first-frame.png")));

        broker.dispatch(Messaging.WORK_VIDEO, job);

        JobFailed failed = broker.awaitEvent(JobFailed.class, job.jobId(), JobFailed::jobId);
        assertThat(failed.error().code()).isEqualTo("input_image_invalid");
        assertThat(failed.error().message()).contains("image_url").contains("private or local address");
        // sent as JSON null, which Jackson reads back into a JsonNode field as a null node
        JsonNode falDetail = failed.error().falDetail();
        assertThat(falDetail == null || falDetail.isNull()).as("no fal detail").isTrue();
        assertThat(sim.requestsOfJob(job.jobId())).isEmpty();
    }

    @Test
    void aPreviousJobsOutputInDarkroomsStorageIsUploadedToFalStorage() throws Exception {
        String key = UUID.randomUUID() + "/2026/11/" + UUID.randomUUID() + "/0.png";
        S3Server s3 = S3Server.shared();
        s3.client()
                .putObject(PutObjectArgs.builder()
                        .bucket(bucket)
                        .object(key)
                        .contentType("image/png")
                        .data(PNG, PNG.length)
                        .build());
        String presigned = s3.client()
                .getPresignedObjectUrl(GetPresignedObjectUrlArgs.builder()
                        .method(Http.Method.GET)
                        .bucket(bucket)
                        .object(key)
                        .expiry(10, TimeUnit.MINUTES)
                        .build());
        DispatchJob job = job(input(presigned));

        broker.dispatch(Messaging.WORK_VIDEO, job);

        JobSubmitted submitted = broker.awaitEvent(JobSubmitted.class, job.jobId(), JobSubmitted::jobId);
        String falUrl = sim.request(submitted.falRequestId())
                .path("input")
                .path("image_url")
                .asString();
        assertThat(falUrl).startsWith(FalSimServer.shared().cdnUrl() + "/");
        assertThat(sim.fetch(falUrl).body()).isEqualTo(PNG);
    }

    private static ObjectNode input(String imageUrl) {
        return JsonNodeFactory.instance
                .objectNode()
                .put("prompt", "the first frame comes alive")
                .put("image_url", imageUrl);
    }

    private static DispatchJob job(ObjectNode input) {
        return new DispatchJob(UUID.randomUUID(), UUID.randomUUID(), MODEL, input, Instant.now(), null);
    }
}
