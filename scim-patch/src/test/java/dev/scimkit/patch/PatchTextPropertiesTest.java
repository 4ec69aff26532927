package dev.scimkit.patch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimkit.core.json.ScimJson;
import dev.scimkit.core.resource.ResourceValidator;
import dev.scimkit.core.schema.ResourceTypeDefinition;
import dev.scimkit.core.schema.SchemaRegistry;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * PATCH laws over the text that breaks things: Unicode (letters whose case mapping changes length or
 * leaves the BMP, combining marks, right-to-left text), case variants, empty strings and values of
 * thousands of characters. Written against the public API only ({@link PatchEngine#parse},
 * {@link PatchEngine#plan}, {@link PatchPlan#apply}), so they hold whatever the engine's internals are.
 */
class PatchTextPropertiesTest {

    private static final ResourceTypeDefinition USER = SchemaRegistry.standard().user();
    private static final PatchEngine ENGINE = PatchEngine.defaults();
    private static final ResourceValidator SCHEMA = new ResourceValidator(USER);

    @Provide
    Arbitrary<String> texts() {
        Arbitrary<String> tricky = Arbitraries.of("\u0130stanbul", "\u0131i", "stra\u00dfe", "STRASSE", "\u212aelvin",
                "e\u0301t\u00e9", "\ud83d\ude00 smile", "\u05e9\u05dc\u05d5\u05dd", "\u65e5\u672c\u8a9e", "\u03a3\u03c3\u03c2", "x");
        Arbitrary<String> letters = Arbitraries.strings().withCharRange('\u00c0', '\u024f').withCharRange('A', 'z')
                .ofMinLength(1).ofMaxLength(10).filter(s -> s.chars().noneMatch(c -> c == '\\' || c == '"' || c == '[' || c == ']'));
        Arbitrary<String> huge = Arbitraries.integers().between(1_000, 6_000).map(n -> "\u00e9a".repeat(n / 2));
        Arbitrary<String> base = Arbitraries.frequencyOf(Tuple.of(3, tricky), Tuple.of(3, letters), Tuple.of(1, huge));
        return Combinators.combine(base, Arbitraries.integers().between(0, 2)).as((t, c) -> switch (c) {
            case 1 -> t.toUpperCase(Locale.ROOT);
            case 2 -> t.toLowerCase(Locale.ROOT);
            default -> t;
        });
    }

    @Provide
    Arbitrary<String> caseVariants() {
        return Arbitraries.of("as sent", "upper", "lower");
    }

    private static String variant(String text, String how) {
        return switch (how) {
            case "upper" -> text.toUpperCase(Locale.ROOT);
            case "lower" -> text.toLowerCase(Locale.ROOT);
            default -> text;
        };
    }

    private static ObjectNode user(String nick) {
        ObjectNode u = ScimJson.object();
        u.putArray("schemas").add(USER.schema().id());
        u.put("id", "u1");
        u.put("userName", "bjensen");
        if (nick != null) {
            u.put("nickName", nick);
        }
        u.putArray("emails").addObject().put("value", "first@example.com").put("type", "work");
        return u;
    }

    private static PatchResult patch(ObjectNode resource, String operations) {
        JsonNode body = ScimJson.parse(("{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],"
                + "\"Operations\":" + operations + "}").getBytes(StandardCharsets.UTF_8));
        return ENGINE.plan(USER, ENGINE.parse(body)).apply(resource);
    }

    private static String json(String text) {
        return ScimJson.nodes().textNode(text).toString();
    }

    /**
     * Adding an e-mail and removing it by a filter that names it in another letter case gives back the
     * resource: e-mail values compare without regard to case (RFC 7643 §4.1.2, {@code caseExact} false).
     */
    @Property(tries = 150)
    void addThenRemoveByACaseVariantRestores(@ForAll("texts") String local, @ForAll("caseVariants") String how) {
        ObjectNode user = user(null);
        String email = local + "@Example.org";
        PatchResult added = patch(user, "[{\"op\":\"add\",\"path\":\"emails\",\"value\":[{\"value\":" + json(email)
                + ",\"type\":\"other\"}]}]");
        assertThat(added.changed()).isTrue();
        assertThat(added.resource().path("emails")).hasSize(2);
        String filter = "emails[value eq " + json(variant(email, how)) + "]";
        boolean sameFolding = variant(email, how).toLowerCase(Locale.ROOT).equals(email.toLowerCase(Locale.ROOT));
        Statistics.collect(sameFolding ? "variant folds alike" : "variant folds apart");
        PatchResult removed = patch(added.resource(), "[{\"op\":\"remove\",\"path\":" + json(filter) + "}]");
        if (sameFolding) {
            assertThat(removed.resource()).isEqualTo(user);
        } else {
            // Upper-casing changed the length (straße -> STRASSE) or mapped a letter to one that folds
            // elsewhere (ı -> I -> i): then it names another value, and nothing is removed.
            assertThat(removed.resource().path("emails")).hasSize(2);
        }
        assertThat(user.path("emails")).as("the input is never changed").hasSize(1);
        Statistics.coverage(c -> c.check("variant folds alike").percentage(p -> p >= 60));
    }

    /** Replacing a string with any text stores it exactly, and replacing again with the same changes nothing. */
    @Property(tries = 150)
    void replaceStoresTheTextExactlyAndIsIdempotent(@ForAll("texts") String before, @ForAll("texts") String after) {
        ObjectNode user = user(before);
        String op = "[{\"op\":\"replace\",\"path\":\"nickName\",\"value\":" + json(after) + "}]";
        PatchResult once = patch(user, op);
        assertThat(once.resource().path("nickName").textValue()).isEqualTo(after);
        assertThat(once.changed()).isEqualTo(!before.equals(after));
        PatchResult twice = patch(once.resource(), op);
        assertThat(twice.changed()).isFalse();
        assertThat(twice.resource()).isEqualTo(once.resource());
        SCHEMA.checkSatisfiesSchema(twice.resource());
        Statistics.collect(before.equals(after) ? "same text" : "new text");
    }

    /** An empty string replaces as a value: it is no remove, and the attribute stays (RFC 7644 §3.5.2.3). */
    @Property(tries = 100)
    void anEmptyStringIsAValueNotARemove(@ForAll("texts") String nick) {
        PatchResult r = patch(user(nick), "[{\"op\":\"replace\",\"path\":\"nickName\",\"value\":\"\"}]");
        JsonNode value = r.resource().get("nickName");
        assertThat(value == null || value.isTextual() && value.textValue().isEmpty())
                .as("nickName after replace with \"\": %s", value).isTrue();
        assertThat(r.changed()).isTrue();
    }

    /** A path-less replace (Okta, Entra ID) sets attributes named in any letter case to the exact text. */
    @Property(tries = 100)
    void aPathLessReplaceKeepsTheTextWhateverTheCaseOfTheNames(@ForAll("texts") String title, @ForAll("texts") String given) {
        String op = "[{\"op\":\"replace\",\"value\":{\"TITLE\":" + json(title) + ",\"Name.GivenName\":" + json(given) + "}}]";
        ObjectNode result = patch(user(null), op).resource();
        assertThat(result.path("title").textValue()).isEqualTo(title);
        assertThat(result.path("name").path("givenName").textValue()).isEqualTo(given);
        ArrayNode emails = (ArrayNode) result.path("emails");
        assertThat(emails).hasSize(1);
    }
}
