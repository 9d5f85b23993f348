package dev.darkroom.docs;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds {@code docs/configuration.md} from what the build knows: the configuration metadata Spring Boot's
 * processor writes for every {@code @ConfigurationProperties} record (its {@code @param} Javadoc is the
 * description), the environment variables each service's YAML maps onto properties, and the settings block of
 * {@code ./darkroom}. Only Darkroom's own modules are listed; Boot's metadata only describes the Boot properties a
 * service's YAML exposes as an environment variable.
 */
final class ConfigurationReference {

    static final String METADATA = "META-INF/spring-configuration-metadata.json";
    /** Module order of the document: services first, then the libraries they include. */
    static final List<String> MODULES = List.of(
            "gateway", "orchestrator", "worker-core", "webhook-receiver", "service-support", "storage", "fal-sim");

    private static final List<String> YAML_FILES = List.of("application.yml", "darkroom-worker.yml", "fal-sim.yml");
    private static final Pattern MODULE_IN_URL =
            Pattern.compile("/(gateway|orchestrator|worker-core|worker-image|worker-video|webhook-receiver|"
                    + "service-support|storage|fal-sim|fal-client|contracts)(?:/target/classes|-[0-9][^/]*\\.jar)");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(?::([^}]*))?}");
    private static final Pattern SCRIPT_SETTING = Pattern.compile("^#   ([A-Z][A-Z0-9_]+) +(.+)$");
    private static final Pattern SCRIPT_READ = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(:?-((?:[^{}]|\\{[^}]*})*))?}");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** One property from the metadata. */
    record Property(String module, String name, String type, String defaultValue, String description) {}

    /** A variable a service's YAML reads: where and for which property. */
    record YamlVariable(String variable, String property, String defaultValue, Set<String> services) {}

    private final ClassLoader loader;
    private final Path script;

    ConfigurationReference(ClassLoader loader, Path script) {
        this.loader = loader;
        this.script = script;
    }

    /** Every Darkroom property, by module, sorted by name. */
    Map<String, List<Property>> properties() {
        Map<String, List<Property>> byModule = new LinkedHashMap<>();
        for (URL url : resources(METADATA)) {
            String module = module(url);
            if (!MODULES.contains(module)) {
                continue;
            }
            for (JsonNode p : read(url).path("properties")) {
                byModule.computeIfAbsent(module, m -> new ArrayList<>())
                        .add(new Property(
                                module,
                                p.path("name").asString(),
                                shortType(p.path("type").asString("")),
                                p.has("defaultValue") ? text(p.get("defaultValue")) : "",
                                javadoc(p.path("description").asString(""))));
            }
        }
        Map<String, List<Property>> ordered = new LinkedHashMap<>();
        for (String module : MODULES) {
            List<Property> list = byModule.getOrDefault(module, List.of()).stream()
                    .sorted((a, b) -> a.name().compareTo(b.name()))
                    .distinct()
                    .toList();
            if (!list.isEmpty()) {
                ordered.put(module, list);
            }
        }
        return ordered;
    }

    /** Descriptions of every property the metadata on the classpath knows, Boot's included. */
    Map<String, String> allDescriptions() {
        Map<String, String> all = new TreeMap<>();
        for (URL url : resources(METADATA)) {
            for (JsonNode p : read(url).path("properties")) {
                String description = p.path("description").asString("");
                if (!description.isBlank()) {
                    all.putIfAbsent(p.path("name").asString(), javadoc(description));
                }
            }
        }
        return all;
    }

    /** A description as Markdown: Javadoc's inline tags become code spans, whitespace one space. */
    static String javadoc(String description) {
        return description
                .replaceAll("\\{@(?:code|literal) ([^}]*)}", "`$1`")
                .replaceAll("\\{@link(?:plain)? #?([^}]*)}", "`$1`")
                .replaceAll("\\s+", " ")
                .strip();
    }

    /** The environment variables the services' YAML files read, by variable name and property. */
    Map<String, YamlVariable> yamlVariables() {
        Map<String, YamlVariable> variables = new TreeMap<>();
        for (String file : YAML_FILES) {
            for (URL url : resources(file)) {
                String module = module(url);
                String service = module.equals("worker-core") ? "worker-image, worker-video" : module;
                Map<String, String> flat = new TreeMap<>();
                flatten("", new Yaml().load(readString(url)), flat);
                flat.forEach((property, value) -> {
                    Matcher m = PLACEHOLDER.matcher(value);
                    while (m.find()) {
                        String name = m.group(1);
                        String defaultValue = m.group(2) == null ? "" : m.group(2);
                        String key = name + " " + property;
                        YamlVariable known = variables.get(key);
                        Set<String> services = new TreeSet<>(known == null ? Set.of() : known.services());
                        services.add(service);
                        variables.put(key, new YamlVariable(name, property, defaultValue, services));
                    }
                });
            }
        }
        return variables;
    }

    /** {@code ./darkroom}'s documented settings, in the script's order: name to meaning. */
    Map<String, String> scriptSettings() {
        Map<String, String> settings = new LinkedHashMap<>();
        for (String line : scriptLines()) {
            Matcher m = SCRIPT_SETTING.matcher(line);
            if (m.matches()) {
                settings.put(m.group(1), m.group(2).strip());
            }
        }
        return settings;
    }

    /** Every variable {@code ./darkroom} reads with a default or tests for, with the default when there is one. */
    Map<String, String> scriptReads() {
        Map<String, String> reads = new TreeMap<>();
        for (String line : scriptLines()) {
            if (line.startsWith("#")) {
                continue;
            }
            Matcher m = SCRIPT_READ.matcher(line);
            while (m.find()) {
                String defaultValue = m.group(3) == null ? "" : m.group(3);
                reads.merge(m.group(1), defaultValue, (a, b) -> a.isEmpty() ? b : a);
            }
        }
        return reads;
    }

    /** The relaxed-binding environment variable of a property (Spring Boot's canonical form). */
    static String environmentVariable(String property) {
        return property.replace("-", "")
                .replace(".", "_")
                .replace("[", "_")
                .replace("]", "_")
                .toUpperCase(java.util.Locale.ROOT);
    }

    static String shortType(String type) {
        return type.replaceAll("[a-z][a-z0-9_]*\\.", "").replace("$", ".");
    }

    private List<String> scriptLines() {
        try {
            return Files.readAllLines(script);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static void flatten(String prefix, Object node, Map<String, String> out) {
        if (node instanceof Map<?, ?> map) {
            map.forEach((k, v) -> flatten(prefix.isEmpty() ? String.valueOf(k) : prefix + "." + k, v, out));
        } else if (node instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                flatten(prefix + "[" + i + "]", list.get(i), out);
            }
        } else if (node != null) {
            out.put(prefix, String.valueOf(node));
        }
    }

    private static String text(JsonNode value) {
        if (value.isArray()) {
            List<String> items = new ArrayList<>();
            value.forEach(v -> items.add(v.asString()));
            return String.join(",", items);
        }
        return value.isString() ? value.asString() : value.toString();
    }

    private static String module(URL url) {
        Matcher m = MODULE_IN_URL.matcher(url.toString());
        return m.find() ? m.group(1) : "";
    }

    private List<URL> resources(String name) {
        try {
            return Collections.list(loader.getResources(name)).stream()
                    .distinct()
                    .collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode read(URL url) {
        return JSON.readTree(readString(url));
    }

    private static String readString(URL url) {
        try (InputStream in = url.openStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
