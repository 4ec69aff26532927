package dev.scimkit.tracktik.port;

import dev.scimkit.core.schema.ResourceTypeDefinition;

import java.util.Map;
import java.util.Objects;

/**
 * Which SCIM attributes of a resource type live in which store fields, as the mapping places them.
 * A store pushes down comparisons on these attributes only; everything else is evaluated in memory.
 *
 * @param type    the SCIM resource type (User or Group, with its extensions)
 * @param columns attribute path (as a filter spells it, e.g. {@code name.givenName}) to store field
 * @param <C>     {@link EmployeeColumn} or {@link RoleColumn}
 */
public record FilterColumns<C extends Enum<C>>(ResourceTypeDefinition type, Map<String, C> columns) {
    public FilterColumns {
        Objects.requireNonNull(type, "type");
        columns = Map.copyOf(columns);
    }
}
