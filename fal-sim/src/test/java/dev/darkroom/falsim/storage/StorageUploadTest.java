package dev.darkroom.falsim.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.darkroom.falsim.SimClient.Response;
import dev.darkroom.falsim.SimTestBase;
import java.io.ByteArrayOutputStream;
import java.util.Random;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class StorageUploadTest extends SimTestBase {

    private static byte[] bytes(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    private JsonNode initiate(String path, String body, String... headers) {
        Response response = sim.post("/rest/storage/upload/" + path + "?storage_type=fal-cdn-v3", body, headers);
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        return response.json();
    }

    @Test
    void anInitiatedUploadIsPutWithoutAKeyAndServedAtItsFileUrl() {
        byte[] content = bytes(50_000, 1);
        JsonNode slot = initiate("initiate", "{\"content_type\":\"image/png\",\"file_name\":\"input.png\"}");
        assertThat(slot.get("file_url").asString())
                .startsWith(sim.base() + "/cdn/files/")
                .endsWith(".png");

        Response put =
                sim.sendBytes("PUT", slot.get("upload_url").asString(), content, false, "Content-Type", "image/png");
        Response get = sim.send("GET", slot.get("file_url").asString(), null, false);

        assertThat(put.status()).isEqualTo(200);
        assertThat(get.status()).isEqualTo(200);
        assertThat(get.header("Content-Type")).isEqualTo("image/png");
        assertThat(get.body()).isEqualTo(content);
    }

    @Test
    void aFileUrlIsNotFoundBeforeItsBytesArrive() {
        JsonNode slot = initiate("initiate", "{\"content_type\":\"image/png\",\"file_name\":\"later.png\"}");

        assertThat(sim.send("GET", slot.get("file_url").asString(), null, false).status())
                .isEqualTo(404);
    }

    @Test
    void initiatingNeedsAKeyAndAnUploadUrlNeedsItsToken() {
        Response anonymous = sim.send(
                "POST", "/rest/storage/upload/initiate?storage_type=fal-cdn-v3", "{\"content_type\":\"a/b\"}", false);
        JsonNode slot = initiate("initiate", "{\"content_type\":\"image/png\"}");
        String forged = slot.get("upload_url").asString().replaceAll("token=[0-9a-f]+", "token=00");

        Response put = sim.sendBytes("PUT", forged, new byte[] {1}, false);

        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(put.status()).isEqualTo(403);
    }

    @Test
    void multipartUploadsJoinTheirPartsInOrder() {
        byte[] one = bytes(30_000, 2);
        byte[] two = bytes(20_000, 3);
        JsonNode slot = initiate("initiate-multipart", "{\"content_type\":\"video/mp4\",\"file_name\":\"big.mp4\"}");
        String uploadUrl = slot.get("upload_url").asString();
        String path = uploadUrl.substring(0, uploadUrl.indexOf('?'));
        String query = uploadUrl.substring(uploadUrl.indexOf('?'));

        Response partTwo = sim.sendBytes("PUT", path + "/2" + query, two, false);
        Response partOne = sim.sendBytes("PUT", path + "/1" + query, one, false);
        Response complete = sim.send(
                "POST",
                path + "/complete" + query,
                "{\"parts\":[{\"partNumber\":1,\"etag\":" + partOne.json().get("etag") + "},{\"partNumber\":2,"
                        + "\"etag\":" + partTwo.json().get("etag") + "}]}",
                false);

        assertThat(partOne.json().get("partNumber").asInt()).isEqualTo(1);
        assertThat(partOne.json().get("etag").asString()).matches("\"[0-9a-f]{32}\"");
        assertThat(complete.status()).isEqualTo(200);
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        expected.writeBytes(one);
        expected.writeBytes(two);
        Response file = sim.send("GET", slot.get("file_url").asString(), null, false);
        assertThat(file.header("Content-Type")).isEqualTo("video/mp4");
        assertThat(file.body()).isEqualTo(expected.toByteArray());
    }

    @Test
    void theTokenFlowUploadsStraightToTheCdn() {
        byte[] content = bytes(10_000, 4);
        JsonNode token = sim.post("/rest/storage/auth/token?storage_type=fal-cdn-v3", "{}")
                .json();
        assertThat(token.get("token_type").asString()).isEqualTo("Bearer");
        assertThat(token.get("base_url").asString()).isEqualTo(sim.base() + "/cdn");

        Response upload = sim.sendBytes(
                "POST",
                token.get("base_url").asString() + "/files/upload",
                content,
                false,
                "Authorization",
                "Bearer " + token.get("token").asString(),
                "Content-Type",
                "application/pdf",
                "X-Fal-File-Name",
                "doc.pdf");
        Response file = sim.send("GET", upload.json().get("access_url").asString(), null, false);

        assertThat(upload.status()).isEqualTo(200);
        assertThat(file.header("Content-Type")).isEqualTo("application/pdf");
        assertThat(file.body()).isEqualTo(content);
        assertThat(sim.sendBytes("POST", token.get("base_url").asString() + "/files/upload", content, false)
                        .status())
                .isEqualTo(401);
    }

    @Test
    void anUploadLifecycleSetsTheFilesLifetime() {
        JsonNode slot = initiate(
                "initiate",
                "{\"content_type\":\"text/plain\",\"file_name\":\"note.txt\"}",
                "X-Fal-Object-Lifecycle",
                "{\"expiration_duration_seconds\":60}");
        sim.sendBytes("PUT", slot.get("upload_url").asString(), new byte[] {42}, false);

        sim.send("POST", "/_sim/clock/advance?by=61s", null, false);

        assertThat(sim.send("GET", slot.get("file_url").asString(), null, false).status())
                .isEqualTo(404);
    }
}
