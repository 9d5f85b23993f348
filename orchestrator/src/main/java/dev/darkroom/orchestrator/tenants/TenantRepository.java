package dev.darkroom.orchestrator.tenants;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface TenantRepository extends JpaRepository<Tenant, UUID> {

    @Query("select t from Tenant t where t.createdAt > :after or (t.createdAt = :after and t.id > :afterId)"
            + " order by t.createdAt, t.id")
    List<Tenant> page(Instant after, UUID afterId, Limit limit);
}
