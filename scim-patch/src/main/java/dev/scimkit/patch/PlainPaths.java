package dev.scimkit.patch;

import dev.scimkit.filter.Filters;
import dev.scimkit.filter.ast.AttributePath;
import dev.scimkit.filter.ast.PatchPath;

/**
 * Reads the PATCH paths real clients send almost always ({@code title}, {@code name.givenName},
 * {@code urn:…:enterprise:2.0:User:manager.value}) without the ANTLR parser, whose set-up costs more
 * than the rest of planning such an operation. Anything else (value filters, {@code $ref}, blanks,
 * odd characters) goes to {@link Filters#parsePatchPath}, which stays the one definition of the
 * syntax: this class only ever returns what the grammar would (a property test compares the two).
 */
final class PlainPaths {

    /** Far below FilterLimits' length limit, so a path read here is never one the grammar refuses for size. */
    private static final int MAX_LENGTH = 512;

    private PlainPaths() {
    }

    /** {@code text} parsed as a PATCH path: the shortcut when it applies, else the grammar. */
    static PatchPath parse(String text) {
        PatchPath plain = parsePlain(text);
        return plain != null ? plain : Filters.parsePatchPath(text);
    }

    /**
     * {@code [urn ":"] name ["." name]} with {@code name = ALPHA *(ALPHA / DIGIT / "-" / "_")}, as the
     * grammar's {@code attrPath} reads it; null for any other text.
     */
    static PatchPath parsePlain(String text) {
        if (text == null || text.isEmpty() || text.length() > MAX_LENGTH) {
            return null;
        }
        String urn = null;
        int nameStart = 0;
        if (text.regionMatches(true, 0, "urn:", 0, 4)) {
            // the lexer's URN_PREFIX is the longest 'urn:' URN_CHAR* ':', so the URN ends at the last ':'
            int colon = text.lastIndexOf(':');
            if (colon < 4) {
                return null;
            }
            for (int i = 4; i < colon; i++) {
                if (!isUrnChar(text.charAt(i))) {
                    return null;
                }
            }
            urn = text.substring(0, colon);
            nameStart = colon + 1;
        }
        int dot = text.indexOf('.', nameStart);
        int nameEnd = dot < 0 ? text.length() : dot;
        if (!isName(text, nameStart, nameEnd) || (dot >= 0 && !isName(text, dot + 1, text.length()))) {
            return null;
        }
        String attribute = text.substring(nameStart, nameEnd);
        String sub = dot < 0 ? null : text.substring(dot + 1);
        return PatchPath.of(AttributePath.of(urn, attribute, sub));
    }

    /** The grammar's NAME token: {@code [a-z] [a-z0-9_-]*}, any case. */
    private static boolean isName(String text, int from, int to) {
        if (from >= to || !isAsciiLetter(text.charAt(from))) {
            return false;
        }
        for (int i = from + 1; i < to; i++) {
            char c = text.charAt(i);
            if (!isAsciiLetter(c) && !(c >= '0' && c <= '9') && c != '_' && c != '-') {
                return false;
            }
        }
        return true;
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    /** The grammar's URN_CHAR: {@code [a-z0-9._:+%~/@!$&*,;=-]}, any case. */
    private static boolean isUrnChar(char c) {
        return isAsciiLetter(c) || (c >= '0' && c <= '9') || "._:+%~/@!$&*,;=-".indexOf(c) >= 0;
    }
}
