package dev.scimkit.tracktik.port;

import dev.scimkit.tracktik.domain.Employee;

import java.util.Objects;

/**
 * An employee as a store holds it: the TrackTik data and its SCIM link.
 *
 * @param employee the TrackTik employee, with the roles it holds
 * @param link     the SCIM id, userName, externalId, resource as sent, version and timestamps
 */
public record EmployeeRecord(Employee employee, ScimLink link) {
    public EmployeeRecord {
        Objects.requireNonNull(employee, "employee");
        Objects.requireNonNull(link, "link");
    }

    public String scimId() {
        return link.scimId();
    }
}
