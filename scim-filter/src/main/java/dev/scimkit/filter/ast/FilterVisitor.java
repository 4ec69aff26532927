package dev.scimkit.filter.ast;

/** Walks a {@link Filter}; one method per node kind. */
public interface FilterVisitor<R> {
    R visitComparison(Filter.Comparison comparison);

    R visitPresent(Filter.Present present);

    R visitAnd(Filter.And and);

    R visitOr(Filter.Or or);

    R visitNot(Filter.Not not);

    R visitValuePath(Filter.ValuePath valuePath);
}
