package dev.scimkit.tracktik.domain;

import java.util.Map;
import java.util.Objects;

/**
 * Which employee fields a write fills by a derivation rule rather than with a value the identity
 * provider sent, before and after the write, so History can say so: a derived value is noted as
 * derived, and a real value that replaces a derived one is noted even when the text stays the same.
 *
 * @param before TrackTik field name → what its value was derived from, in the stored state (empty
 *               for a create)
 * @param after  the same for the state the write asks for
 */
public record DerivedFields(Map<String, String> before, Map<String, String> after) {

    private static final DerivedFields NONE = new DerivedFields(Map.of(), Map.of());

    public DerivedFields {
        before = Map.copyOf(Objects.requireNonNull(before, "before"));
        after = Map.copyOf(Objects.requireNonNull(after, "after"));
    }

    /** No field derived, before or after. */
    public static DerivedFields none() {
        return NONE;
    }

    /** A new employee whose {@code after} fields are derived. */
    public static DerivedFields of(Map<String, String> after) {
        return new DerivedFields(Map.of(), after);
    }

    /** The same with the stored state's derivations. */
    public DerivedFields withBefore(Map<String, String> storedDerivations) {
        return new DerivedFields(storedDerivations, after);
    }

    /** Whether the field changed from derived to sent, sent to derived, or between two sources. */
    boolean changedSource(String field) {
        return !Objects.equals(before.get(field), after.get(field));
    }

    /** The History note of the field's new value: empty when it is a value as sent. */
    String noteFor(String field) {
        String source = after.get(field);
        if (source != null) {
            return "derived from " + source;
        }
        String was = before.get(field);
        return was == null ? "" : "as sent, replaces the value derived from " + was;
    }
}
