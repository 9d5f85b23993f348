package dev.darkroom.falsim.storage;

import dev.darkroom.falsim.cdn.CdnStore;
import dev.darkroom.falsim.cdn.StoredFile;
import dev.darkroom.falsim.web.FalHttpException;
import dev.darkroom.falsim.web.PublicUrls;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * The CDN side of uploads: the signed {@code upload_url} (a single PUT, or the JS client's multipart protocol:
 * {@code PUT {upload_url path}/{part}}, then {@code POST {upload_url path}/complete}), and the python client's
 * direct {@code POST /files/upload} with a CDN token. Upload URLs need no API key, as on fal.
 */
@RestController
class UploadController {

    private final Uploads uploads;
    private final CdnStore cdn;
    private final PublicUrls urls;

    UploadController(Uploads uploads, CdnStore cdn, PublicUrls urls) {
        this.uploads = uploads;
        this.cdn = cdn;
        this.urls = urls;
    }

    @PutMapping("/cdn/uploads/{id}")
    ResponseEntity<Void> put(
            @PathVariable String id, @RequestParam(required = false) String token, HttpServletRequest request)
            throws IOException {
        UploadSlot slot = slot(id, token);
        cdn.write(
                slot.key(),
                slot.contentType(),
                slot.lifetime(),
                slot.base(),
                path -> uploads.copyLimited(request.getInputStream(), path));
        return ResponseEntity.ok().build();
    }

    @PutMapping("/cdn/uploads/{id}/{part:\\d+}")
    Map<String, Object> part(
            @PathVariable String id,
            @PathVariable int part,
            @RequestParam(required = false) String token,
            HttpServletRequest request)
            throws IOException {
        UploadSlot slot = slot(id, token);
        if (!slot.multipart() || part < 1) {
            throw FalHttpException.detail(400, "Not a multipart upload or bad part number");
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("partNumber", part);
        answer.put("etag", uploads.putPart(slot, part, request.getInputStream()));
        return answer;
    }

    @PostMapping("/cdn/uploads/{id}/complete")
    Map<String, String> complete(@PathVariable String id, @RequestParam(required = false) String token)
            throws IOException {
        UploadSlot slot = slot(id, token);
        if (!slot.multipart()) {
            throw FalHttpException.detail(400, "Not a multipart upload");
        }
        uploads.completeMultipart(slot);
        return Map.of("file_url", slot.fileUrl());
    }

    @PostMapping("/cdn/files/upload")
    Map<String, String> direct(
            HttpServletRequest request,
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            @RequestHeader(name = HttpHeaders.CONTENT_TYPE, required = false) String contentType,
            @RequestHeader(name = "X-Fal-File-Name", required = false) String fileName)
            throws IOException {
        String token = authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                ? authorization.substring(7).trim()
                : null;
        if (!uploads.validToken(token)) {
            throw FalHttpException.detail(401, "Invalid or expired token");
        }
        String type = contentType != null ? contentType : "application/octet-stream";
        String key = cdn.newKey(Uploads.extension(fileName, type));
        StoredFile file = cdn.write(
                key, type, null, urls.of(request), path -> uploads.copyLimited(request.getInputStream(), path));
        return Map.of("access_url", file.url());
    }

    @ExceptionHandler(Uploads.UploadTooLarge.class)
    ResponseEntity<JsonNode> tooLarge(Uploads.UploadTooLarge e) {
        return FalHttpException.detail(413, "File too large").toResponse();
    }

    private UploadSlot slot(String id, String token) {
        UploadSlot slot = uploads.find(id, token);
        if (slot == null) {
            throw FalHttpException.detail(403, "Invalid or expired upload URL");
        }
        return slot;
    }
}
