package dev.scimkit.tracktik.port;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What links a TrackTik employee or role to its SCIM resource: the SCIM id, the client's
 * {@code externalId}, the unique name ({@code userName} or {@code displayName}), the resource as the
 * client sent it (so attributes the mapping cannot place come back unchanged), and the optimistic
 * version with the SCIM timestamps.
 *
 * @param scimId       the SCIM {@code id} (a UUID; not the TrackTik id)
 * @param externalId   the client's {@code externalId}, if sent
 * @param name         {@code userName} of a User, {@code displayName} of a Group, as sent
 * @param resource     the resource as sent, without {@code id}, {@code meta}, {@code members} and {@code groups}
 * @param version      the optimistic version, incremented by every write; {@code meta.version} is {@code W/"version"}
 * @param created      {@code meta.created}
 * @param lastModified {@code meta.lastModified}
 */
public record ScimLink(String scimId, Optional<String> externalId, String name, ObjectNode resource, long version,
                       Instant created, Instant lastModified) {
    public ScimLink {
        Objects.requireNonNull(scimId, "scimId");
        Objects.requireNonNull(externalId, "externalId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(lastModified, "lastModified");
        resource = Objects.requireNonNull(resource, "resource").deepCopy();
    }

    /** A copy of the resource as sent (the record stays immutable). */
    @Override
    public ObjectNode resource() {
        return resource.deepCopy();
    }

    /** The weak entity tag of {@link #version()}: {@code W/"7"}. */
    public String etag() {
        return "W/\"" + version + "\"";
    }
}
