package dev.scimkit.core.resource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimkit.core.schema.AttributeDefinition;
import dev.scimkit.core.schema.DefaultSubAttributes;
import dev.scimkit.core.schema.Mutability;
import dev.scimkit.core.schema.ResourceTypeDefinition;
import dev.scimkit.core.schema.Returned;
import dev.scimkit.core.schema.SchemaExtension;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Removes what a response must never carry: attributes with {@code returned: never} and
 * {@code mutability: writeOnly} (RFC 7643 §2.2; {@code password} is both). The server's projection
 * (attributes/excludedAttributes) builds on this; it is here so no code path can forget it.
 */
public final class NeverReturned {

    private NeverReturned() {
    }

    /** A copy of {@code resource} without never-returned and writeOnly attributes, at any depth. */
    public static ObjectNode strip(ResourceTypeDefinition type, ObjectNode resource) {
        ObjectNode copy = resource.deepCopy();
        strip(copy, name -> type.resolve(name).map(r -> r.attribute()));
        for (SchemaExtension extension : type.extensions()) {
            JsonNode object = copy.get(extension.schema().id());
            if (object instanceof ObjectNode o) {
                strip(o, name -> extension.schema().attribute(name));
            }
        }
        return copy;
    }

    private static void strip(ObjectNode object, Function<String, Optional<AttributeDefinition>> resolver) {
        List<String> remove = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            Optional<AttributeDefinition> attribute = resolver.apply(e.getKey());
            if (attribute.isEmpty()) {
                continue;
            }
            AttributeDefinition a = attribute.get();
            if (a.returned() == Returned.NEVER || a.mutability() == Mutability.WRITE_ONLY) {
                remove.add(e.getKey());
            } else if (a.isComplex()) {
                Function<String, Optional<AttributeDefinition>> sub = n -> DefaultSubAttributes.find(a, n);
                if (e.getValue() instanceof ObjectNode o) {
                    strip(o, sub);
                } else if (e.getValue().isArray()) {
                    e.getValue().forEach(el -> {
                        if (el instanceof ObjectNode o) {
                            strip(o, sub);
                        }
                    });
                }
            }
        }
        object.remove(remove);
    }
}
