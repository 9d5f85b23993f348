package dev.darkroom.falsim.faults;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.convert.DurationStyle;

/**
 * Per-request fault triggers written into the prompt, so a test can make one request misbehave deterministically:
 * {@code [sim:model_error]} (or {@code [sim:model_error=runner_server_error]}), {@code [sim:stuck]},
 * {@code [sim:drop_webhook]}, {@code [sim:duplicate_webhook]}, {@code [sim:delay_webhook=2s]},
 * {@code [sim:reorder_webhook]}, {@code [sim:slow=3s]}, {@code [sim:submit_delay=5s]}, {@code [sim:payload_error]},
 * {@code [sim:fal_retry]} (or {@code [sim:fal_retry=3]}), {@code [sim:nsfw]} (the first image flagged) and
 * {@code [sim:nsfw=all]}. Unknown tokens are left alone: a prompt is user text.
 *
 * @param nsfw {@link Nsfw#NONE}, the first image or all of them
 */
record PromptTokens(
        String modelError,
        boolean stuck,
        boolean dropWebhook,
        boolean duplicateWebhook,
        Duration webhookDelay,
        boolean reorderWebhook,
        Duration slow,
        Duration submitDelay,
        boolean payloadError,
        int falRetries,
        Nsfw nsfw) {

    /** Which images a {@code [sim:nsfw]} token flags. */
    enum Nsfw {
        NONE,
        FIRST,
        ALL
    }

    static final String DEFAULT_MODEL_ERROR = "content_policy_violation";
    private static final Pattern TOKEN = Pattern.compile("\\[sim:([a-z_]+)(?:=([^\\]\\s]+))?]");

    static PromptTokens parse(String prompt) {
        String modelError = null;
        boolean stuck = false;
        boolean drop = false;
        boolean duplicate = false;
        boolean reorder = false;
        Duration delay = null;
        Duration slow = null;
        Duration submitDelay = null;
        boolean payloadError = false;
        int falRetries = 0;
        Nsfw nsfw = Nsfw.NONE;
        Matcher m = TOKEN.matcher(prompt == null ? "" : prompt);
        while (m.find()) {
            String value = m.group(2);
            switch (m.group(1)) {
                case "model_error" -> modelError = value != null ? value : DEFAULT_MODEL_ERROR;
                case "stuck" -> stuck = true;
                case "drop_webhook" -> drop = true;
                case "duplicate_webhook" -> duplicate = true;
                case "reorder_webhook" -> reorder = true;
                case "delay_webhook" -> delay = duration(value, delay);
                case "slow" -> slow = duration(value, slow);
                case "submit_delay" -> submitDelay = duration(value, submitDelay);
                case "payload_error" -> payloadError = true;
                case "fal_retry" -> falRetries = count(value);
                case "nsfw" -> nsfw = "all".equals(value) ? Nsfw.ALL : Nsfw.FIRST;
                default -> {
                    // not ours
                }
            }
        }
        return new PromptTokens(
                modelError, stuck, drop, duplicate, delay, reorder, slow, submitDelay, payloadError, falRetries, nsfw);
    }

    /** {@code fal_retry}'s count: 1 when not given, at most fal's 10 retries. */
    private static int count(String value) {
        if (value == null) {
            return 1;
        }
        try {
            return Math.max(0, Math.min(Integer.parseInt(value), Faults.MAX_FAL_RETRIES));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    private static Duration duration(String value, Duration otherwise) {
        if (value == null) {
            return otherwise;
        }
        try {
            return DurationStyle.detectAndParse(value);
        } catch (IllegalArgumentException e) {
            return otherwise;
        }
    }
}
