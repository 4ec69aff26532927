package dev.scimkit.server.internal;

/**
 * Shapes client input quoted in error details: an id, header or path a client sent can be arbitrarily
 * long, and an error body that echoes megabytes helps nobody.
 */
public final class Details {

    private static final int MAX_QUOTED = 60;

    private Details() {
    }

    /** {@code text} itself when short, else its first characters and an ellipsis. */
    public static String abbreviate(String text) {
        return text.length() <= MAX_QUOTED ? text : text.substring(0, MAX_QUOTED) + "…";
    }
}
