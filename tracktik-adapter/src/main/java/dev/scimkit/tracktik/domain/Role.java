package dev.scimkit.tracktik.domain;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.Objects;

/**
 * A TrackTik role: a SCIM Group becomes a Staff Portal Role, held by each member of the group.
 *
 * @param id   the role's TrackTik id (assigned by the store)
 * @param name the role's name, unique per portal without regard to case (SCIM {@code displayName})
 * @param kind always {@link RoleKind#STAFF_PORTAL_ROLE} for provisioned roles
 */
public record Role(
        @NotBlank @Size(max = 64) String id,
        @NotBlank @Size(max = 255) String name,
        @NotNull RoleKind kind) {

    public Role {
        Objects.requireNonNull(kind, "kind");
    }

    /** A Staff Portal Role. */
    public static Role staffPortalRole(String id, String name) {
        return new Role(id, name, RoleKind.STAFF_PORTAL_ROLE);
    }
}
