package dev.scimkit.tracktik.mapping;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimkit.tracktik.port.FilterColumns;
import dev.scimkit.tracktik.port.Member;
import dev.scimkit.tracktik.port.RoleColumn;
import dev.scimkit.tracktik.port.RoleRecord;

import java.util.List;
import java.util.Optional;

/**
 * Turns a SCIM Group into a TrackTik Staff Portal Role and back; pluggable like {@link UserMapping}.
 */
public interface GroupMapping {

    /**
     * The role name for a Group as sent.
     *
     * @throws dev.scimkit.core.error.ScimException 400 when the Group has no usable name
     */
    String roleName(ObjectNode group);

    /**
     * The SCIM Group of a stored role: the resource as sent with {@code id}, {@code displayName},
     * {@code externalId}, {@code meta} and, when given, {@code members}.
     */
    ObjectNode toGroup(RoleRecord record, Optional<List<Member>> members);

    /** The attributes the store may filter on itself, and where they live. */
    FilterColumns<RoleColumn> filterColumns();
}
