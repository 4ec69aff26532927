package dev.scimkit.filter;

/**
 * Bounds on filter input, so hostile filters fail fast with {@code invalidFilter} instead of
 * exhausting the stack or the CPU.
 *
 * @param maxLength   longest filter text accepted, in characters
 * @param maxDepth    deepest nesting of parentheses, {@code not(...)} and value paths
 */
public record FilterLimits(int maxLength, int maxDepth) {

    /** 8,192 characters and 50 levels: far beyond what Entra ID or Okta send. */
    public static final FilterLimits DEFAULT = new FilterLimits(8_192, 50);

    public FilterLimits {
        if (maxLength < 1 || maxDepth < 1) {
            throw new IllegalArgumentException("Limits must be positive");
        }
    }
}
