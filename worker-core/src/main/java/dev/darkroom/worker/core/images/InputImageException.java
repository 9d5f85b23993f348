package dev.darkroom.worker.core.images;

/**
 * A job's input image cannot be used: refused, unreachable, not an image or too large. Trying again would not help,
 * so the job fails with {@link #CODE}.
 */
public class InputImageException extends RuntimeException {

    /** The job error code for an unusable input image. */
    public static final String CODE = "input_image_invalid";

    private final String field;

    InputImageException(String field, String sentence) {
        super(sentence);
        this.field = field;
    }

    /** The input field holding the image URL, e.g. {@code image_url}. */
    public String field() {
        return field;
    }
}
