package dev.scimkit.tracktik.mapping;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimkit.core.schema.ResolvedAttribute;

import java.util.Optional;

/**
 * A single-valued string attribute of a User, in the core schema or in an extension's object: read
 * and written where it lives, so a mapping treats {@code title} and
 * {@code urn:…:CustomExtensionName:2.0:User:badgeNumber} alike.
 */
final class AttributeSource {

    private final ResolvedAttribute attribute;

    AttributeSource(ResolvedAttribute attribute) {
        this.attribute = attribute;
    }

    /** The attribute's value in {@code user}; empty when absent. */
    String read(ObjectNode user) {
        return existingHolder(user).map(h -> ScimNodes.text(h, name())).orElse("");
    }

    /** Sets the value, creating the extension's object if needed; an empty value removes the attribute. */
    void write(ObjectNode user, String value) {
        ObjectNode holder = attribute.extension() ? ScimNodes.objectFor(user, attribute.schema().id()) : user;
        ScimNodes.setText(holder, name(), value);
    }

    /** Removes the attribute where it is, without creating an extension's object for it. */
    void clear(ObjectNode user) {
        existingHolder(user).ifPresent(h -> ScimNodes.setText(h, name(), ""));
    }

    /** The name a filter uses: qualified by the schema URN for an extension's attribute. */
    String qualifiedName() {
        return attribute.extension() ? attribute.schema().id() + ":" + name() : name();
    }

    boolean sameAttributeAs(AttributeSource other) {
        return qualifiedName().equalsIgnoreCase(other.qualifiedName());
    }

    private String name() {
        return attribute.attribute().name();
    }

    private Optional<ObjectNode> existingHolder(ObjectNode user) {
        return attribute.extension() ? ScimNodes.object(user, attribute.schema().id()) : Optional.of(user);
    }
}
