package dev.darkroom.falsim.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.darkroom.falsim.SimClient.Response;
import dev.darkroom.falsim.SimTestBase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/** Multipart parts live as scratch files in the CDN directory; none may outlive a failed or abandoned upload. */
class UploadCleanupTest extends SimTestBase {

    private static final Path CDN = Path.of("target", "upload-cleanup-" + UUID.randomUUID());

    @DynamicPropertySource
    static void cdn(DynamicPropertyRegistry registry) {
        registry.add("fal-sim.cdn.directory", CDN::toString);
        registry.add("fal-sim.storage.max-upload-size", () -> "10KB");
    }

    private static long scratchFiles() throws IOException {
        try (Stream<Path> files = Files.list(CDN)) {
            return files.filter(f -> f.getFileName().toString().startsWith("scratch"))
                    .count();
        }
    }

    private String partUrl(JsonNode slot, int part) {
        String uploadUrl = slot.get("upload_url").asString();
        int query = uploadUrl.indexOf('?');
        return uploadUrl.substring(0, query) + "/" + part + uploadUrl.substring(query);
    }

    private JsonNode initiateMultipart() {
        Response response = sim.post(
                "/rest/storage/upload/initiate-multipart?storage_type=fal-cdn-v3", "{\"content_type\":\"video/mp4\"}");
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        return response.json();
    }

    @Test
    void aPartOverTheSizeLimitLeavesNoScratchFile() throws IOException {
        JsonNode slot = initiateMultipart();

        Response part = sim.sendBytes("PUT", partUrl(slot, 1), new byte[20_000], false);

        assertThat(part.status()).isEqualTo(413);
        assertThat(scratchFiles()).isZero();
    }

    @Test
    void thePartsOfAnAbandonedUploadGoWhenItsUploadUrlHasExpired() throws IOException {
        JsonNode abandoned = initiateMultipart();
        assertThat(sim.sendBytes("PUT", partUrl(abandoned, 1), new byte[1_000], false)
                        .status())
                .isEqualTo(200);
        assertThat(scratchFiles()).isOne();

        sim.send("POST", "/_sim/clock/advance?by=61m", null, false);
        initiateMultipart();

        assertThat(scratchFiles()).isZero();
    }
}
