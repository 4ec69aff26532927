package dev.scimkit.console.view;

/**
 * The result of the test connection the setup page runs, the request an identity provider's Test
 * Connection sends ({@code GET /Users?filter=userName eq "<random>"}).
 *
 * @param ok      whether it was answered as the identity provider expects (200, totalResults 0)
 * @param status  the HTTP status
 * @param summary what was answered, in words
 */
public record ConnectionCheck(boolean ok, int status, String summary) {
}
