package dev.scimkit.server.activity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.scimkit.core.json.ScimJson;

import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Removes secrets from a request body before it is kept: the value of every member whose name says
 * it holds one ({@code password}, {@code token}, {@code secret}, a key or credential), at any depth,
 * in any case, and a PATCH operation whose {@code path} names one. A body that is not JSON is not
 * kept at all (it could be anything), only its size. Public so that pages showing stored resources
 * (a console) apply the same rule.
 */
public final class SecretRedactor {

    /** What a removed secret reads as. */
    public static final String REMOVED = "[removed]";
    private static final int MAX_KEPT_CHARS = 8 * 1024;
    private static final Set<String> SECRET_WORDS = Set.of("password", "passwd", "secret", "token", "credential",
            "apikey", "api_key", "privatekey", "private_key", "authorization");

    private SecretRedactor() {
    }

    /** The body as JSON text with secrets removed, cut at 8 KiB; empty for an empty body. */
    public static Optional<String> redact(byte[] body) {
        if (body.length == 0) {
            return Optional.empty();
        }
        JsonNode json;
        try {
            json = ScimJson.mapper().readTree(body);
        } catch (java.io.IOException | RuntimeException e) {
            return Optional.of("(not JSON, " + body.length + " bytes, not kept)");
        }
        if (json.isMissingNode()) { // white space only: Jackson reads no value, and would write "null"
            return Optional.of("(not JSON, " + body.length + " bytes, not kept)");
        }
        String text = new String(ScimJson.write(scrub(json)), StandardCharsets.UTF_8);
        return Optional.of(text.length() <= MAX_KEPT_CHARS ? text
                : text.substring(0, MAX_KEPT_CHARS) + "… (" + text.length() + " characters)");
    }

    static boolean namesSecret(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        // the attribute after a schema URN, then the sub-attribute after a dot (lastIndexOf is -1 without one)
        String last = n.substring(n.lastIndexOf(':') + 1);
        String leaf = last.substring(last.lastIndexOf('.') + 1);
        return SECRET_WORDS.stream().anyMatch(leaf::contains);
    }

    /** A copy of {@code node} with every secret's value replaced by {@link #REMOVED}. */
    public static JsonNode scrub(JsonNode node) {
        if (node instanceof ObjectNode object) {
            ObjectNode out = object.objectNode();
            boolean secretPath = object.path("path").isTextual() && namesSecret(object.path("path").asText());
            for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                boolean secret = namesSecret(field.getKey())
                        || secretPath && field.getKey().equalsIgnoreCase("value");
                out.set(field.getKey(), secret ? TextNode.valueOf(REMOVED) : scrub(field.getValue()));
            }
            return out;
        }
        if (node instanceof ArrayNode array) {
            ArrayNode out = array.arrayNode();
            array.forEach(item -> out.add(scrub(item)));
            return out;
        }
        return node;
    }
}
