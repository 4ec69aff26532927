package dev.scimkit.filter.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimkit.core.error.ScimException;
import dev.scimkit.core.json.ScimJson;
import dev.scimkit.core.schema.ResourceTypeDefinition;
import dev.scimkit.core.schema.SchemaRegistry;
import dev.scimkit.filter.Filters;
import dev.scimkit.filter.ast.CompareOperator;
import dev.scimkit.filter.ast.Filter;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The compiled evaluator ({@link FilterEvaluator}) decides exactly as the direct AST walk it replaced
 * ({@link ReferenceEvaluator}), for random filters over core, extension, multi-valued and unknown
 * attributes spelled in any case, against random resources whose member names are spelled in any case
 * and whose values are of any JSON type, including non-ASCII text whose case folding changes length.
 * An invalid filter fails the same way in both. The compiled filter is reused from the evaluator's
 * cache, so a second call must agree with the first.
 */
class CompiledEvaluatorPropertiesTest {

    private static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
    private static final ResourceTypeDefinition USER = SchemaRegistry.standard().user();
    private static final ReferenceEvaluator REFERENCE = new ReferenceEvaluator(USER);

    /** Text whose folding is ASCII, grows (U+0130), or maps non-ASCII to ASCII (Kelvin sign). */
    private static final List<String> TEXTS = List.of("", "a", "A", "ab", "Ab", "aB c", "abc", "ABC", "b", "work", "WORK",
            "Work", "x@Example.com", "@example.COM", "\u0130", "i\u0307", "\u0130x", "\u212a", "k", "K", "stra\u00dfe",
            "STRASSE", "\u00e9t\u00e9", "\u00c9T\u00c9", "2011-05-13T04:42:34Z", "2011-05-13T06:42:34+02:00", "2011",
            "Z", "{", "z~");

    /** Short literals, so that substring and ordering comparisons often match. */
    private static final List<String> SHORT_TEXTS = List.of("", "a", "A", "b", "k", "K", "z", "\u0130", "\u212a", "w", "W");

    @Property(tries = 400)
    void compiledEvaluationEqualsTheDirectWalk(@ForAll("filters") Filter filter, @ForAll("users") List<JsonNode> users) {
        FilterEvaluator evaluator = new FilterEvaluator(USER);
        for (JsonNode user : users) {
            Object expected = outcome(() -> REFERENCE.matches(filter, user));
            net.jqwik.api.statistics.Statistics.collect(expected instanceof Boolean ? expected : "error");
            // the first user compiles the filter, the others reuse it from the evaluator's cache
            assertThat(outcome(() -> evaluator.matches(filter, user))).as("%s on %s", Filters.print(filter), user)
                    .isEqualTo(expected);
            if (expected instanceof Boolean) {
                assertThat(evaluator.predicate(filter).test(user)).as("%s on %s", Filters.print(filter), user)
                        .isEqualTo(expected);
            }
        }
    }

    @Property(tries = 1000)
    void foldedComparisonEqualsComparingLowerCasedCopies(@ForAll("texts") String actual, @ForAll("texts") String literal,
                                                         @ForAll("textOps") CompareOperator op) {
        String folded = literal.toLowerCase(Locale.ROOT);
        String lowered = actual.toLowerCase(Locale.ROOT);
        boolean expected = switch (op) {
            case CO -> lowered.contains(folded);
            case SW -> lowered.startsWith(folded);
            case EW -> lowered.endsWith(folded);
            case EQ -> lowered.equals(folded);
            case GT -> lowered.compareTo(folded) > 0;
            case GE -> lowered.compareTo(folded) >= 0;
            case LT -> lowered.compareTo(folded) < 0;
            case LE -> lowered.compareTo(folded) <= 0;
            case NE -> throw new IllegalArgumentException("ne is never compared directly");
        };
        assertThat(FoldedText.compare(actual, folded, op)).isEqualTo(expected);
    }

    /** The boolean result, or the class and detail of the exception, so that failures compare too. */
    private static Object outcome(java.util.function.BooleanSupplier run) {
        try {
            return run.getAsBoolean();
        } catch (ScimException e) {
            return e.getClass().getSimpleName() + ": " + e.getMessage();
        }
    }

    // ------------------------------------------------------------------ generators

    @Provide
    Arbitrary<String> texts() {
        return Arbitraries.frequencyOf(Tuple.of(4, Arbitraries.of(TEXTS)),
                Tuple.of(1, Arbitraries.strings().withChars("aAbBzZ@.\u00e9\u00c9\u0130\u0131\u212a\u00df~{").ofMaxLength(6)));
    }

    @Provide
    Arbitrary<CompareOperator> textOps() {
        return Arbitraries.of(CompareOperator.EQ, CompareOperator.CO, CompareOperator.SW, CompareOperator.EW,
                CompareOperator.GT, CompareOperator.GE, CompareOperator.LT, CompareOperator.LE);
    }

    @Provide
    Arbitrary<Filter> filters() {
        return filter(2).map(Filters::parse);
    }

    private Arbitrary<String> filter(int depth) {
        if (depth == 0) {
            return leaf();
        }
        Arbitrary<String> sub = Arbitraries.lazy(() -> filter(depth - 1));
        return Arbitraries.frequencyOf(
                Tuple.of(4, leaf()),
                Tuple.of(1, Combinators.combine(sub, sub).as((a, b) -> "(" + a + ") and (" + b + ")")),
                Tuple.of(2, Combinators.combine(sub, sub).as((a, b) -> "(" + a + ") or (" + b + ")")),
                Tuple.of(1, sub.map(a -> "not (" + a + ")")),
                Tuple.of(2, Combinators.combine(Arbitraries.of("emails", "EMAILS", "phoneNumbers", "addresses",
                                "userName", "unknownThing", "name"), Combinators.combine(innerLeaf(), innerLeaf(),
                                Arbitraries.of(" and ", " or "))
                        .as((a, b, j) -> a + j + b))
                        .as((p, f) -> p + "[" + f + "]")));
    }

    private Arbitrary<String> leaf() {
        Arbitrary<String> path = Arbitraries.of("userName", "USERNAME", "displayName", "title", "externalId", "id",
                "name", "name.givenName", "NAME.GIVENNAME", "name.unknown", "emails", "emails.value", "Emails.Type",
                "emails.primary", "phoneNumbers.value", "active", "meta.lastModified", "meta.created", "x509Certificates",
                "schemas", ENTERPRISE + ":employeeNumber", ENTERPRISE.toUpperCase(Locale.ROOT) + ":Department",
                ENTERPRISE + ":manager", ENTERPRISE + ":manager.value", "urn:unknown:ext:2.0:User:foo", "unknownThing",
                "groups", "roles.value");
        return Combinators.combine(path, operatorAndValue()).as((p, ov) -> p + " " + ov);
    }

    private Arbitrary<String> innerLeaf() {
        Arbitrary<String> path = Arbitraries.of("value", "VALUE", "type", "Type", "primary", "display", "unknown",
                "value.x", "urn:x:y:value", "streetAddress");
        return Combinators.combine(path, operatorAndValue()).as((p, ov) -> p + " " + ov);
    }

    private Arbitrary<String> operatorAndValue() {
        Arbitrary<String> op = Arbitraries.of("eq", "ne", "co", "sw", "ew", "gt", "ge", "lt", "le");
        Arbitrary<String> value = Arbitraries.frequencyOf(
                Tuple.of(3, texts().map(CompiledEvaluatorPropertiesTest::quote)),
                Tuple.of(3, Arbitraries.of(SHORT_TEXTS).map(CompiledEvaluatorPropertiesTest::quote)),
                Tuple.of(1, Arbitraries.of("true", "false", "null")),
                Tuple.of(1, Arbitraries.of("0", "1", "-2.5", "1e2")));
        return Arbitraries.frequencyOf(
                Tuple.of(8, Combinators.combine(op, value).as((o, v) -> o + " " + v)),
                Tuple.of(1, Arbitraries.just("pr")));
    }

    @Provide
    Arbitrary<List<JsonNode>> users() {
        return user().list().ofMinSize(1).ofMaxSize(8);
    }

    private Arbitrary<JsonNode> user() {
        Arbitrary<String> key = Arbitraries.of("userName", "username", "USERNAME", "displayName", "title", "externalId",
                "id", "active", "ACTIVE", "unknownThing", "schemas");
        Arbitrary<Tuple.Tuple2<String, JsonNode>> member = Combinators.combine(key, value(2)).as(Tuple::of);
        Arbitrary<List<Tuple.Tuple2<String, JsonNode>>> simple = member.list().ofMaxSize(6);
        Arbitrary<JsonNode> name = objectOf(List.of("givenName", "GIVENNAME", "familyName", "unknown"));
        Arbitrary<JsonNode> multi = objectOf(List.of("value", "Value", "type", "TYPE", "primary", "display"))
                .list().ofMaxSize(3).map(CompiledEvaluatorPropertiesTest::array);
        Arbitrary<JsonNode> multiOrOther = Arbitraries.frequencyOf(Tuple.of(5, multi), Tuple.of(1, value(1)));
        Arbitrary<JsonNode> meta = objectOf(List.of("lastModified", "created", "LASTMODIFIED"));
        Arbitrary<JsonNode> enterprise = objectOf(List.of("employeeNumber", "department", "DEPARTMENT", "manager"));
        return Combinators.combine(simple, name, multiOrOther, multiOrOther, meta, enterprise, Arbitraries.integers().between(0, 63))
                .as((members, n, emails, phones, m, ent, mask) -> {
                    ObjectNode u = ScimJson.object();
                    members.forEach(t -> u.set(t.get1(), t.get2()));
                    if ((mask & 1) != 0) {
                        u.set((mask & 32) != 0 ? "Name" : "name", n);
                    }
                    if ((mask & 2) != 0) {
                        u.set((mask & 32) != 0 ? "EMAILS" : "emails", emails);
                    }
                    if ((mask & 4) != 0) {
                        u.set("phoneNumbers", phones);
                    }
                    if ((mask & 8) != 0) {
                        u.set("meta", m);
                    }
                    if ((mask & 16) != 0) {
                        u.set((mask & 32) != 0 ? ENTERPRISE.toUpperCase(Locale.ROOT) : ENTERPRISE, ent);
                    }
                    return u;
                });
    }

    private Arbitrary<JsonNode> objectOf(List<String> keys) {
        return Combinators.combine(Arbitraries.of(keys), value(1)).as(Tuple::of).list().ofMaxSize(4)
                .map(members -> {
                    ObjectNode o = ScimJson.object();
                    members.forEach(t -> o.set(t.get1(), t.get2()));
                    return o;
                });
    }

    private Arbitrary<JsonNode> value(int depth) {
        Arbitrary<JsonNode> scalar = Arbitraries.frequencyOf(
                Tuple.of(6, texts().map(s -> (JsonNode) ScimJson.mapper().getNodeFactory().textNode(s))),
                Tuple.of(1, Arbitraries.of(true, false).map(b -> (JsonNode) ScimJson.mapper().getNodeFactory().booleanNode(b))),
                Tuple.of(1, Arbitraries.of("0", "1", "-2.5", "100").map(s ->
                        (JsonNode) ScimJson.mapper().getNodeFactory().numberNode(new BigDecimal(s)))),
                Tuple.of(1, Arbitraries.just((JsonNode) ScimJson.mapper().getNodeFactory().nullNode())));
        if (depth == 0) {
            return scalar;
        }
        return Arbitraries.frequencyOf(
                Tuple.of(6, scalar),
                Tuple.of(1, value(depth - 1).list().ofMaxSize(3).map(CompiledEvaluatorPropertiesTest::array)));
    }

    private static JsonNode array(List<JsonNode> elements) {
        ArrayNode a = ScimJson.mapper().getNodeFactory().arrayNode();
        elements.forEach(a::add);
        return a;
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
