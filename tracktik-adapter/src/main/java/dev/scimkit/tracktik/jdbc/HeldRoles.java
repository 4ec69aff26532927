package dev.scimkit.tracktik.jdbc;

import dev.scimkit.server.spi.TenantId;
import dev.scimkit.tracktik.domain.FieldChange;
import dev.scimkit.tracktik.domain.RoleRef;
import dev.scimkit.tracktik.mapping.RoleDecision;
import dev.scimkit.tracktik.mapping.RolePolicy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The held role of employees in the JDBC store ({@code tt_employee.held_role_id/held_role_name}, V5):
 * asks the {@link RolePolicy} with the memberships in assignment order and writes its decision, inside
 * the caller's transaction (the caller holds the locks of the rows it changes).
 */
final class HeldRoles {

    private HeldRoles() {
    }

    /**
     * Decides the employee's held role again and writes it; the History line saying so, if the
     * decision is worth one (the caller puts it into the entry of the change that caused it).
     */
    static Optional<FieldChange> decide(Connection c, TenantId tenant, long employeeId, RolePolicy policy)
            throws SQLException {
        Optional<String> held = heldRoleName(c, employeeId);
        List<RoleRef> memberships = memberships(c, employeeId);
        RoleDecision decision = policy.decide(held, memberships);
        if (decision.role().isEmpty()) {
            return Optional.empty(); // TrackTik cannot take a role away; a policy that asks to is ignored
        }
        if (decision.changes(held)) {
            String name = decision.role().get();
            // Role names are unique per tenant ignoring case: a membership's role and a default role alike.
            Optional<String> id = roleIdByName(c, tenant, name);
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE tt_employee SET held_role_id = ?, held_role_name = ? WHERE id = ?")) {
                ps.setObject(1, id.map(Long::valueOf).orElse(null));
                ps.setString(2, name);
                ps.setLong(3, employeeId);
                ps.executeUpdate();
            }
        }
        return decision.historyChange(held);
    }

    /**
     * Locks the employee's row before its memberships change, so that two transactions changing the
     * same employee's groups (through two roles, whose locks do not exclude each other) decide its held
     * role one after the other, each seeing the other's membership. Answers whether the employee is
     * still live: a delete that held the row commits before this lock is granted, and the row read
     * under the lock is the one it left.
     */
    static boolean lockEmployee(Connection c, long employeeId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT archived_at FROM tt_employee WHERE id = ? FOR UPDATE")) {
            ps.setLong(1, employeeId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getObject(1) == null;
            }
        }
    }

    /** The employees holding a role (members of its group or not). */
    static List<Long> holdersOf(Connection c, long roleId) throws SQLException {
        List<Long> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM tt_employee WHERE held_role_id = ?")) {
            ps.setLong(1, roleId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getLong(1));
                }
            }
        }
        return out;
    }

    /** A renamed role: every employee holding it holds it under the new name. */
    static void renamed(Connection c, long roleId, String newName) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE tt_employee SET held_role_name = ? WHERE held_role_id = ?")) {
            ps.setString(1, newName);
            ps.setLong(2, roleId);
            ps.executeUpdate();
        }
    }

    /** A deleted role: whoever still holds it keeps it by name only. */
    static void deleted(Connection c, long roleId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE tt_employee SET held_role_id = NULL WHERE held_role_id = ?")) {
            ps.setLong(1, roleId);
            ps.executeUpdate();
        }
    }

    private static Optional<String> heldRoleName(Connection c, long employeeId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT held_role_name FROM tt_employee WHERE id = ?")) {
            ps.setLong(1, employeeId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
            }
        }
    }

    /** The roles of the employee's groups, earliest assignment first. */
    private static List<RoleRef> memberships(Connection c, long employeeId) throws SQLException {
        List<RoleRef> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT r.id, r.name, r.scim_id FROM tt_role_assignment a"
                + " JOIN tt_role r ON r.id = a.role_id WHERE a.employee_id = ? ORDER BY a.seq")) {
            ps.setLong(1, employeeId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new RoleRef(Long.toString(rs.getLong(1)), rs.getString(2), rs.getString(3)));
                }
            }
        }
        return out;
    }

    /** A role of the tenant by name, ignoring case (a default role that is also a group). */
    private static Optional<String> roleIdByName(Connection c, TenantId tenant, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM tt_role WHERE tenant = ? AND name_key = ?")) {
            ps.setString(1, tenant.value());
            ps.setString(2, Keys.fold(name));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(Long.toString(rs.getLong(1))) : Optional.empty();
            }
        }
    }
}
