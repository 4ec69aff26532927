package dev.scimkit.core.schema;

import java.util.List;
import java.util.Optional;

/**
 * The default sub-attributes of multi-valued complex attributes (RFC 7643 §2.4): {@code type},
 * {@code primary}, {@code display}, {@code value} and {@code $ref} "can be used with multi-valued
 * attribute objects" even where a schema does not list them.
 *
 * <p>This matters for real traffic: the RFC 7643 §8.7.1 User schema has no {@code addresses.primary}
 * and the Group schema no {@code members.display}, yet RFC 7643 §4.1.2 and the RFC 7644 examples use
 * both, and Entra ID and Okta send them. Every module that resolves a sub-attribute (validator, filter
 * evaluator, PATCH engine) should look it up through {@link #find(AttributeDefinition, String)}.
 */
public final class DefaultSubAttributes {

    private static final List<AttributeDefinition> DEFAULTS = List.of(
            AttributeDefinition.builder("type", AttributeType.STRING)
                    .description("A label indicating the attribute's function.").build(),
            AttributeDefinition.builder("primary", AttributeType.BOOLEAN)
                    .description("Whether this is the primary or preferred value.").build(),
            AttributeDefinition.builder("display", AttributeType.STRING)
                    .description("A human-readable name, primarily used for display purposes.").build(),
            AttributeDefinition.builder("value", AttributeType.STRING)
                    .description("The attribute's significant value.").build(),
            AttributeDefinition.builder("$ref", AttributeType.REFERENCE)
                    .description("The reference URI of a target resource.").build());

    /** The defaults as sub-attributes of a readOnly parent (members of a readOnly group list), built once. */
    private static final List<AttributeDefinition> READ_ONLY_DEFAULTS = DEFAULTS.stream()
            .map(d -> d.toBuilder().mutability(Mutability.READ_ONLY).build()).toList();

    private DefaultSubAttributes() {
    }

    /**
     * Finds a sub-attribute of {@code parent} by name, ignoring case: the schema's own definition
     * first, then, for a multi-valued complex parent, the RFC 7643 §2.4 default of that name.
     */
    public static Optional<AttributeDefinition> find(AttributeDefinition parent, String name) {
        Optional<AttributeDefinition> declared = parent.subAttribute(name);
        if (declared.isPresent() || !parent.isComplex() || !parent.multiValued()) {
            return declared;
        }
        // A plain loop: this runs for every sub-attribute of every complex value that is checked.
        List<AttributeDefinition> defaults = parent.mutability() == Mutability.READ_ONLY ? READ_ONLY_DEFAULTS : DEFAULTS;
        for (AttributeDefinition d : defaults) {
            if (d.name().equalsIgnoreCase(name)) {
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }

    /** The five RFC 7643 §2.4 defaults, in the order the RFC lists them. */
    public static List<AttributeDefinition> all() {
        return DEFAULTS;
    }
}
