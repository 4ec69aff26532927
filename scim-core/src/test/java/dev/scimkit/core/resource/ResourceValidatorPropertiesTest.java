package dev.scimkit.core.resource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimkit.core.json.ScimJson;
import dev.scimkit.core.schema.SchemaRegistry;
import dev.scimkit.core.schema.SchemaUrns;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** Semantic laws of validation over generated, client-shaped User bodies. */
class ResourceValidatorPropertiesTest {

    private final ResourceValidator lenient = new ResourceValidator(SchemaRegistry.standard().user());
    private final ResourceValidator strict = new ResourceValidator(SchemaRegistry.standard().user(),
            ValidationOptions.strict());

    @Property(tries = 200)
    void validateForCreateIsIdempotent(@ForAll("users") ObjectNode body) {
        ObjectNode once = lenient.validateForCreate(body);
        assertThat(lenient.validateForCreate(once)).isEqualTo(once);
        assertThat(strict.validateForCreate(once)).as("the output is RFC-clean").isEqualTo(once);
    }

    @Property(tries = 200)
    void attributeNamesInAnyCaseNormaliseToTheSameResource(@ForAll("users") ObjectNode body, @ForAll long seed) {
        ObjectNode shuffledCase = randomCase(body, new Random(seed));
        assertThat(lenient.validateForCreate(shuffledCase)).isEqualTo(lenient.validateForCreate(body));
    }

    @Property(tries = 200)
    void aValidatedResourceSatisfiesItsSchema(@ForAll("users") ObjectNode body) {
        ObjectNode validated = lenient.validateForCreate(body);
        validated.put("id", "generated-id");
        lenient.checkSatisfiesSchema(validated);
        strict.checkSatisfiesSchema(validated);
        assertThat(validated.get("schemas").get(0).asText()).isEqualTo(SchemaUrns.USER);
    }

    @Provide
    Arbitrary<ObjectNode> users() {
        Arbitrary<String> word = words();
        Arbitrary<JsonNode> bool = Arbitraries.of("true", "false", "True", "False", "TRUE", "bool-true", "bool-false")
                .map(s -> switch (s) {
                    case "bool-true" -> ScimJson.nodes().booleanNode(true);
                    case "bool-false" -> ScimJson.nodes().booleanNode(false);
                    default -> ScimJson.nodes().textNode(s);
                });
        Arbitrary<List<String>> emailTypes = Arbitraries.of("work", "home", "other", "mail", "").list().ofMaxSize(4);
        Arbitrary<Integer> primaryIndex = Arbitraries.integers().between(-1, 3);
        Arbitrary<Integer> shape = Arbitraries.integers().between(0, 63);
        return Combinators.combine(word, word, bool, emailTypes, primaryIndex, shape, word)
                .as((userName, given, active, types, primary, bits, department) -> {
                    ObjectNode user = ScimJson.object();
                    if ((bits & 1) != 0) {
                        user.putArray("schemas").add(SchemaUrns.USER);
                    }
                    user.put("userName", userName);
                    if ((bits & 2) != 0) {
                        user.set("active", active);
                    }
                    if ((bits & 4) != 0) {
                        ObjectNode name = user.putObject("name");
                        name.put("givenName", given);
                        name.putNull("middleName");
                        name.put("familyName", userName);
                    }
                    ArrayNode emails = user.putArray("emails");
                    for (int i = 0; i < types.size(); i++) {
                        ObjectNode e = emails.addObject();
                        e.put("value", userName + i + "@example.com");
                        if (!types.get(i).isEmpty()) {
                            e.put("type", types.get(i));
                        }
                        if (i == primary) {
                            e.set("primary", (bits & 8) != 0 ? ScimJson.nodes().textNode("True")
                                    : ScimJson.nodes().booleanNode(true));
                        } else if ((bits & 16) != 0) {
                            e.put("primary", false);
                        }
                    }
                    if ((bits & 32) != 0) {
                        ObjectNode enterprise = user.putObject(SchemaUrns.ENTERPRISE_USER);
                        enterprise.put("department", department);
                        if ((bits & 8) != 0) {
                            enterprise.put("manager", "mgr-" + department);
                        } else {
                            enterprise.putObject("manager").put("value", "mgr-" + department);
                        }
                    }
                    user.put("id", "ignored");
                    return user;
                });
    }

    /**
     * Non-empty text that breaks things: ASCII, Latin and Greek letters with their case variants, letters
     * whose case mapping changes length or leaves the BMP, combining marks, right-to-left text, and values
     * of thousands of characters.
     */
    static Arbitrary<String> words() {
        Arbitrary<String> ascii = Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(12);
        Arbitrary<String> latinGreek = Arbitraries.strings().withCharRange('\u00c0', '\u024f').withCharRange('\u0391', '\u03c9')
                .ofMinLength(1).ofMaxLength(12);
        Arbitrary<String> tricky = Arbitraries.of("\u0130lker", "\u0131lker", "stra\u00dfe", "STRASSE", "\u212aelvin",
                "e\u0301t\u00e9", "\ud83d\ude00smile", "\u05e9\u05dc\u05d5\u05dd", "\u65e5\u672c", " padded ");
        Arbitrary<String> huge = Arbitraries.integers().between(1_000, 8_000).map(n -> "h\u00e9".repeat(n / 2));
        Arbitrary<String> base = Arbitraries.frequencyOf(Tuple.of(4, ascii), Tuple.of(3, latinGreek), Tuple.of(2, tricky),
                Tuple.of(1, huge));
        return Combinators.combine(base, Arbitraries.integers().between(0, 2)).as((w, c) -> switch (c) {
            case 1 -> w.toUpperCase(java.util.Locale.ROOT);
            case 2 -> w.toLowerCase(java.util.Locale.ROOT);
            default -> w;
        });
    }

    /** The same tree with every member name in a random letter case (values untouched). */
    static ObjectNode randomCase(ObjectNode node, Random random) {
        ObjectNode out = ScimJson.object();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            out.set(shuffleCase(e.getKey(), random), randomCase(e.getValue(), random));
        }
        return out;
    }

    private static JsonNode randomCase(JsonNode value, Random random) {
        if (value instanceof ObjectNode o) {
            return randomCase(o, random);
        }
        if (value.isArray()) {
            ArrayNode a = ScimJson.nodes().arrayNode();
            value.forEach(v -> a.add(randomCase(v, random)));
            return a;
        }
        return value;
    }

    private static String shuffleCase(String name, Random random) {
        StringBuilder b = new StringBuilder(name.length());
        for (char c : name.toCharArray()) {
            String s = String.valueOf(c);
            b.append(random.nextBoolean() ? s.toUpperCase(Locale.ROOT) : s.toLowerCase(Locale.ROOT));
        }
        return b.toString();
    }
}
