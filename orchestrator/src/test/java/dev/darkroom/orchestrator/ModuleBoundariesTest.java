package dev.darkroom.orchestrator;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/**
 * The orchestrator's feature packages are Spring Modulith modules: no cycles, no use of another module's
 * package-private internals or sub-packages, and no dependency that a module's {@code package-info.java} does not
 * allow. Reads the compiled classes only; no Spring context.
 */
class ModuleBoundariesTest {

    @Test
    void everyModuleUsesOnlyTheModulesItDeclaresAndNoneFormACycle() {
        ApplicationModules.of(OrchestratorApplication.class).verify();
    }
}
