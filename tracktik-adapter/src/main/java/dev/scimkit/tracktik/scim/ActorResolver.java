package dev.scimkit.tracktik.scim;

import dev.scimkit.server.spi.ScimPrincipal;
import dev.scimkit.tracktik.domain.Actor;

/**
 * Names who History records for a write: the provisioning client and the tenant (portal) it acted
 * for. The repositories get the authenticated {@link ScimPrincipal} of every write, so the default,
 * {@link #fromCredential()}, records the name the credential was issued under (for instance
 * {@code entra-prod}, never the secret). An application whose credential names mean nothing to a
 * portal's administrators names the client itself with {@link #named(String)} or its own resolver.
 */
@FunctionalInterface
public interface ActorResolver {

    Actor actorFor(ScimPrincipal caller);

    /**
     * The credential's name and its tenant: {@code entra-prod@portal-a}. A custom {@code Authenticator}
     * may name principals freely (a JWT subject, a DN); {@link Actor} makes any name fit History.
     */
    static ActorResolver fromCredential() {
        return caller -> new Actor(caller.name(), caller.tenant().value());
    }

    /** Records every change as made by one named client (e.g. {@code "scim-provisioning"}) of the caller's tenant. */
    static ActorResolver named(String client) {
        return caller -> new Actor(client, caller.tenant().value());
    }
}
