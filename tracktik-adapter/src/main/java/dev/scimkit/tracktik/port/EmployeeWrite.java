package dev.scimkit.tracktik.port;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimkit.tracktik.domain.DerivedFields;
import dev.scimkit.tracktik.domain.EmployeeProfile;

import java.util.Map;
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
 * @param derived    which profile fields a rule derived (before and after the write), for History
 */
public record EmployeeWrite(EmployeeProfile profile, String userName, Optional<String> externalId, ObjectNode resource,
                            DerivedFields derived) {
    public EmployeeWrite {
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(userName, "userName");
        Objects.requireNonNull(externalId, "externalId");
        resource = Objects.requireNonNull(resource, "resource").deepCopy();
        Objects.requireNonNull(derived, "derived");
    }

    /** A write whose every field is as sent. */
    public EmployeeWrite(EmployeeProfile profile, String userName, Optional<String> externalId, ObjectNode resource) {
        this(profile, userName, externalId, resource, DerivedFields.none());
    }

    @Override
    public ObjectNode resource() {
        return resource.deepCopy();
    }

    /** The same write over a stored state whose fields {@code storedDerivations} were derived. */
    public EmployeeWrite over(Map<String, String> storedDerivations) {
        return new EmployeeWrite(profile, userName, externalId, resource, derived.withBefore(storedDerivations));
    }
}
