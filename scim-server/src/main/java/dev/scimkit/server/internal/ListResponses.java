package dev.scimkit.server.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimkit.core.json.ScimJson;
import dev.scimkit.core.schema.SchemaUrns;

import java.util.List;

/** Writes {@code ListResponse} messages (RFC 7644 §3.4.2). */
public final class ListResponses {

    private ListResponses() {
    }

    /**
     * A ListResponse. {@code Resources} is always present (empty when nothing is returned), as Entra
     * ID's test connection and Okta read it even for empty results.
     */
    public static ObjectNode of(long totalResults, int startIndex, List<ObjectNode> resources) {
        ObjectNode out = ScimJson.object();
        out.putArray("schemas").add(SchemaUrns.LIST_RESPONSE);
        out.put("totalResults", totalResults);
        out.put("itemsPerPage", resources.size());
        out.put("startIndex", startIndex);
        ArrayNode array = out.putArray("Resources");
        resources.forEach(array::add);
        return out;
    }
}
