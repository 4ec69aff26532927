package dev.scimkit.tracktik.port;

/**
 * The single-valued employee fields a store can filter on itself. A {@link
 * dev.scimkit.tracktik.mapping.UserMapping} says which SCIM attribute lives in which of them, so
 * filter push-down follows the mapping and stays exact when the mapping is replaced.
 */
public enum EmployeeColumn {
    SCIM_ID, USER_NAME, EXTERNAL_ID, CREATED, LAST_MODIFIED,
    CUSTOM_ID, FIRST_NAME, LAST_NAME, EMAIL, JOB_TITLE, DEPARTMENT, MANAGER_ID, LANGUAGE,
    /** Boolean: the employee's status is active. */
    ACTIVE
}
