package dev.darkroom.falclient.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.darkroom.falclient.FalClient;
import dev.darkroom.falclient.errors.FalServerException;
import dev.darkroom.falclient.errors.FalUnexpectedResponseException;
import dev.darkroom.falclient.support.RecordingSleeper;
import dev.darkroom.falclient.support.StubServer;
import dev.darkroom.falclient.support.StubServer.Recorded;
import dev.darkroom.falclient.support.StubServer.Reply;
import dev.darkroom.falclient.support.TestConfigs;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The two-step upload: initiate on the REST host, then PUT the bytes to the presigned URL. */
class FalStorageTest {

    final StubServer fal = new StubServer();
    final RecordingSleeper sleeper = new RecordingSleeper();
    final FalClient client =
            new FalClient(TestConfigs.stub(fal.baseUrl(), sleeper).build());

    @AfterEach
    void stop() {
        fal.close();
    }

    @Test
    void uploadInitiatesThenPutsTheBytesAndReturnsTheFileUrl() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3};
        fal.enqueue(
                Reply.json(
                        200,
                        "{\"upload_url\":\"" + fal.url("/upload/abc?sig=s1")
                                + "\",\"file_url\":\"https://cdn/f/abc.png\"}"),
                Reply.json(200, "{}"));

        String fileUrl = client.upload(png, "image/png", "frame.png");

        assertThat(fileUrl).isEqualTo("https://cdn/f/abc.png");
        Recorded initiate = fal.requests().get(0);
        assertThat(initiate.method()).isEqualTo("POST");
        assertThat(initiate.path()).isEqualTo("/rest/storage/upload/initiate");
        assertThat(initiate.query()).isEqualTo("storage_type=fal-cdn-v3");
        assertThat(initiate.header("Authorization")).isEqualTo("Key " + TestConfigs.KEY);
        assertThat(JsonMapper.builder().build().readTree(initiate.body()))
                .isEqualTo(JsonMapper.builder()
                        .build()
                        .readTree("{\"content_type\":\"image/png\",\"file_name\":\"frame.png\"}"));
        Recorded put = fal.requests().get(1);
        assertThat(put.method()).isEqualTo("PUT");
        assertThat(put.path()).isEqualTo("/upload/abc");
        assertThat(put.query()).isEqualTo("sig=s1");
        assertThat(put.header("Content-Type")).isEqualTo("image/png");
        assertThat(put.header("Authorization"))
                .as("the key never goes to a presigned URL")
                .isNull();
        assertThat(put.body()).isEqualTo(png);
    }

    @Test
    void aLifetimeAsksFalToDeleteTheFileAfterIt() {
        fal.enqueue(
                Reply.json(
                        200, "{\"upload_url\":\"" + fal.url("/upload/l") + "\",\"file_url\":\"https://cdn/f/l.png\"}"),
                Reply.json(200, "{}"));

        client.upload(new byte[] {1}, "image/png", "l.png", java.time.Duration.ofMinutes(70));

        assertThat(fal.requests().get(0).header("X-Fal-Object-Lifecycle"))
                .isEqualTo("{\"expiration_duration_seconds\":4200}");
    }

    @Test
    void aStreamWithKnownLengthIsSentWithThatLength() {
        byte[] data = "0123456789".getBytes(StandardCharsets.US_ASCII);
        fal.enqueue(
                Reply.json(
                        200, "{\"upload_url\":\"" + fal.url("/upload/s") + "\",\"file_url\":\"https://cdn/f/s.bin\"}"),
                Reply.json(200, "{}"));

        String fileUrl =
                client.upload(new ByteArrayInputStream(data), data.length, "application/octet-stream", "s.bin");

        assertThat(fileUrl).isEqualTo("https://cdn/f/s.bin");
        assertThat(fal.requests().get(1).header("Content-Length")).isEqualTo("10");
        assertThat(fal.requests().get(1).body()).isEqualTo(data);
    }

    @Test
    void aTransientFailureOfTheByteArrayPutIsRetriedButAStreamedPutIsNot() {
        String initiate = "{\"upload_url\":\"" + fal.url("/upload/x") + "\",\"file_url\":\"https://cdn/f/x\"}";
        fal.enqueue(
                Reply.json(200, initiate),
                Reply.text(503, "text/html", "<html>503</html>"),
                Reply.json(200, "{}"),
                Reply.json(200, initiate),
                Reply.text(503, "text/html", "<html>503</html>"));

        assertThat(client.upload(new byte[] {1}, "application/octet-stream", "x"))
                .isEqualTo("https://cdn/f/x");
        assertThatThrownBy(() ->
                        client.upload(new ByteArrayInputStream(new byte[] {1}), 1, "application/octet-stream", "x"))
                .isInstanceOf(FalServerException.class);
        assertThat(fal.requests()).hasSize(5);
    }

    @Test
    void anInitiateAnswerWithoutUrlsIsAnUnexpectedResponse() {
        fal.enqueue(Reply.json(200, "{\"file_url\":\"https://cdn/f/x\"}"));

        assertThatThrownBy(() -> client.upload(new byte[] {1}, "image/png", "x.png"))
                .isInstanceOf(FalUnexpectedResponseException.class);
    }
}
