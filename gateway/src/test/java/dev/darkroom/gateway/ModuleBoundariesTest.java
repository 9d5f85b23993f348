package dev.darkroom.gateway;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/**
 * The gateway's feature packages are Spring Modulith modules: no cycles between them and no use of another module's
 * sub-packages. Reads the compiled classes only; no Spring context.
 */
class ModuleBoundariesTest {

    @Test
    void noFeaturePackageFormsACycleWithAnother() {
        ApplicationModules.of(GatewayApplication.class).verify();
    }
}
