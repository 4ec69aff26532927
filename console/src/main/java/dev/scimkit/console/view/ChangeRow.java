package dev.scimkit.console.view;

/**
 * One field's change in a History entry.
 *
 * @param field    the TrackTik field
 * @param oldValue the value before (empty when none)
 * @param newValue the value after
 * @param note     why, when the store noted it
 */
public record ChangeRow(String field, String oldValue, String newValue, String note) {
}
