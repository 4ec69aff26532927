package dev.scimkit.console.view;

/**
 * One option of a filter's list.
 *
 * @param value what the form sends
 * @param label what the administrator reads
 */
public record Choice(String value, String label) {
}
