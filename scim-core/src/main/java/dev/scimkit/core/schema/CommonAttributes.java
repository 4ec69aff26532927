package dev.scimkit.core.schema;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The attributes every resource carries regardless of its schema (RFC 7643 §3.1): {@code id},
 * {@code externalId} and {@code meta}. They belong to no schema's attribute list, yet filters, PATCH
 * paths and projections address them like any other attribute of the core schema.
 */
public final class CommonAttributes {

    public static final AttributeDefinition ID = AttributeDefinition.builder("id", AttributeType.STRING)
            .description("A unique identifier for a SCIM resource as defined by the service provider.")
            .caseExact(true)
            .mutability(Mutability.READ_ONLY)
            .returned(Returned.ALWAYS)
            .uniqueness(Uniqueness.SERVER)
            .build();

    public static final AttributeDefinition EXTERNAL_ID = AttributeDefinition.builder("externalId", AttributeType.STRING)
            .description("A String that is an identifier for the resource as defined by the provisioning client.")
            .caseExact(true)
            .build();

    public static final AttributeDefinition META = AttributeDefinition.builder("meta", AttributeType.COMPLEX)
            .description("A complex attribute containing resource metadata.")
            .mutability(Mutability.READ_ONLY)
            .subAttributes(List.of(
                    readOnly("resourceType", AttributeType.STRING, true),
                    readOnly("created", AttributeType.DATE_TIME, false),
                    readOnly("lastModified", AttributeType.DATE_TIME, false),
                    readOnly("location", AttributeType.REFERENCE, true),
                    readOnly("version", AttributeType.STRING, true)))
            .build();

    /** {@code id}, {@code externalId} and {@code meta}, in that order. */
    public static final List<AttributeDefinition> ALL = List.of(ID, EXTERNAL_ID, META);

    private CommonAttributes() {
    }

    /** Finds a common attribute by name, ignoring case. */
    public static Optional<AttributeDefinition> find(String name) {
        return Optional.ofNullable(findOrNull(name));
    }

    /** {@link #find(String)} without the Optional, for the resolvers on hot paths. */
    static AttributeDefinition findOrNull(String name) {
        // Every resolve of a core attribute asks here first and misses: equalsIgnoreCase allocates
        // nothing. A hit is confirmed by lower-casing, the comparison the schemas' name maps use
        // (equalsIgnoreCase alone would also match, say, a dotted capital I to "id").
        for (AttributeDefinition a : ALL) {
            if (a.name().equalsIgnoreCase(name)) {
                return a.name().equals(name) || a.name().toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))
                        ? a : null;
            }
        }
        return null;
    }

    private static AttributeDefinition readOnly(String name, AttributeType type, boolean caseExact) {
        return AttributeDefinition.builder(name, type)
                .caseExact(caseExact)
                .mutability(Mutability.READ_ONLY)
                .referenceTypes(type == AttributeType.REFERENCE ? List.of("uri") : List.of())
                .build();
    }
}
