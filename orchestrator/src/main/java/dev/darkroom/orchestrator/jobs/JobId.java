package dev.darkroom.orchestrator.jobs;

import java.util.UUID;

/**
 * A job's id, typed so an event cannot mix it up with another id.
 *
 * @param value the id as stored (the gateway's job id)
 */
public record JobId(UUID value) {

    @Override
    public String toString() {
        return value.toString();
    }
}
