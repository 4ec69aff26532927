package dev.scimkit.tracktik.domain;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/**
 * One field of an employee that a change touched, with its value before and after (empty text for
 * "no value").
 *
 * @param field    the TrackTik field name ({@code firstName}, {@code status}, {@code roles}, ...)
 * @param oldValue the value before the change
 * @param newValue the value after the change
 * @param note     where the new value came from when it was not sent as such (e.g. "derived from
 *                 userName"), empty when the value is what the identity provider sent
 */
public record FieldChange(@NotBlank String field, @NotNull String oldValue, @NotNull String newValue,
                          @NotNull String note) {
    public FieldChange {
        oldValue = oldValue == null ? "" : oldValue;
        newValue = newValue == null ? "" : newValue;
        note = note == null ? "" : note;
    }

    /** A change without a note: the new value is what was sent. */
    public FieldChange(String field, String oldValue, String newValue) {
        this(field, oldValue, newValue, "");
    }

    @Override
    public String toString() {
        return field + ": \"" + oldValue + "\" -> \"" + newValue + "\"" + (note.isEmpty() ? "" : " (" + note + ")");
    }
}
