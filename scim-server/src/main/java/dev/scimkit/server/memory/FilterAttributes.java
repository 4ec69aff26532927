package dev.scimkit.server.memory;

import dev.scimkit.filter.ast.Filter;
import dev.scimkit.filter.ast.FilterVisitor;

/** Which top-level attributes a filter reads, so a search materialises only what it needs. */
final class FilterAttributes implements FilterVisitor<Boolean> {

    private final String attribute;

    private FilterAttributes(String attribute) {
        this.attribute = attribute;
    }

    /** Whether {@code filter} reads the top-level attribute {@code attribute} (ignoring case). */
    static boolean mentions(Filter filter, String attribute) {
        return filter.accept(new FilterAttributes(attribute));
    }

    @Override
    public Boolean visitComparison(Filter.Comparison comparison) {
        return comparison.path().attribute().equalsIgnoreCase(attribute);
    }

    @Override
    public Boolean visitPresent(Filter.Present present) {
        return present.path().attribute().equalsIgnoreCase(attribute);
    }

    @Override
    public Boolean visitAnd(Filter.And and) {
        return and.left().accept(this) || and.right().accept(this);
    }

    @Override
    public Boolean visitOr(Filter.Or or) {
        return or.left().accept(this) || or.right().accept(this);
    }

    @Override
    public Boolean visitNot(Filter.Not not) {
        return not.inner().accept(this);
    }

    @Override
    public Boolean visitValuePath(Filter.ValuePath valuePath) {
        return valuePath.path().attribute().equalsIgnoreCase(attribute);
    }
}
