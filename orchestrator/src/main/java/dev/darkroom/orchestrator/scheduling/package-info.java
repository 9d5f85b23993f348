/**
 * The background loops of the orchestrator. Each feature owns its loop's round as a named method and registers it
 * with the {@link dev.darkroom.orchestrator.scheduling.LoopRunner} (one thread per loop, woken early by a nudge);
 * each feature purges its own short-lived rows through a {@link dev.darkroom.orchestrator.scheduling.Purge} that
 * {@link dev.darkroom.orchestrator.scheduling.Housekeeping} runs. Depends on no other module.
 */
@ApplicationModule(
        displayName = "scheduling",
        allowedDependencies = {})
package dev.darkroom.orchestrator.scheduling;

import org.springframework.modulith.ApplicationModule;
