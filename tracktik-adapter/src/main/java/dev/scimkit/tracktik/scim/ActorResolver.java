package dev.scimkit.tracktik.scim;

import dev.scimkit.server.spi.TenantId;
import dev.scimkit.tracktik.domain.Actor;

/**
 * Names who History records for a write of a tenant. The repository SPI carries the tenant but not
 * the authenticated client, so an embedding application that knows the client per tenant (one
 * provisioning token per portal) supplies it here.
 */
@FunctionalInterface
public interface ActorResolver {

    Actor actorFor(TenantId tenant);

    /** Records every change as made by one named client (e.g. {@code "scim-provisioning"}). */
    static ActorResolver named(String client) {
        return tenant -> new Actor(client, tenant.value());
    }
}
