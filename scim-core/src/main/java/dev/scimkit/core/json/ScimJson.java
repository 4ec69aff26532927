package dev.scimkit.core.json;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimkit.core.error.ScimException;

import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The one Jackson configuration scimkit reads and writes SCIM JSON with, and small helpers over
 * Jackson trees. Numbers keep their exact decimal form ({@code BigDecimal}); nesting depth is bounded
 * so a hostile body cannot exhaust the stack.
 */
public final class ScimJson {

    /** Deepest JSON nesting accepted in a request body; SCIM resources need far less. */
    public static final int MAX_NESTING_DEPTH = 64;

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            // a name given twice in one object is refused as the tree is built (the replaced child is
            // at hand there), not by the parser's own detector, which keeps a hash set of the names of
            // every object: that set was a seventh of reading a create body
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .build();

    static {
        MAPPER.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(MAX_NESTING_DEPTH)
                .build());
    }

    private ScimJson() {
    }

    /** The shared, thread-safe mapper. Do not reconfigure it. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static JsonNodeFactory nodes() {
        return MAPPER.getNodeFactory();
    }

    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    /**
     * Parses a request body. Anything that is not well-formed JSON (including invalid UTF-8, trailing
     * garbage, duplicate keys or excessive nesting) is a 400 {@code invalidSyntax}.
     */
    public static JsonNode parse(byte[] body) {
        try {
            JsonNode node = MAPPER.readTree(body);
            if (node == null || node.isMissingNode()) {
                throw ScimException.invalidSyntax("The request body is empty; a JSON object was expected");
            }
            return node;
        } catch (IOException e) {
            throw ScimException.invalidSyntax("The request body is not valid JSON: "
                    + JsonSyntaxDetail.of(e, MAPPER.getFactory().streamReadConstraints()));
        }
    }

    /** Parses a request body that must be a JSON object. */
    public static ObjectNode parseObject(byte[] body) {
        JsonNode node = parse(body);
        if (!node.isObject()) {
            throw ScimException.invalidSyntax("The request body must be a JSON object, not " + describe(node));
        }
        return (ObjectNode) node;
    }

    /** Reads a bundled resource; a failure here is a packaging bug, not bad input. */
    public static JsonNode readResource(Class<?> anchor, String name) {
        try (InputStream in = anchor.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + name + " beside " + anchor.getName());
            }
            return MAPPER.readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException("Unreadable resource " + name, e);
        }
    }

    public static byte[] write(JsonNode node) {
        try {
            return MAPPER.writeValueAsBytes(node);
        } catch (IOException e) {
            throw new IllegalStateException("A JSON tree could not be written", e);
        }
    }

    /** Finds a member of an object by name, ignoring case (RFC 7643 §2.1). */
    public static Optional<Map.Entry<String, JsonNode>> findField(JsonNode object, String name) {
        if (object == null || !object.isObject()) {
            return Optional.empty();
        }
        JsonNode exact = object.get(name);
        if (exact != null) {
            return Optional.of(Map.entry(name, exact));
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getKey().equalsIgnoreCase(name)) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    /** The member's value, found ignoring case; null when absent. */
    public static JsonNode getIgnoreCase(JsonNode object, String name) {
        // Hot path of every schema-aware walk: no Optional or entry allocated, exact spelling first.
        if (object == null || !object.isObject()) {
            return null;
        }
        JsonNode exact = object.get(name);
        if (exact != null) {
            return exact;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getKey().equalsIgnoreCase(name)) {
                return e.getValue();
            }
        }
        return null;
    }

    /**
     * {@link String#equalsIgnoreCase}, with the usual case (the same spelling) decided by
     * {@link String#equals} first: comparing two equal 60-character extension URNs case-insensitively,
     * character by character, costs more than the rest of a small PATCH, and the exact comparison is a
     * vectorised intrinsic. Two different names of the same length (a User's {@code emails} against
     * {@code active}) are then told apart at their first differing ASCII character, without the JDK's
     * per-character upper- and lower-casing; the first non-ASCII difference hands the rest to
     * {@link String#regionMatches(boolean, int, String, int, int)}. Same answer for every pair of strings
     * (the property test in {@code ScimJsonTest} holds it to {@code equalsIgnoreCase}).
     */
    public static boolean sameName(String a, String b) {
        if (a.equals(b)) {
            return true;
        }
        int n = a.length();
        if (n != b.length()) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            char x = a.charAt(i);
            char y = b.charAt(i);
            if (x == y) {
                continue;
            }
            if ((x | y) >= 0x80) {
                return a.regionMatches(true, i, b, i, n - i);
            }
            // two different ASCII characters are equal ignoring case only as the two cases of one letter
            char lower = (char) (x | 0x20);
            if (lower != (y | 0x20) || lower < 'a' || lower > 'z') {
                return false;
            }
        }
        return true;
    }

    /** A short description of a node's JSON type, for error details. */
    public static String describe(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "nothing";
        }
        return switch (node.getNodeType()) {
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case NULL -> "null";
            default -> node.getNodeType().name().toLowerCase(Locale.ROOT);
        };
    }
}
