package dev.scimkit.tracktik.mapping;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Map;
import java.util.Objects;

/**
 * How a User's names become the first and last name a TrackTik employee must have. SCIM requires only
 * {@code userName}, TrackTik requires both names, so a rule fills what the User does not send; the
 * SCIM resource itself keeps what was sent (a derived name never shows as {@code name.givenName}).
 *
 * <p>{@link #standard()} is the documented default; an embedding application may configure the
 * order of sources ({@link StandardNameRule#builder()}) or plug in a rule of its own.
 */
@FunctionalInterface
public interface NameRule {

    /** The employee names for a User as sent; never blank, at most {@link #MAX_LENGTH} characters each. */
    Names namesFor(ObjectNode user);

    /** The most characters TrackTik holds in a first or a last name. */
    int MAX_LENGTH = 128;

    /** The default rule: sent names, else {@code name.formatted}, {@code displayName}, {@code userName}. */
    static NameRule standard() {
        return StandardNameRule.builder().build();
    }

    /**
     * An employee's names and where each derived one came from.
     *
     * @param firstName   the first name
     * @param lastName    the last name
     * @param derivedFrom TrackTik field ({@code firstName}, {@code lastName}) → the SCIM attribute it
     *                    was derived from; a field not named here is the value as sent
     */
    record Names(String firstName, String lastName, Map<String, String> derivedFrom) {
        public Names {
            Objects.requireNonNull(firstName, "firstName");
            Objects.requireNonNull(lastName, "lastName");
            derivedFrom = Map.copyOf(derivedFrom);
        }
    }
}
