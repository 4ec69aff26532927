package dev.scimkit.filter.eval;

import dev.scimkit.filter.ast.CompareOperator;

/**
 * Case-insensitive string comparison with exactly the meaning of comparing
 * {@code actual.toLowerCase(Locale.ROOT)} with an already folded literal, without building the folded
 * copy of {@code actual} when it is ASCII (nearly every attribute value an identity provider sends).
 * For ASCII text {@code toLowerCase(Locale.ROOT)} maps {@code A-Z} to {@code a-z} and changes nothing
 * else, char for char, so comparing through that mapping gives the same answer; any other text is
 * folded the ordinary way, because full Unicode folding can change a string's length.
 */
final class FoldedText {

    /** Neither answer yet: {@code actual} has non-ASCII text where it matters; fold it the ordinary way. */
    private static final int UNDECIDED = Integer.MIN_VALUE;

    private FoldedText() {
    }

    /** {@code fold(actual) op folded}; {@code op} is never {@code ne}. */
    static boolean compare(String actual, String folded, CompareOperator op) {
        int result = switch (op) {
            case CO -> isAscii(actual) ? toInt(indexOf(actual, folded) >= 0) : UNDECIDED;
            case EW -> isAscii(actual) ? toInt(folded.length() <= actual.length()
                    && regionEquals(actual, actual.length() - folded.length(), folded)) : UNDECIDED;
            case SW -> startsWith(actual, folded);
            default -> {
                int cmp = compareTo(actual, folded);
                yield cmp == UNDECIDED ? UNDECIDED : toInt(ValueMatcher.ordered(cmp, op));
            }
        };
        if (result == UNDECIDED) {
            return ValueMatcher.compareText(ValueMatcher.fold(actual), folded, op);
        }
        return result == 1;
    }

    private static boolean isAscii(String s) {
        for (int i = 0, n = s.length(); i < n; i++) {
            if (s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    private static char lower(char c) {
        return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
    }

    /** Whether lower(actual) from {@code offset} starts with {@code folded}; the caller checked the length. */
    private static boolean regionEquals(String actual, int offset, String folded) {
        for (int i = 0, n = folded.length(); i < n; i++) {
            if (lower(actual.charAt(offset + i)) != folded.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static int indexOf(String actual, String folded) {
        for (int start = 0, last = actual.length() - folded.length(); start <= last; start++) {
            if (regionEquals(actual, start, folded)) {
                return start;
            }
        }
        return -1;
    }

    /**
     * {@code fold(actual).compareTo(folded)}, deciding from the ASCII prefix of {@code actual} alone
     * where that is enough: lower-casing an ASCII char never depends on its neighbours and no char
     * lower-cases to nothing, so a difference inside the ASCII prefix, or {@code folded} ending inside
     * it, already fixes the sign. {@link #UNDECIDED} when a non-ASCII char of {@code actual} is reached
     * first.
     */
    private static int compareTo(String actual, String folded) {
        int n = Math.min(actual.length(), folded.length());
        for (int i = 0; i < n; i++) {
            char c = actual.charAt(i);
            if (c >= 0x80) {
                return UNDECIDED;
            }
            char a = lower(c);
            char b = folded.charAt(i);
            if (a != b) {
                return a < b ? -1 : 1;
            }
        }
        if (actual.length() <= folded.length()) {
            return actual.length() == folded.length() ? 0 : -1;
        }
        return 1;
    }

    /** {@code fold(actual).startsWith(folded)} as 1 or 0, decided from the ASCII prefix (see {@link #compareTo}). */
    private static int startsWith(String actual, String folded) {
        if (folded.length() > actual.length()) {
            // folding non-ASCII text can make it longer
            return isAscii(actual) ? 0 : UNDECIDED;
        }
        for (int i = 0, n = folded.length(); i < n; i++) {
            char c = actual.charAt(i);
            if (c >= 0x80) {
                return UNDECIDED;
            }
            if (lower(c) != folded.charAt(i)) {
                return 0;
            }
        }
        return 1;
    }

    private static int toInt(boolean b) {
        return b ? 1 : 0;
    }
}
