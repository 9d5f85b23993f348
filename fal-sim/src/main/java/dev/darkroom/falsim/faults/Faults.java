package dev.darkroom.falsim.faults;

import dev.darkroom.falsim.Resettable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.springframework.stereotype.Component;

/**
 * The fault settings in force and the RNG every fault decision draws from. A rate of 0 never draws, so a seeded run
 * makes the same decisions as long as the same knobs are on and requests arrive in the same order.
 */
@Component
public class Faults implements Resettable {

    /** fal retries a request on a new runner up to 10 times (docs/fal-protocol.md#retries). */
    public static final int MAX_FAL_RETRIES = 10;

    private final FaultSettings initial;
    private FaultSettings current;
    private Random random;

    Faults(FaultSettings initial) {
        this.initial = initial;
        replace(initial);
    }

    /** The settings configured at startup, which {@link #reset()} restores. */
    public FaultSettings initial() {
        return initial;
    }

    public synchronized FaultSettings settings() {
        return current;
    }

    public final synchronized void replace(FaultSettings settings) {
        current = settings;
        random = settings.seed() != null ? new Random(settings.seed()) : new Random();
    }

    @Override
    public void reset() {
        replace(initial);
    }

    /** True with probability {@code rate}. */
    public synchronized boolean roll(double rate) {
        return rate > 0 && (rate >= 1 || random.nextDouble() < rate);
    }

    synchronized <T> T pick(List<T> options) {
        return options.size() == 1 ? options.get(0) : options.get(random.nextInt(options.size()));
    }

    synchronized Duration between(Duration min, Duration max) {
        long span = max.toMillis() - min.toMillis();
        return span <= 0 ? min : min.plusMillis((long) (random.nextDouble() * (span + 1)));
    }

    /**
     * What happens to one new request: prompt tokens first, then the configured rates. One lock for all draws, so a
     * seeded run decides the same however submits interleave.
     */
    public synchronized RequestFaults decide(String prompt, int images) {
        PromptTokens tokens = PromptTokens.parse(prompt);
        FaultSettings s = settings();
        String modelError = tokens.modelError() != null
                ? tokens.modelError()
                : roll(s.modelErrorRate()) ? pick(s.modelErrorTypes()) : null;
        boolean stuck = tokens.stuck() || roll(s.stuckRate());
        Duration delay = tokens.webhookDelay() != null
                ? tokens.webhookDelay()
                : roll(s.webhookDelayRate()) ? between(s.webhookDelayMin(), s.webhookDelayMax()) : null;
        WebhookFaults webhook = new WebhookFaults(
                tokens.dropWebhook() || roll(s.webhookDropRate()),
                tokens.duplicateWebhook() || roll(s.webhookDuplicateRate()),
                delay,
                tokens.reorderWebhook() || roll(s.webhookReorderRate()),
                tokens.payloadError() || roll(s.payloadErrorRate()));
        int falRetries = tokens.falRetries() > 0 ? tokens.falRetries() : roll(s.falRetryRate()) ? 1 : 0;
        return new RequestFaults(
                modelError,
                stuck,
                tokens.slow(),
                webhook,
                tokens.submitDelay(),
                falRetries,
                nsfwImages(tokens.nsfw(), s.nsfwRate(), images));
    }

    private List<Integer> nsfwImages(PromptTokens.Nsfw token, double rate, int images) {
        List<Integer> flagged = new ArrayList<>();
        for (int i = 0; i < images; i++) {
            boolean byToken = token == PromptTokens.Nsfw.ALL || (token == PromptTokens.Nsfw.FIRST && i == 0);
            if (byToken || roll(rate)) {
                flagged.add(i);
            }
        }
        return flagged;
    }
}
