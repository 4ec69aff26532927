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
 * @param roles      the names of the roles held
 */
public record EmployeeRow(String url, String name, String userName, String employeeId, String region, String status,
                          List<String> roles) {
}
