package dev.darkroom.gateway.docs;

import static org.springframework.web.reactive.function.server.RequestPredicates.GET;
import static org.springframework.web.reactive.function.server.RouterFunctions.route;

import dev.darkroom.contracts.api.OpenApiDocument;
import dev.darkroom.support.problems.NotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Serves the OpenAPI document as JSON and the reference the build rendered from it. Both are read once: they are
 * part of the build. Functional routes with an explicit content type, since a static {@code .yaml} or {@code .html}
 * resource would be served with whatever type the file name suggests.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocsRoutes {

    /** Where the gateway's build puts the rendered reference. */
    static final String REFERENCE = "darkroom/docs.html";

    @Bean
    RouterFunction<ServerResponse> apiDocsEndpoints(JsonMapper json) {
        byte[] document = json.writeValueAsBytes(OpenApiDocument.tree());
        byte[] reference = reference();
        return route(
                        GET("/v1/openapi.json"),
                        r -> ServerResponse.ok()
                                .contentType(MediaType.APPLICATION_JSON)
                                .bodyValue(document))
                .andRoute(
                        GET("/docs"),
                        r -> reference == null
                                ? Mono.error(new NotFoundException(
                                        "not_found", "this gateway was built without its API reference"))
                                : ServerResponse.ok()
                                        .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                                        .bodyValue(reference));
    }

    private static byte[] reference() {
        try (InputStream in = ApiDocsRoutes.class.getClassLoader().getResourceAsStream(REFERENCE)) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
