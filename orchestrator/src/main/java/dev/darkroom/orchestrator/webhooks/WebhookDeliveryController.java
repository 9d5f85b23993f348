package dev.darkroom.orchestrator.webhooks;

import dev.darkroom.contracts.security.InternalHeaders;
import dev.darkroom.orchestrator.api.Cursor;
import dev.darkroom.orchestrator.api.Page;
import dev.darkroom.support.problems.DarkroomException;
import dev.darkroom.support.problems.InvalidRequestException;
import dev.darkroom.support.problems.NotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * What was delivered to a tenant's endpoints, attempt by attempt, and sending it again: one delivery (replay, same
 * {@code webhook-id}) or every failed one since a time (recover). Tenant and admin paths as for the endpoints.
 */
@RestController
@RequestMapping({"/v1/webhooks", "/v1/admin/tenants/{tenantId}/webhooks"})
class WebhookDeliveryController {

    private final WebhookEndpoints endpoints;
    private final DeliveryLog log;
    private final WebhookOwners owners;
    private final Clock clock;

    WebhookDeliveryController(WebhookEndpoints endpoints, DeliveryLog log, WebhookOwners owners, Clock clock) {
        this.endpoints = endpoints;
        this.log = log;
        this.owners = owners;
        this.clock = clock;
    }

    @GetMapping("/endpoints/{id}/deliveries")
    @Transactional(readOnly = true)
    Page<DeliveryView> deliveries(
            @PathVariable(required = false) UUID tenantId,
            @RequestHeader(name = InternalHeaders.TENANT_ID, required = false) String gatewayTenant,
            @PathVariable UUID id,
            @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) String cursor) {
        endpoint(owners.owner(tenantId, gatewayTenant), id);
        int size = Cursor.limit(limit, 100);
        List<DeliveryView> page = log.page(id, Cursor.decode(cursor), size + 1);
        List<DeliveryView> shown = page.stream().limit(size).toList();
        String next = page.size() > size
                ? new Cursor(
                                shown.get(size - 1).createdAt(),
                                shown.get(size - 1).id())
                        .encode()
                : null;
        return new Page<>(shown, next);
    }

    @PostMapping("/deliveries/{id}/replay")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Transactional
    Map<String, Object> replay(
            @PathVariable(required = false) UUID tenantId,
            @RequestHeader(name = InternalHeaders.TENANT_ID, required = false) String gatewayTenant,
            @PathVariable UUID id) {
        UUID tenant = owners.owner(tenantId, gatewayTenant);
        UUID endpointId = log.endpointOf(tenant, id)
                .orElseThrow(() -> new NotFoundException("webhook_delivery_not_found", "no webhook delivery " + id));
        enabled(endpoint(tenant, endpointId));
        log.replay(id, clock.instant());
        return Map.of("id", id, "status", "pending");
    }

    @PostMapping("/endpoints/{id}/recover")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Transactional
    Map<String, Object> recover(
            @PathVariable(required = false) UUID tenantId,
            @RequestHeader(name = InternalHeaders.TENANT_ID, required = false) String gatewayTenant,
            @PathVariable UUID id,
            @RequestBody(required = false) JsonNode body) {
        enabled(endpoint(owners.owner(tenantId, gatewayTenant), id));
        if (body == null || !body.has("since") || !body.get("since").isString()) {
            throw new InvalidRequestException("since", "since is required: an RFC 3339 time");
        }
        Instant since;
        try {
            since = Instant.parse(body.get("since").asString());
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException("since", "since must be an RFC 3339 time such as 2026-01-01T00:00:00Z");
        }
        return Map.of("recovered", log.recover(id, since, clock.instant()));
    }

    private WebhookEndpoint endpoint(UUID tenant, UUID id) {
        return endpoints.find(tenant, id).orElseThrow(() -> WebhookEndpointController.notFound(id));
    }

    private static void enabled(WebhookEndpoint e) {
        if (!e.enabled()) {
            throw new DarkroomException(
                    409,
                    "webhook_endpoint_disabled",
                    "webhook endpoint " + e.id() + " is disabled; enable it first (PATCH {\"enabled\": true})");
        }
    }
}
