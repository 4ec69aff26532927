package dev.scimkit.tracktik.domain;

import java.util.Objects;
import java.util.Optional;

/**
 * The one TrackTik role an employee actually holds (TrackTik allows one role per employee, and an
 * employee that has had a role never goes back to none). It is chosen among the roles of the
 * employee's groups by the adapter's {@code RolePolicy}, and may outlive those memberships: when the
 * last group is removed the employee keeps it (or takes a configured default role).
 *
 * @param id   the role's TrackTik id; empty when the store holds no such role any more (the group was
 *             deleted while the employee kept its role) or never had it (a default role by name)
 * @param name the role's name
 */
public record HeldRole(Optional<String> id, String name) {
    public HeldRole {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        id = id.filter(s -> !s.isEmpty());
    }

    /** A held role with a TrackTik id. */
    public static HeldRole of(String id, String name) {
        return new HeldRole(Optional.ofNullable(id), name);
    }
}
