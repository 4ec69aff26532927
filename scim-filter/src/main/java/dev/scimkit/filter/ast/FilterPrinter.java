package dev.scimkit.filter.ast;

/**
 * Renders a filter as canonical text: lower-case operators and keywords, JSON literals, single spaces,
 * and only the parentheses precedence requires ({@code not} binds tighter than {@code and}, which
 * binds tighter than {@code or}; both associate to the left, so a right operand of the same operator
 * is parenthesised). Parsing the output gives back an equal filter, tree shape included.
 * Stateless and thread-safe.
 */
public final class FilterPrinter implements FilterVisitor<String> {

    private static final FilterPrinter INSTANCE = new FilterPrinter();

    private static final int OR = 1;
    private static final int AND = 2;
    private static final int ATOM = 3;

    private FilterPrinter() {
    }

    /** Canonical text of {@code filter}. */
    public static String print(Filter filter) {
        return filter.accept(INSTANCE);
    }

    @Override
    public String visitComparison(Filter.Comparison comparison) {
        return comparison.path() + " " + comparison.operator().token() + " " + comparison.value().toJson();
    }

    @Override
    public String visitPresent(Filter.Present present) {
        return present.path() + " pr";
    }

    @Override
    public String visitAnd(Filter.And and) {
        return operand(and.left(), AND) + " and " + operand(and.right(), ATOM);
    }

    @Override
    public String visitOr(Filter.Or or) {
        return operand(or.left(), OR) + " or " + operand(or.right(), AND);
    }

    @Override
    public String visitNot(Filter.Not not) {
        return "not (" + not.inner().accept(this) + ")";
    }

    @Override
    public String visitValuePath(Filter.ValuePath valuePath) {
        return valuePath.path() + "[" + valuePath.filter().accept(this) + "]";
    }

    /** Prints {@code f}, parenthesised when it binds more loosely than {@code minimum}. */
    private String operand(Filter f, int minimum) {
        String text = f.accept(this);
        return precedence(f) < minimum ? "(" + text + ")" : text;
    }

    private static int precedence(Filter f) {
        if (f instanceof Filter.Or) {
            return OR;
        }
        if (f instanceof Filter.And) {
            return AND;
        }
        return ATOM;
    }
}
