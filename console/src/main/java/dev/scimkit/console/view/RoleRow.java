package dev.scimkit.console.view;

/**
 * A role in a list.
 *
 * @param url         the role's page
 * @param name        the role's name
 * @param memberCount how many employees hold it
 * @param source      where it came from: the identity provider's externalId, or empty
 * @param created     when provisioning created it, in UTC
 */
public record RoleRow(String url, String name, long memberCount, String source, String created) {
}
