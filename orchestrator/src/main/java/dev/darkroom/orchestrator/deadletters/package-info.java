/**
 * Dead-lettered messages: their depth per queue as a metric, and an admin API to list them and re-drive them to
 * the queue they came from. Uses only scheduling.
 */
@ApplicationModule(
        displayName = "deadletters",
        allowedDependencies = {"scheduling"})
package dev.darkroom.orchestrator.deadletters;

import org.springframework.modulith.ApplicationModule;
