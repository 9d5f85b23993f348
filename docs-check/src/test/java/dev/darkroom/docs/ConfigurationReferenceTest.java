package dev.darkroom.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.darkroom.docs.ConfigurationReference.Property;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * {@code docs/configuration.md} is what the build generates from the configuration metadata, and every setting has a
 * meaning. {@code -Ddocs.write=true} rewrites the committed page instead of comparing; the page the build generated
 * is always left in {@code target/configuration.md}.
 */
class ConfigurationReferenceTest {

    /** What {@code ./darkroom} reads itself and are not settings: its own variables. */
    private static final Set<String> SCRIPT_INTERNALS = Set.of("DATA", "ROOT", "SERVICES", "PORT", "JVM_FLAGS");

    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();
    private static final Path DOC = ROOT.resolve("docs/configuration.md");

    private final ConfigurationReference reference =
            new ConfigurationReference(getClass().getClassLoader(), ROOT.resolve("darkroom"));

    @Test
    void theCommittedPageIsTheGeneratedOne() throws IOException {
        String generated = new ConfigurationDocument(reference).render();
        Files.writeString(Path.of("target/configuration.md"), generated);
        if (Boolean.getBoolean("docs.write")) {
            Files.writeString(DOC, generated);
        }

        assertThat(Files.readString(DOC))
                .as("docs/configuration.md differs from target/configuration.md, generated from the metadata: run"
                        + " ./mvnw -q -o -pl docs-check -am verify -Ddocs.write=true and commit the page")
                .isEqualTo(generated);
    }

    @Test
    void everyServiceHasItsSettingsListed() {
        assertThat(reference.properties()).containsOnlyKeys(ConfigurationReference.MODULES);
    }

    @Test
    void everyPropertyHasADescription() {
        List<String> undescribed = reference.properties().values().stream()
                .flatMap(List::stream)
                .filter(p -> p.description().isBlank())
                .map(Property::name)
                .toList();

        assertThat(undescribed)
                .as("properties without a description: give their record component an @param")
                .isEmpty();
    }

    @Test
    void everyVariableTheScriptReadsIsDocumentedInItsSettingsBlock() {
        Set<String> reads = new java.util.TreeSet<>(reference.scriptReads().keySet());
        reads.removeAll(SCRIPT_INTERNALS);

        assertThat(reference.scriptSettings().keySet())
                .as("the settings block at the top of ./darkroom")
                .containsExactlyInAnyOrderElementsOf(reads);
    }
}
