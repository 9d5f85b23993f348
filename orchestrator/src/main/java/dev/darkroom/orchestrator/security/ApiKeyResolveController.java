package dev.darkroom.orchestrator.security;

import dev.darkroom.orchestrator.tenants.ApiKey;
import dev.darkroom.orchestrator.tenants.ApiKeyRepository;
import dev.darkroom.orchestrator.tenants.TenantRepository;
import dev.darkroom.support.problems.NotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The gateway's key lookup: by the SHA-256 of the key, never the key itself. Unknown, revoked and expired keys
 * and suspended tenants all answer the same 404, so the answer reveals nothing.
 */
@RestController
class ApiKeyResolveController {

    private final ApiKeyRepository keys;
    private final TenantRepository tenants;
    private final Clock clock;

    ApiKeyResolveController(ApiKeyRepository keys, TenantRepository tenants, Clock clock) {
        this.keys = keys;
        this.tenants = tenants;
        this.clock = clock;
    }

    /**
     * A usable key.
     *
     * @param tenantId its tenant
     * @param keyId the key
     * @param expiresAt when it stops working, or null
     */
    record ResolvedKey(UUID tenantId, UUID keyId, Instant expiresAt) {}

    @GetMapping("/internal/api-keys/{hash}")
    @Transactional(readOnly = true)
    ResolvedKey resolve(@PathVariable String hash) {
        Instant now = clock.instant();
        ApiKey key = keys.findByKeyHash(hash)
                .filter(k -> k.usableAt(now))
                .filter(k -> tenants.findById(k.tenantId()).map(t -> t.active()).orElse(false))
                .orElseThrow(() -> new NotFoundException("unknown_api_key", "no usable key with this hash"));
        return new ResolvedKey(key.tenantId(), key.id(), key.expiresAt());
    }
}
