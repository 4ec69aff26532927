package dev.scimkit.patch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimkit.core.schema.ResolvedAttribute;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The copy of a resource that a plan's operations write to, copied only as deep as they can write:
 * the top-level object, the extension objects holding a target, and each targeted attribute's value
 * are fresh; every other value is shared with the input. The operations write nothing else (the
 * applier only ever replaces {@code schemas}, never changes the array), so the input stays
 * byte-for-byte unchanged whether the plan succeeds or fails, without paying for a deep copy of the
 * attributes a PATCH does not touch. The shared values are never written afterwards either:
 * {@link PatchResult#resource()} hands out deep copies.
 */
final class WritableCopy {

    private WritableCopy() {
    }

    static ObjectNode of(ObjectNode resource, List<ResolvedAttribute> targets) {
        ObjectNode work = resource.objectNode();
        work.setAll(resource);
        List<ObjectNode> copiedExtensions = new ArrayList<>(1);
        for (ResolvedAttribute target : targets) {
            ObjectNode container = work;
            if (target.extension()) {
                container = copiedExtension(work, target.schema().id(), copiedExtensions);
                if (container == null) {
                    continue;   // no extension object yet: the applier creates a fresh one
                }
            }
            copyMember(container, target.attribute().name());
        }
        return work;
    }

    /** The extension object under {@code urn} (any spelling, as the applier finds it), made private to {@code work}. */
    private static ObjectNode copiedExtension(ObjectNode work, String urn, List<ObjectNode> copied) {
        ObjectNode found = null;
        List<String> keys = matchingKeys(work, urn);
        for (String key : keys) {
            JsonNode value = work.get(key);
            if (!(value instanceof ObjectNode extension)) {
                continue;
            }
            if (containsSame(copied, extension)) {
                found = found == null ? extension : found;
                continue;
            }
            ObjectNode copy = extension.objectNode();
            copy.setAll(extension);
            work.set(key, copy);
            copied.add(copy);
            found = found == null ? copy : found;
        }
        return found;
    }

    private static boolean containsSame(List<ObjectNode> nodes, ObjectNode node) {
        for (ObjectNode n : nodes) {
            if (n == node) {
                return true;
            }
        }
        return false;
    }

    /** Deep-copies the member {@code name} in every spelling the applier's case-insensitive access may reach. */
    private static void copyMember(ObjectNode container, String name) {
        for (String key : matchingKeys(container, name)) {
            container.set(key, container.get(key).deepCopy());
        }
    }

    private static List<String> matchingKeys(ObjectNode object, String name) {
        List<String> keys = new ArrayList<>(1);
        for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
            String key = it.next().getKey();
            if (key.equalsIgnoreCase(name)) {
                keys.add(key);
            }
        }
        return keys;
    }
}
