package dev.scimkit.tracktik.port;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimkit.tracktik.domain.EmployeeProfile;

import java.util.Objects;
import java.util.Optional;

/**
 * The new state of an employee a SCIM create or replace asks for: the mapped profile and the link
 * data the store keeps for SCIM.
 *
 * @param profile    the mapped TrackTik fields
 * @param userName   the SCIM {@code userName}, unique per tenant without regard to case
 * @param externalId the client's {@code externalId}, if any
 * @param resource   the resource as sent (without id, meta, groups)
 */
public record EmployeeWrite(EmployeeProfile profile, String userName, Optional<String> externalId, ObjectNode resource) {
    public EmployeeWrite {
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(userName, "userName");
        Objects.requireNonNull(externalId, "externalId");
        resource = Objects.requireNonNull(resource, "resource").deepCopy();
    }

    @Override
    public ObjectNode resource() {
        return resource.deepCopy();
    }
}
