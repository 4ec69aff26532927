package dev.scimkit.core.resource;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scimkit.core.schema.AttributeDefinition;

import java.util.Map;

/**
 * The members of one JSON object that resolved to attribute definitions: declared ones in their
 * {@link AttributeLayout} slot, RFC 7643 §2.4 defaults the schema does not list (addresses.primary,
 * members.display) in the order they came. Each member is the object's own entry, so the key stays as
 * the client spelled it, for error details. Used once, by one thread.
 *
 * <p>Why slots: the {@code LinkedHashMap} of members this replaces, with its table, entries and
 * resizes, and the search of it for every declared attribute, were a quarter of validating a create.
 */
final class MatchedMembers {

    private final AttributeLayout layout;
    private final Map.Entry<String, JsonNode>[] bySlot;
    private AttributeDefinition[] implicitAttributes;
    private Map.Entry<String, JsonNode>[] implicitMembers;
    private int implicitCount;
    private int count;
    private final int objectSize;

    /** @param objectSize the size of the JSON object the members come from: the most implicit ones there can be */
    @SuppressWarnings("unchecked")
    MatchedMembers(AttributeLayout layout, int objectSize) {
        this.layout = layout;
        this.bySlot = new Map.Entry[layout.size()];
        this.objectSize = objectSize;
    }

    /**
     * Adds a member, unless one for the same definition is already here (the name given twice in two
     * spellings): then nothing is added and the earlier member's key is returned for the error detail.
     *
     * @param slot the definition's slot in the layout, or -1 for a default the layout does not declare
     * @return null when added, else the key the earlier member was spelled with
     */
    @SuppressWarnings("unchecked")
    String addUnlessPresent(int slot, AttributeDefinition attribute, Map.Entry<String, JsonNode> member) {
        if (slot >= 0) {
            int at = layout.valueSlot(slot);
            if (bySlot[at] != null) {
                return bySlot[at].getKey();
            }
            bySlot[at] = member;
        } else {
            for (int i = 0; i < implicitCount; i++) {
                if (implicitAttributes[i] == attribute) {
                    return implicitMembers[i].getKey();
                }
            }
            if (implicitAttributes == null) {
                implicitAttributes = new AttributeDefinition[objectSize];
                implicitMembers = new Map.Entry[objectSize];
            }
            implicitAttributes[implicitCount] = attribute;
            implicitMembers[implicitCount] = member;
            implicitCount++;
        }
        count++;
        return null;
    }

    /** How many members there are. */
    int count() {
        return count;
    }

    /** The client's value for the attribute at {@code slot}, null when the object has none. */
    JsonNode valueAt(int slot) {
        Map.Entry<String, JsonNode> member = bySlot[layout.valueSlot(slot)];
        return member == null ? null : member.getValue();
    }

    int implicitCount() {
        return implicitCount;
    }

    AttributeDefinition implicitAttribute(int i) {
        return implicitAttributes[i];
    }

    JsonNode implicitValue(int i) {
        return implicitMembers[i].getValue();
    }
}
