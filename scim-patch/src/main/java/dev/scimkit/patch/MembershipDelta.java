package dev.scimkit.patch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimkit.core.json.ScimJson;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A change to a group's {@code members} expressed without the current member list, so a repository
 * can apply it to its store directly: one member added to a group of 100,000 costs what it costs for
 * a group of 10.
 *
 * <p>Meaning: start from the current members (or from none when {@link #replaceAll()}), drop every
 * member whose {@code value} is in {@link #removedIds()}, then append each of {@link #added()} whose
 * {@code value} is not already there. {@link #applyTo(JsonNode)} is that meaning written out, for
 * in-memory stores and for tests.
 *
 * <p>Member ids are compared as the schema's {@code members.value} says ({@link #valuesCaseExact()}).
 */
public final class MembershipDelta {

    private static final MembershipDelta EMPTY_CASE_EXACT = new MembershipDelta(false, Set.of(), List.of(), true);

    private final boolean replaceAll;
    private final Set<String> removedIds;
    private final List<ObjectNode> added;
    private final boolean valuesCaseExact;

    private MembershipDelta(boolean replaceAll, Set<String> removedIds, List<ObjectNode> added,
                            boolean valuesCaseExact) {
        this.replaceAll = replaceAll;
        this.removedIds = Collections.unmodifiableSet(new LinkedHashSet<>(removedIds));
        List<ObjectNode> copies = new ArrayList<>(added.size());
        for (ObjectNode member : added) {
            copies.add(member.deepCopy());
        }
        this.added = Collections.unmodifiableList(copies);
        this.valuesCaseExact = valuesCaseExact;
    }

    /** No change at all. */
    public static MembershipDelta empty() {
        return EMPTY_CASE_EXACT;
    }

    /** A delta from its parts; {@code added} members must each carry a textual {@code value}. */
    public static MembershipDelta of(boolean replaceAll, Set<String> removedIds, List<ObjectNode> added,
                                     boolean valuesCaseExact) {
        Objects.requireNonNull(removedIds, "removedIds");
        Objects.requireNonNull(added, "added");
        for (ObjectNode member : added) {
            if (!member.path("value").isTextual()) {
                throw new IllegalArgumentException("Every added member needs a string value: " + member);
            }
        }
        return new MembershipDelta(replaceAll, replaceAll ? Set.of() : removedIds, added, valuesCaseExact);
    }

    /** Whether the current members are dropped first ({@code replace members}, {@code remove members}). */
    public boolean replaceAll() {
        return replaceAll;
    }

    /** Ids ({@code members.value}) to remove; always empty when {@link #replaceAll()}. */
    public Set<String> removedIds() {
        return removedIds;
    }

    /** Member values to add (each a copy with at least {@code value}), in request order, no two with one id. */
    public List<ObjectNode> added() {
        List<ObjectNode> copies = new ArrayList<>(added.size());
        for (ObjectNode member : added) {
            copies.add(member.deepCopy());
        }
        return copies;
    }

    /** The ids of {@link #added()}, in order. */
    public List<String> addedIds() {
        List<String> ids = new ArrayList<>(added.size());
        for (ObjectNode member : added) {
            ids.add(member.get("value").asText());
        }
        return ids;
    }

    /** Whether member ids compare with case ({@code members.value} caseExact). */
    public boolean valuesCaseExact() {
        return valuesCaseExact;
    }

    /** Whether this delta changes nothing whatever the current members are. */
    public boolean isEmpty() {
        return !replaceAll && removedIds.isEmpty() && added.isEmpty();
    }

    /**
     * The members after this delta, given the current ones (an array of member objects, or
     * null/missing for none). The input is not modified.
     */
    public ArrayNode applyTo(JsonNode currentMembers) {
        Map<String, JsonNode> byId = new LinkedHashMap<>();
        if (!replaceAll && currentMembers != null && currentMembers.isArray()) {
            Set<String> removed = new LinkedHashSet<>();
            for (String id : removedIds) {
                removed.add(key(id));
            }
            for (JsonNode member : currentMembers) {
                String id = key(member.path("value").asText(""));
                if (!removed.contains(id)) {
                    byId.putIfAbsent(id, member.deepCopy());
                }
            }
        }
        for (ObjectNode member : added) {
            byId.putIfAbsent(key(member.get("value").asText()), member.deepCopy());
        }
        ArrayNode out = ScimJson.mapper().createArrayNode();
        byId.values().forEach(out::add);
        return out;
    }

    private String key(String id) {
        return valuesCaseExact ? id : id.toLowerCase(Locale.ROOT);
    }

    /** Builds a delta one request operation at a time, in request order. */
    static final class Accumulator {
        private boolean replaceAll;
        private final Set<String> removed = new LinkedHashSet<>();
        private final Map<String, ObjectNode> added = new LinkedHashMap<>();
        private final boolean caseExact;

        Accumulator(boolean caseExact) {
            this.caseExact = caseExact;
        }

        /** {@code add members [...]}: members already added earlier in the request stay as they were. */
        void add(ObjectNode member) {
            added.putIfAbsent(k(member.get("value").asText()), member);
        }

        /** {@code remove members[value eq "id"]}. */
        void remove(String id) {
            added.remove(k(id));
            if (!replaceAll) {
                removed.add(id);
            }
        }

        /** {@code replace members [...]} and {@code remove members}. */
        void replaceAll(List<ObjectNode> members) {
            replaceAll = true;
            removed.clear();
            added.clear();
            members.forEach(this::add);
        }

        MembershipDelta build() {
            return new MembershipDelta(replaceAll, removed, new ArrayList<>(added.values()), caseExact);
        }

        private String k(String id) {
            return caseExact ? id : id.toLowerCase(Locale.ROOT);
        }
    }
}
