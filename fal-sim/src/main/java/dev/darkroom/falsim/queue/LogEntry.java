package dev.darkroom.falsim.queue;

import java.time.Instant;

/** One runner log line, shaped like fal's {@code RequestLog} ({@code message, level, source, timestamp}). */
public record LogEntry(String message, String level, String source, Instant timestamp) {

    static LogEntry info(String message, Instant at) {
        return new LogEntry(message, "INFO", "USER", at);
    }
}
