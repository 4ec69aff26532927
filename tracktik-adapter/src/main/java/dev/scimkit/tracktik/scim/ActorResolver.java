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
     * The credential's name and its tenant: {@code entra-prod@portal-a}. A custom
     * {@code Authenticator} may name principals freely (a JWT subject, a DN), so the names are made to
     * fit History: control and format characters become {@code ?}, anything beyond {@value #MAX_NAME} characters
     * is cut, and a blank name is recorded as {@code unnamed-client}.
     */
    static ActorResolver fromCredential() {
        return caller -> new Actor(fit(caller.name(), "unnamed-client"), fit(caller.tenant().value(), "unnamed-tenant"));
    }

    /** Records every change as made by one named client (e.g. {@code "scim-provisioning"}) of the caller's tenant. */
    static ActorResolver named(String client) {
        return caller -> new Actor(client, fit(caller.tenant().value(), "unnamed-tenant"));
    }

    /** The longest client or tenant name History stores (its column and {@link Actor}'s constraint). */
    int MAX_NAME = 200;

    private static String fit(String name, String whenBlank) {
        // control and format characters (newlines, U+2028, bidi overrides) could forge or reorder a History line
        String printable = name.replaceAll("[\\p{Cc}\\p{Cf}\\p{Zl}\\p{Zp}]", "?").strip();
        if (printable.isEmpty()) {
            return whenBlank;
        }
        if (printable.length() <= MAX_NAME) {
            return printable;
        }
        int cut = Character.isHighSurrogate(printable.charAt(MAX_NAME - 1)) ? MAX_NAME - 1 : MAX_NAME;
        return printable.substring(0, cut);
    }
}
