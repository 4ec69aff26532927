package dev.scimkit.console.view;

import java.util.List;

/**
 * One employee's page.
 *
 * @param frame        the page frame
 * @param employee     the summary
 * @param scimId       the SCIM id
 * @param email        the email
 * @param jobTitle     the job title
 * @param history      the History, newest first
 * @param resourceJson the SCIM resource as the identity provider sent it, pretty-printed
 * @param activityUrl  the activity list narrowed to this employee
 */
public record EmployeeView(Frame frame, EmployeeRow employee, String scimId, String email, String jobTitle,
                           List<HistoryRow> history, String resourceJson, String activityUrl) {
}
