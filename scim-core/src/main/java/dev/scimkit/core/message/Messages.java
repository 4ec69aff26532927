package dev.scimkit.core.message;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scimkit.core.json.ScimJson;

/** Shape checks the message readers share. */
final class Messages {

    private Messages() {
    }

    /** Whether the body's {@code schemas} array lists {@code urn}, ignoring case. */
    static boolean listsSchema(JsonNode body, String urn) {
        JsonNode schemas = ScimJson.getIgnoreCase(body, "schemas");
        if (schemas == null || !schemas.isArray()) {
            return false;
        }
        for (JsonNode s : schemas) {
            if (s.isTextual() && s.asText().equalsIgnoreCase(urn)) {
                return true;
            }
        }
        return false;
    }

    static String abbreviate(String text) {
        return text.length() <= 80 ? text : text.substring(0, 77) + "...";
    }
}
