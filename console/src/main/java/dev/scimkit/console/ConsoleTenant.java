package dev.scimkit.console;

import dev.scimkit.server.spi.TenantId;

import java.util.List;
import java.util.Objects;

/**
 * One tenant (portal) as the console knows it: its administrator's sign-in and the tokens its
 * provisioning clients hold (as hints).
 *
 * @param tenant        the tenant
 * @param adminUser     the administrator's user name; unique across the console's tenants
 * @param adminPassword the administrator's password, hashed
 * @param tokens        the SCIM tokens of the tenant, as hints
 */
public record ConsoleTenant(TenantId tenant, String adminUser, AdminPassword adminPassword, List<TokenHint> tokens) {
    public ConsoleTenant {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(adminUser, "adminUser");
        Objects.requireNonNull(adminPassword, "adminPassword");
        tokens = List.copyOf(tokens);
        if (adminUser.isBlank()) {
            throw new IllegalArgumentException("An administrator user name must not be blank");
        }
    }
}
