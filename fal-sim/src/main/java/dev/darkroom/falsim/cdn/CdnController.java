package dev.darkroom.falsim.cdn;

import dev.darkroom.falsim.web.FalHttpException;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Serves CDN files publicly (no auth, like {@code v3.fal.media}), streamed from disk with their content type and
 * length (set by the resource converter); HEAD and byte ranges come with Spring's resource handling.
 */
@RestController
class CdnController {

    private final CdnStore store;

    CdnController(CdnStore store) {
        this.store = store;
    }

    @GetMapping("/cdn/files/{bucket}/{name}")
    ResponseEntity<Resource> file(@PathVariable String bucket, @PathVariable String name) {
        StoredFile file = store.find("files/" + bucket + "/" + name);
        if (file == null) {
            throw FalHttpException.detail(404, "Not Found");
        }
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(file.contentType()))
                .cacheControl(CacheControl.noCache())
                .body(new FileSystemResource(file.path()));
    }
}
