package dev.scimkit.filter.sql;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimkit.core.json.ScimJson;
import dev.scimkit.core.schema.ResourceTypeDefinition;
import dev.scimkit.core.schema.SchemaRegistry;
import dev.scimkit.filter.Filters;
import dev.scimkit.filter.ast.Filter;
import dev.scimkit.filter.eval.FilterEvaluator;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A column with a lower-cased copy ({@link SqlColumnMapping.Builder#mapFoldedCopy}): {@code eq} and
 * {@code ne} read the copy with a folded parameter, everything else reads the column, and on a real H2
 * the result is still exactly what the in-memory evaluator selects. jqwik runs every test here (examples
 * included), so that they all share the database its container lifecycle opens.
 */
class FoldedCopyTest {

    private static final ResourceTypeDefinition USER = SchemaRegistry.standard().user();
    private static final FilterEvaluator EVALUATOR = new FilterEvaluator(USER);

    private static final SqlColumnMapping MAPPING = SqlColumnMapping.builder(USER)
            .mapFoldedCopy("userName", "user_name", "user_name_key")
            .map("displayName", "display_name")
            .build();

    private static final SqlTranslator TRANSLATOR = new SqlTranslator(MAPPING);

    /** Includes letters whose lower case is not ASCII or is longer than the letter (U+0130). */
    private static final List<String> STRINGS = List.of("", "a", "A", "Ab", "aB", "b%", "\u00e9t\u00e9", "\u00c9T\u00c9",
            "\u0130", "i\u0307", "x!y");

    private static Connection db;

    @BeforeContainer
    static void openDatabase() throws SQLException {
        db = DriverManager.getConnection("jdbc:h2:mem:scimfilterfolded;DB_CLOSE_DELAY=-1");
        try (Statement s = db.createStatement()) {
            s.execute("CREATE TABLE users (id INT PRIMARY KEY, user_name VARCHAR(100), user_name_key VARCHAR(100),"
                    + " display_name VARCHAR(100))");
            s.execute("CREATE INDEX users_user_name_key ON users (user_name_key)");
        }
    }

    @AfterContainer
    static void closeDatabase() throws SQLException {
        db.close();
    }

    // ------------------------------------------------------------------ SQL shape

    @Example
    void eqComparesTheFoldedCopyWithTheFoldedValue() {
        SqlTranslation t = TRANSLATOR.translate(Filters.parse("userName eq \"\u00c9T\u00c9 Bob\""));
        assertThat(t.isComplete()).isTrue();
        SqlFragment where = t.where().orElseThrow();
        assertThat(where.sql()).isEqualTo("(user_name_key IS NOT NULL AND user_name_key = ?)");
        assertThat(where.parameters()).containsExactly("\u00e9t\u00e9 bob");
    }

    @Example
    void neIsTheNegatedCopyComparisonSoNullKeysMatch() {
        SqlFragment where = TRANSLATOR.translate(Filters.parse("USERNAME ne \"Bob\"")).where().orElseThrow();
        assertThat(where.sql()).isEqualTo("(NOT (user_name_key IS NOT NULL AND user_name_key = ?))");
        assertThat(where.parameters()).containsExactly("bob");
    }

    @Example
    void otherOperatorsNullAndOtherLiteralsReadTheColumnItself() {
        assertThat(TRANSLATOR.translate(Filters.parse("userName sw \"Bo\"")).where().map(SqlFragment::sql))
                .contains("(user_name IS NOT NULL AND LOWER(user_name) LIKE LOWER(?) ESCAPE '!')");
        assertThat(TRANSLATOR.translate(Filters.parse("userName eq null")).where().map(SqlFragment::sql))
                .contains("(NOT (user_name IS NOT NULL AND user_name <> ''))");
        assertThat(TRANSLATOR.translate(Filters.parse("userName pr")).where().map(SqlFragment::sql))
                .contains("(user_name IS NOT NULL AND user_name <> '')");
        assertThat(TRANSLATOR.translate(Filters.parse("userName eq 1")).where().map(SqlFragment::sql))
                .contains("(1=0)");
        assertThat(TRANSLATOR.translate(Filters.parse("userName gt \"m\"")).residual())
                .contains(Filters.parse("userName gt \"m\""));
        assertThat(TRANSLATOR.translate(Filters.parse("displayName eq \"Bob\"")).where().map(SqlFragment::sql))
                .contains("(display_name IS NOT NULL AND LOWER(display_name) = LOWER(?))");
    }

    @Example
    void andOrNotComposeTheCopyComparisonLikeAnyOther() {
        SqlTranslation or = TRANSLATOR.translate(Filters.parse("not (userName eq \"A\" or displayName co \"b\")"));
        assertThat(or.isComplete()).isTrue();
        assertThat(or.where().map(SqlFragment::sql)).contains("(NOT ((user_name_key IS NOT NULL AND user_name_key = ?)"
                + " OR (display_name IS NOT NULL AND LOWER(display_name) LIKE LOWER(?) ESCAPE '!')))");
        assertThat(or.where().map(SqlFragment::parameters)).contains(List.of("a", "%b%"));

        SqlTranslation and = TRANSLATOR.translate(Filters.parse("userName eq \"A\" and emails[type eq \"work\"]"));
        assertThat(and.where().map(SqlFragment::sql)).contains("(user_name_key IS NOT NULL AND user_name_key = ?)");
        assertThat(and.residual()).contains(Filters.parse("emails[type eq \"work\"]"));
    }

    @Example
    void theMappedColumnKnowsItsCopy() {
        assertThat(MAPPING.column(Filters.parseAttributePath("userName")))
                .contains(new SqlColumn("user_name", SqlType.STRING, false, Optional.of("user_name_key")));
        assertThat(MAPPING.column(Filters.parseAttributePath("displayName")).orElseThrow().foldedCopy()).isEmpty();
    }

    @Example
    void onlyCaseInsensitiveStringsCanHaveACopy() {
        SqlColumnMapping.Builder b = SqlColumnMapping.builder(USER);
        assertThatThrownBy(() -> b.mapFoldedCopy("externalId", "external_id", "external_id_key"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("external_id");
        assertThatThrownBy(() -> b.mapFoldedCopy("active", "active", "active_key"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> b.mapFoldedCopy("userName", "user_name", " "))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> b.mapFoldedCopy("emails.value", "email", "email_key"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    // ------------------------------------------------------------------ H2 execution

    @Example
    void h2FindsTheRowWhateverTheCaseOfTheValue() throws SQLException {
        List<ObjectNode> users = List.of(user("Bob.Smith@example.com", "x"), user("alice", "y"), user(null, "z"));
        load(users);
        assertThat(select(Filters.parse("userName eq \"BOB.SMITH@EXAMPLE.COM\""), users)).containsExactly(0);
        assertThat(select(Filters.parse("userName ne \"ALICE\""), users)).containsExactly(0, 2);
    }

    @Property(tries = 200)
    void h2SelectsWhatTheEvaluatorSelects(@ForAll("filters") Filter filter,
                                          @ForAll("users") List<ObjectNode> users) throws SQLException {
        load(users);
        Set<Integer> expected = PushDownQuery.evaluate(EVALUATOR, filter, users);
        assertThat(select(filter, users)).as(Filters.print(filter)).isEqualTo(expected);
    }

    private static Set<Integer> select(Filter filter, List<ObjectNode> users) throws SQLException {
        return PushDownQuery.select(db, "users", TRANSLATOR.translate(filter), EVALUATOR, users);
    }

    /** The copy is written the way a store keeps it: the column lower-cased in Java, NULL with the column. */
    private static void load(List<ObjectNode> users) throws SQLException {
        try (Statement s = db.createStatement()) {
            s.execute("DELETE FROM users");
        }
        try (PreparedStatement ps = db.prepareStatement("INSERT INTO users VALUES (?,?,?,?)")) {
            for (int i = 0; i < users.size(); i++) {
                ObjectNode u = users.get(i);
                String userName = u.hasNonNull("userName") ? u.get("userName").textValue() : null;
                ps.setInt(1, i);
                ps.setString(2, userName);
                ps.setString(3, userName == null ? null : userName.toLowerCase(java.util.Locale.ROOT));
                ps.setString(4, u.hasNonNull("displayName") ? u.get("displayName").textValue() : null);
                ps.addBatch();
            }
            if (!users.isEmpty()) {
                ps.executeBatch();
            }
        }
    }

    private static ObjectNode user(String userName, String displayName) {
        ObjectNode u = ScimJson.object();
        if (userName != null) {
            u.put("userName", userName);
        }
        if (displayName != null) {
            u.put("displayName", displayName);
        }
        return u;
    }

    @Provide
    Arbitrary<List<ObjectNode>> users() {
        Arbitrary<String> text = Arbitraries.of(STRINGS).injectNull(0.25);
        return Combinators.combine(text, text).as(FoldedCopyTest::user).list().ofMaxSize(10);
    }

    @Provide
    Arbitrary<Filter> filters() {
        return filter(2);
    }

    private static Arbitrary<Filter> filter(int depth) {
        Arbitrary<Filter> leaf = Combinators.combine(
                        Arbitraries.of("userName", "displayName"),
                        Arbitraries.of("eq", "ne", "eq", "ne", "co", "sw", "gt"),
                        Arbitraries.of(new ArrayList<>(STRINGS)).map(s -> "\"" + s + "\"").injectNull(0.1))
                .as((p, o, v) -> v == null ? p + " " + (o.equals("ne") ? "ne" : "eq") + " null" : p + " " + o + " " + v)
                .map(Filters::parse);
        if (depth == 0) {
            return leaf;
        }
        Arbitrary<Filter> sub = Arbitraries.lazy(() -> filter(depth - 1));
        return Arbitraries.frequencyOf(
                Tuple.of(3, leaf),
                Tuple.of(1, Combinators.combine(sub, sub).as(Filter.And::new)),
                Tuple.of(1, Combinators.combine(sub, sub).as(Filter.Or::new)),
                Tuple.of(1, sub.map(Filter.Not::new)));
    }
}
