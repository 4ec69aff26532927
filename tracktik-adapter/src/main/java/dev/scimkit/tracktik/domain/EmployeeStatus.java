package dev.scimkit.tracktik.domain;

/**
 * Whether a TrackTik employee may work and sign in. SCIM {@code active=false} makes an employee
 * {@link #INACTIVE}; it is never deleted by that, and {@code active=true} restores it.
 */
public enum EmployeeStatus {
    /** The employee can be scheduled and can sign in. */
    ACTIVE,
    /** Deactivated (SCIM {@code active=false}); still readable, filterable and restorable. */
    INACTIVE;

    /** The status for a SCIM {@code active} value. */
    public static EmployeeStatus ofActive(boolean active) {
        return active ? ACTIVE : INACTIVE;
    }

    public boolean isActive() {
        return this == ACTIVE;
    }
}
