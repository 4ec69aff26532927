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
 */
public record FieldChange(@NotBlank String field, @NotNull String oldValue, @NotNull String newValue) {
    public FieldChange {
        oldValue = oldValue == null ? "" : oldValue;
        newValue = newValue == null ? "" : newValue;
    }

    @Override
    public String toString() {
        return field + ": \"" + oldValue + "\" -> \"" + newValue + "\"";
    }
}
