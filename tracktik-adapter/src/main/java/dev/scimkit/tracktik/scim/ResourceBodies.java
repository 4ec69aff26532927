package dev.scimkit.tracktik.scim;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimkit.core.json.ScimJson;

import java.util.Optional;

/** What of a SCIM resource the store keeps as sent: everything but server-owned and derived attributes. */
final class ResourceBodies {

    private ResourceBodies() {
    }

    static ObjectNode asSent(ObjectNode resource) {
        ObjectNode body = resource.deepCopy();
        for (String derived : new String[] {"id", "meta", "groups", "members"}) {
            ScimJson.findField(body, derived).ifPresent(e -> body.remove(e.getKey()));
        }
        return body;
    }

    static Optional<String> externalId(ObjectNode resource) {
        var v = ScimJson.getIgnoreCase(resource, "externalId");
        return v != null && v.isTextual() && !v.asText().isEmpty() ? Optional.of(v.asText()) : Optional.empty();
    }
}
