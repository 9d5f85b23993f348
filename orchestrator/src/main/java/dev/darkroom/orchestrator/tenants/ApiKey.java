package dev.darkroom.orchestrator.tenants;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** An API key of a tenant. Only its SHA-256 hash is stored; the key itself is shown once, at creation. */
@Entity
@Table(name = "api_key")
public class ApiKey {

    @Id
    private UUID id;

    private UUID tenantId;
    private String name;
    private String prefix;
    private String keyHash;
    private Instant createdAt;
    private Instant expiresAt;
    private Instant revokedAt;

    protected ApiKey() {}

    ApiKey(UUID id, UUID tenantId, String name, String prefix, String keyHash, Instant createdAt, Instant expiresAt) {
        this.id = id;
        this.tenantId = tenantId;
        this.name = name;
        this.prefix = prefix;
        this.keyHash = keyHash;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
    }

    void revoke(Instant now) {
        if (revokedAt == null) {
            revokedAt = now;
        }
    }

    /** Keeps the key working until {@code at}, then it expires; earlier expiry stays. */
    void expireBy(Instant at) {
        if (expiresAt == null || expiresAt.isAfter(at)) {
            expiresAt = at;
        }
    }

    public boolean usableAt(Instant now) {
        return revokedAt == null && (expiresAt == null || expiresAt.isAfter(now));
    }

    public UUID id() {
        return id;
    }

    public UUID tenantId() {
        return tenantId;
    }

    public String name() {
        return name;
    }

    public String prefix() {
        return prefix;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    public Instant revokedAt() {
        return revokedAt;
    }
}
