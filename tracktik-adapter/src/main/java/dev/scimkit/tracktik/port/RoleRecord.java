package dev.scimkit.tracktik.port;

import dev.scimkit.tracktik.domain.Role;

import java.util.Objects;

/**
 * A role as a store holds it: the TrackTik role, its SCIM link and how many employees hold it (the
 * members themselves are read separately, page by page, so a large group costs nothing to load).
 *
 * @param role        the TrackTik role
 * @param link        the SCIM id, displayName, externalId, resource as sent, version and timestamps
 * @param memberCount the number of employees that hold the role
 */
public record RoleRecord(Role role, ScimLink link, long memberCount) {
    public RoleRecord {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(link, "link");
    }

    public String scimId() {
        return link.scimId();
    }
}
