package dev.scimkit.tracktik.mapping;

import dev.scimkit.tracktik.domain.RoleRef;

import java.util.List;
import java.util.Optional;

/**
 * Decides the one TrackTik role an employee holds from the groups it is a member of; pluggable beside
 * {@link UserMapping}, {@link GroupMapping} and {@link RegionRule}.
 *
 * <p>SCIM lets a user be in no group or in several; TrackTik wants exactly one role per employee
 * ("more than one may cause conflicts") and never lets an employee that had a role go back to none.
 * The stores keep both: the memberships as the identity provider sent them (a Group's {@code members},
 * a User's {@code groups}), and the held role this policy chooses. Stores ask it again whenever a
 * write changes the employee's memberships (a member added or removed, a group replaced or deleted)
 * and on {@code TrackTikStore#recomputeRole}, and record each change of the held role in the
 * employee's History with the decision's reason.
 *
 * <p>Implementations must be pure functions of their arguments (stores call them inside their
 * transactions, possibly more than once) and thread-safe.
 */
@FunctionalInterface
public interface RolePolicy {

    /**
     * The role the employee should hold.
     *
     * @param held        the name of the role the employee holds now, empty when it never had one
     * @param memberships the roles of the employee's groups, earliest assignment first
     * @return the role to hold (by name) and why; a decision naming no role is only valid while
     *         {@code held} is empty, since TrackTik cannot take a role away without giving another
     */
    RoleDecision decide(Optional<String> held, List<RoleRef> memberships);

    /**
     * TrackTik's rule with no preference: the role of the earliest group, kept when the last group is
     * removed.
     */
    static RolePolicy trackTikDefault() {
        return PriorityRolePolicy.builder().build();
    }
}
