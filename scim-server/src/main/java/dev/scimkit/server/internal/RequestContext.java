package dev.scimkit.server.internal;

import dev.scimkit.server.ScimRequest;
import dev.scimkit.server.spi.ScimPrincipal;
import dev.scimkit.server.spi.TenantId;

/**
 * One authenticated request on its way through the engine.
 *
 * @param request   the request
 * @param principal who sent it
 * @param baseUrl   the absolute base URL for {@code Location} and {@code meta.location}
 */
public record RequestContext(ScimRequest request, ScimPrincipal principal, String baseUrl) {

    public TenantId tenant() {
        return principal.tenant();
    }

    /** The same principal and base URL with another request (a Bulk operation, {@code /Me}). */
    public RequestContext with(ScimRequest other) {
        return new RequestContext(other, principal, baseUrl);
    }
}
