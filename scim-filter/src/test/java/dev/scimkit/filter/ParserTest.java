package dev.scimkit.filter;

import dev.scimkit.core.error.ScimErrorType;
import dev.scimkit.core.error.ScimException;
import dev.scimkit.filter.ast.AttributePath;
import dev.scimkit.filter.ast.CompareOperator;
import dev.scimkit.filter.ast.Filter;
import dev.scimkit.filter.ast.Literal;
import dev.scimkit.filter.ast.PatchPath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ParserTest {

    private static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

    private static Filter cmp(String path, CompareOperator op, Literal value) {
        return new Filter.Comparison(AttributePath.of(path), op, value);
    }

    private static Literal str(String s) {
        return new Literal.StringLiteral(s);
    }

    @Test
    void operatorsAndKeywordsAreCaseInsensitive() {
        Filter expected = cmp("userName", CompareOperator.EQ, str("john"));
        assertThat(Filters.parse("userName Eq \"john\"")).isEqualTo(expected);
        assertThat(Filters.parse("Username eq \"john\"")).isEqualTo(expected);
        assertThat(Filters.parse("a pr AND b pr Or NOT (c pr)")).isEqualTo(
                new Filter.Or(new Filter.And(new Filter.Present(AttributePath.of("a")), new Filter.Present(AttributePath.of("b"))),
                        new Filter.Not(new Filter.Present(AttributePath.of("c")))));
        assertThat(Filters.parse("active EQ TRUE")).isEqualTo(cmp("active", CompareOperator.EQ, new Literal.BooleanLiteral(true)));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "a eq 1|EQ", "a ne 1|NE", "a co 1|CO", "a sw 1|SW", "a ew 1|EW",
            "a gt 1|GT", "a ge 1|GE", "a lt 1|LT", "a le 1|LE"})
    void allComparisonOperators(String text, CompareOperator op) {
        assertThat(Filters.parse(text)).isEqualTo(cmp("a", op, new Literal.NumberLiteral(BigDecimal.ONE)));
    }

    @Test
    void precedenceIsNotThenAndThenOr() {
        Filter a = new Filter.Present(AttributePath.of("a"));
        Filter b = new Filter.Present(AttributePath.of("b"));
        Filter c = new Filter.Present(AttributePath.of("c"));
        assertThat(Filters.parse("a pr or b pr and c pr")).isEqualTo(new Filter.Or(a, new Filter.And(b, c)));
        assertThat(Filters.parse("a pr and b pr or c pr")).isEqualTo(new Filter.Or(new Filter.And(a, b), c));
        assertThat(Filters.parse("not a pr and b pr")).isEqualTo(new Filter.And(new Filter.Not(a), b));
        assertThat(Filters.parse("not (a pr and b pr)")).isEqualTo(new Filter.Not(new Filter.And(a, b)));
        assertThat(Filters.parse("(a pr or b pr) and c pr")).isEqualTo(new Filter.And(new Filter.Or(a, b), c));
    }

    @Test
    void chainsAreLeftAssociativeAndExplicitGroupingIsKept() {
        Filter a = new Filter.Present(AttributePath.of("a"));
        Filter b = new Filter.Present(AttributePath.of("b"));
        Filter c = new Filter.Present(AttributePath.of("c"));
        assertThat(Filters.parse("a pr and b pr and c pr")).isEqualTo(new Filter.And(new Filter.And(a, b), c));
        Filter right = new Filter.And(a, new Filter.And(b, c));
        assertThat(Filters.parse("a pr and (b pr and c pr)")).isEqualTo(right);
        assertThat(Filters.print(right)).isEqualTo("a pr and (b pr and c pr)");
        assertThat(Filters.print(new Filter.And(new Filter.And(a, b), c))).isEqualTo("a pr and b pr and c pr");
        assertThat(Filters.print(new Filter.Or(a, new Filter.Or(b, c)))).isEqualTo("a pr or (b pr or c pr)");
        assertThat(Filters.print(new Filter.And(new Filter.Or(a, b), c))).isEqualTo("(a pr or b pr) and c pr");
    }

    @Test
    void schemaUrnsSubAttributesAndRef() {
        Filter f = Filters.parse(ENTERPRISE + ":manager.value eq \"26118915-6090-4610-87e4-49d8ca9f808d\"");
        assertThat(f).isInstanceOfSatisfying(Filter.Comparison.class, c -> {
            assertThat(c.path().schemaUrn()).contains(ENTERPRISE);
            assertThat(c.path().attribute()).isEqualTo("manager");
            assertThat(c.path().subAttribute()).contains("value");
        });
        assertThat(Filters.parse("urn:ietf:params:scim:schemas:core:2.0:User:userName sw \"J\""))
                .isEqualTo(new Filter.Comparison(AttributePath.of("urn:ietf:params:scim:schemas:core:2.0:User", "userName", null),
                        CompareOperator.SW, str("J")));
        assertThat(Filters.parse("members.$ref pr")).isEqualTo(new Filter.Present(AttributePath.of("members", "$ref")));
        assertThat(Filters.parse("pr pr")).isEqualTo(new Filter.Present(AttributePath.of("pr")));
        assertThat(Filters.parse("not eq pr")).isEqualTo(new Filter.Not(new Filter.Present(AttributePath.of("eq"))));
    }

    @Test
    void jsonLiterals() {
        assertThat(Filters.parse("a eq \"q\\\"b\\\\s\\/f\\b\\f\\n\\r\\t\\u00e9\\uD83D\\uDE00\""))
                .isEqualTo(cmp("a", CompareOperator.EQ, str("q\"b\\s/f\b\f\n\r\té\uD83D\uDE00")));
        assertThat(Filters.parse("a eq -1.5e+3")).isEqualTo(cmp("a", CompareOperator.EQ, new Literal.NumberLiteral(new BigDecimal("-1500"))));
        assertThat(Filters.parse("a eq 0.25E-2")).isEqualTo(cmp("a", CompareOperator.EQ, new Literal.NumberLiteral(new BigDecimal("0.0025"))));
        assertThat(Filters.parse("a eq null")).isEqualTo(cmp("a", CompareOperator.EQ, Literal.NullLiteral.INSTANCE));
        assertThat(Filters.parse("a ne false")).isEqualTo(cmp("a", CompareOperator.NE, new Literal.BooleanLiteral(false)));
        assertThat(Filters.print(cmp("a", CompareOperator.EQ, str("x\"y\n\u0001")))).isEqualTo("a eq \"x\\\"y\\n\\u0001\"");
    }

    @Test
    void valuePathsInFiltersAndPatchPaths() {
        Filter inner = new Filter.And(cmp("type", CompareOperator.EQ, str("work")), cmp("value", CompareOperator.CO, str("@example.com")));
        assertThat(Filters.parse("emails[type eq \"work\" and value co \"@example.com\"]"))
                .isEqualTo(new Filter.ValuePath(AttributePath.of("emails"), inner));

        PatchPath path = Filters.parsePatchPath("emails[type eq \"work\"].value");
        assertThat(path.attribute()).isEqualTo(AttributePath.of("emails"));
        assertThat(path.valueFilter()).contains(cmp("type", CompareOperator.EQ, str("work")));
        assertThat(path.valueSubAttribute()).contains("value");
        assertThat(path).hasToString("emails[type eq \"work\"].value");

        assertThat(Filters.parsePatchPath("name.givenName")).isEqualTo(PatchPath.of(AttributePath.of("name", "givenName")));
        assertThat(Filters.parsePatchPath("members[value eq \"2819c223\"]").valueSubAttribute()).isEmpty();
        assertThat(Filters.parsePatchPath(ENTERPRISE + ":manager"))
                .isEqualTo(PatchPath.of(AttributePath.of(ENTERPRISE, "manager", null)));
        assertThat(Filters.parseAttributePath("Name.FamilyName")).isEqualTo(AttributePath.of("name", "familyName"));
    }

    @Test
    void aValuePathMayEndInATestOfOneOfItsSubAttributes() {
        // Entra ID's matching query for an e-mail matching attribute
        Filter work = cmp("type", CompareOperator.EQ, str("work"));
        assertThat(Filters.parse("emails[type eq \"work\"].value eq \"ann@contoso.com\""))
                .isEqualTo(new Filter.ValuePath(AttributePath.of("emails"),
                        new Filter.And(work, cmp("value", CompareOperator.EQ, str("ann@contoso.com")))));
        assertThat(Filters.parse("emails[type eq \"work\"].value PR"))
                .isEqualTo(new Filter.ValuePath(AttributePath.of("emails"),
                        new Filter.And(work, new Filter.Present(AttributePath.of("value")))));
        // the sub-attribute test joins the value filter as a whole, whatever operator the filter ends in
        Filter workOrHome = new Filter.Or(work, cmp("type", CompareOperator.EQ, str("home")));
        assertThat(Filters.parse("emails[type eq \"work\" or type eq \"home\"].value ew \".org\""))
                .isEqualTo(new Filter.ValuePath(AttributePath.of("emails"),
                        new Filter.And(workOrHome, cmp("value", CompareOperator.EW, str(".org")))));
        // 'not' negates the whole expression, as it does before any attribute expression
        assertThat(Filters.parse("not emails[type eq \"work\"].value pr"))
                .isEqualTo(new Filter.Not(Filters.parse("emails[type eq \"work\" and value pr]")));
        assertThat(Filters.parse("userName pr and " + ENTERPRISE + ":manager[value pr].displayName sw \"B\""))
                .isEqualTo(new Filter.And(new Filter.Present(AttributePath.of("userName")),
                        new Filter.ValuePath(AttributePath.of(ENTERPRISE, "manager", null),
                                new Filter.And(new Filter.Present(AttributePath.of("value")),
                                        cmp("displayName", CompareOperator.SW, str("B"))))));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "userName eq|12|a value",
            "userName xx \"a\"|10|operator",
            "userName eq \"abc|13|unterminated string",
            "(a pr|6|')'",
            "a pr )|6|end of input",
            "a pr and|9|attribute expression",
            "a.b.c pr|4|operator",
            "a eq 'x'|6|a value",
            "a eq 01|7|",
            "emails[type eq \"work\"|22|']'",
            "emails[type eq \"work\"].value|29|operator",
            "emails[type eq \"work\"].|24|attribute name",
            "emails[type eq \"work\"].value.display eq \"x\"|29|operator",
            "emails[type eq \"work\"].value[primary eq true]|29|operator",
            "emails[type eq \"work\"] eq \"x\"|24|",
            "a eq \"\\x\"|6|unterminated string"})
    void malformedFiltersNameTheColumnAndWhatWasExpected(String text, int column, String expected) {
        assertThatThrownBy(() -> Filters.parse(text))
                .isInstanceOfSatisfying(ScimException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.scimType()).contains(ScimErrorType.INVALID_FILTER);
                    assertThat(e.detail()).contains("column " + column);
                    if (expected != null) {
                        assertThat(e.detail()).contains(expected);
                    }
                });
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "emails[type eq \"work\"", "name..givenName", "emails[type eq \"work\"].", "a b", "[x]"})
    void malformedPathsAreInvalidPath(String text) {
        assertThatThrownBy(() -> Filters.parsePatchPath(text))
                .isInstanceOfSatisfying(ScimException.class, e -> assertThat(e.scimType()).contains(ScimErrorType.INVALID_PATH));
    }

    @Test
    void attributePathsRejectFilters() {
        assertThatThrownBy(() -> Filters.parseAttributePath("emails[type eq \"work\"]"))
                .isInstanceOfSatisfying(ScimException.class, e -> {
                    assertThat(e.scimType()).contains(ScimErrorType.INVALID_PATH);
                    assertThat(e.detail()).contains("column 7");
                });
    }

    @Test
    void lengthIsBoundedBeforeLexing() {
        String huge = "a eq \"" + "x".repeat(10_000) + "\"";
        assertThatThrownBy(() -> Filters.parse(huge))
                .isInstanceOfSatisfying(ScimException.class, e -> {
                    assertThat(e.scimType()).contains(ScimErrorType.INVALID_FILTER);
                    assertThat(e.detail()).contains("8192");
                });
        assertThat(Filters.parse(huge, new FilterLimits(20_000, 50))).isInstanceOf(Filter.Comparison.class);
    }

    @Test
    // A guard against a hang, not a performance assertion: the depth limit must stop the parser
    // long before it recurses 100,000 levels (a stack overflow) or backtracks through them.
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void hundredThousandDeepNestingFailsFastWithInvalidFilter() {
        FilterLimits roomy = new FilterLimits(2_000_000, 50);
        String parens = "(".repeat(100_000) + "a pr" + ")".repeat(100_000);
        String nots = "not(".repeat(100_000) + "a pr" + ")".repeat(100_000);
        String bareNots = "not ".repeat(100_000) + "a pr";
        String brackets = "a[".repeat(100_000) + "b pr" + "]".repeat(100_000);
        for (String bomb : new String[] {parens, nots, bareNots, brackets, "(".repeat(100_000)}) {
            assertThatThrownBy(() -> Filters.parse(bomb, roomy))
                    .isInstanceOfSatisfying(ScimException.class, e -> {
                        assertThat(e.scimType()).contains(ScimErrorType.INVALID_FILTER);
                        assertThat(e.detail()).contains("levels deep");
                    });
        }
        // and with the default limits the length check already refuses it
        assertThatThrownBy(() -> Filters.parse(parens))
                .isInstanceOfSatisfying(ScimException.class, e -> assertThat(e.scimType()).contains(ScimErrorType.INVALID_FILTER));
    }

    @Test
    void depthWithinTheLimitParses() {
        String deep = "(".repeat(49) + "a pr" + ")".repeat(49);
        assertThat(Filters.parse(deep)).isEqualTo(new Filter.Present(AttributePath.of("a")));
        String manyNots = String.join(" and ", java.util.Collections.nCopies(80, "not (a pr)"));
        assertThat(Filters.parse(manyNots)).isInstanceOf(Filter.And.class);
        assertThatThrownBy(() -> Filters.parse("(".repeat(51) + "a pr" + ")".repeat(51)))
                .isInstanceOf(ScimException.class);
    }

    @Test
    void longOrChainsOfIdsParse() {
        String ids = String.join(" or ", java.util.stream.IntStream.range(0, 300).mapToObj(i -> "id eq \"" + i + "\"").toList());
        Filter f = Filters.parse(ids);
        assertThat(Filters.parse(Filters.print(f))).isEqualTo(f);
    }

    @Test
    void numberOutOfRangeIsInvalidFilter() {
        assertThatThrownBy(() -> Filters.parse("a eq 1e99999999999"))
                .isInstanceOfSatisfying(ScimException.class, e -> assertThat(e.scimType()).contains(ScimErrorType.INVALID_FILTER));
        assertThat(Optional.of(Filters.parse("a eq 1e999"))).isPresent();
    }
}
