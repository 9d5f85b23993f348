package dev.darkroom.falclient.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class EndpointIdTest {

    @ParameterizedTest(name = "{0} has app id {1}")
    @CsvSource(textBlock = """
            fal-ai/flux/dev,                                   fal-ai/flux
            fal-ai/flux,                                       fal-ai/flux
            fal-ai/flux-pro/v1.1-ultra,                        fal-ai/flux-pro
            fal-ai/minimax/hailuo-02/standard/image-to-video,  fal-ai/minimax
            workflows/acme/my-flow,                            workflows/acme/my-flow
            workflows/acme/my-flow/step,                       workflows/acme/my-flow
            comfy/acme/graph/run,                              comfy/acme/graph
            12345-my-app,                                      12345/my-app
            /fal-ai/flux/dev/,                                 fal-ai/flux
            """)
    void theAppIdIsOwnerAndAppOrThreeSegmentsInANamespace(String id, String appId) {
        assertThat(EndpointId.parse(id).appId()).isEqualTo(appId);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"", "flux", "workflows/acme", "fal-ai//dev", "fal-ai/../admin", "fal-ai/flux?x=1", "fal ai/x"})
    void refusesWhatIsNotAnEndpointId(String id) {
        assertThatIllegalArgumentException().isThrownBy(() -> EndpointId.parse(id));
    }

    @Test
    void queueUrlsKeepTheBasePathAndDropTheSubpath() {
        QueueUrls urls = new QueueUrls(URI.create("http://sim:8090/queue/"));

        assertThat(urls.submit(EndpointId.parse("fal-ai/flux/dev")))
                .hasToString("http://sim:8090/queue/fal-ai/flux/dev");
        assertThat(urls.status("fal-ai/flux/dev", "abc-123"))
                .isEqualTo("http://sim:8090/queue/fal-ai/flux/requests/abc-123/status");
        assertThat(urls.result("fal-ai/flux/dev", "abc-123"))
                .isEqualTo("http://sim:8090/queue/fal-ai/flux/requests/abc-123");
        assertThat(urls.cancel("fal-ai/flux/dev", "abc-123"))
                .isEqualTo("http://sim:8090/queue/fal-ai/flux/requests/abc-123/cancel");
    }

    @Test
    void queueUrlsRefuseARequestIdThatWouldChangeThePath() {
        QueueUrls urls = new QueueUrls(URI.create("https://queue.fal.run"));

        assertThatIllegalArgumentException().isThrownBy(() -> urls.status("fal-ai/flux", "../../x"));
        assertThatIllegalArgumentException().isThrownBy(() -> urls.status("fal-ai/flux", "a/b"));
    }
}
