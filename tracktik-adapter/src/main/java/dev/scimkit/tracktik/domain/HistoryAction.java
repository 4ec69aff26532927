package dev.scimkit.tracktik.domain;

/** What a provisioning change did to an employee, as its History shows it. */
public enum HistoryAction {
    /** The employee was created by provisioning. */
    CREATED,
    /** Provisioned fields changed (PUT or PATCH). */
    UPDATED,
    /** SCIM {@code active=false}: the employee became inactive. */
    DEACTIVATED,
    /** SCIM {@code active=true} after inactivity: the employee is active again. */
    REACTIVATED,
    /** The employee gained a role (it was added to a group). */
    ROLE_ASSIGNED,
    /** The employee lost a role (removed from a group, or the group was deleted). */
    ROLE_UNASSIGNED,
    /** SCIM DELETE: archived, gone for SCIM, kept with its History. */
    ARCHIVED
}
