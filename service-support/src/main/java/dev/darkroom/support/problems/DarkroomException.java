package dev.darkroom.support.problems;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An error a client caused or must know about, rendered as an {@code application/problem+json} document with a
 * stable {@code code}. Subclasses name the situation; never put secrets in the detail.
 */
public class DarkroomException extends RuntimeException {

    private final int status;
    private final String code;
    private final Map<String, Object> properties;

    public DarkroomException(int status, String code, String detail) {
        this(status, code, detail, Map.of());
    }

    public DarkroomException(int status, String code, String detail, Map<String, Object> properties) {
        super(detail);
        this.status = status;
        this.code = code;
        this.properties = new LinkedHashMap<>(properties);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    /** Extra members of the problem document, such as the offending {@code field}. */
    public Map<String, Object> properties() {
        return properties;
    }
}
