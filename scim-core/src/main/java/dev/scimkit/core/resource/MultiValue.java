package dev.scimkit.core.resource;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Objects;
import java.util.Optional;

/**
 * One element of a multi-valued complex attribute with the RFC 7643 §2.4 default sub-attributes
 * (an e-mail, a phone number, a role, a group membership ...).
 *
 * @param value   {@code value}
 * @param display {@code display}
 * @param type    {@code type}, such as {@code work}
 * @param primary whether {@code primary} is true (false when absent)
 * @param ref     {@code $ref}
 */
public record MultiValue(Optional<String> value, Optional<String> display, Optional<String> type,
                         boolean primary, Optional<String> ref) {

    public MultiValue {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(display, "display");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(ref, "ref");
    }

    static MultiValue read(JsonNode element) {
        return new MultiValue(TreeReader.text(element, "value"), TreeReader.text(element, "display"),
                TreeReader.text(element, "type"), TreeReader.bool(element, "primary").orElse(false),
                TreeReader.text(element, "$ref"));
    }

    /** Whether {@code type} equals {@code wanted}, ignoring case. */
    public boolean hasType(String wanted) {
        return type.map(t -> t.equalsIgnoreCase(wanted)).orElse(false);
    }
}
