package dev.scimkit.console.view;

import java.util.List;
import java.util.Optional;

/**
 * The employee search.
 *
 * @param frame   the page frame
 * @param query   the search text as typed
 * @param status  the status filter ({@code active}, {@code inactive} or empty)
 * @param rows    the employees of this page
 * @param pager   the page's position
 * @param problem what was wrong with the search, if anything
 */
public record EmployeesView(Frame frame, String query, String status, List<EmployeeRow> rows, Pager pager,
                            Optional<String> problem) {
}
