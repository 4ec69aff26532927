package dev.scimkit.server.query;

import dev.scimkit.core.schema.ResourceTypeDefinition;
import dev.scimkit.filter.ast.AttributePath;
import dev.scimkit.filter.ast.Filter;
import dev.scimkit.filter.ast.FilterVisitor;
import dev.scimkit.filter.eval.ResolvedPath;

import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Which top-level attributes of the core schema a filter reads, so a search materialises only what it
 * needs (a group's members, a user's derived groups). Paths are resolved with the filter module's
 * {@link ResolvedPath}, as the evaluator resolves them: an attribute the schema does not know reads
 * nothing, because the evaluator treats it as unassigned.
 */
public final class FilterAttributes implements FilterVisitor<Void> {

    private final ResourceTypeDefinition type;
    private final Set<String> names = new HashSet<>();

    private FilterAttributes(ResourceTypeDefinition type) {
        this.type = type;
    }

    /** The lower-case names of the core top-level attributes {@code filter} reads. */
    public static Set<String> readBy(ResourceTypeDefinition type, Filter filter) {
        FilterAttributes visitor = new FilterAttributes(type);
        filter.accept(visitor);
        return visitor.names;
    }

    /** The lower-case name of the core top-level attribute {@code path} addresses, if it addresses one. */
    public static Optional<String> topLevel(ResourceTypeDefinition type, AttributePath path) {
        return ResolvedPath.resolve(type, path)
                .filter(r -> r.extensionUrn().isEmpty())
                .map(r -> r.attribute().name().toLowerCase(Locale.ROOT));
    }

    private Void add(AttributePath path) {
        topLevel(type, path).ifPresent(names::add);
        return null;
    }

    @Override
    public Void visitComparison(Filter.Comparison comparison) {
        return add(comparison.path());
    }

    @Override
    public Void visitPresent(Filter.Present present) {
        return add(present.path());
    }

    @Override
    public Void visitAnd(Filter.And and) {
        and.left().accept(this);
        return and.right().accept(this);
    }

    @Override
    public Void visitOr(Filter.Or or) {
        or.left().accept(this);
        return or.right().accept(this);
    }

    @Override
    public Void visitNot(Filter.Not not) {
        return not.inner().accept(this);
    }

    @Override
    public Void visitValuePath(Filter.ValuePath valuePath) {
        // The inner filter reads sub-attributes of this one attribute.
        return add(valuePath.path());
    }
}
