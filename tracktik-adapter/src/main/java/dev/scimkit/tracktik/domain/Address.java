package dev.scimkit.tracktik.domain;

import jakarta.validation.constraints.Size;

import java.util.Optional;

/**
 * A postal address of an employee (TrackTik's {@code address} object; SCIM's work address).
 * Absent parts are empty strings, never null, so that histories compare cleanly.
 *
 * @param street     street and number (SCIM {@code streetAddress}, TrackTik {@code addressLine1})
 * @param city       city (SCIM {@code locality})
 * @param state      state or province (SCIM {@code region})
 * @param postalCode postal code
 * @param country    country, ISO 3166-1 alpha-2 where the client sends one
 */
public record Address(
        @Size(max = 500) String street,
        @Size(max = 200) String city,
        @Size(max = 200) String state,
        @Size(max = 32) String postalCode,
        @Size(max = 64) String country) {

    public Address {
        street = nz(street);
        city = nz(city);
        state = nz(state);
        postalCode = nz(postalCode);
        country = nz(country);
    }

    /** An address with every part empty. */
    public static final Address EMPTY = new Address("", "", "", "", "");

    public boolean isEmpty() {
        return equals(EMPTY);
    }

    /** This address, or empty when no part is set. */
    public Optional<Address> nonEmpty() {
        return isEmpty() ? Optional.empty() : Optional.of(this);
    }

    /** One line for History entries and logs: the non-empty parts joined by ", ". */
    public String oneLine() {
        StringBuilder sb = new StringBuilder();
        for (String part : new String[] {street, postalCode, city, state, country}) {
            if (!part.isEmpty()) {
                if (sb.length() > 0) {
                    sb.append(", ");
                }
                sb.append(part);
            }
        }
        return sb.toString();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
