package dev.scimkit.patch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimkit.core.json.ScimJson;
import dev.scimkit.core.schema.ResolvedAttribute;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
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
 * caller's tree is then exactly as it was. In place this costs one pass over the keys; for
 * {@link PatchPlan#apply}, which leaves its input alone, the same pass also builds the top-level copy
 * ({@link #prepareCopy}).
 */
final class UndoLog {

    private final ObjectNode resource;
    private final Footprint footprint;
    /** How many members the resource had. */
    private final int size;
    /** The members put aside, in resource order: {@code asideCount} keys, original values and positions. */
    private final String[] asideKeys;
    private final JsonNode[] asideValues;
    private final int[] asidePositions;
    private final int asideCount;

    private UndoLog(ObjectNode resource, Footprint footprint, int size, String[] asideKeys, JsonNode[] asideValues,
                    int[] asidePositions, int asideCount) {
        this.resource = resource;
        this.footprint = footprint;
        this.size = size;
        this.asideKeys = asideKeys;
        this.asideValues = asideValues;
        this.asidePositions = asidePositions;
        this.asideCount = asideCount;
    }

    /**
     * Puts aside, in {@code resource}, the members the operations writing {@code footprint}'s targets can
     * reach. One pass over the keys; {@link Footprint#classify} rejects almost every key by its length.
     * The put-aside members go into two small arrays rather than a JSON object: this runs on every
     * PATCH, and a map per request was a sixth of a small one.
     */
    static UndoLog prepare(ObjectNode resource, Footprint footprint) {
        return prepare(resource, null, footprint);
    }

    /**
     * {@link #prepare} on a new top-level copy of {@code source}, made in the same pass (a copy, then a
     * pass over the copy, walked the members twice): {@code source} is not modified, the copy shares its
     * untouched values and holds private copies of the members the operations can write.
     */
    static UndoLog prepareCopy(ObjectNode source, Footprint footprint) {
        // sized so the copy's table never grows (HashMap's load factor is 0.75)
        ObjectNode copy = new ObjectNode(ScimJson.nodes(), new LinkedHashMap<>(source.size() * 4 / 3 + 2));
        return prepare(source, copy, footprint);
    }

    /** In place when {@code copy} is null, else into {@code copy} (empty), which the log then holds. */
    private static UndoLog prepare(ObjectNode source, ObjectNode copy, Footprint footprint) {
        String[] keys = null;
        JsonNode[] values = null;
        int[] positions = null;
        int aside = 0;
        int position = -1;
        for (Iterator<Map.Entry<String, JsonNode>> it = source.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> member = it.next();
            position++;
            String key = member.getKey();
            JsonNode value = member.getValue();
            Footprint.Kind kind = footprint.classify(key);
            if (kind == Footprint.Kind.UNTOUCHED) {
                if (copy != null) {
                    copy.set(key, value);
                }
                continue;
            }
            if (keys == null) {
                keys = new String[4];
                values = new JsonNode[4];
                positions = new int[4];
            } else if (aside == keys.length) {
                keys = Arrays.copyOf(keys, aside * 2);
                values = Arrays.copyOf(values, aside * 2);
                positions = Arrays.copyOf(positions, aside * 2);
            }
            keys[aside] = key;
            values[aside] = value;
            positions[aside] = position;
            aside++;
            JsonNode written = value;   // SCHEMAS: replaced, never written: no copy needed
            if (kind == Footprint.Kind.CORE) {
                written = value.deepCopy();
            } else if (kind == Footprint.Kind.EXTENSION && value instanceof ObjectNode extension) {
                written = privateExtension(extension, key, footprint.targets());
            }
            if (copy != null) {
                copy.set(key, written);
            } else if (written != value) {
                member.setValue(written);
            }
        }
        return new UndoLog(copy != null ? copy : source, footprint, position + 1, keys, values, positions, aside);
    }

    /** The tree the operations write into: the caller's own, or the copy {@link #prepareCopy} made. */
    ObjectNode resource() {
        return resource;
    }

    /** The targets whose members were put aside. */
    Footprint footprint() {
        return footprint;
    }

    /** How many members were put aside. */
    int asideCount() {
        return asideCount;
    }

    /** The key of put-aside member {@code i}, as the resource spelled it (resource order). */
    String asideKey(int i) {
        return asideKeys[i];
    }

    /**
     * A put-aside member's original value by name, as {@link JsonValues#get} finds it in an object of
     * the put-aside members: the exact spelling first, else the first that equals it ignoring case;
     * null when none.
     */
    JsonNode before(String name) {
        for (int i = 0; i < asideCount; i++) {
            if (asideKeys[i].equals(name)) {
                return asideValues[i];
            }
        }
        for (int i = 0; i < asideCount; i++) {
            if (asideKeys[i].equalsIgnoreCase(name)) {
                return asideValues[i];
            }
        }
        return null;
    }

    /** The members as they were before the operations, in their original order (only those put aside). */
    ObjectNode before() {
        ObjectNode before = resource.objectNode();
        for (int i = 0; i < asideCount; i++) {
            before.set(asideKeys[i], asideValues[i]);
        }
        return before;
    }

    /**
     * Puts every member back as it was, in its original order; members the operations added go. The
     * order is rebuilt rather than recorded for every request: the operations add and remove only keys
     * the footprint classifies as written (targets in canonical spelling, their extension URNs,
     * {@code schemas}), so the members it calls untouched are still exactly the original others, in
     * their original relative order, and the put-aside ones go back at their recorded positions.
     */
    void restore() {
        List<Map.Entry<String, JsonNode>> untouched = new ArrayList<>(size);
        for (Iterator<Map.Entry<String, JsonNode>> it = resource.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> member = it.next();
            if (footprint.classify(member.getKey()) == Footprint.Kind.UNTOUCHED) {
                untouched.add(Map.entry(member.getKey(), member.getValue()));
            }
        }
        resource.removeAll();
        int next = 0;
        int aside = 0;
        for (int position = 0; position < size; position++) {
            if (aside < asideCount && asidePositions[aside] == position) {
                resource.set(asideKeys[aside], asideValues[aside]);
                aside++;
            } else {
                Map.Entry<String, JsonNode> member = untouched.get(next++);
                resource.set(member.getKey(), member.getValue());
            }
        }
    }

    private static ObjectNode privateExtension(ObjectNode extension, String urnKey, List<ResolvedAttribute> targets) {
        ObjectNode copy = extension.objectNode();
        for (Iterator<Map.Entry<String, JsonNode>> it = extension.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> member = it.next();
            boolean targeted = targetsIn(targets, urnKey, member.getKey());
            copy.set(member.getKey(), targeted ? member.getValue().deepCopy() : member.getValue());
        }
        return copy;
    }

    /** Whether {@code key} names a target held by the extension object under {@code urnKey}. */
    private static boolean targetsIn(List<ResolvedAttribute> targets, String urnKey, String key) {
        for (ResolvedAttribute t : targets) {
            if (t.extension() && ScimJson.sameName(key, t.attribute().name()) && ScimJson.sameName(urnKey, t.schema().id())) {
                return true;
            }
        }
        return false;
    }
}
