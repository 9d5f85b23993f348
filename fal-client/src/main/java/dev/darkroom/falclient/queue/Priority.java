package dev.darkroom.falclient.queue;

/** fal's queue priority, sent as {@code X-Fal-Queue-Priority}. */
public enum Priority {
    LOW("low"),
    NORMAL("normal");

    private final String header;

    Priority(String header) {
        this.header = header;
    }

    /** The header value fal expects. */
    public String header() {
        return header;
    }
}
