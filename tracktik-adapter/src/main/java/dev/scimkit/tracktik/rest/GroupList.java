package dev.scimkit.tracktik.rest;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/**
 * An employee's group memberships in the portal: the TrackTik ids of the roles whose SCIM Group the
 * identity provider put the employee in, earliest assignment first, kept in the custom field
 * {@value #FIELD} as {@code ",12,15,"}. The portal's user-roles hold only the one role the policy
 * chose, so the memberships need a place of their own; the enclosing commas let
 * {@code customFields.scimGroups:contains=,12,} find a group's members without matching 112 or 120.
 */
final class GroupList {

    static final String FIELD = "scimGroups";

    private GroupList() {
    }

    /** The role ids of an employee record's memberships, earliest first. */
    static List<String> of(JsonNode employee) {
        String text = EmployeeJson.text(employee.path(EmployeeJson.CF), FIELD);
        List<String> out = new ArrayList<>();
        for (String id : text.split(",")) {
            if (!id.isBlank() && !out.contains(id.strip())) {
                out.add(id.strip());
            }
        }
        return out;
    }

    /** The custom field's text for these role ids. */
    static String format(List<String> roleIds) {
        return roleIds.isEmpty() ? "" : "," + String.join(",", roleIds) + ",";
    }

    /** The list filter value that selects the members of a role. */
    static String containing(String roleId) {
        return "," + roleId + ",";
    }
}
