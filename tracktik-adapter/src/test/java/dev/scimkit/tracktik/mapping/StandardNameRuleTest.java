package dev.scimkit.tracktik.mapping;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimkit.core.json.ScimJson;
import dev.scimkit.core.schema.SchemaRegistry;
import dev.scimkit.tracktik.domain.DomainValidator;
import dev.scimkit.tracktik.domain.EmployeeProfile;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class StandardNameRuleTest {

    private static final DomainValidator VALIDATOR = new DomainValidator();
    private final DefaultUserMapping mapping = new DefaultUserMapping(SchemaRegistry.standard().user());

    @Property(tries = 500)
    void anyNonBlankUserNameAloneMakesAValidEmployee(@ForAll("userNames") String userName) {
        ObjectNode user = ScimJson.object();
        user.put("userName", userName);
        EmployeeProfile profile = mapping.toProfile(user);
        // check() throws a 400 for an invalid profile, so returning it is the property.
        assertThat(VALIDATOR.check("employee", profile)).isSameAs(profile);
        assertThat(mapping.derivedFields(user)).containsOnlyKeys("firstName", "lastName");
    }

    @Provide
    Arbitrary<String> userNames() {
        Arbitrary<String> anyText = Arbitraries.strings().all().ofMinLength(1).ofMaxLength(300);
        Arbitrary<String> emailish = Arbitraries.strings().withChars("abcXYZ._- @\u00e9\u0130\t\u0000\u200b\ud83d\ude00")
                .ofMinLength(1).ofMaxLength(40);
        return Arbitraries.oneOf(anyText, emailish).filter(s -> !s.isBlank());
    }

    @Test
    void theUserNamesLocalPartSplitsOnSeparators() {
        assertThat(names("{\"userName\":\"ann.marie_lee-smith@example.com\"}"))
                .isEqualTo(new NameRule.Names("ann", "marie lee smith", derived("userName")));
    }

    @Test
    void aSingleWordFillsBothNames() {
        assertThat(names("{\"userName\":\"admin@example.com\"}"))
                .isEqualTo(new NameRule.Names("admin", "admin", derived("userName")));
        assertThat(names("{\"userName\":\"admin\",\"displayName\":\"Cher\"}"))
                .isEqualTo(new NameRule.Names("Cher", "Cher", derived("displayName")));
    }

    @Test
    void aTwoWordSourceWinsOverASingleWordOneEarlierInTheOrder() {
        assertThat(names("{\"userName\":\"ann.lee\",\"displayName\":\"Cher\"}"))
                .isEqualTo(new NameRule.Names("ann", "lee", derived("userName")));
    }

    @Test
    void sentNamesStayAndOnlyTheMissingOneIsDerived() {
        assertThat(names("{\"userName\":\"x.y\",\"name\":{\"givenName\":\"Ann\",\"familyName\":\"Lee\"}}"))
                .isEqualTo(new NameRule.Names("Ann", "Lee", Map.of()));
        assertThat(names("{\"userName\":\"x.y\",\"name\":{\"givenName\":\"Ann\",\"formatted\":\"Ann B Lee\"}}"))
                .isEqualTo(new NameRule.Names("Ann", "B Lee", Map.of("lastName", "name.formatted")));
    }

    @Test
    void theOrderOfSourcesIsConfigurable() {
        NameRule userNameFirst = StandardNameRule.builder()
                .sources(StandardNameRule.Source.USER_NAME, StandardNameRule.Source.DISPLAY_NAME).build();
        assertThat(userNameFirst.namesFor(user("{\"userName\":\"ann.lee\",\"displayName\":\"Ann Marie Lee\"}")))
                .isEqualTo(new NameRule.Names("ann", "lee", derived("userName")));
    }

    @Test
    void withoutAnyWordThePlaceholderIsUsed() {
        NameRule rule = StandardNameRule.builder().placeholder("N/A").build();
        for (String userName : new String[] {"._-@example.com", "..", "\\u0001"}) {
            assertThat(rule.namesFor(user("{\"userName\":\"" + userName + "\"}")))
                    .isEqualTo(new NameRule.Names("N/A", "N/A", derived("nothing (placeholder)")));
        }
    }

    @Test
    void aLongDerivedNameIsCutAtTheLimitNeverInsideASurrogatePair() {
        String exactly = "a".repeat(NameRule.MAX_LENGTH);
        assertThat(names("{\"displayName\":\"" + exactly + " " + exactly + "\"}"))
                .isEqualTo(new NameRule.Names(exactly, exactly, derived("displayName")));
        String longer = "b".repeat(NameRule.MAX_LENGTH + 5);
        assertThat(names("{\"displayName\":\"" + longer + " Lee\"}").firstName()).isEqualTo("b".repeat(NameRule.MAX_LENGTH));
        // An emoji (two chars) straddling the limit is left out whole, not cut in half.
        String straddling = "c".repeat(NameRule.MAX_LENGTH - 1) + "\ud83d\ude00" + "c";
        NameRule.Names cut = names("{\"displayName\":\"" + straddling + " Lee\"}");
        assertThat(cut.firstName()).isEqualTo("c".repeat(NameRule.MAX_LENGTH - 1));
        String fits = "d".repeat(NameRule.MAX_LENGTH - 2) + "\ud83d\ude00" + "d";
        assertThat(names("{\"displayName\":\"" + fits + " Lee\"}").firstName())
                .isEqualTo("d".repeat(NameRule.MAX_LENGTH - 2) + "\ud83d\ude00");
        // A single long word fills both names, both cut.
        assertThat(names("{\"userName\":\"" + longer + "@example.com\"}"))
                .isEqualTo(new NameRule.Names("b".repeat(NameRule.MAX_LENGTH), "b".repeat(NameRule.MAX_LENGTH), derived("userName")));
    }

    @Test
    void invisibleCharactersAreNoPartOfAName() {
        // A zero-width space (a format character) and a control character are dropped from words.
        assertThat(names("{\"displayName\":\"Zo\u200bë \\u0007Ünal\"}"))
                .isEqualTo(new NameRule.Names("Zoë", "Ünal", derived("displayName")));
        assertThat(names("{\"userName\":\"solo@example.com\",\"displayName\":\"\u200b \u200b\"}"))
                .as("a source of invisible words only has none").isEqualTo(new NameRule.Names("solo", "solo", derived("userName")));
        assertThat(names("{\"userName\":\"ann@lee@example.com\"}"))
                .as("the part before the first @").isEqualTo(new NameRule.Names("ann", "ann", derived("userName")));
        assertThat(names("{\"userName\":\"x\",\"name\":{\"formatted\":\"Mary Ann Lee\",\"givenName\":\" \"}}"))
                .as("a blank sent name counts as missing")
                .isEqualTo(new NameRule.Names("Mary", "Ann Lee", derived("name.formatted")));
        assertThat(names("{\"userName\":\"x.y\",\"name\":{\"familyName\":\"Lee\"}}"))
                .isEqualTo(new NameRule.Names("x", "Lee", Map.of("firstName", "userName")));
    }

    @Test
    void theBuilderRefusesNoSourcesAndUnusablePlaceholders() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> StandardNameRule.builder().sources())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one source");
        for (String bad : new String[] {"", "   ", "p".repeat(NameRule.MAX_LENGTH + 1)}) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> StandardNameRule.builder().placeholder(bad))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("placeholder");
        }
        String longest = "p".repeat(NameRule.MAX_LENGTH);
        assertThat(StandardNameRule.builder().placeholder(longest).build().namesFor(user("{\"userName\":\"..\"}")).firstName())
                .isEqualTo(longest);
        assertThat(StandardNameRule.builder().placeholder("  N/A ").build().namesFor(user("{\"userName\":\"..\"}")).lastName())
                .isEqualTo("N/A");
        assertThat(StandardNameRule.Source.FORMATTED.attribute()).isEqualTo("name.formatted");
    }

    private NameRule.Names names(String json) {
        return NameRule.standard().namesFor(user(json));
    }

    private static Map<String, String> derived(String source) {
        return Map.of("firstName", source, "lastName", source);
    }

    private static ObjectNode user(String json) {
        return ScimJson.parseObject(json.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
