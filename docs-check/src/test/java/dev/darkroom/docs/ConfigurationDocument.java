package dev.darkroom.docs;

import dev.darkroom.docs.ConfigurationReference.Property;
import dev.darkroom.docs.ConfigurationReference.YamlVariable;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Writes {@link ConfigurationReference}'s facts as the Markdown of {@code docs/configuration.md}. */
final class ConfigurationDocument {

    private static final Map<String, String> MODULE_NOTES = Map.of(
            "gateway", "The public edge ([README](../gateway/README.md)).",
            "orchestrator",
                    "Admission, dispatch, reconciliation, tenant webhooks ([README](../orchestrator/README.md)).",
            "worker-core", "Both workers, `worker-image` and `worker-video` ([README](../worker-core/README.md)).",
            "webhook-receiver", "fal's webhooks and output ingestion ([README](../webhook-receiver/README.md)).",
            "service-support", "Every service: broker, fal client, outgoing-URL guard.",
            "storage", "Every service that reads or writes the bucket ([README](../storage/README.md)).",
            "fal-sim", "The fal stand-in, for local runs and tests only ([README](../fal-sim/README.md)).");

    private final ConfigurationReference reference;

    ConfigurationDocument(ConfigurationReference reference) {
        this.reference = reference;
    }

    String render() {
        StringBuilder md = new StringBuilder();
        md.append("# Configuration reference\n\n")
                .append("<!-- Generated from the build's configuration metadata by docs-check's ")
                .append("ConfigurationReferenceTest. Do not edit: see below. -->\n\n")
                .append(
                        "Every setting of every Darkroom service and of `./darkroom`. The services' tables are generated")
                .append(
                        " from the\nconfiguration metadata Spring Boot's configuration processor writes at compile time")
                .append(
                        " (each\n`@ConfigurationProperties` record's `@param` Javadoc is the meaning, `@DefaultValue` the")
                .append(" default) and from\nthe environment variables each service's YAML maps onto a property. To")
                .append(" change this page, change\nthe Javadoc, the YAML or the settings block at the top of")
                .append(" `./darkroom`, then run\n`./mvnw -q -o -pl docs-check -am verify -Ddocs.write=true`;")
                .append(" the build fails while the committed page differs.\n\n")
                .append("Any property can also be set as an environment variable by Spring Boot's relaxed binding:")
                .append(" upper case, `.`\nbecomes `_`, `-` is dropped (`darkroom.dispatch.global-in-flight-cap` is")
                .append(" `DARKROOM_DISPATCH_GLOBALINFLIGHTCAP`).\nWhere a service's YAML names a shorter variable,")
                .append(" the tables show that one.\n\n");
        script(md);
        services(md);
        for (Map.Entry<String, List<Property>> module : reference.properties().entrySet()) {
            module(md, module.getKey(), module.getValue());
        }
        return md.toString();
    }

    private void script(StringBuilder md) {
        Map<String, String> defaults = reference.scriptReads();
        md.append("## darkroom\n\n")
                .append("Read by `./darkroom up` (and passed on to the services it starts).\n\n")
                .append("| variable | default | meaning |\n|---|---|---|\n");
        reference
                .scriptSettings()
                .forEach((name, meaning) -> row(md, code(name), code(defaults.getOrDefault(name, "")), meaning));
        md.append('\n');
    }

    private void services(StringBuilder md) {
        Map<String, String> descriptions = reference.allDescriptions();
        md.append("## Environment variables of the services\n\n")
                .append("The variables the services' YAML files read, the property each sets and its default.\n\n")
                .append("| variable | property | services | default | meaning |\n|---|---|---|---|---|\n");
        for (YamlVariable v : reference.yamlVariables().values()) {
            row(
                    md,
                    code(v.variable()),
                    code(v.property()),
                    String.join(", ", v.services()),
                    code(v.defaultValue()),
                    descriptions.getOrDefault(v.property(), ""));
        }
        md.append('\n');
    }

    private void module(StringBuilder md, String module, List<Property> properties) {
        Map<String, List<YamlVariable>> byProperty =
                reference.yamlVariables().values().stream().collect(Collectors.groupingBy(YamlVariable::property));
        md.append("## ")
                .append(module)
                .append("\n\n")
                .append(MODULE_NOTES.getOrDefault(module, ""))
                .append("\n\n")
                .append("| property | environment variable | type | default | meaning |\n|---|---|---|---|---|\n");
        for (Property p : properties) {
            List<YamlVariable> mapped = byProperty.getOrDefault(p.name(), List.of());
            String variable = mapped.isEmpty()
                    ? ConfigurationReference.environmentVariable(p.name())
                    : mapped.get(0).variable();
            String defaultValue =
                    mapped.isEmpty() ? p.defaultValue() : mapped.get(0).defaultValue();
            row(md, code(p.name()), code(variable), code(p.type()), code(defaultValue), p.description());
        }
        md.append('\n');
    }

    private static String code(String value) {
        return value.isEmpty() ? "" : "`" + value.replace("`", "") + "`";
    }

    private static void row(StringBuilder md, String... cells) {
        md.append('|');
        for (String cell : cells) {
            md.append(' ').append(cell.replace("|", "\\|")).append(" |");
        }
        md.append('\n');
    }
}
