package dev.scimkit.tracktik.port;

import dev.scimkit.tracktik.domain.EmployeeStatus;
import dev.scimkit.tracktik.domain.HeldRole;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * An administrator's search for employees, as the provisioning console asks it: text, status, region
 * and held role, each optional, all of them required to match. Unlike a SCIM filter it can name
 * TrackTik's own fields (the region, the one role an employee holds), which are not SCIM attributes.
 * Immutable; start from {@link #all()} and narrow it with the {@code with…} methods.
 *
 * @param text     matches when the userName, the first name, the last name or "first last" contains it,
 *                 or the Employee ID ({@code customId}) equals it, all ignoring case; empty matches all
 * @param status   the employee's status
 * @param regionId the id of the employee's region ({@code Region.id()})
 * @param heldRole the name of the role the employee holds ({@code Employee.heldRole()}), ignoring case;
 *                 memberships of groups granting other roles do not count
 * @param offset   how many matching employees to skip
 * @param limit    the most employees to return (0 asks only for the total)
 */
public record EmployeeSearch(String text, Optional<EmployeeStatus> status, Optional<String> regionId,
                             Optional<String> heldRole, long offset, int limit) {

    public EmployeeSearch {
        text = Objects.requireNonNull(text, "text").trim();
        Objects.requireNonNull(status, "status");
        regionId = Objects.requireNonNull(regionId, "regionId").filter(s -> !s.isBlank());
        heldRole = Objects.requireNonNull(heldRole, "heldRole").map(String::trim).filter(s -> !s.isEmpty());
        if (offset < 0 || limit < 0) {
            throw new IllegalArgumentException("offset and limit must not be negative");
        }
    }

    /** Every live employee, the first 25. */
    public static EmployeeSearch all() {
        return new EmployeeSearch("", Optional.empty(), Optional.empty(), Optional.empty(), 0, 25);
    }

    public EmployeeSearch withText(String value) {
        return new EmployeeSearch(value, status, regionId, heldRole, offset, limit);
    }

    public EmployeeSearch withStatus(Optional<EmployeeStatus> value) {
        return new EmployeeSearch(text, value, regionId, heldRole, offset, limit);
    }

    public EmployeeSearch withRegionId(Optional<String> value) {
        return new EmployeeSearch(text, status, value, heldRole, offset, limit);
    }

    public EmployeeSearch withHeldRole(Optional<String> value) {
        return new EmployeeSearch(text, status, regionId, value, offset, limit);
    }

    /** The page to return: skip {@code newOffset} matches, return at most {@code newLimit}. */
    public EmployeeSearch withPage(long newOffset, int newLimit) {
        return new EmployeeSearch(text, status, regionId, heldRole, newOffset, newLimit);
    }

    /**
     * Whether a live employee matches; a store that cannot search by itself filters with this, and one
     * that can must give the same answer (the stores' contract tests hold them to it).
     */
    public boolean matches(EmployeeRecord record) {
        var e = record.employee();
        var p = e.profile();
        if (status.isPresent() && p.status() != status.get()) {
            return false;
        }
        if (regionId.isPresent() && !p.region().id().equals(regionId.get())) {
            return false;
        }
        if (heldRole.isPresent() && !e.heldRole().map(HeldRole::name).map(EmployeeSearch::fold)
                .equals(Optional.of(fold(heldRole.get())))) {
            return false;
        }
        if (text.isEmpty()) {
            return true;
        }
        String t = fold(text);
        return fold(record.link().name()).contains(t)
                || fold(p.firstName()).contains(t)
                || fold(p.lastName()).contains(t)
                || fold(p.firstName() + " " + p.lastName()).contains(t)
                || fold(p.customId()).equals(t);
    }

    /** The case folding of every comparison here; SQL's {@code LOWER} agrees with it on the letters people type. */
    public static String fold(String value) {
        return value.toLowerCase(Locale.ROOT);
    }
}
