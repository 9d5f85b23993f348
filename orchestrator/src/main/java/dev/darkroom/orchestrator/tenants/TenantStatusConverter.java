package dev.darkroom.orchestrator.tenants;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores a tenant status as its lower-case name, which is what the dispatcher's and admission's SQL compare. */
@Converter
class TenantStatusConverter implements AttributeConverter<TenantStatus, String> {

    @Override
    public String convertToDatabaseColumn(TenantStatus status) {
        return status == null ? null : status.apiName();
    }

    @Override
    public TenantStatus convertToEntityAttribute(String value) {
        return value == null
                ? null
                : TenantStatus.fromApiName(value)
                        .orElseThrow(() -> new IllegalStateException("unknown tenant status " + value));
    }
}
