package dev.scimkit.console.view;

import java.util.List;

/**
 * The employee search.
 *
 * @param frame   the page frame
 * @param query   the search text as typed
 * @param status  the status filter ({@code active}, {@code inactive} or empty)
 * @param region  the region filter (a region id, or empty)
 * @param role    the held-role filter (a role name, or empty)
 * @param regions the tenant's regions to choose from
 * @param roles   the role names to choose from
 * @param rows    the employees of this page
 * @param pager   the page's position
 */
public record EmployeesView(Frame frame, String query, String status, String region, String role, List<Choice> regions,
                            List<String> roles, List<EmployeeRow> rows, Pager pager) {
}
