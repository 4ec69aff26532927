package dev.scimkit.core.resource;

import dev.scimkit.core.schema.AttributeDefinition;

import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The attributes one kind of JSON object can hold (a resource's core, an extension's object, a
 * complex value), in the order the validator writes them, with each attribute's position ("slot")
 * found by name in one hash lookup. Built once per resource type, immutable, thread-safe.
 *
 * <p>Why: validating a create resolved every member name through the schema (a map lookup and an
 * {@code Optional}), then searched the members again for every declared attribute to write them in
 * schema order. With slots, a member's name gives its place in the output directly.
 *
 * <p>Equivalence with the schema's resolver by construction: the table holds, for each declared name
 * as the schema spells it, the slot of whatever {@code resolver} answers for that very name; any other
 * spelling is not in the table ({@link #slotOfName} says "ask the resolver"), so a name resolves to the
 * definition the resolver picks, always.
 */
final class AttributeLayout {

    /** {@link #slotOfName}: the name is not a declared name in schema spelling; ask the resolver. */
    static final int ASK_RESOLVER = -1;
    /** {@link #slotOfName}: the resolver finds no attribute for this very name (an extension's URN, say). */
    static final int NO_ATTRIBUTE = -2;

    private final AttributeDefinition[] order;
    /** For each slot, the first slot holding the same definition (a definition listed twice shares one value). */
    private final int[] firstSlot;
    private final Map<String, Integer> slotByName = new HashMap<>();
    private final Map<AttributeDefinition, Integer> slotByDefinition = new IdentityHashMap<>();

    /**
     * @param order    the declared attributes in output order
     * @param resolver how the schema resolves a member name, ignoring case
     */
    AttributeLayout(List<AttributeDefinition> order, Function<String, Optional<AttributeDefinition>> resolver) {
        this(order, resolver, List.of());
    }

    /**
     * @param otherNames names expected beside the attributes (the extension URNs of a resource's core):
     *                   the resolver's answer for each is kept too, so an expected name that is no
     *                   attribute costs one lookup, not a lower-casing of 60 characters
     */
    AttributeLayout(List<AttributeDefinition> order, Function<String, Optional<AttributeDefinition>> resolver,
                    List<String> otherNames) {
        this.order = order.toArray(new AttributeDefinition[0]);
        this.firstSlot = new int[this.order.length];
        for (int i = 0; i < this.order.length; i++) {
            slotByDefinition.putIfAbsent(this.order[i], i);
            firstSlot[i] = slotByDefinition.get(this.order[i]);
        }
        for (AttributeDefinition declared : this.order) {
            resolver.apply(declared.name()).ifPresent(winner -> {
                Integer slot = slotByDefinition.get(winner);
                if (slot != null) {
                    slotByName.put(declared.name(), slot);
                }
            });
        }
        for (String name : otherNames) {
            if (!slotByName.containsKey(name)) {
                Optional<AttributeDefinition> resolved = resolver.apply(name);
                Integer slot = resolved.isEmpty() ? Integer.valueOf(NO_ATTRIBUTE) : slotByDefinition.get(resolved.get());
                if (slot != null) {
                    slotByName.put(name, slot);
                }
            }
        }
    }

    /** How many slots: the number of declared attributes. */
    int size() {
        return order.length;
    }

    /** The definition written at {@code slot}. */
    AttributeDefinition at(int slot) {
        return order[slot];
    }

    /** The slot whose value {@code slot} writes: itself, unless its definition was listed earlier too. */
    int valueSlot(int slot) {
        return firstSlot[slot];
    }

    /**
     * The slot of a member spelled {@code name} exactly as its schema does; {@link #NO_ATTRIBUTE} for an
     * expected name that is no attribute; else {@link #ASK_RESOLVER}.
     */
    int slotOfName(String name) {
        Integer slot = slotByName.get(name);
        return slot == null ? ASK_RESOLVER : slot;
    }

    /** The slot of {@code definition}, or -1 when it is not declared here (an RFC 7643 §2.4 default). */
    int slotOf(AttributeDefinition definition) {
        Integer slot = slotByDefinition.get(definition);
        return slot == null ? -1 : slot;
    }
}
