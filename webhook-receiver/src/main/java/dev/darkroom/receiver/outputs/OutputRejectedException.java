package dev.darkroom.receiver.outputs;

/**
 * An output that cannot become part of the job: invalid, too large, from a host that is not allowed, or not
 * downloadable after retries. The job fails with {@link #code()} and this message, which is written for people.
 */
public class OutputRejectedException extends RuntimeException {

    /** The file is not what it must be: wrong type, unreadable, too large. */
    public static final String OUTPUT_INVALID = "output_invalid";
    /** The file could not be fetched: refused host, permanent HTTP error, or transient errors past the retries. */
    public static final String OUTPUT_DOWNLOAD_FAILED = "output_download_failed";

    private final String code;

    OutputRejectedException(String code, String message) {
        super(message);
        this.code = code;
    }

    static OutputRejectedException invalid(String message) {
        return new OutputRejectedException(OUTPUT_INVALID, message);
    }

    static OutputRejectedException downloadFailed(String message) {
        return new OutputRejectedException(OUTPUT_DOWNLOAD_FAILED, message);
    }

    public String code() {
        return code;
    }
}
