package dev.darkroom.orchestrator.tenants;

import dev.darkroom.support.problems.InvalidRequestException;
import dev.darkroom.support.problems.NotFoundException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** Admin API for a tenant's API keys: create (shown once), list, revoke, rotate. */
@RestController
@RequestMapping("/v1/admin/tenants/{tenantId}/keys")
class ApiKeyAdminController {

    private final ApiKeyRepository keys;
    private final TenantRepository tenants;
    private final Clock clock;

    ApiKeyAdminController(ApiKeyRepository keys, TenantRepository tenants, Clock clock) {
        this.keys = keys;
        this.tenants = tenants;
        this.clock = clock;
    }

    /** A key as listed; {@code key} is present only in the response that created it. */
    record KeyView(
            UUID id,
            UUID tenantId,
            String name,
            String prefix,
            String key,
            Instant createdAt,
            Instant expiresAt,
            Instant revokedAt) {

        static KeyView of(ApiKey k, String secret) {
            return new KeyView(
                    k.id(), k.tenantId(), k.name(), k.prefix(), secret, k.createdAt(), k.expiresAt(), k.revokedAt());
        }
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Transactional
    KeyView create(@PathVariable UUID tenantId, @RequestBody(required = false) JsonNode body) {
        requireTenant(tenantId);
        Instant now = clock.instant();
        return issue(tenantId, AdminBodies.string(body, "name", 200), expiry(body, now), now);
    }

    @GetMapping
    @Transactional(readOnly = true)
    List<KeyView> list(@PathVariable UUID tenantId) {
        requireTenant(tenantId);
        return keys.findByTenantIdOrderByCreatedAt(tenantId).stream()
                .map(k -> KeyView.of(k, null))
                .toList();
    }

    @DeleteMapping("/{keyId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Transactional
    void revoke(@PathVariable UUID tenantId, @PathVariable UUID keyId) {
        key(tenantId, keyId).revoke(clock.instant());
    }

    /**
     * A new key replacing this one. The old key keeps working for {@code grace_period_seconds} (default 0), so
     * clients can switch without downtime.
     */
    @PostMapping("/{keyId}/rotate")
    @ResponseStatus(HttpStatus.CREATED)
    @Transactional
    KeyView rotate(
            @PathVariable UUID tenantId, @PathVariable UUID keyId, @RequestBody(required = false) JsonNode body) {
        ApiKey old = key(tenantId, keyId);
        if (!old.usableAt(clock.instant())) {
            throw new InvalidRequestException("key_id", "key " + keyId + " is already revoked or expired");
        }
        Instant now = clock.instant();
        long grace = AdminBodies.wholeNumber(
                body, "grace_period_seconds", 0, Duration.ofDays(30).toSeconds(), 0);
        old.expireBy(now.plusSeconds(grace));
        if (grace == 0) {
            old.revoke(now);
        }
        return issue(tenantId, old.name(), null, now);
    }

    private KeyView issue(UUID tenantId, String name, Instant expiresAt, Instant now) {
        String secret = ApiKeys.generate();
        ApiKey key = new ApiKey(
                UUID.randomUUID(), tenantId, name, ApiKeys.displayPrefix(secret), ApiKeys.hash(secret), now, expiresAt);
        return KeyView.of(keys.save(key), secret);
    }

    private ApiKey key(UUID tenantId, UUID keyId) {
        return keys.findById(keyId)
                .filter(k -> k.tenantId().equals(tenantId))
                .orElseThrow(() -> new NotFoundException("api_key_not_found", "no key " + keyId + " for this tenant"));
    }

    private void requireTenant(UUID tenantId) {
        if (!tenants.existsById(tenantId)) {
            throw new NotFoundException("tenant_not_found", "no tenant " + tenantId);
        }
    }

    private static Instant expiry(JsonNode body, Instant now) {
        String value = AdminBodies.string(body, "expires_at", 64);
        if (value == null) {
            return null;
        }
        try {
            Instant at = Instant.parse(value);
            if (!at.isAfter(now)) {
                throw new InvalidRequestException("expires_at", "expires_at must be in the future");
            }
            return at;
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException("expires_at", "expires_at must be an ISO-8601 instant");
        }
    }
}
