package dev.scimkit.console.view;

/**
 * A page that could not be shown.
 *
 * @param frame   the page frame
 * @param status  the HTTP status
 * @param message what went wrong, in words
 */
public record ErrorView(Frame frame, int status, String message) {
}
