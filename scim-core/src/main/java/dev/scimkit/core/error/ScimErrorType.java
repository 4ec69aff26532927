package dev.scimkit.core.error;

import java.util.Optional;

/**
 * The {@code scimType} values of RFC 7644 §3.12, Table 9, and those RFC 9865 (cursor pagination) adds,
 * each with the HTTP status it travels with.
 */
public enum ScimErrorType {
    INVALID_FILTER("invalidFilter", 400),
    TOO_MANY("tooMany", 400),
    UNIQUENESS("uniqueness", 409),
    MUTABILITY("mutability", 400),
    INVALID_SYNTAX("invalidSyntax", 400),
    INVALID_PATH("invalidPath", 400),
    NO_TARGET("noTarget", 400),
    INVALID_VALUE("invalidValue", 400),
    INVALID_VERS("invalidVers", 400),
    SENSITIVE("sensitive", 403),
    /** RFC 9865: a cursor the server did not issue for this query (or altered, or for another tenant). */
    INVALID_CURSOR("invalidCursor", 400),
    /** RFC 9865: a cursor older than the advertised {@code cursorTimeout}. */
    EXPIRED_CURSOR("expiredCursor", 400),
    /** RFC 9865: a {@code count} a cursor-paged query cannot use. */
    INVALID_COUNT("invalidCount", 400);

    private final String wireName;
    private final int defaultStatus;

    ScimErrorType(String wireName, int defaultStatus) {
        this.wireName = wireName;
        this.defaultStatus = defaultStatus;
    }

    /** The value as it appears in the {@code scimType} member of an error body. */
    public String wireName() {
        return wireName;
    }

    /** The HTTP status RFC 7644 pairs with this type. */
    public int defaultStatus() {
        return defaultStatus;
    }

    /** Looks a wire name up, ignoring case. */
    public static Optional<ScimErrorType> fromWireName(String name) {
        for (ScimErrorType t : values()) {
            if (t.wireName.equalsIgnoreCase(name)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
