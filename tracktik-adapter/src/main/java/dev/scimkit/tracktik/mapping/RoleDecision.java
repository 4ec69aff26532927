package dev.scimkit.tracktik.mapping;

import dev.scimkit.tracktik.domain.FieldChange;

import java.util.Objects;
import java.util.Optional;

/**
 * What a {@link RolePolicy} decided: the role to hold and why.
 *
 * @param role      the name of the role the employee should hold; empty only for an employee that
 *                  holds none and has no group
 * @param reason    why, as the employee's History shows it next to the role (for example
 *                  {@code "priority"} or {@code "kept: last group removed"})
 * @param noteKept  whether History records the decision even when the role stays the same (an
 *                  employee keeping its role after its last group was removed should say so)
 */
public record RoleDecision(Optional<String> role, String reason, boolean noteKept) {
    public RoleDecision {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(reason, "reason");
    }

    /** Hold {@code role}, because {@code reason}; recorded when it changes the held role. */
    public static RoleDecision hold(String role, String reason) {
        return new RoleDecision(Optional.of(role), reason, false);
    }

    /** Keep {@code role}, because {@code reason}; recorded even though the role stays. */
    public static RoleDecision keep(String role, String reason) {
        return new RoleDecision(Optional.of(role), reason, true);
    }

    /** Hold no role (an employee that never had one and is in no group). */
    public static RoleDecision none() {
        return new RoleDecision(Optional.empty(), "", false);
    }

    /** Whether holding {@link #role} means a change from {@code held} (names compared exactly). */
    public boolean changes(Optional<String> held) {
        return role.isPresent() && !role.equals(held);
    }

    /**
     * The History line for this decision over the role held before ({@code role: "old" -> "new"
     * (reason)}), empty when there is nothing to record.
     */
    public Optional<FieldChange> historyChange(Optional<String> held) {
        if (changes(held) || (noteKept && role.isPresent())) {
            return Optional.of(new FieldChange("role", held.orElse(""), role.orElse(""), reason));
        }
        return Optional.empty();
    }
}
