package dev.scimkit.console.view;

import java.util.List;

/**
 * The roles list.
 *
 * @param frame the page frame
 * @param rows  the roles of this page
 * @param pager the page's position
 */
public record RolesView(Frame frame, List<RoleRow> rows, Pager pager) {
}
