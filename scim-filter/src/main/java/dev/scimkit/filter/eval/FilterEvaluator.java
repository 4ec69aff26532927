package dev.scimkit.filter.eval;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scimkit.core.schema.ResourceTypeDefinition;
import dev.scimkit.filter.ast.Filter;

import java.util.Objects;
import java.util.function.Predicate;

/**
 * Evaluates filters against resources (Jackson trees) the way the resource type's schema says
 * (RFC 7644 §3.4.2.2). Thread-safe; its only state is a small cache of compiled filters.
 *
 * <p>Semantics, where the RFC leaves room:
 * <ul>
 *   <li>Attribute names match the JSON members without regard to case; extension attributes are found
 *       under their schema URN key.</li>
 *   <li>Strings compare case-insensitively unless the attribute is {@code caseExact}; numbers by value;
 *       dateTimes chronologically (as instants); booleans only with {@code eq}/{@code ne}. A literal of
 *       another JSON type than the attribute never matches.</li>
 *   <li>A multi-valued attribute matches when any of its values does; inside {@code attr[...]} one and the
 *       same value must satisfy the whole inner filter. A complex attribute compared directly
 *       ({@code emails co "@example.com"}) is compared through its {@code value} sub-attribute.</li>
 *   <li>{@code pr}: some value is not null, not an empty string and not an empty array or object.</li>
 *   <li>{@code ne} is exactly {@code not eq}: it matches when no value equals the literal, so a missing
 *       attribute is "not equal" to everything. {@code eq null} means "not present", {@code ne null} "present".</li>
 *   <li>An attribute the schema does not know is treated as unassigned: comparisons on it do not match
 *       (and {@code ne} does), it is never present. Identity providers filter on attributes a server may
 *       not support and expect an empty result, not an error.</li>
 *   <li>Comparisons the RFC forbids or that have no meaning are a 400 {@code invalidFilter} raised before
 *       evaluation by {@link FilterValidator}, so the outcome does not depend on the data.</li>
 * </ul>
 */
public final class FilterEvaluator {

    private static final int CACHE_SLOTS = 32;

    private final ResourceTypeDefinition type;
    private final PathScope scope;

    /**
     * Compiled filters by identity, so that {@link #matches} called again and again with the same
     * filter (a search testing each stored resource) validates and compiles it once. Direct-mapped and
     * lock-free: a slot holds an immutable entry, a racing write only replaces one correct entry with
     * another, and a miss simply validates and compiles again (so an invalid filter fails every time).
     * Small and bounded, so it never keeps more than a few dozen filters alive.
     */
    private final Compiled[] cache = new Compiled[CACHE_SLOTS];

    public FilterEvaluator(ResourceTypeDefinition type) {
        this.type = Objects.requireNonNull(type, "type");
        this.scope = PathScope.of(type);
    }

    /** The resource type whose schema guides the evaluation. */
    public ResourceTypeDefinition resourceType() {
        return type;
    }

    /**
     * Whether {@code resource} matches {@code filter}; a forbidden comparison is a 400 {@code invalidFilter}.
     * The filter is checked against the schema and compiled on first use and the result reused while the
     * same filter instance is passed again.
     */
    public boolean matches(Filter filter, JsonNode resource) {
        return compiled(filter).test(resource);
    }

    /**
     * Validates {@code filter} once and returns a predicate for many resources, as a server filtering a
     * result set does.
     */
    public Predicate<JsonNode> predicate(Filter filter) {
        return compiled(filter);
    }

    private Predicate<JsonNode> compiled(Filter filter) {
        Objects.requireNonNull(filter, "filter");
        int slot = slot(filter);
        Compiled entry = cache[slot];
        if (entry != null && entry.filter == filter) {
            return entry.predicate;
        }
        FilterValidator.check(filter, scope);
        Predicate<JsonNode> predicate = FilterCompiler.compile(filter, scope);
        cache[slot] = new Compiled(filter, predicate);
        return predicate;
    }

    private static int slot(Filter filter) {
        int h = System.identityHashCode(filter);
        return (h ^ (h >>> 16)) & (CACHE_SLOTS - 1);
    }

    /** A filter and its compiled predicate; final fields, so safely shared through the racy cache. */
    private static final class Compiled {
        final Filter filter;
        final Predicate<JsonNode> predicate;

        Compiled(Filter filter, Predicate<JsonNode> predicate) {
            this.filter = filter;
            this.predicate = predicate;
        }
    }
}
