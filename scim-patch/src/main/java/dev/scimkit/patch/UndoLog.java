package dev.scimkit.patch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimkit.core.json.ScimJson;
import dev.scimkit.core.schema.ResolvedAttribute;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Makes a resource safe for a plan's operations to write into, and able to go back. Before the
 * operations run, every top-level member they can write is put aside and replaced, in the same tree,
 * by a private copy: each targeted attribute's value (deep), each extension object holding a target
 * (shallow, its targeted members deep), and {@code schemas}. The operations write nothing else (the
 * applier reaches values only through a targeted attribute, and only ever replaces {@code schemas}),
 * so a node that was in the tree before is never modified, whatever happens.
 *
 * <p>The members put aside are the "before" side of the changes ({@link #before()}: the same keys,
 * nodes and relative order as in the resource), so nothing else of the resource needs comparing.
 * {@link #restore()} puts them back, with the original member order, when the patch fails: the
 * caller's tree is then exactly as it was. Copying the tree first (what {@link PatchPlan#apply} does)
 * costs a whole top-level map; this costs one pass over its keys.
 */
final class UndoLog {

    private static final String SCHEMAS = "schemas";

    private final ObjectNode resource;
    private final ObjectNode before;
    private final String[] order;

    private UndoLog(ObjectNode resource, ObjectNode before, String[] order) {
        this.resource = resource;
        this.before = before;
        this.order = order;
    }

    /** Puts aside, in {@code resource}, the members the operations writing {@code targets} can reach. */
    static UndoLog prepare(ObjectNode resource, List<ResolvedAttribute> targets) {
        ObjectNode before = resource.objectNode();
        String[] order = new String[resource.size()];
        int i = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = resource.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> member = it.next();
            String key = member.getKey();
            order[i++] = key;
            JsonNode value = member.getValue();
            if (ScimJson.sameName(key, SCHEMAS)) {
                before.set(key, value);   // replaced, never written: no copy needed
            } else if (targetsCore(targets, key)) {
                before.set(key, value);
                member.setValue(value.deepCopy());
            } else if (targetsExtension(targets, key)) {
                before.set(key, value);
                if (value instanceof ObjectNode extension) {
                    member.setValue(privateExtension(extension, key, targets));
                }
            }
        }
        return new UndoLog(resource, before, order);
    }

    /** The members as they were before the operations, in their original order (only those put aside). */
    ObjectNode before() {
        return before;
    }

    /** Puts every member back as it was, in its original order; members the operations added go. */
    void restore() {
        ObjectNode now = resource.objectNode();
        now.setAll(resource);   // the members never put aside were never written: read them from here
        resource.removeAll();
        for (String key : order) {
            JsonNode original = before.get(key);
            resource.set(key, original != null ? original : now.get(key));
        }
    }

    private static ObjectNode privateExtension(ObjectNode extension, String urnKey, List<ResolvedAttribute> targets) {
        List<ResolvedAttribute> here = new ArrayList<>(targets.size());
        for (ResolvedAttribute t : targets) {
            if (t.extension() && ScimJson.sameName(urnKey, t.schema().id())) {
                here.add(t);
            }
        }
        ObjectNode copy = extension.objectNode();
        for (Iterator<Map.Entry<String, JsonNode>> it = extension.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> member = it.next();
            boolean targeted = targetsCoreOrIn(here, member.getKey());
            copy.set(member.getKey(), targeted ? member.getValue().deepCopy() : member.getValue());
        }
        return copy;
    }

    private static boolean targetsCore(List<ResolvedAttribute> targets, String key) {
        for (ResolvedAttribute t : targets) {
            if (!t.extension() && ScimJson.sameName(key, t.attribute().name())) {
                return true;
            }
        }
        return false;
    }

    private static boolean targetsExtension(List<ResolvedAttribute> targets, String key) {
        for (ResolvedAttribute t : targets) {
            if (t.extension() && ScimJson.sameName(key, t.schema().id())) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code key} names one of {@code targets} (all of one container). */
    private static boolean targetsCoreOrIn(List<ResolvedAttribute> targets, String key) {
        for (ResolvedAttribute t : targets) {
            if (ScimJson.sameName(key, t.attribute().name())) {
                return true;
            }
        }
        return false;
    }
}
