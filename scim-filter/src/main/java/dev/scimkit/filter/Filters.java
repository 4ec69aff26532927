package dev.scimkit.filter;

import dev.scimkit.filter.ast.AttributePath;
import dev.scimkit.filter.ast.Filter;
import dev.scimkit.filter.ast.PatchPath;

/**
 * Entry point of the SCIM filter language: parses filters, attribute paths and PATCH paths with the
 * ANTLR grammar, and prints filters back as canonical text. Thread-safe.
 */
public final class Filters {

    private Filters() {
    }

    /** Parses a filter with the default {@link FilterLimits}; malformed input is a 400 {@code invalidFilter}. */
    public static Filter parse(String filter) {
        return parse(filter, FilterLimits.DEFAULT);
    }

    public static Filter parse(String filter, FilterLimits limits) {
        throw new UnsupportedOperationException("pending: grammar");
    }

    /** Parses a PATCH {@code path}; malformed input is a 400 {@code invalidPath}. */
    public static PatchPath parsePatchPath(String path) {
        throw new UnsupportedOperationException("pending: grammar");
    }

    /** Parses an attribute path ({@code sortBy}, {@code attributes}); malformed input is a 400 {@code invalidPath}. */
    public static AttributePath parseAttributePath(String path) {
        throw new UnsupportedOperationException("pending: grammar");
    }

    /** Canonical filter text; {@code parse(print(f))} equals {@code f}. */
    public static String print(Filter filter) {
        throw new UnsupportedOperationException("pending: printer");
    }
}
