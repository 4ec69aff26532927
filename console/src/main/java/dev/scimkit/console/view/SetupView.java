package dev.scimkit.console.view;

import java.util.List;

/**
 * The setup page.
 *
 * @param frame       the page frame
 * @param tenantUrl   the tenant URL to paste into Entra ID or Okta
 * @param tokens      the tenant's tokens
 * @param failures24h failed requests of the last 24 hours, all clients
 * @param check       the connection test's result
 * @param failuresUrl the activity list of failures
 */
public record SetupView(Frame frame, String tenantUrl, List<TokenRow> tokens, long failures24h, ConnectionCheck check,
                        String failuresUrl) {
}
