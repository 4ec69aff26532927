package dev.scimkit.console.view;

/**
 * A SCIM token on the setup page: never the secret.
 *
 * @param client    the name it was issued under
 * @param lastFour  its last four characters (empty for a short token)
 * @param lastCall  when it last called, in UTC, or {@code never}
 * @param failures  its failed requests in the last 24 hours
 */
public record TokenRow(String client, String lastFour, String lastCall, long failures) {
}
