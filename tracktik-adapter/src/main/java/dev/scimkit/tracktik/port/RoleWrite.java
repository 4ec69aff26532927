package dev.scimkit.tracktik.port;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Objects;
import java.util.Optional;

/**
 * The new state of a role a SCIM create or replace asks for (members travel separately as a
 * {@link MembershipChange}).
 *
 * @param name       the role name (SCIM {@code displayName}), unique per tenant without regard to case
 * @param externalId the client's {@code externalId}, if any
 * @param resource   the group as sent (without id, meta, members)
 */
public record RoleWrite(String name, Optional<String> externalId, ObjectNode resource) {
    public RoleWrite {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(externalId, "externalId");
        resource = Objects.requireNonNull(resource, "resource").deepCopy();
    }

    @Override
    public ObjectNode resource() {
        return resource.deepCopy();
    }
}
