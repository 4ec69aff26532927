package dev.scimkit.tracktik.mapping;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimkit.tracktik.domain.EmployeeProfile;
import dev.scimkit.tracktik.port.EmployeeColumn;
import dev.scimkit.tracktik.port.EmployeeRecord;
import dev.scimkit.tracktik.port.FilterColumns;

import java.util.Map;

/**
 * Turns a SCIM User into a TrackTik employee and back; pluggable by the embedding application
 * ({@link DefaultUserMapping} follows what Entra ID and Okta send by default).
 *
 * <p>Rules every implementation keeps:
 * <ul>
 *   <li>{@link #toProfile} never loses what the client sent: attributes it cannot place stay in the
 *       resource as sent, which the store keeps and {@link #toUser} starts from.</li>
 *   <li>{@link #toUser} of a record whose profile is what {@link #toProfile} made of the stored
 *       resource returns that resource's attributes unchanged (Entra ID requires values as sent).</li>
 *   <li>Every attribute {@link #filterColumns} names shows in {@link #toUser} exactly as the column
 *       holds it, so filters give the same results in SQL and in memory.</li>
 * </ul>
 */
public interface UserMapping {

    /**
     * The employee fields of a User as sent (id, meta and groups removed). Need not be valid: the
     * caller checks the constraints and answers 400 with what is missing.
     *
     * @throws dev.scimkit.core.error.ScimException 400 for a value it cannot accept
     */
    EmployeeProfile toProfile(ObjectNode user);

    /**
     * The SCIM User of a stored employee: the resource as sent, the employee's current values where
     * they differ, and {@code id}, {@code userName}, {@code externalId}, {@code active},
     * {@code groups} and {@code meta} (without {@code location}, which the engine adds).
     */
    ObjectNode toUser(EmployeeRecord record);

    /**
     * The employee fields {@link #toProfile} fills by a rule rather than from a value sent (TrackTik
     * field name → the SCIM attribute it was derived from, e.g. {@code firstName → userName}), so
     * History can say so. Empty by default: a mapping that derives nothing need not override it.
     */
    default Map<String, String> derivedFields(ObjectNode user) {
        return Map.of();
    }

    /** The attributes the store may filter on itself, and where they live. */
    FilterColumns<EmployeeColumn> filterColumns();
}
