package dev.scimkit.server.memory;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * Everything one tenant stores, guarded by one read/write lock: the resources of each type, their
 * lookup indexes, and the reverse membership index (member id → groups) from which a User's
 * {@code groups} is derived. Only touched with {@link #lock} held.
 */
final class TenantData {

    final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    /** Resource type (lower-case name) → table. */
    final Map<String, TypeTable> tables = new ConcurrentHashMap<>(); // created lazily, also under the read lock
    /** Resource id → lower-case type name, across types, to resolve member references. */
    final Map<String, String> typeOfId = new HashMap<>();
    /** Member id → the groups (type, id) that list it. */
    final Map<String, Set<GroupRef>> groupsOfMember = new HashMap<>();

    /** The result of {@code action}, run with the write lock held. */
    <T> T write(Supplier<T> action) {
        return locked(lock.writeLock(), action);
    }

    /** The result of {@code action}, run with the read lock held. */
    <T> T read(Supplier<T> action) {
        return locked(lock.readLock(), action);
    }

    private static <T> T locked(Lock held, Supplier<T> action) {
        held.lock();
        try {
            return action.get();
        } finally {
            held.unlock();
        }
    }

    TypeTable table(String typeName) {
        TypeTable table = tables.get(typeName); // the repositories pass lower-case names already
        return table != null ? table : tables.computeIfAbsent(typeName.toLowerCase(Locale.ROOT), t -> new TypeTable());
    }

    void addMembership(String memberId, GroupRef group) {
        groupsOfMember.computeIfAbsent(memberId, k -> new LinkedHashSet<>()).add(group);
    }

    void removeMembership(String memberId, GroupRef group) {
        Set<GroupRef> groups = groupsOfMember.get(memberId);
        if (groups != null) {
            groups.remove(group);
            if (groups.isEmpty()) {
                groupsOfMember.remove(memberId);
            }
        }
    }

    /** A group that lists members: its lower-case type name and id. */
    record GroupRef(String type, String id) {

        // Written out: the generated record methods go through method handles, which showed up in
        // the membership benchmark's profile (every member add hashes a GroupRef).
        @Override
        public int hashCode() {
            return 31 * type.hashCode() + id.hashCode();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof GroupRef g && id.equals(g.id) && type.equals(g.type);
        }
    }

    /** The resources of one type with their indexes. */
    static final class TypeTable {
        /** Creation order, kept across replaces: the stable default order of searches. */
        final LinkedHashMap<String, Stored> byId = new LinkedHashMap<>();
        /** Attribute name (the schema's spelling, as the repository always passes it) → normalised value → ids. */
        final Map<String, Map<String, Set<String>>> indexes = new ConcurrentHashMap<>(); // lazily, also under the read lock

        /** The next stored resource's place in creation order (a replace keeps its place). */
        private long created;

        Map<String, Set<String>> index(String attribute) {
            return indexes.computeIfAbsent(attribute, a -> new HashMap<>());
        }

        long nextSequence() {
            return created++;
        }
    }

    /**
     * One stored resource: the body without {@code members} (and without derived {@code groups}),
     * and, for types with members, the members keyed by their normalised id so one add or remove
     * costs O(1) whatever the group size.
     */
    static final class Stored {
        /** Creation order, the order an index hit is answered in (as a scan of {@code byId} would). */
        static final Comparator<Stored> CREATION_ORDER = Comparator.comparingLong(s -> s.sequence);

        ObjectNode body;
        final LinkedHashMap<String, ObjectNode> members;
        final long sequence;

        Stored(ObjectNode body, boolean hasMembers, long sequence) {
            this.body = body;
            this.members = hasMembers ? new LinkedHashMap<>() : null;
            this.sequence = sequence;
        }
    }
}
