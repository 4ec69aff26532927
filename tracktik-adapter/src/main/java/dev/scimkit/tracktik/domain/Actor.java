package dev.scimkit.tracktik.domain;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import java.util.Objects;

/**
 * Who made a change, as History records it: the provisioning client (a loggable credential name such
 * as {@code entra-id}, never a secret) and the tenant (the portal) it acted for.
 *
 * @param client the provisioning client's name
 * @param tenant the tenant key
 */
public record Actor(@NotBlank @Size(max = 200) String client, @NotBlank @Size(max = 200) String tenant) {
    public Actor {
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(tenant, "tenant");
    }

    /** {@code client@tenant}, for History views and logs. */
    public String display() {
        return client + "@" + tenant;
    }
}
