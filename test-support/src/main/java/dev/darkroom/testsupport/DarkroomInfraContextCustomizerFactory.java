package dev.darkroom.testsupport;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.test.context.TestContextAnnotationUtils;
import org.springframework.test.context.support.TestPropertySourceUtils;

/**
 * Reads {@link DarkroomInfra} and provisions its infrastructure when, and only when, Spring builds a new context
 * for the class (a cached context keeps its database). Registered in {@code META-INF/spring.factories}.
 */
public final class DarkroomInfraContextCustomizerFactory implements ContextCustomizerFactory {

    @Override
    public ContextCustomizer createContextCustomizer(
            Class<?> testClass, List<ContextConfigurationAttributes> configAttributes) {
        DarkroomInfra annotation = TestContextAnnotationUtils.findMergedAnnotation(testClass, DarkroomInfra.class);
        if (annotation == null) {
            return null;
        }
        EnumSet<Infra> wanted = EnumSet.noneOf(Infra.class);
        wanted.addAll(List.of(annotation.value()));
        return new Customizer(wanted);
    }

    /** Equal for equal infrastructure, so classes with the same configuration share a cached context. */
    private record Customizer(Set<Infra> wanted) implements ContextCustomizer {

        /** Above application.yml and system properties, below what the test class itself says. */
        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
            MutablePropertySources sources = context.getEnvironment().getPropertySources();
            MapPropertySource infra = new MapPropertySource("darkroomTestInfra", DarkroomTestInfra.properties(wanted));
            String inlined = TestPropertySourceUtils.INLINED_PROPERTIES_PROPERTY_SOURCE_NAME;
            if (sources.contains(inlined)) {
                sources.addAfter(inlined, infra);
            } else {
                sources.addFirst(infra);
            }
        }
    }
}
