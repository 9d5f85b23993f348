package dev.darkroom.storage;

/**
 * What {@link ObjectStorage#applyRetention} achieved.
 *
 * @param applied true when the server holds the rules now
 * @param rules how many expiration rules were asked for
 * @param unsupportedReason why the server refused lifecycle configuration (e.g. s3proxy), else null
 */
public record RetentionResult(boolean applied, int rules, String unsupportedReason) {

    static RetentionResult applied(int rules) {
        return new RetentionResult(true, rules, null);
    }

    static RetentionResult unsupported(int rules, String reason) {
        return new RetentionResult(false, rules, reason);
    }
}
