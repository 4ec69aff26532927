package dev.scimkit.console.view;

import java.util.List;

/**
 * One role's page.
 *
 * @param frame       the page frame
 * @param role        the role
 * @param members     the holders on this page, in the order they got the role
 * @param pager       the page's position
 * @param activityUrl the activity list narrowed to this role
 */
public record RoleView(Frame frame, RoleRow role, List<MemberRow> members, Pager pager, String activityUrl) {
}
