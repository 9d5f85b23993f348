package dev.darkroom.falsim.storage;

import dev.darkroom.falsim.web.FalHttpException;
import dev.darkroom.falsim.web.ObjectLifecycle;
import dev.darkroom.falsim.web.PublicUrls;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * fal's REST storage calls (docs/fal-protocol.md#storage-upload): initiate an upload (single or multipart) as fal's JS
 * client does, or get a CDN token as its python client does. The {@code storage_type} query ({@code fal-cdn-v3}, {@code
 * gcs}, ...) is accepted and does not change anything here.
 */
@RestController
class StorageController {

    private final Uploads uploads;
    private final PublicUrls urls;
    private final JsonMapper json;

    StorageController(Uploads uploads, PublicUrls urls, JsonMapper json) {
        this.uploads = uploads;
        this.urls = urls;
        this.json = json;
    }

    @PostMapping("/rest/storage/upload/initiate")
    Map<String, String> initiate(
            HttpServletRequest request,
            @RequestBody(required = false) JsonNode body,
            @RequestHeader(name = "X-Fal-Object-Lifecycle", required = false) String lifecycle) {
        return open(request, body, lifecycle, false);
    }

    @PostMapping("/rest/storage/upload/initiate-multipart")
    Map<String, String> initiateMultipart(
            HttpServletRequest request,
            @RequestBody(required = false) JsonNode body,
            @RequestHeader(name = "X-Fal-Object-Lifecycle", required = false) String lifecycle) {
        return open(request, body, lifecycle, true);
    }

    @PostMapping("/rest/storage/auth/token")
    Map<String, String> token(HttpServletRequest request) {
        String token = uploads.issueToken();
        Map<String, String> answer = new LinkedHashMap<>();
        answer.put("token", token);
        answer.put("token_type", "Bearer");
        answer.put("base_url", urls.of(request).cdn());
        answer.put("expires_at", uploads.tokenExpiry(token).toString());
        return answer;
    }

    private Map<String, String> open(HttpServletRequest request, JsonNode body, String lifecycle, boolean multipart) {
        JsonNode contentType = body == null ? null : body.get("content_type");
        if (contentType == null
                || !contentType.isString()
                || contentType.asString().isBlank()) {
            throw FalHttpException.detail(422, "content_type is required");
        }
        String fileName = body.path("file_name").asString(null);
        UploadSlot slot = uploads.open(
                contentType.asString(),
                fileName,
                ObjectLifecycle.expiration(lifecycle, json),
                multipart,
                urls.of(request));
        Map<String, String> answer = new LinkedHashMap<>();
        answer.put("upload_url", slot.uploadUrl());
        answer.put("file_url", slot.fileUrl());
        return answer;
    }
}
