package dev.scimkit.tracktik.port;

/** The role fields a store can filter on itself; see {@link EmployeeColumn}. */
public enum RoleColumn {
    SCIM_ID, NAME, EXTERNAL_ID, CREATED, LAST_MODIFIED
}
