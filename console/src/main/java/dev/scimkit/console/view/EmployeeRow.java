package dev.scimkit.console.view;

import java.util.List;

/**
 * An employee in a list.
 *
 * @param url        the employee's page
 * @param name       first and last name
 * @param userName   the SCIM userName
 * @param employeeId the TrackTik Employee ID (custom id)
 * @param region     the region's name
 * @param status     {@code ACTIVE} or {@code INACTIVE}
 * @param heldRole   the one role the employee holds in TrackTik (chosen by the role policy); empty for none
 * @param roles      the roles of the groups the employee is a member of (its memberships)
 */
public record EmployeeRow(String url, String name, String userName, String employeeId, String region, String status,
                          String heldRole, List<String> roles) {
}
