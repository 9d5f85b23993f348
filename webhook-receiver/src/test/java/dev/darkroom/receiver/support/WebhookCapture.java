package dev.darkroom.receiver.support;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Catches webhooks fal-sim sends, byte for byte with their headers, so a test can replay a really signed webhook to
 * the receiver, altered or not.
 */
@TestComponent
@RestController
public class WebhookCapture {

    private final Map<String, Captured> captured = new ConcurrentHashMap<>();

    @PostMapping("/test/capture/{name}")
    void capture(@PathVariable String name, HttpServletRequest request) throws IOException {
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (String header : Collections.list(request.getHeaderNames())) {
            headers.put(header, request.getHeader(header));
        }
        captured.putIfAbsent(
                name, new Captured(headers, request.getInputStream().readAllBytes()));
    }

    /** The first webhook caught under {@code name}, or null. */
    public Captured get(String name) {
        return captured.get(name);
    }

    /**
     * A webhook as fal-sim sent it.
     *
     * @param headers its headers, names case-insensitive
     * @param body its raw body
     */
    public record Captured(Map<String, String> headers, byte[] body) {

        public String header(String name) {
            return headers.get(name);
        }
    }
}
