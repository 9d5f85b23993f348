package dev.darkroom.gateway.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Counts failed authentications per client address in a Bucket4j bucket each (the limit per window, refilled whole
 * at the window's end), kept in a size-bounded Caffeine cache so a flood of addresses cannot grow memory. Per
 * gateway replica: an attacker spreading over replicas gets the limit once per replica, still far from guessing a
 * key.
 */
@Component
@EnableConfigurationProperties(AuthFailureProperties.class)
class AuthFailureLimiter {

    private final AuthFailureProperties properties;
    private final Cache<String, Bucket> buckets;

    AuthFailureLimiter(AuthFailureProperties properties) {
        this.properties = properties;
        this.buckets = Caffeine.newBuilder()
                .maximumSize(properties.maxAddresses())
                .expireAfterAccess(properties.window().multipliedBy(2))
                .build();
    }

    /** Seconds to wait when {@code address} has used up its failures, else empty. Consumes nothing. */
    OptionalLong blocked(String address) {
        Bucket bucket = buckets.getIfPresent(address);
        if (bucket == null || bucket.getAvailableTokens() > 0) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(seconds(bucket.estimateAbilityToConsume(1).getNanosToWaitForRefill()));
    }

    /** Records a failure; seconds to wait when it was one too many, else empty. */
    OptionalLong failed(String address) {
        Bucket bucket = buckets.get(
                address,
                a -> Bucket.builder()
                        .addLimit(Bandwidth.builder()
                                .capacity(properties.limit())
                                .refillIntervally(properties.limit(), properties.window())
                                .build())
                        .build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? OptionalLong.empty() : OptionalLong.of(seconds(probe.getNanosToWaitForRefill()));
    }

    private static long seconds(long nanos) {
        return Math.max(1, TimeUnit.NANOSECONDS.toSeconds(nanos + TimeUnit.SECONDS.toNanos(1) - 1));
    }
}
