package dev.scimkit.filter;

import dev.scimkit.filter.ast.AttributePath;
import dev.scimkit.filter.ast.Filter;
import dev.scimkit.filter.ast.FilterPrinter;
import dev.scimkit.filter.ast.PatchPath;
import dev.scimkit.filter.parse.ScimSyntax;

/**
 * Entry point of the SCIM filter language: parses filters, attribute paths and PATCH paths with the
 * ANTLR grammar, and prints filters back as canonical text. Thread-safe.
 *
 * <p>Every malformed input is a {@link dev.scimkit.core.error.ScimException} with status 400 whose
 * detail names the column and what was expected there: {@code invalidFilter} for filters,
 * {@code invalidPath} for paths. Nothing else escapes, whatever the input.
 */
public final class Filters {

    private Filters() {
    }

    /** Parses a filter with the default {@link FilterLimits}; malformed input is a 400 {@code invalidFilter}. */
    public static Filter parse(String filter) {
        return parse(filter, FilterLimits.DEFAULT);
    }

    /** Parses a filter within {@code limits}; malformed or oversized input is a 400 {@code invalidFilter}. */
    public static Filter parse(String filter, FilterLimits limits) {
        return ScimSyntax.parseFilter(filter, limits);
    }

    /** Parses a PATCH {@code path}; malformed input is a 400 {@code invalidPath}. */
    public static PatchPath parsePatchPath(String path) {
        return ScimSyntax.parsePatchPath(path, FilterLimits.DEFAULT);
    }

    /** Parses an attribute path ({@code sortBy}, {@code attributes}); malformed input is a 400 {@code invalidPath}. */
    public static AttributePath parseAttributePath(String path) {
        return ScimSyntax.parseAttributePath(path, FilterLimits.DEFAULT);
    }

    /** Canonical filter text; {@code parse(print(f))} equals {@code f}. */
    public static String print(Filter filter) {
        return FilterPrinter.print(filter);
    }
}
