package dev.scimkit.core.schema;

import java.util.Optional;

/**
 * A schema file that cannot be registered. The message names the file, the attribute (when one is at
 * fault) and the reason in one line, such as
 * {@code custom-extension.json: attribute 'badgeNumber': unknown type 'strin' (one of string, ...)},
 * so an operator can fix it from the start-up error alone.
 */
public final class InvalidSchemaException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String source;
    private final String attribute;
    private final String reason;

    /**
     * @param source    where the schema came from (a file name)
     * @param attribute the attribute path at fault, or null when the schema as a whole is
     * @param reason    what is wrong and, where it helps, what is allowed
     */
    public InvalidSchemaException(String source, String attribute, String reason) {
        super(source + ": " + (attribute == null ? "" : "attribute '" + attribute + "': ") + reason);
        this.source = source;
        this.attribute = attribute;
        this.reason = reason;
    }

    /** Where the schema came from, such as the file name. */
    public String source() {
        return source;
    }

    /** The attribute path at fault ({@code address.city}); empty when the schema as a whole is. */
    public Optional<String> attribute() {
        return Optional.ofNullable(attribute);
    }

    /** What is wrong. */
    public String reason() {
        return reason;
    }
}
