package dev.scimkit.tracktik.port;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A change to who holds a role, by employee SCIM id, applied without loading the current holders:
 * drop all first when {@link #replaceAll()}, then unassign {@link #removed()}, then assign
 * {@link #added()} (assigning a role an employee already holds changes nothing).
 *
 * @param replaceAll whether every current holder loses the role first
 * @param removed    employee SCIM ids that lose the role
 * @param added      employee SCIM ids that gain the role, in request order
 */
public record MembershipChange(boolean replaceAll, Set<String> removed, List<String> added) {
    public MembershipChange {
        removed = Set.copyOf(new LinkedHashSet<>(Objects.requireNonNull(removed, "removed")));
        added = List.copyOf(new LinkedHashSet<>(Objects.requireNonNull(added, "added")));
    }

    /** No change. */
    public static MembershipChange none() {
        return new MembershipChange(false, Set.of(), List.of());
    }

    /** Exactly these holders (a create or a replace). */
    public static MembershipChange exactly(List<String> ids) {
        return new MembershipChange(true, Set.of(), ids);
    }

    public boolean isEmpty() {
        return !replaceAll && removed.isEmpty() && added.isEmpty();
    }
}
