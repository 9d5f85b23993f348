package dev.darkroom.receiver.claims;

/** The claim could not be decided now (orchestrator down, 5xx, unexpected answer): try again later. */
public class OrchestratorUnavailableException extends RuntimeException {

    public OrchestratorUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
