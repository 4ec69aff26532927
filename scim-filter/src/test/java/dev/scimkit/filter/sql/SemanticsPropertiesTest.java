package dev.scimkit.filter.sql;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimkit.core.json.ScimJson;
import dev.scimkit.core.schema.AttributeDefinition;
import dev.scimkit.core.schema.AttributeType;
import dev.scimkit.core.schema.ResourceTypeDefinition;
import dev.scimkit.core.schema.SchemaDefinition;
import dev.scimkit.core.schema.SchemaRegistry;
import dev.scimkit.filter.Filters;
import dev.scimkit.filter.ast.Filter;
import dev.scimkit.filter.eval.FilterEvaluator;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Semantic laws of the evaluator (not, De Morgan, commutativity) and the differential check that SQL
 * pushdown on a real H2 plus the residual filter selects exactly what the in-memory evaluator selects.
 */
class SemanticsPropertiesTest {

    private static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
    private static final String TEST_EXT = "urn:example:scimkit:test:2.0:User";

    private static final ResourceTypeDefinition USER = SchemaRegistry.standard().toBuilder()
            .addExtension("User", new SchemaDefinition(TEST_EXT, "Test", "", List.of(
                    AttributeDefinition.builder("level", AttributeType.INTEGER).build(),
                    AttributeDefinition.builder("score", AttributeType.DECIMAL).build())), false)
            .build().user();

    private static final FilterEvaluator EVALUATOR = new FilterEvaluator(USER);

    private static final SqlColumnMapping MAPPING = SqlColumnMapping.builder(USER)
            .map("userName", "user_name")
            .map("displayName", "display_name")
            .map("externalId", "external_id")
            .map("active", "active")
            .map("meta.lastModified", "last_modified")
            .map("name.givenName", "given_name")
            .map(ENTERPRISE + ":employeeNumber", "employee_number")
            .map(TEST_EXT + ":level", "level")
            .map(TEST_EXT + ":score", "score")
            .build();

    private static final SqlTranslator TRANSLATOR = new SqlTranslator(MAPPING, true);

    /**
     * Literals and stored values: mostly in case-variant families (ab/aB/AB/Ab, \u00e9t\u00e9/\u00c9T\u00c9, ...), so a
     * literal that differs from a stored value only in case is common and a case-sensitivity slip in
     * SQL shows in most runs.
     */
    private static final List<String> STRINGS = List.of("", "a", "A", "ab", "aB", "AB", "Ab", "Ab c", "ab C", "b%", "B%",
            "a_b", "A_B", "x!y", "X!Y", "\u00e9", "\u00c9", "\u00c9t\u00e9", "\u00e9t\u00e9", "\u00c9T\u00c9", "ba", "BA",
            "\u0130", "i\u0307", "\u212a", "k", "K");
    private static final List<String> TIMES = List.of("2011-05-13T04:42:34Z", "2011-05-13T06:42:34+02:00",
            "2011-05-13T04:42:34.5Z", "2020-01-01T00:00:00Z", "1999-12-31T23:59:59.999Z");
    private static final List<BigDecimal> NUMBERS = List.of(new BigDecimal("-2"), BigDecimal.ZERO, new BigDecimal("1"),
            new BigDecimal("1.50"), new BigDecimal("3"), new BigDecimal("-0.25"));

    private static Connection db;

    @BeforeContainer
    static void openDatabase() throws SQLException {
        db = DriverManager.getConnection("jdbc:h2:mem:scimfilter;DB_CLOSE_DELAY=-1");
        try (Statement s = db.createStatement()) {
            s.execute("CREATE TABLE users (id INT PRIMARY KEY, user_name VARCHAR(100), display_name VARCHAR(100),"
                    + " external_id VARCHAR(100), active BOOLEAN, last_modified TIMESTAMP(9), given_name VARCHAR(100),"
                    + " employee_number VARCHAR(100), level INT, score DECIMAL(20, 6))");
        }
    }

    @AfterContainer
    static void closeDatabase() throws SQLException {
        db.close();
    }

    // ------------------------------------------------------------------ laws

    @Property(tries = 300)
    void notMatchesExactlyWhenTheFilterDoesNot(@ForAll("filters") Filter f, @ForAll("user") ObjectNode user) {
        assertThat(EVALUATOR.matches(new Filter.Not(f), user)).isEqualTo(!EVALUATOR.matches(f, user));
    }

    @Property(tries = 200)
    void deMorgan(@ForAll("filters") Filter a, @ForAll("filters") Filter b, @ForAll("user") ObjectNode user) {
        assertThat(EVALUATOR.matches(new Filter.Not(new Filter.And(a, b)), user))
                .isEqualTo(EVALUATOR.matches(new Filter.Or(new Filter.Not(a), new Filter.Not(b)), user));
        assertThat(EVALUATOR.matches(new Filter.Not(new Filter.Or(a, b)), user))
                .isEqualTo(EVALUATOR.matches(new Filter.And(new Filter.Not(a), new Filter.Not(b)), user));
    }

    @Property(tries = 200)
    void andOrCommute(@ForAll("filters") Filter a, @ForAll("filters") Filter b, @ForAll("user") ObjectNode user) {
        assertThat(EVALUATOR.matches(new Filter.And(a, b), user)).isEqualTo(EVALUATOR.matches(new Filter.And(b, a), user));
        assertThat(EVALUATOR.matches(new Filter.Or(a, b), user)).isEqualTo(EVALUATOR.matches(new Filter.Or(b, a), user));
    }

    /** Every comparison leaf is turned into {@code eq}, so no try is spent on a leaf the law does not speak of. */
    @Property(tries = 200)
    void neIsNotEq(@ForAll("comparisons") Filter.Comparison leaf, @ForAll("user") ObjectNode user) {
        Filter.Comparison eq = new Filter.Comparison(leaf.path(), dev.scimkit.filter.ast.CompareOperator.EQ, leaf.value());
        Filter ne = new Filter.Comparison(leaf.path(), dev.scimkit.filter.ast.CompareOperator.NE, leaf.value());
        boolean matches = EVALUATOR.matches(eq, user);
        net.jqwik.api.statistics.Statistics.collect(matches ? "eq holds" : "eq fails");
        assertThat(EVALUATOR.matches(ne, user)).isEqualTo(!matches);
    }

    @Provide
    Arbitrary<Filter.Comparison> comparisons() {
        // (a timestamp's co/sw/ew literal is no timestamp: as eq it is a 400, not a comparison)
        return leaf().filter(f -> f instanceof Filter.Comparison c && !(c.path().attribute().equals("meta")
                        && List.of("co", "sw", "ew").contains(c.operator().name().toLowerCase(java.util.Locale.ROOT))))
                .map(f -> (Filter.Comparison) f);
    }

    /**
     * {@code emails[type eq T].value op V} holds exactly when ONE e-mail passes both tests: checked by
     * evaluating the two tests on a copy of the user with that e-mail alone, which cannot mix e-mails.
     */
    @Property(tries = 300)
    void aSubAttributeTestAfterAValuePathNeedsOneValueToPassBoth(@ForAll("emailTypes") String type,
                                                                 @ForAll("emailValueTests") String valueTest,
                                                                 @ForAll("user") ObjectNode user) {
        Filter typeTest = Filters.parse("emails.type eq " + quote(type));
        Filter subTest = Filters.parse("emails.value " + valueTest);
        boolean oneEmailPassesBoth = false;
        for (JsonNode email : user.path("emails")) {
            ObjectNode alone = user.deepCopy();
            alone.putArray("emails").add(email.deepCopy());
            oneEmailPassesBoth |= EVALUATOR.matches(typeTest, alone) && EVALUATOR.matches(subTest, alone);
        }
        Filter filter = Filters.parse("emails[type eq " + quote(type) + "].value " + valueTest);
        assertThat(EVALUATOR.matches(filter, user)).as(Filters.print(filter)).isEqualTo(oneEmailPassesBoth);
    }

    @Provide
    Arbitrary<String> emailTypes() {
        return Arbitraries.of("work", "home", "WORK", "other");
    }

    @Provide
    Arbitrary<String> emailValueTests() {
        return Arbitraries.oneOf(Arbitraries.just("pr"), Combinators.combine(
                Arbitraries.of("eq", "ne", "co", "sw", "ew", "gt", "le"),
                Arbitraries.of(STRINGS).map(SemanticsPropertiesTest::quote)).as((o, v) -> o + " " + v));
    }

    // ------------------------------------------------------------------ SQL differential

    @Property(tries = 200)
    void sqlPushdownPlusResidualEqualsInMemoryEvaluation(@ForAll("filters") Filter filter,
                                                         @ForAll("users") List<ObjectNode> users) throws SQLException {
        load(users);
        Set<Integer> expected = PushDownQuery.evaluate(EVALUATOR, filter, users);
        SqlTranslation translation = TRANSLATOR.translate(filter);
        Set<Integer> actual = PushDownQuery.select(db, "users", translation, EVALUATOR, users);
        assertThat(actual).as("%s -> %s", Filters.print(filter), translation).isEqualTo(expected);
        // and the SQL never carries a value inline
        translation.where().ifPresent(w -> STRINGS.stream().filter(s -> s.length() > 1)
                .forEach(s -> assertThat(w.sql()).doesNotContain("'" + s)));
    }

    private static void load(List<ObjectNode> users) throws SQLException {
        try (Statement s = db.createStatement()) {
            s.execute("DELETE FROM users");
        }
        try (PreparedStatement ps = db.prepareStatement("INSERT INTO users VALUES (?,?,?,?,?,?,?,?,?,?)")) {
            for (int i = 0; i < users.size(); i++) {
                JsonNode u = users.get(i);
                ps.setInt(1, i);
                setString(ps, 2, u.get("userName"));
                setString(ps, 3, u.get("displayName"));
                setString(ps, 4, u.get("externalId"));
                JsonNode active = u.get("active");
                if (active == null) {
                    ps.setNull(5, Types.BOOLEAN);
                } else {
                    ps.setBoolean(5, active.booleanValue());
                }
                JsonNode modified = u.path("meta").get("lastModified");
                if (modified == null) {
                    ps.setNull(6, Types.TIMESTAMP);
                } else {
                    ps.setTimestamp(6, Timestamp.from(dev.scimkit.filter.eval.DateTimes.parse(modified.textValue()).orElseThrow()));
                }
                setString(ps, 7, u.path("name").get("givenName"));
                setString(ps, 8, u.path(ENTERPRISE).get("employeeNumber"));
                JsonNode level = u.path(TEST_EXT).get("level");
                if (level == null) {
                    ps.setNull(9, Types.INTEGER);
                } else {
                    ps.setInt(9, level.intValue());
                }
                JsonNode score = u.path(TEST_EXT).get("score");
                if (score == null) {
                    ps.setNull(10, Types.DECIMAL);
                } else {
                    ps.setBigDecimal(10, score.decimalValue());
                }
                ps.addBatch();
            }
            if (!users.isEmpty()) {
                ps.executeBatch();
            }
        }
    }

    private static void setString(PreparedStatement ps, int index, JsonNode value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.VARCHAR);
        } else {
            ps.setString(index, value.textValue());
        }
    }

    // ------------------------------------------------------------------ generators

    @Provide
    Arbitrary<List<ObjectNode>> users() {
        return user().list().ofMaxSize(12);
    }

    @Provide
    Arbitrary<ObjectNode> user() {
        Arbitrary<Object> str = Arbitraries.of(STRINGS).injectNull(0.25).map(o -> o);
        Arbitrary<Object> time = Arbitraries.of(TIMES).injectNull(0.25).map(o -> o);
        Arbitrary<Object> num = Arbitraries.of(NUMBERS).injectNull(0.25).map(o -> o);
        Arbitrary<Object> bool = Arbitraries.of(true, false).injectNull(0.25).map(o -> o);
        Arbitrary<Object> emails = Arbitraries.of(STRINGS).list().ofMaxSize(3).map(o -> o);
        List<Arbitrary<Object>> parts = List.of(str, str, str, bool, time, str, str, num, num, emails);
        return Combinators.combine(parts)
                .as(values -> {
                    ObjectNode u = ScimJson.object();
                    putText(u, "userName", values.get(0));
                    putText(u, "displayName", values.get(1));
                    putText(u, "externalId", values.get(2));
                    if (values.get(3) != null) {
                        u.put("active", (Boolean) values.get(3));
                    }
                    if (values.get(4) != null) {
                        u.putObject("meta").put("lastModified", (String) values.get(4));
                    }
                    if (values.get(5) != null) {
                        u.putObject("name").put("givenName", (String) values.get(5));
                    }
                    if (values.get(6) != null) {
                        u.putObject(ENTERPRISE).put("employeeNumber", (String) values.get(6));
                    }
                    ObjectNode ext = ScimJson.object();
                    if (values.get(7) != null) {
                        ext.put("level", ((BigDecimal) values.get(7)).setScale(0, java.math.RoundingMode.FLOOR).intValue());
                    }
                    if (values.get(8) != null) {
                        ext.put("score", (BigDecimal) values.get(8));
                    }
                    if (!ext.isEmpty()) {
                        u.set(TEST_EXT, ext);
                    }
                    @SuppressWarnings("unchecked")
                    List<String> mails = (List<String>) values.get(9);
                    if (!mails.isEmpty()) {
                        var array = u.putArray("emails");
                        for (int i = 0; i < mails.size(); i++) {
                            array.addObject().put("value", mails.get(i)).put("type", i == 0 ? "work" : "home");
                        }
                    }
                    return u;
                });
    }

    private static void putText(ObjectNode u, String name, Object value) {
        if (value != null) {
            u.put(name, (String) value);
        }
    }

    @Provide
    Arbitrary<Filter> filters() {
        return filter(3);
    }

    @Provide
    Arbitrary<Filter> leaves() {
        return leaf();
    }

    private static Arbitrary<Filter> filter(int depth) {
        if (depth == 0) {
            return leaf();
        }
        Arbitrary<Filter> sub = Arbitraries.lazy(() -> filter(depth - 1));
        return Arbitraries.frequencyOf(
                Tuple.of(4, leaf()),
                Tuple.of(2, Combinators.combine(sub, sub).as(Filter.And::new)),
                Tuple.of(2, Combinators.combine(sub, sub).as(Filter.Or::new)),
                Tuple.of(2, sub.map(Filter.Not::new)));
    }

    /** Valid comparisons over mapped, unmapped, unknown and multi-valued attributes, parsed from text. */
    private static Arbitrary<Filter> leaf() {
        Arbitrary<String> stringPath = Arbitraries.of("userName", "displayName", "externalId", "name.givenName",
                ENTERPRISE + ":employeeNumber", "title", "emails.value", "emails", "favoriteColor");
        Arbitrary<String> strOp = Arbitraries.of("eq", "ne", "co", "sw", "ew", "gt", "ge", "lt", "le");
        Arbitrary<String> strLit = Arbitraries.of(STRINGS).map(SemanticsPropertiesTest::quote);
        Arbitrary<String> strings = Combinators.combine(stringPath, strOp, strLit).as((p, o, v) -> p + " " + o + " " + v);
        Arbitrary<String> numPath = Arbitraries.of(TEST_EXT + ":level", TEST_EXT + ":score");
        Arbitrary<String> numOp = Arbitraries.of("eq", "ne", "gt", "ge", "lt", "le");
        Arbitrary<String> numbers = Combinators.combine(numPath, numOp, Arbitraries.of(NUMBERS))
                .as((p, o, v) -> p + " " + o + " " + v.toPlainString());
        Arbitrary<String> times = Combinators.combine(numOp, Arbitraries.of(TIMES))
                .as((o, v) -> "meta.lastModified " + o + " " + quote(v));
        Arbitrary<String> timeText = Combinators.combine(Arbitraries.of("co", "sw", "ew"), Arbitraries.of("2011", "Z", "05-13T"))
                .as((o, v) -> "meta.lastModified " + o + " " + quote(v));
        Arbitrary<String> booleans = Combinators.combine(Arbitraries.of("eq", "ne"), Arbitraries.of("true", "false"))
                .as((o, v) -> "active " + o + " " + v);
        Arbitrary<String> mismatched = Arbitraries.of("userName eq 1", "active eq \"true\"", TEST_EXT + ":level eq \"1\"",
                "userName gt 5", "meta.lastModified eq 3");
        Arbitrary<String> nulls = Combinators.combine(Arbitraries.of("userName", "active", "meta.lastModified",
                        TEST_EXT + ":level", "emails", "favoriteColor"), Arbitraries.of("eq", "ne"))
                .as((p, o) -> p + " " + o + " null");
        Arbitrary<String> present = Arbitraries.of("userName", "displayName", "active", "meta.lastModified", "name.givenName",
                TEST_EXT + ":score", "emails", "name", "favoriteColor").map(p -> p + " pr");
        Arbitrary<String> valuePaths = Combinators.combine(Arbitraries.of("eq", "co", "ne"), strLit)
                .as((o, v) -> "emails[type eq \"work\" and value " + o + " " + v + "]");
        Arbitrary<String> valuePathTests = Combinators.combine(Arbitraries.of("work", "home"),
                        Arbitraries.of("eq \"a\"", "co \"a\"", "ne \"\"", "sw \"A\"", "pr"))
                .as((t, test) -> "emails[type eq \"" + t + "\"].value " + test);
        return Arbitraries.frequencyOf(
                Tuple.of(6, strings), Tuple.of(3, numbers), Tuple.of(2, times), Tuple.of(1, timeText),
                Tuple.of(2, booleans), Tuple.of(1, mismatched), Tuple.of(1, nulls), Tuple.of(2, present),
                Tuple.of(1, valuePaths), Tuple.of(1, valuePathTests)).map(Filters::parse);
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

}
