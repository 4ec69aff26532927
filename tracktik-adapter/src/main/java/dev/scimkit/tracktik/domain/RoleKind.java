package dev.scimkit.tracktik.domain;

/**
 * The kind of a TrackTik role. SCIM Groups become Staff Portal Roles: every member of the group
 * holds the role.
 */
public enum RoleKind {
    /** A role of the Staff Portal, held by employees. */
    STAFF_PORTAL_ROLE
}
