package dev.darkroom.testsupport;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialects;
import dev.darkroom.contracts.api.OpenApiDocument;
import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Checks real HTTP responses against Darkroom's OpenAPI 3.1 document: the operation and its status must be
 * documented, the content type must be one the response declares, every required header must be there and every
 * documented header and the body must fit their schemas (wrong types, missing required and undocumented fields
 * fail, since the document's schemas are closed). Schemas are checked by networknt's validator with the OpenAPI
 * 3.1 dialect, which resolves the document's {@code $ref}s in place; validators built for OpenAPI 3.0 pass 3.1
 * documents' type errors silently, so they are not used here. Hand-written around it: matching a request to its
 * path template and following {@code $ref}s of response and header objects, which are not schemas.
 */
public final class OpenApiContract {

    private static final String URI_BASE = "https://darkroom.dev/openapi.yaml";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static volatile OpenApiContract darkroom;

    private final JsonNode document;
    private final SchemaRegistry schemas;
    private final List<PathTemplate> paths;
    private final Map<String, Schema> compiled = new ConcurrentHashMap<>();

    /** A path template of the document and the pattern of the request paths it names. */
    private record PathTemplate(String template, Pattern pattern, int literalChars) {}

    OpenApiContract(String yaml) {
        this.document =
                tools.jackson.dataformat.yaml.YAMLMapper.builder().build().readTree(yaml);
        this.schemas = SchemaRegistry.withDialect(
                Dialects.getOpenApi31(),
                b -> b.schemas(Map.of(URI_BASE, yaml))
                        .schemaRegistryConfig(SchemaRegistryConfig.builder()
                                .formatAssertionsEnabled(true)
                                .locale(Locale.ROOT)
                                .build()));
        List<PathTemplate> templates = new ArrayList<>();
        document.get("paths")
                .propertyNames()
                .forEach(t -> templates.add(new PathTemplate(
                        t,
                        Pattern.compile(t.replaceAll("\\{[^}]+}", "[^/]+").replace(".", "\\.")),
                        t.replaceAll("\\{[^}]+}", "").length())));
        // a literal segment wins over a parameter in the same place
        templates.sort(Comparator.comparingInt(PathTemplate::literalChars).reversed());
        this.paths = List.copyOf(templates);
    }

    /** The contract of Darkroom's API, from the document on the classpath. */
    public static OpenApiContract darkroom() {
        if (darkroom == null) {
            darkroom = new OpenApiContract(OpenApiDocument.yaml());
        }
        return darkroom;
    }

    /** Every operation of the document, as {@code "METHOD /template"}. */
    public List<String> operations() {
        List<String> operations = new ArrayList<>();
        document.get("paths")
                .properties()
                .forEach(path -> path.getValue().propertyNames().stream()
                        .filter(m ->
                                List.of("get", "put", "post", "delete", "patch").contains(m))
                        .forEach(m -> operations.add(m.toUpperCase(Locale.ROOT) + " " + path.getKey())));
        return operations;
    }

    /** The operation a request is for, as {@code "METHOD /template"}, or null when the document has none. */
    public String operation(String method, String pathAndQuery) {
        String template = template(URI.create(pathAndQuery).getRawPath());
        if (template == null || !document.get("paths").get(template).has(method.toLowerCase(Locale.ROOT))) {
            return null;
        }
        return method.toUpperCase(Locale.ROOT) + " " + template;
    }

    /**
     * What is wrong with a response; empty when it fits the document.
     *
     * @param method the request's method
     * @param pathAndQuery the request's path, with its query if any
     * @param status the response's status
     * @param headers the response's headers, by name in any case
     * @param body the response's body, empty when none
     */
    public List<String> violations(
            String method, String pathAndQuery, int status, Map<String, List<String>> headers, byte[] body) {
        String path = URI.create(pathAndQuery).getRawPath();
        String template = template(path);
        String op = method.toLowerCase(Locale.ROOT);
        if (template == null || !document.get("paths").get(template).has(op)) {
            return List.of(method + " " + path + " is not in the document");
        }
        String where = "/paths/" + escape(template) + "/" + op + "/responses/";
        JsonNode responses = document.get("paths").get(template).get(op).get("responses");
        String code = String.valueOf(status);
        if (!responses.has(code)) {
            return List.of(method + " " + template + " does not document status " + status);
        }
        String pointer = where + code;
        JsonNode response = responses.get(code);
        if (response.has("$ref")) {
            pointer = response.get("$ref").asString().substring(1);
            response = document.at(pointer);
        }
        String label = method + " " + template + " " + status;
        List<String> problems = new ArrayList<>();
        checkHeaders(label, pointer, response, headers, problems);
        checkBody(label, pointer, response, headers, body, problems);
        return problems;
    }

    private void checkHeaders(
            String label, String pointer, JsonNode response, Map<String, List<String>> headers, List<String> problems) {
        if (!response.has("headers")) {
            return;
        }
        response.get("headers").properties().forEach(h -> {
            String name = h.getKey();
            JsonNode header = h.getValue();
            String at = pointer + "/headers/" + escape(name);
            if (header.has("$ref")) {
                at = header.get("$ref").asString().substring(1);
                header = document.at(at);
            }
            String value = header(headers, name);
            if (value == null) {
                if (header.path("required").asBoolean(false)) {
                    problems.add(label + ": header " + name + " is required but missing");
                }
                return;
            }
            errors(at + "/schema", JsonNodeFactory.instance.stringNode(value))
                    .forEach(e -> problems.add(label + ": header " + name + " " + e));
        });
    }

    private void checkBody(
            String label,
            String pointer,
            JsonNode response,
            Map<String, List<String>> headers,
            byte[] body,
            List<String> problems) {
        JsonNode content = response.get("content");
        if (content == null) {
            if (body.length > 0) {
                problems.add(label + ": documents no body but got " + body.length + " bytes");
            }
            return;
        }
        String contentType = header(headers, "Content-Type");
        String mediaType =
                contentType == null ? null : contentType.split(";")[0].trim().toLowerCase(Locale.ROOT);
        if (mediaType == null || !content.has(mediaType)) {
            problems.add(label + ": content type " + contentType + " is not one of " + content.propertyNames());
            return;
        }
        if (!mediaType.endsWith("json")) {
            return;
        }
        JsonNode parsed;
        try {
            parsed = JSON.readTree(body);
        } catch (RuntimeException e) {
            problems.add(label + ": the body is not JSON");
            return;
        }
        errors(pointer + "/content/" + escape(mediaType) + "/schema", parsed)
                .forEach(e -> problems.add(label + ": " + e));
    }

    private List<String> errors(String pointer, JsonNode instance) {
        if (document.at(pointer).isMissingNode()) {
            return List.of();
        }
        Schema schema =
                compiled.computeIfAbsent(pointer, p -> schemas.getSchema(SchemaLocation.of(URI_BASE + "#" + p)));
        return schema.validate(instance).stream().map(Error::toString).toList();
    }

    private String template(String path) {
        return paths.stream()
                .filter(t -> t.pattern().matcher(path).matches())
                .map(PathTemplate::template)
                .findFirst()
                .orElse(null);
    }

    private static String header(Map<String, List<String>> headers, String name) {
        return headers.entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty())
                .map(e -> e.getValue().get(0))
                .findFirst()
                .orElse(null);
    }

    /** A JSON pointer token (RFC 6901). */
    private static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }
}
