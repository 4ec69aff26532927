package dev.scimkit.tracktik.jdbc;

import java.util.Locale;

/**
 * The case folding of the key columns ({@code user_name_key}, {@code name_key}, and the SCIM ids).
 * One definition for writing a key and for looking it up, and the same folding the scim-filter
 * evaluator uses for case-insensitive attributes ({@code toLowerCase(Locale.ROOT)}), so a lookup by key
 * matches exactly the rows the in-memory evaluator would.
 */
final class Keys {

    private Keys() {
    }

    static String fold(String value) {
        return value.toLowerCase(Locale.ROOT);
    }
}
