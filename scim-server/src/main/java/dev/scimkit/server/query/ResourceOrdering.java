package dev.scimkit.server.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimkit.core.schema.AttributeDefinition;
import dev.scimkit.core.schema.AttributeType;
import dev.scimkit.core.schema.ResourceTypeDefinition;
import dev.scimkit.server.spi.SortOrder;
import dev.scimkit.server.spi.SortSpec;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;

/**
 * Orders resources by a sort key as RFC 7644 §3.4.2.3 describes: by the attribute's type (strings
 * honouring {@code caseExact}, numbers numerically, dateTimes chronologically, booleans false first),
 * resources without a value last in ascending order (and so first in descending). Ties keep the
 * input order, so a stable input order gives stable pages.
 */
public final class ResourceOrdering {

    private ResourceOrdering() {
    }

    /** A comparator for {@code sort} on resources of {@code type}. */
    public static Comparator<ObjectNode> comparator(ResourceTypeDefinition type, SortSpec sort) {
        SortKey key = SortKey.of(type, sort.path());
        Comparator<Optional<JsonNode>> values = sortValueComparator(type, sort);
        return (a, b) -> values.compare(key.valueOf(a), key.valueOf(b));
    }

    /** The value {@code resource} sorts by under {@code sort}, empty when it has none. */
    public static Optional<JsonNode> sortValue(ResourceTypeDefinition type, SortSpec sort, ObjectNode resource) {
        return SortKey.of(type, sort.path()).valueOf(resource);
    }

    /**
     * The order of sort values ({@link #sortValue}) under {@code sort}: the comparator's order on the
     * values themselves, so a position remembered as a value compares with resources as they do.
     */
    public static Comparator<Optional<JsonNode>> sortValueComparator(ResourceTypeDefinition type, SortSpec sort) {
        Comparator<JsonNode> values = valueComparator(SortKey.of(type, sort.path()).definition().orElse(null));
        Comparator<Optional<JsonNode>> ascending = (va, vb) -> {
            if (va.isEmpty() || vb.isEmpty()) {
                return va.isEmpty() ? (vb.isEmpty() ? 0 : 1) : -1;
            }
            return values.compare(va.get(), vb.get());
        };
        return sort.order() == SortOrder.DESCENDING ? ascending.reversed() : ascending;
    }

    private static Comparator<JsonNode> valueComparator(AttributeDefinition def) {
        AttributeType type = def == null ? AttributeType.STRING : def.type();
        boolean caseExact = def != null && def.caseExact();
        return (a, b) -> {
            if (a.isNumber() && b.isNumber()) {
                return a.decimalValue().compareTo(b.decimalValue());
            }
            if (a.isBoolean() && b.isBoolean()) {
                return Boolean.compare(a.booleanValue(), b.booleanValue());
            }
            if (type == AttributeType.DATE_TIME) {
                int byTime = compareDateTimes(a.asText(), b.asText());
                if (byTime != Integer.MIN_VALUE) {
                    return byTime;
                }
            }
            String sa = a.isValueNode() ? a.asText() : a.toString();
            String sb = b.isValueNode() ? b.asText() : b.toString();
            if (!caseExact) {
                int folded = sa.toLowerCase(Locale.ROOT).compareTo(sb.toLowerCase(Locale.ROOT));
                if (folded != 0) {
                    return folded;
                }
            }
            return sa.compareTo(sb);
        };
    }

    /** Compares two xsd:dateTime texts; {@code Integer.MIN_VALUE} when either is unreadable. */
    private static int compareDateTimes(String a, String b) {
        try {
            return OffsetDateTime.parse(a).toInstant().compareTo(OffsetDateTime.parse(b).toInstant());
        } catch (DateTimeParseException e) {
            return Integer.MIN_VALUE;
        }
    }
}
