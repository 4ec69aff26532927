package dev.scimkit.console.view;

/**
 * A holder of a role.
 *
 * @param url     the employee's page
 * @param display the employee's name as the group carries it
 */
public record MemberRow(String url, String display) {
}
