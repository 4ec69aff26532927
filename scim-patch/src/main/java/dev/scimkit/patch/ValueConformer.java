package dev.scimkit.patch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimkit.core.error.ScimException;
import dev.scimkit.core.json.ScimJson;
import dev.scimkit.core.schema.AttributeDefinition;
import dev.scimkit.core.schema.DefaultSubAttributes;
import dev.scimkit.core.schema.Mutability;

import java.math.BigDecimal;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

/**
 * Checks a PATCH value against its attribute's schema (RFC 7643 §2.3 types, single vs multi-valued,
 * known sub-attributes) and returns a normalised copy: sub-attribute names in schema spelling, nulls
 * dropped (RFC 7643 §2.5: null means unassigned), readOnly sub-attributes dropped (RFC 7643 §2.2:
 * the service provider ignores client values for them). Anything else is a 400 {@code invalidValue}.
 *
 * <p>Pure RFC: client dialects have already been rewritten by {@link ClientDialect}.
 */
final class ValueConformer {

    private static final JsonNodeFactory NODES = ScimJson.nodes();

    private final int maxValues;

    ValueConformer(int maxValues) {
        this.maxValues = maxValues;
    }

    /** A whole attribute value: an array for multi-valued attributes, one value otherwise. */
    JsonNode attributeValue(AttributeDefinition def, JsonNode value, String where) {
        if (def.multiValued()) {
            if (!value.isArray()) {
                throw ScimException.invalidValue(where + " is multi-valued; its value must be an array, not "
                        + ScimJson.describe(value));
            }
            if (value.size() > maxValues) {
                throw ScimException.tooMany(where + ": at most " + maxValues + " values per operation; got "
                        + value.size());
            }
            ArrayNode out = NODES.arrayNode(value.size());
            for (JsonNode element : value) {
                JsonNode conformed = singleValue(def, element, where);
                if (conformed != null) {
                    out.add(conformed);
                }
            }
            return out;
        }
        JsonNode conformed = singleValue(def, value, where);
        if (conformed == null) {
            throw ScimException.invalidValue(where + " needs a value");
        }
        return conformed;
    }

    /** One value of {@code def} (one element when multi-valued); null when the value is JSON null. */
    JsonNode singleValue(AttributeDefinition def, JsonNode value, String where) {
        if (value == null || value.isNull()) {
            return null;
        }
        return switch (def.type()) {
            case COMPLEX -> complex(def, value, where);
            case BOOLEAN -> expect(value.isBoolean(), value, def, where, "a boolean");
            case INTEGER -> integer(value, def, where);
            case DECIMAL -> expect(value.isNumber(), value, def, where, "a number");
            case DATE_TIME -> dateTime(value, def, where);
            case STRING, REFERENCE, BINARY -> expect(value.isTextual(), value, def, where, "a string");
        };
    }

    private JsonNode complex(AttributeDefinition def, JsonNode value, String where) {
        if (!value.isObject()) {
            throw ScimException.invalidValue(where + ": " + def.name() + " is complex; its value must be an object, not "
                    + ScimJson.describe(value));
        }
        ObjectNode out = NODES.objectNode();
        for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            Optional<AttributeDefinition> sub = DefaultSubAttributes.find(def, e.getKey());
            if (sub.isEmpty()) {
                throw ScimException.invalidValue(where + ": " + def.name() + " has no sub-attribute '" + e.getKey() + "'");
            }
            if (sub.get().mutability() == Mutability.READ_ONLY) {
                continue;
            }
            String subWhere = where + "." + sub.get().name();
            JsonNode conformed = sub.get().multiValued()
                    ? (e.getValue().isNull() ? null : attributeValue(sub.get(), e.getValue(), subWhere))
                    : singleValue(sub.get(), e.getValue(), subWhere);
            if (conformed != null && !JsonValues.isAbsent(conformed)) {
                JsonValues.put(out, sub.get().name(), conformed);
            }
        }
        return out;
    }

    private static JsonNode integer(JsonNode value, AttributeDefinition def, String where) {
        if (value.isIntegralNumber()) {
            return value;
        }
        if (value.isNumber()) {
            BigDecimal d = value.decimalValue();
            if (d.signum() == 0 || d.scale() <= 0 || d.stripTrailingZeros().scale() <= 0) {
                return NODES.numberNode(d.toBigIntegerExact());
            }
        }
        throw wrongType(value, def, where, "an integer");
    }

    private static JsonNode dateTime(JsonNode value, AttributeDefinition def, String where) {
        if (value.isTextual()) {
            try {
                DateTimeFormatter.ISO_DATE_TIME.parse(value.asText());
                return value;
            } catch (DateTimeParseException e) {
                throw ScimException.invalidValue(where + ": '" + value.asText() + "' is not an xsd:dateTime");
            }
        }
        throw wrongType(value, def, where, "a dateTime string");
    }

    private static JsonNode expect(boolean ok, JsonNode value, AttributeDefinition def, String where, String what) {
        if (!ok) {
            throw wrongType(value, def, where, what);
        }
        return value;
    }

    private static ScimException wrongType(JsonNode value, AttributeDefinition def, String where, String what) {
        return ScimException.invalidValue(where + ": " + def.name() + " is of type " + def.type().wireName()
                + " and needs " + what + ", not " + ScimJson.describe(value));
    }
}
