package dev.scimkit.tracktik.jdbc;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.scimkit.core.json.ScimJson;

import java.io.IOException;

/**
 * Reads single values out of the JSON the store keeps ({@code scim_json}) without building the tree:
 * a page of a role's members names every member from its stored resource, and a tree per member
 * would cost far more than the one string wanted.
 */
final class StoredJson {

    private StoredJson() {
    }

    /** The string value of the top-level member {@code name} (ignoring case), or null when there is none. */
    static String topLevelText(String json, String name) {
        try (JsonParser parser = ScimJson.mapper().getFactory().createParser(json)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if (value == JsonToken.VALUE_STRING && field.equalsIgnoreCase(name)) {
                    return parser.getText();
                }
                parser.skipChildren();
            }
            return null;
        } catch (IOException e) {
            throw new IllegalStateException("Corrupt JSON in the TrackTik store", e);
        }
    }
}
