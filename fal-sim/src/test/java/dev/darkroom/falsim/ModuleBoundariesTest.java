package dev.darkroom.falsim;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/**
 * fal-sim's feature packages are Spring Modulith modules: no cycles between them and no use of another module's
 * sub-packages. Reads the compiled classes only; no Spring context.
 */
class ModuleBoundariesTest {

    @Test
    void noFeaturePackageFormsACycleWithAnother() {
        ApplicationModules.of("dev.darkroom.falsim").verify();
    }
}
