package dev.scimkit.tracktik.domain;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import java.util.Objects;

/**
 * Who made a change, as History records it: the provisioning client (a loggable credential name such
 * as {@code entra-id}, never a secret) and the tenant (the portal) it acted for.
 *
 * <p>The names come from whatever authenticated the request (a token's name, a JWT subject, a DN), so
 * every actor is made to fit History, whoever builds it: control and format characters (newlines,
 * U+2028, bidi overrides, which could forge or reorder a History line) become {@code ?}, anything
 * beyond {@value #MAX_LENGTH} characters is cut without splitting a surrogate pair, and a blank name
 * is recorded as {@code unnamed-client} or {@code unnamed-tenant}.
 *
 * @param client the provisioning client's name
 * @param tenant the tenant key
 */
public record Actor(@NotBlank @Size(max = MAX_LENGTH) String client, @NotBlank @Size(max = MAX_LENGTH) String tenant) {

    /** The longest client or tenant name History stores (its columns are this wide). */
    public static final int MAX_LENGTH = 200;

    public Actor {
        client = fit(Objects.requireNonNull(client, "client"), "unnamed-client");
        tenant = fit(Objects.requireNonNull(tenant, "tenant"), "unnamed-tenant");
    }

    /** {@code client@tenant}, for History views and logs. */
    public String display() {
        return client + "@" + tenant;
    }

    private static String fit(String name, String whenBlank) {
        String printable = name.replaceAll("[\\p{Cc}\\p{Cf}\\p{Zl}\\p{Zp}]", "?").strip();
        if (printable.isEmpty()) {
            return whenBlank;
        }
        if (printable.length() <= MAX_LENGTH) {
            return printable;
        }
        int cut = Character.isHighSurrogate(printable.charAt(MAX_LENGTH - 1)) ? MAX_LENGTH - 1 : MAX_LENGTH;
        return printable.substring(0, cut);
    }
}
