package dev.scimkit.filter;

import dev.scimkit.core.error.ScimErrorType;
import dev.scimkit.core.error.ScimException;
import dev.scimkit.filter.ast.AttributePath;
import dev.scimkit.filter.ast.CompareOperator;
import dev.scimkit.filter.ast.Filter;
import dev.scimkit.filter.ast.Literal;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.Tuple.Tuple3;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

/** Printing and re-parsing gives back the same filter; no input makes the parser throw anything else. */
class FilterRoundTripPropertiesTest {

    @Property(tries = 300)
    void printThenParseIsIdentity(@ForAll("filters") Filter filter) {
        String text = Filters.print(filter);
        assertThat(Filters.parse(text, new FilterLimits(100_000, 200))).isEqualTo(filter);
        assertThat(Filters.print(Filters.parse(text, new FilterLimits(100_000, 200)))).isEqualTo(text);
    }

    /** {@code attr[f].sub op v} is read as {@code attr[f and sub op v]}, which prints and parses back as such. */
    @Property(tries = 300)
    void aSubAttributeTestAfterAValuePathJoinsTheValueFilter(@ForAll("valuePathTests") Tuple3<AttributePath, Filter, Filter> parts) {
        AttributePath attribute = parts.get1();
        Filter valueFilter = parts.get2();
        Filter subTest = parts.get3();
        String text = valuePathTestText(parts);
        Filter expected = new Filter.ValuePath(attribute, new Filter.And(valueFilter, subTest));
        assertThat(Filters.parse(text, new FilterLimits(100_000, 200))).isEqualTo(expected);
        assertThat(Filters.parse(Filters.print(expected), new FilterLimits(100_000, 200))).isEqualTo(expected);
    }

    @Provide
    Arbitrary<Tuple3<AttributePath, Filter, Filter>> valuePathTests() {
        Arbitrary<AttributePath> sub = names().map(AttributePath::of);
        Arbitrary<Filter> subTest = Arbitraries.oneOf(
                Combinators.combine(sub, Arbitraries.of(CompareOperator.class), literal()).as(Filter.Comparison::new),
                sub.map(Filter.Present::new));
        return Combinators.combine(path(), filter(2), subTest).as(Tuple::of);
    }

    @Property(tries = 300)
    void randomStringsOnlyEverFailWithInvalidFilter(@ForAll("noise") String text) {
        assertOnlyInvalidFilter(text);
        // Some noise must parse, or the round trip for accepted text is never checked here.
        net.jqwik.api.statistics.Statistics.label("input").coverage(c -> {
            c.check("accepted").percentage(p -> p >= 5);
            c.check("rejected").percentage(p -> p >= 30);
        });
    }

    @Property(tries = 300)
    void mutatedFiltersOnlyEverFailWithInvalidFilter(@ForAll("filterTexts") String text,
                                                     @ForAll("noise") String insert,
                                                     @ForAll double where, @ForAll boolean delete) {
        int at = (int) Math.floor(Math.abs(where % 1.0) * text.length());
        String mutated = delete
                ? text.substring(0, at) + text.substring(Math.min(text.length(), at + insert.length()))
                : text.substring(0, at) + insert + text.substring(at);
        assertOnlyInvalidFilter(mutated);
    }

    private static void assertOnlyInvalidFilter(String text) {
        try {
            Filter f = Filters.parse(text);
            net.jqwik.api.statistics.Statistics.label("input").collect("accepted");
            assertThat(Filters.parse(Filters.print(f))).isEqualTo(f);
        } catch (ScimException e) {
            net.jqwik.api.statistics.Statistics.label("input").collect("rejected");
            assertThat(e.status()).isEqualTo(400);
            assertThat(e.scimType()).contains(ScimErrorType.INVALID_FILTER);
            assertThat(e.detail()).isNotBlank();
        }
    }

    @Provide
    Arbitrary<String> noise() {
        Arbitrary<String> tokens = Arbitraries.of("(", ")", "[", "]", ".", " ", "\"", "\\", "not ", " and ", " or ",
                " eq ", " pr", "a", "urn:x:", "1", "-", "e", "$ref", "\\u12", "true", "null", "\u00e9", "\t", ":");
        // Comparisons glued from tokens that often make a filter, with noise around some of them.
        Arbitrary<String> comparison = Combinators.combine(Arbitraries.of("a", "title", "emails.value", "urn:x:a",
                        "name.givenName", "\u00e9"), Arbitraries.of(" eq ", " ne ", " co ", " ge ", " pr", " EQ "),
                Arbitraries.of("\"x\"", "\"\u0130\"", "1", "true", "null", "\"\"", "x"))
                .as((a, op, v) -> op.equals(" pr") ? a + op : a + op + v);
        Arbitrary<String> filterLike = Combinators.combine(comparison, Arbitraries.of(" and ", " or ", " AND ", ""),
                comparison, tokens.injectNull(0.6))
                .as((l, join, r, junk) -> (join.isEmpty() ? l : l + join + r) + (junk == null ? "" : junk));
        return Arbitraries.frequencyOf(
                Tuple.of(1, Arbitraries.strings().ofMaxLength(40)),
                Tuple.of(1, tokens.list().ofMaxSize(20).map(l -> String.join("", l))),
                Tuple.of(2, filterLike));
    }

    /** Canonical filter texts, and value paths ending in a sub-attribute test, which no canonical text does. */
    @Provide
    Arbitrary<String> filterTexts() {
        return Arbitraries.oneOf(filters().map(Filters::print),
                valuePathTests().map(FilterRoundTripPropertiesTest::valuePathTestText));
    }

    /** {@code attr[valueFilter].sub op value} or {@code attr[valueFilter].sub pr}. */
    private static String valuePathTestText(Tuple3<AttributePath, Filter, Filter> parts) {
        return parts.get1() + "[" + Filters.print(parts.get2()) + "]." + Filters.print(parts.get3());
    }

    @Provide
    Arbitrary<Filter> filters() {
        return filter(4);
    }

    static Arbitrary<Filter> filter(int depth) {
        Arbitrary<Filter> leaf = Arbitraries.oneOf(comparison(), present());
        if (depth == 0) {
            return leaf;
        }
        Arbitrary<Filter> sub = Arbitraries.lazy(() -> filter(depth - 1));
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(4, leaf),
                net.jqwik.api.Tuple.of(2, Combinators.combine(sub, sub).as(Filter.And::new)),
                net.jqwik.api.Tuple.of(2, Combinators.combine(sub, sub).as(Filter.Or::new)),
                net.jqwik.api.Tuple.of(1, sub.map(Filter.Not::new)),
                net.jqwik.api.Tuple.of(1, Combinators.combine(path(), sub).as(Filter.ValuePath::new)));
    }

    private static Arbitrary<Filter> comparison() {
        return Combinators.combine(path(), Arbitraries.of(CompareOperator.class), literal()).as(Filter.Comparison::new);
    }

    private static Arbitrary<Filter> present() {
        return path().map(Filter.Present::new);
    }

    static Arbitrary<AttributePath> path() {
        Arbitrary<String> names = names();
        Arbitrary<String> urns = Arbitraries.of("", "urn:ietf:params:scim:schemas:core:2.0:User",
                "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User", "urn:a:b.c-d:1");
        Arbitrary<String> subs = Arbitraries.oneOf(Arbitraries.just(""), names);
        return Combinators.combine(urns, names, subs).as(AttributePath::of);
    }

    private static Arbitrary<String> names() {
        return Arbitraries.oneOf(
                Arbitraries.of("userName", "pr", "not", "and", "or", "eq", "true", "null", "$ref", "x-y_1", "Name"),
                Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(6)
                        .flatMap(head -> Arbitraries.strings().withCharRange('0', '9').withChars('-', '_', 'A', 'z')
                                .ofMaxLength(3).map(tail -> head + tail)));
    }

    static Arbitrary<Literal> literal() {
        return Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(8).map(Literal.StringLiteral::new),
                Arbitraries.bigDecimals().between(new BigDecimal("-1e12"), new BigDecimal("1e12")).ofScale(3)
                        .map(b -> new Literal.NumberLiteral(b.stripTrailingZeros())),
                Arbitraries.of(true, false).map(Literal.BooleanLiteral::new),
                Arbitraries.just(Literal.NullLiteral.INSTANCE));
    }
}
