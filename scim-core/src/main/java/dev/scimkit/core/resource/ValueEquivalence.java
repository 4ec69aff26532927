package dev.scimkit.core.resource;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scimkit.core.schema.AttributeDefinition;
import dev.scimkit.core.schema.DefaultSubAttributes;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Whether two normalised values of an attribute are the same value in SCIM terms: strings honour
 * {@code caseExact}, numbers compare by value, dateTimes by instant, multi-valued attributes ignore
 * order (RFC 7643 §2.4: "no particular order").
 */
final class ValueEquivalence {

    private ValueEquivalence() {
    }

    static boolean equivalent(AttributeDefinition attribute, JsonNode a, JsonNode b) {
        if (attribute.multiValued() && a.isArray() && b.isArray()) {
            if (a.size() != b.size()) {
                return false;
            }
            List<JsonNode> unmatched = new ArrayList<>();
            b.forEach(unmatched::add);
            for (JsonNode x : a) {
                Iterator<JsonNode> it = unmatched.iterator();
                boolean found = false;
                while (it.hasNext()) {
                    if (single(attribute, x, it.next())) {
                        it.remove();
                        found = true;
                        break;
                    }
                }
                if (!found) {
                    return false;
                }
            }
            return true;
        }
        return single(attribute, a, b);
    }

    private static boolean single(AttributeDefinition attribute, JsonNode a, JsonNode b) {
        if (attribute.isComplex() && a.isObject() && b.isObject()) {
            if (a.size() != b.size()) {
                return false;
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = a.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                JsonNode other = b.get(e.getKey());
                if (other == null) {
                    return false;
                }
                AttributeDefinition sub = DefaultSubAttributes.find(attribute, e.getKey()).orElse(null);
                if (sub == null ? !e.getValue().equals(other) : !single(sub, e.getValue(), other)) {
                    return false;
                }
            }
            return true;
        }
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue()) == 0;
        }
        if (a.isTextual() && b.isTextual()) {
            return switch (attribute.type()) {
                case DATE_TIME -> AttributeValues.parseDateTime(a.asText())
                        .flatMap(x -> AttributeValues.parseDateTime(b.asText()).map(y -> x.isEqual(y)))
                        .orElse(a.asText().equals(b.asText()));
                case STRING, REFERENCE -> attribute.caseExact() ? a.asText().equals(b.asText())
                        : a.asText().equalsIgnoreCase(b.asText());
                default -> a.asText().equals(b.asText());
            };
        }
        return a.equals(b);
    }
}
