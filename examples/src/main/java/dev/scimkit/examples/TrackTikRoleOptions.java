package dev.scimkit.examples;

import dev.scimkit.tracktik.mapping.PriorityRolePolicy;
import dev.scimkit.tracktik.mapping.RolePolicy;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The example server's choice of the one role a TrackTik employee holds among its groups' roles
 * ({@code --tracktik-role-priority}, {@code --tracktik-default-role}): TrackTik's rule with an
 * optional priority list and default role.
 *
 * @param priority    role names that win over others, first first (empty: the earliest group wins)
 * @param defaultRole the role an employee takes when its last group is removed (empty: it keeps its role)
 */
public record TrackTikRoleOptions(List<String> priority, Optional<String> defaultRole) {

    public TrackTikRoleOptions {
        priority = List.copyOf(priority);
    }

    /** No priority, no default role: the earliest group's role, kept after the last group goes. */
    public static TrackTikRoleOptions defaults() {
        return new TrackTikRoleOptions(List.of(), Optional.empty());
    }

    /** A comma-separated list of role names ({@code "Supervisor,Dispatcher"}); blanks are ignored. */
    static List<String> parsePriority(String text) {
        return Arrays.stream(text.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    TrackTikRoleOptions withPriority(List<String> names) {
        return new TrackTikRoleOptions(names, defaultRole);
    }

    TrackTikRoleOptions withDefaultRole(String name) {
        return new TrackTikRoleOptions(priority, Optional.of(name.strip()).filter(s -> !s.isEmpty()));
    }

    /** The adapter's policy for these options. */
    public RolePolicy policy() {
        PriorityRolePolicy.Builder b = PriorityRolePolicy.builder().priority(priority);
        defaultRole.ifPresent(b::defaultRole);
        return b.build();
    }

    @Override
    public String toString() {
        return "roles[priority=" + priority + ", default=" + defaultRole.orElse("-") + "]";
    }
}
