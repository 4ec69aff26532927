package dev.scimkit.server.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads {@code If-Match} / {@code If-None-Match} lists and compares entity tags the way SCIM clients
 * use them: {@code meta.version} is a weak tag ({@code W/"3"}), and clients echo it in either form, so
 * tags are compared by their opaque part (RFC 9110 weak comparison).
 */
public final class ETags {

    private ETags() {
    }

    /** Whether a header value is {@code *}. */
    public static boolean isWildcard(String header) {
        return header != null && header.trim().equals("*");
    }

    /**
     * The tags of an {@code If-Match} style list, in order; tolerant of missing quotes.
     *
     * @param header the header's value, never null (an absent header is not a list)
     */
    public static List<String> parseList(String header) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < header.length(); i++) {
            char c = header.charAt(i);
            if (c == '"') {
                quoted = !quoted;
                current.append(c);
            } else if (c == ',' && !quoted) {
                addTag(out, current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        addTag(out, current.toString());
        return out;
    }

    private static void addTag(List<String> out, String tag) {
        String t = tag.trim();
        if (!t.isEmpty()) {
            out.add(t);
        }
    }

    /** The opaque part of a tag: {@code W/"3"}, {@code "3"} and {@code 3} all give {@code 3}. */
    public static String opaque(String tag) {
        String t = tag.trim();
        if (t.regionMatches(true, 0, "W/", 0, 2)) {
            t = t.substring(2).trim();
        }
        if (t.length() >= 2 && t.startsWith("\"") && t.endsWith("\"")) {
            t = t.substring(1, t.length() - 1);
        }
        return t;
    }

    /** Weak comparison of two tags. */
    public static boolean matches(String a, String b) {
        return opaque(a).equals(opaque(b));
    }

    /** Whether {@code version} matches any tag of the header list ({@code *} matches any existing resource). */
    public static boolean anyMatches(String header, String version) {
        if (isWildcard(header)) {
            return true;
        }
        return parseList(header).stream().anyMatch(t -> t.equals("*") || matches(t, version));
    }

    /**
     * The version a write must be conditional on, from {@code If-Match}: empty for no header or
     * {@code *}; a single tag is passed through as the repository expects it ({@code W/"…"}).
     */
    public static Optional<String> expectedVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || isWildcard(ifMatch)) {
            return Optional.empty();
        }
        List<String> tags = parseList(ifMatch);
        return tags.isEmpty() ? Optional.empty() : Optional.of(weak(opaque(tags.get(0))));
    }

    /** A weak tag for an opaque value. */
    public static String weak(String opaque) {
        return "W/\"" + opaque + "\"";
    }
}
