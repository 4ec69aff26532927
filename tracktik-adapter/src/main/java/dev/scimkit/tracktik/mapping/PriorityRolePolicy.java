package dev.scimkit.tracktik.mapping;

import dev.scimkit.tracktik.domain.RoleRef;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The default {@link RolePolicy}, TrackTik's rule made explicit:
 * <ul>
 *   <li>an employee in groups holds the role of the group that comes first in the priority list
 *       (role names, compared without regard to case); among groups the list does not rank, or with
 *       no list, the earliest assignment wins;</li>
 *   <li>an employee whose last group is removed keeps its role, or takes the default role when one is
 *       configured;</li>
 *   <li>an employee that never had a role and is in no group holds none.</li>
 * </ul>
 * Reasons History shows: {@code "only group"}, {@code "priority"}, {@code "earliest assignment"},
 * {@code "kept: last group removed"}, {@code "default role: last group removed"}.
 */
public final class PriorityRolePolicy implements RolePolicy {

    private final List<String> priority;
    private final Optional<String> defaultRole;

    private PriorityRolePolicy(Builder b) {
        this.priority = b.priority.stream().map(PriorityRolePolicy::key).toList();
        this.defaultRole = b.defaultRole;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The role names that win over others, first first (as configured, folded to lower case). */
    public List<String> priority() {
        return priority;
    }

    public Optional<String> defaultRole() {
        return defaultRole;
    }

    @Override
    public RoleDecision decide(Optional<String> held, List<RoleRef> memberships) {
        if (memberships.isEmpty()) {
            if (held.isEmpty()) {
                return RoleDecision.none();
            }
            return defaultRole.filter(d -> !d.equalsIgnoreCase(held.get()))
                    .map(d -> RoleDecision.hold(d, "default role: last group removed"))
                    .orElseGet(() -> RoleDecision.keep(held.get(), "kept: last group removed"));
        }
        if (memberships.size() == 1) {
            return RoleDecision.hold(memberships.get(0).name(), "only group");
        }
        RoleRef earliest = memberships.get(0);
        RoleRef best = earliest;
        for (RoleRef r : memberships) {
            if (rank(r) < rank(best)) {
                best = r;
            }
        }
        return best == earliest && !outranksOthers(best, memberships)
                ? RoleDecision.hold(best.name(), "earliest assignment")
                : RoleDecision.hold(best.name(), "priority");
    }

    /** Whether the list puts {@code winner} strictly ahead of every other membership. */
    private boolean outranksOthers(RoleRef winner, List<RoleRef> memberships) {
        return memberships.stream().filter(r -> r != winner).allMatch(r -> rank(winner) < rank(r));
    }

    private int rank(RoleRef role) {
        int i = priority.indexOf(key(role.name()));
        return i < 0 ? Integer.MAX_VALUE : i;
    }

    private static String key(String name) {
        return name.strip().toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return "PriorityRolePolicy[priority=" + priority + ", defaultRole=" + defaultRole.orElse("-") + "]";
    }

    /** Options of the default policy; both empty by default. */
    public static final class Builder {
        private List<String> priority = List.of();
        private Optional<String> defaultRole = Optional.empty();

        private Builder() {
        }

        /** Role names in order of preference; blank names are ignored. */
        public Builder priority(List<String> roleNames) {
            List<String> names = new ArrayList<>();
            for (String n : Objects.requireNonNull(roleNames, "roleNames")) {
                if (n != null && !n.isBlank()) {
                    names.add(n.strip());
                }
            }
            this.priority = List.copyOf(names);
            return this;
        }

        /** The role an employee takes when its last group is removed, instead of keeping its role. */
        public Builder defaultRole(String roleName) {
            this.defaultRole = Optional.ofNullable(roleName).map(String::strip).filter(s -> !s.isEmpty());
            return this;
        }

        public PriorityRolePolicy build() {
            return new PriorityRolePolicy(this);
        }
    }
}
