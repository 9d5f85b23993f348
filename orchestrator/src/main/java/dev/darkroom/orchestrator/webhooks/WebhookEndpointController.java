package dev.darkroom.orchestrator.webhooks;

import dev.darkroom.contracts.security.InternalHeaders;
import dev.darkroom.orchestrator.api.Page;
import dev.darkroom.support.net.UrlGuard;
import dev.darkroom.support.problems.DarkroomException;
import dev.darkroom.support.problems.NotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * Webhook endpoints of a tenant, managed by the tenant ({@code /v1/webhooks/endpoints}, API key) and by admins
 * ({@code /v1/admin/tenants/{tenantId}/webhooks/endpoints}): create, list, read, patch, delete, rotate the secret.
 */
@RestController
@RequestMapping({"/v1/webhooks/endpoints", "/v1/admin/tenants/{tenantId}/webhooks/endpoints"})
class WebhookEndpointController {

    private final WebhookEndpoints endpoints;
    private final WebhookOwners owners;
    private final WebhookSecrets secrets;
    private final TenantWebhookProperties properties;
    private final UrlGuard guard;
    private final Clock clock;

    WebhookEndpointController(
            WebhookEndpoints endpoints,
            WebhookOwners owners,
            WebhookSecrets secrets,
            TenantWebhookProperties properties,
            Clock clock) {
        this.endpoints = endpoints;
        this.owners = owners;
        this.secrets = secrets;
        this.properties = properties;
        this.guard = new UrlGuard(properties.allowedHosts());
        this.clock = clock;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Transactional
    EndpointView create(
            @PathVariable(required = false) UUID tenantId,
            @RequestHeader(name = InternalHeaders.TENANT_ID, required = false) String gatewayTenant,
            @RequestBody(required = false) JsonNode body) {
        UUID tenant = owners.owner(tenantId, gatewayTenant);
        Instant now = clock.instant();
        String secret = secrets.generate();
        WebhookEndpoint endpoint = EndpointChanges.of(body, guard).create(UUID.randomUUID(), tenant, secret, now);
        // the tenant's row lock makes concurrent creations count each other
        endpoints.lockTenant(tenant);
        if (endpoints.count(tenant) >= properties.maxEndpointsPerTenant()) {
            throw new DarkroomException(
                    409,
                    "webhook_endpoint_limit",
                    "a tenant has at most " + properties.maxEndpointsPerTenant() + " webhook endpoints",
                    Map.of("limit", properties.maxEndpointsPerTenant()));
        }
        endpoints.insert(endpoint);
        return EndpointView.of(endpoint, now).withSecret(secret);
    }

    @GetMapping
    @Transactional(readOnly = true)
    Page<EndpointView> list(
            @PathVariable(required = false) UUID tenantId,
            @RequestHeader(name = InternalHeaders.TENANT_ID, required = false) String gatewayTenant) {
        Instant now = clock.instant();
        return new Page<>(
                endpoints.list(owners.owner(tenantId, gatewayTenant)).stream()
                        .map(e -> EndpointView.of(e, now))
                        .toList(),
                null);
    }

    @GetMapping("/{id}")
    @Transactional(readOnly = true)
    EndpointView get(
            @PathVariable(required = false) UUID tenantId,
            @RequestHeader(name = InternalHeaders.TENANT_ID, required = false) String gatewayTenant,
            @PathVariable UUID id) {
        return EndpointView.of(find(owners.owner(tenantId, gatewayTenant), id), clock.instant());
    }

    @PatchMapping(
            path = "/{id}",
            consumes = {"application/json", "application/merge-patch+json"})
    @Transactional
    EndpointView patch(
            @PathVariable(required = false) UUID tenantId,
            @RequestHeader(name = InternalHeaders.TENANT_ID, required = false) String gatewayTenant,
            @PathVariable UUID id,
            @RequestBody(required = false) JsonNode body) {
        UUID tenant = owners.owner(tenantId, gatewayTenant);
        WebhookEndpoint changed = EndpointChanges.of(body, guard).apply(find(tenant, id));
        Instant now = clock.instant();
        endpoints.update(changed, now);
        if (changed.enabled()) {
            // pending deliveries of a re-enabled endpoint are due again
            endpoints.wakeSenders();
        }
        return EndpointView.of(find(tenant, id), now);
    }

    @DeleteMapping("/{id}")
    @Transactional
    ResponseEntity<Void> delete(
            @PathVariable(required = false) UUID tenantId,
            @RequestHeader(name = InternalHeaders.TENANT_ID, required = false) String gatewayTenant,
            @PathVariable UUID id) {
        if (!endpoints.delete(owners.owner(tenantId, gatewayTenant), id)) {
            throw notFound(id);
        }
        return ResponseEntity.noContent().build();
    }

    /** A new secret; the old one keeps signing (alongside) for the overlap window, so receivers switch over. */
    @PostMapping("/{id}/rotate-secret")
    @Transactional
    EndpointView rotate(
            @PathVariable(required = false) UUID tenantId,
            @RequestHeader(name = InternalHeaders.TENANT_ID, required = false) String gatewayTenant,
            @PathVariable UUID id) {
        UUID tenant = owners.owner(tenantId, gatewayTenant);
        find(tenant, id);
        Instant now = clock.instant();
        String secret = secrets.generate();
        endpoints.rotate(tenant, id, secret, now.plus(properties.rotationOverlap()), now);
        return EndpointView.of(find(tenant, id), now).withSecret(secret);
    }

    private WebhookEndpoint find(UUID tenant, UUID id) {
        return endpoints.find(tenant, id).orElseThrow(() -> notFound(id));
    }

    static NotFoundException notFound(UUID id) {
        return new NotFoundException("webhook_endpoint_not_found", "no webhook endpoint " + id);
    }
}
