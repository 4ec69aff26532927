package dev.scimkit.server.spi;

import java.util.Objects;
import java.util.Optional;

/**
 * Who an authenticated request comes from: the tenant it acts for, a name for logs, and optionally
 * the id of the User resource that represents the caller (which {@code /Me} then answers for).
 *
 * @param tenant the tenant every repository call of the request carries
 * @param name   a loggable name of the credential (never the secret itself)
 * @param userId the caller's own User resource id, when the caller is a user rather than a client
 */
public record ScimPrincipal(TenantId tenant, String name, Optional<String> userId) {
    public ScimPrincipal {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(userId, "userId");
    }

    /** A provisioning client of a tenant (Entra ID, Okta): no User resource of its own. */
    public static ScimPrincipal client(TenantId tenant, String name) {
        return new ScimPrincipal(tenant, name, Optional.empty());
    }
}
