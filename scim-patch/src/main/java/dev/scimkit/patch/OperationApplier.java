package dev.scimkit.patch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimkit.core.error.ScimException;
import dev.scimkit.core.json.ScimJson;
import dev.scimkit.core.message.PatchOperationType;
import dev.scimkit.core.schema.AttributeDefinition;
import dev.scimkit.core.schema.DefaultSubAttributes;
import dev.scimkit.core.schema.Mutability;
import dev.scimkit.core.schema.ResourceTypeDefinition;
import dev.scimkit.filter.eval.FilterEvaluator;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Applies one {@link PlannedOperation} to a working copy of a resource, exactly as RFC 7644 §3.5.2.1
 * (add), §3.5.2.2 (remove) and §3.5.2.3 (replace) say, with the mutability rules of RFC 7643 §2.2:
 * immutable values may be set while unassigned but never changed, required attributes may not be
 * removed. No client dialect lives here.
 */
final class OperationApplier {

    private final FilterEvaluator evaluator;

    OperationApplier(ResourceTypeDefinition type) {
        this.evaluator = new FilterEvaluator(type);
    }

    void apply(ObjectNode resource, PlannedOperation op) {
        Target t = op.target();
        ObjectNode container = container(resource, t);
        if (op.expectUnchanged()) {
            expectUnchanged(container, t, op.value().orElseThrow());
        } else if (t.filter().isPresent()) {
            applyFiltered(container, op);
        } else if (t.sub().isPresent()) {
            applySub(container, op);
        } else {
            applyWhole(container, op);
        }
        if (t.extensionUrn().isPresent() && container.isEmpty()) {
            JsonValues.remove(resource, t.extensionUrn().get());
        }
    }

    // ---------------------------------------------------------------- whole attribute

    private void applyWhole(ObjectNode container, PlannedOperation op) {
        AttributeDefinition def = op.target().def();
        JsonNode current = JsonValues.get(container, def.name());
        switch (op.op()) {
            case REMOVE -> {
                if (op.value().isPresent()) {
                    removeValues(container, def, current, op.value().get());
                } else {
                    removeAttribute(container, def, current);
                }
            }
            case ADD -> {
                JsonNode value = op.value().orElseThrow();
                if (def.multiValued()) {
                    appendValues(container, def, current, value);
                } else if (def.isComplex()) {
                    mergeComplex(container, def, current, (ObjectNode) value);
                } else {
                    setAttribute(container, def, current, value);
                }
            }
            case REPLACE -> {
                JsonNode value = op.value().orElseThrow();
                if (def.multiValued()) {
                    replaceValues(container, def, current, value);
                } else if (def.isComplex()) {
                    // RFC 7644 §3.5.2.3: sub-attributes not in the value are left unchanged
                    mergeComplex(container, def, current, (ObjectNode) value);
                } else {
                    setAttribute(container, def, current, value);
                }
            }
        }
    }

    private void setAttribute(ObjectNode container, AttributeDefinition def, JsonNode current, JsonNode value) {
        if (JsonValues.identical(current, value)) {
            return;
        }
        checkMayChange(def, current, def.name());
        JsonValues.put(container, def.name(), value.deepCopy());
    }

    private void mergeComplex(ObjectNode container, AttributeDefinition def, JsonNode current, ObjectNode value) {
        if (!JsonValues.isAbsent(current) && def.mutability() == Mutability.IMMUTABLE
                && !JsonValues.identical(current, mergedCopy(def, current, value))) {
            throw immutable(def.name());
        }
        ObjectNode target = current != null && current.isObject() ? (ObjectNode) current : ScimJson.object();
        mergeInto(def, target, value, def.name());
        if (!target.isEmpty()) {
            JsonValues.put(container, def.name(), target);
        }
    }

    private ObjectNode mergedCopy(AttributeDefinition def, JsonNode current, ObjectNode value) {
        ObjectNode copy = current.isObject() ? ((ObjectNode) current).deepCopy() : ScimJson.object();
        mergeInto(def, copy, value, def.name());
        return copy;
    }

    /** Sets each sub-attribute of {@code value} on {@code target}, honouring sub-attribute mutability. */
    private void mergeInto(AttributeDefinition def, ObjectNode target, ObjectNode value, String where) {
        for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            AttributeDefinition sub = DefaultSubAttributes.find(def, e.getKey()).orElseThrow();
            JsonNode old = JsonValues.get(target, sub.name());
            if (!JsonValues.identical(old, e.getValue())) {
                checkMayChange(sub, old, where + "." + sub.name());
                JsonValues.put(target, sub.name(), e.getValue().deepCopy());
            }
        }
    }

    /** RFC 7644 §3.5.2.1: a multi-valued add appends the values not already there. */
    private void appendValues(ObjectNode container, AttributeDefinition def, JsonNode current, JsonNode values) {
        ArrayNode array = current != null && current.isArray() ? (ArrayNode) current : ScimJson.mapper().createArrayNode();
        Set<JsonNode> written = identitySet();
        for (JsonNode v : values) {
            if (!containsElement(def, array, v)) {
                JsonNode copy = v.deepCopy();
                array.add(copy);
                written.add(copy);
            }
        }
        if (!array.isEmpty()) {
            JsonValues.put(container, def.name(), array);
            enforceSinglePrimary(def, array, written);
        }
    }

    /** RFC 7644 §3.5.2.3: a multi-valued replace without a filter replaces all values. */
    private void replaceValues(ObjectNode container, AttributeDefinition def, JsonNode current, JsonNode values) {
        ArrayNode array = ScimJson.mapper().createArrayNode();
        Set<JsonNode> written = identitySet();
        for (JsonNode v : values) {
            if (!containsElement(def, array, v)) {
                JsonNode copy = v.deepCopy();
                array.add(copy);
                written.add(copy);
            }
        }
        if (JsonValues.identical(current, array)) {
            return;
        }
        checkMayChange(def, current, def.name());
        if (array.isEmpty()) {
            removeAttribute(container, def, current);
            return;
        }
        JsonValues.put(container, def.name(), array);
        enforceSinglePrimary(def, array, written);
    }

    /**
     * Entra ID's remove with a value, on a simple multi-valued attribute: the elements equal to one of
     * {@code values} (by the attribute's caseExact) go; the attribute goes with its last value.
     */
    private void removeValues(ObjectNode container, AttributeDefinition def, JsonNode current, JsonNode values) {
        if (current == null || !current.isArray()) {
            return;
        }
        ArrayNode remaining = ScimJson.mapper().createArrayNode();
        for (JsonNode existing : current) {
            if (!containsElement(def, values, existing)) {
                remaining.add(existing);
            }
        }
        if (remaining.size() == current.size()) {
            return;
        }
        if (remaining.isEmpty()) {
            removeAttribute(container, def, current);
            return;
        }
        checkMayChange(def, current, def.name());
        JsonValues.put(container, def.name(), remaining);
    }

    /** RFC 7644 §3.5.2.2; removing a required or an assigned immutable attribute is a 400 mutability. */
    private void removeAttribute(ObjectNode container, AttributeDefinition def, JsonNode current) {
        if (JsonValues.isAbsent(current)) {
            JsonValues.remove(container, def.name());
            return;
        }
        if (def.required()) {
            throw ScimException.mutability(def.name() + " is required and cannot be removed");
        }
        checkMayChange(def, current, def.name());
        JsonValues.remove(container, def.name());
    }

    // ---------------------------------------------------------------- attr.sub (single-valued complex)

    private void applySub(ObjectNode container, PlannedOperation op) {
        AttributeDefinition def = op.target().def();
        AttributeDefinition sub = op.target().sub().orElseThrow();
        JsonNode current = JsonValues.get(container, def.name());
        ObjectNode object = current != null && current.isObject() ? (ObjectNode) current : null;
        String where = def.name() + "." + sub.name();
        if (op.op() == PatchOperationType.REMOVE) {
            if (object == null) {
                return;
            }
            removeSub(object, sub, where);
            if (object.isEmpty()) {
                removeAttribute(container, def, object);
                JsonValues.remove(container, def.name());
            }
            return;
        }
        if (op.op() == PatchOperationType.ADD && sub.multiValued()) {
            appendToSub(container, def, object, sub, op.value().orElseThrow(), where);
            return;
        }
        ObjectNode value = ScimJson.object();
        value.set(sub.name(), op.value().orElseThrow());
        mergeComplex(container, def, current, value);
    }

    /**
     * RFC 7644 §3.5.2.1: "If the target location specifies a multi-valued attribute, … the value is
     * added": an add to {@code part.sizes} appends the values not already there, as an add to a
     * top-level multi-valued attribute does; only a replace sets the whole array.
     */
    private void appendToSub(ObjectNode container, AttributeDefinition def, ObjectNode object,
                             AttributeDefinition sub, JsonNode values, String where) {
        ObjectNode holder = object != null ? object : ScimJson.object();
        JsonNode old = JsonValues.get(holder, sub.name());
        ArrayNode array = old != null && old.isArray() ? (ArrayNode) old : ScimJson.mapper().createArrayNode();
        List<JsonNode> added = new ArrayList<>();
        for (JsonNode v : values) {
            if (!containsElement(sub, array, v) && !containsElement(sub, added, v)) {
                added.add(v);
            }
        }
        if (added.isEmpty()) {
            return;
        }
        if (object != null && def.mutability() == Mutability.IMMUTABLE) {
            throw immutable(def.name());
        }
        checkMayChange(sub, old, where);
        for (JsonNode v : added) {
            array.add(v.deepCopy());
        }
        JsonValues.put(holder, sub.name(), array);
        if (object == null) {
            JsonValues.put(container, def.name(), holder);
        }
    }

    private void removeSub(ObjectNode element, AttributeDefinition sub, String where) {
        JsonNode old = JsonValues.get(element, sub.name());
        if (JsonValues.isAbsent(old)) {
            return;
        }
        if (sub.required()) {
            throw ScimException.mutability(where + " is required and cannot be removed");
        }
        checkMayChange(sub, old, where);
        JsonValues.remove(element, sub.name());
    }

    // ---------------------------------------------------------------- attr[filter] and attr[filter].sub

    private void applyFiltered(ObjectNode container, PlannedOperation op) {
        Target t = op.target();
        AttributeDefinition def = t.def();
        JsonNode current = JsonValues.get(container, def.name());
        ArrayNode array = current != null && current.isArray() ? (ArrayNode) current : ScimJson.mapper().createArrayNode();
        ElementSelector selector = new ElementSelector(evaluator, t, t.filter().orElseThrow());
        List<Integer> matches = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            if (selector.selects(array.get(i))) {
                matches.add(i);
            }
        }
        boolean seeded = false;
        if (matches.isEmpty()) {
            if (op.op() == PatchOperationType.REMOVE) {
                return; // nothing selected, nothing to remove
            }
            if (op.seedWhenNoMatch().isEmpty()) {
                throw ScimException.noTarget("The filter of " + t.text() + " matches no value (RFC 7644 §3.5.2.3)");
            }
            array.add(op.seedWhenNoMatch().get().deepCopy());
            matches.add(array.size() - 1);
            seeded = true;
        }
        Set<JsonNode> written = identitySet();
        String where = t.text();
        switch (op.op()) {
            case REMOVE -> {
                for (int k = matches.size() - 1; k >= 0; k--) {
                    int i = matches.get(k);
                    if (t.sub().isPresent()) {
                        ObjectNode element = (ObjectNode) array.get(i);
                        removeSub(element, t.sub().get(), where);
                        if (element.isEmpty()) {
                            array.remove(i);
                        }
                    } else {
                        array.remove(i);
                    }
                }
            }
            case ADD, REPLACE -> {
                for (int i : matches) {
                    ObjectNode element = (ObjectNode) array.get(i);
                    if (t.sub().isPresent()) {
                        ObjectNode value = ScimJson.object();
                        value.set(t.sub().get().name(), op.value().orElseThrow());
                        mergeInto(def, element, value, where);
                        written.add(element);
                    } else if (op.op() == PatchOperationType.ADD || seeded) {
                        mergeInto(def, element, (ObjectNode) op.value().orElseThrow(), where);
                        written.add(element);
                    } else {
                        ObjectNode replacement = ((ObjectNode) op.value().orElseThrow()).deepCopy();
                        checkImmutableSubs(def, element, replacement, where);
                        array.set(i, replacement);
                        written.add(replacement);
                    }
                }
            }
        }
        if (array.isEmpty()) {
            if (def.required()) {
                throw ScimException.mutability(def.name() + " is required and cannot lose its last value");
            }
            JsonValues.remove(container, def.name());
        } else {
            JsonValues.put(container, def.name(), array);
            enforceSinglePrimary(def, array, written);
        }
    }

    private void checkImmutableSubs(AttributeDefinition def, ObjectNode old, ObjectNode replacement, String where) {
        for (AttributeDefinition sub : def.subAttributes()) {
            JsonNode before = JsonValues.get(old, sub.name());
            if (sub.mutability() == Mutability.IMMUTABLE && !JsonValues.isAbsent(before)
                    && !JsonValues.identical(before, JsonValues.get(replacement, sub.name()))) {
                throw immutable(where + "." + sub.name());
            }
        }
    }

    // ---------------------------------------------------------------- readOnly echo

    private void expectUnchanged(ObjectNode container, Target t, JsonNode value) {
        JsonNode current = JsonValues.get(container, t.def().name());
        if (!JsonValues.same(t.def(), current, value)) {
            throw ScimException.mutability(t.def().name() + " is readOnly and cannot be modified");
        }
    }

    // ---------------------------------------------------------------- shared rules

    /**
     * RFC 7644 §3.5.2: "a PATCH operation that sets a value's primary sub-attribute to true SHALL
     * cause the server to automatically set primary to false for any other values in the array".
     */
    private static void enforceSinglePrimary(AttributeDefinition def, ArrayNode array, Set<JsonNode> written) {
        if (!def.isComplex()) {
            return;
        }
        List<ObjectNode> writtenPrimaries = new ArrayList<>();
        for (JsonNode element : array) {
            if (written.contains(element) && isPrimary(element)) {
                writtenPrimaries.add((ObjectNode) element);
            }
        }
        if (writtenPrimaries.size() > 1) {
            throw ScimException.invalidValue("At most one value of " + def.name() + " may be primary");
        }
        if (writtenPrimaries.size() == 1) {
            for (JsonNode element : array) {
                if (element != writtenPrimaries.get(0) && isPrimary(element)) {
                    ((ObjectNode) element).put("primary", false);
                }
            }
        }
    }

    private static boolean isPrimary(JsonNode element) {
        JsonNode p = JsonValues.get(element, "primary");
        return p != null && p.isBoolean() && p.booleanValue();
    }

    private static boolean containsElement(AttributeDefinition def, Iterable<JsonNode> values, JsonNode v) {
        for (JsonNode existing : values) {
            if (JsonValues.sameElement(def, existing, v)) {
                return true;
            }
        }
        return false;
    }

    /** Immutable values may be assigned once (RFC 7644 §3.5.2: "add" to an unassigned immutable attribute). */
    private static void checkMayChange(AttributeDefinition def, JsonNode current, String where) {
        if (def.mutability() == Mutability.IMMUTABLE && !JsonValues.isAbsent(current)) {
            throw immutable(where);
        }
    }

    private static ScimException immutable(String where) {
        return ScimException.mutability(where + " is immutable and already has a value");
    }

    private static ObjectNode container(ObjectNode resource, Target t) {
        if (t.extensionUrn().isEmpty()) {
            return resource;
        }
        String urn = t.extensionUrn().get();
        JsonNode existing = JsonValues.get(resource, urn);
        if (existing != null && existing.isObject()) {
            JsonValues.put(resource, urn, existing);
            return (ObjectNode) existing;
        }
        ObjectNode created = ScimJson.object();
        JsonValues.put(resource, urn, created);
        return created;
    }

    private static Set<JsonNode> identitySet() {
        return Collections.newSetFromMap(new IdentityHashMap<>());
    }

}
