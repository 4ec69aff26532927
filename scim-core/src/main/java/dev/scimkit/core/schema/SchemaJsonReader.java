package dev.scimkit.core.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimkit.core.json.ScimJson;

import java.util.ArrayList;
import java.util.List;

/**
 * Converts between schema definitions and their RFC 7643 §7 JSON representation, so schemas ship as
 * data and {@code /Schemas} serves exactly what the registry holds.
 */
public final class SchemaJsonReader {

    /**
     * A scimkit member (not RFC 7643) marking {@code canonicalValues} as a closed set; written only
     * when true, so the RFC schemas are served unchanged.
     */
    public static final String CANONICAL_VALUES_CLOSED = "canonicalValuesClosed";

    private SchemaJsonReader() {
    }

    /** Reads one schema object ({@code id}, {@code name}, {@code attributes}). */
    public static SchemaDefinition read(JsonNode schema) {
        String id = text(schema, "id", null);
        if (id == null) {
            throw new IllegalArgumentException("A schema needs an id");
        }
        return new SchemaDefinition(id, text(schema, "name", ""), text(schema, "description", ""),
                readAttributes(schema.path("attributes")));
    }

    private static List<AttributeDefinition> readAttributes(JsonNode array) {
        List<AttributeDefinition> out = new ArrayList<>();
        for (JsonNode a : array) {
            out.add(readAttribute(a));
        }
        return out;
    }

    private static AttributeDefinition readAttribute(JsonNode a) {
        AttributeDefinition.Builder b = AttributeDefinition.builder(text(a, "name", null),
                        AttributeType.fromWireName(text(a, "type", "string")))
                .multiValued(a.path("multiValued").asBoolean(false))
                .description(text(a, "description", ""))
                .required(a.path("required").asBoolean(false))
                .caseExact(a.path("caseExact").asBoolean(false))
                .mutability(Mutability.fromWireName(text(a, "mutability", "readWrite")))
                .returned(Returned.fromWireName(text(a, "returned", "default")))
                .uniqueness(Uniqueness.fromWireName(text(a, "uniqueness", "none")))
                .canonicalValues(strings(a.path("canonicalValues")))
                .canonicalValuesClosed(a.path(CANONICAL_VALUES_CLOSED).asBoolean(false))
                .referenceTypes(strings(a.path("referenceTypes")));
        if (a.has("subAttributes")) {
            b.subAttributes(readAttributes(a.path("subAttributes")));
        }
        return b.build();
    }

    /** Writes a schema as its RFC 7643 §7 representation (without {@code meta}). */
    public static ObjectNode write(SchemaDefinition schema) {
        ObjectNode out = ScimJson.object();
        out.put("id", schema.id());
        out.put("name", schema.name());
        out.put("description", schema.description());
        ArrayNode attributes = out.putArray("attributes");
        schema.attributes().forEach(a -> attributes.add(write(a)));
        return out;
    }

    private static ObjectNode write(AttributeDefinition a) {
        ObjectNode out = ScimJson.object();
        out.put("name", a.name());
        out.put("type", a.type().wireName());
        out.put("multiValued", a.multiValued());
        out.put("description", a.description());
        out.put("required", a.required());
        out.put("caseExact", a.caseExact());
        if (!a.canonicalValues().isEmpty()) {
            ArrayNode values = out.putArray("canonicalValues");
            a.canonicalValues().forEach(values::add);
            if (a.canonicalValuesClosed()) {
                out.put(CANONICAL_VALUES_CLOSED, true);
            }
        }
        if (!a.referenceTypes().isEmpty()) {
            ArrayNode values = out.putArray("referenceTypes");
            a.referenceTypes().forEach(values::add);
        }
        out.put("mutability", a.mutability().wireName());
        out.put("returned", a.returned().wireName());
        out.put("uniqueness", a.uniqueness().wireName());
        if (a.isComplex()) {
            ArrayNode subs = out.putArray("subAttributes");
            a.subAttributes().forEach(s -> subs.add(write(s)));
        }
        return out;
    }

    private static String text(JsonNode node, String field, String fallback) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? fallback : v.asText();
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(v -> out.add(v.asText()));
        return out;
    }
}
