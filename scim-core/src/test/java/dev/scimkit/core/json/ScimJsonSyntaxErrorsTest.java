package dev.scimkit.core.json;

import dev.scimkit.core.error.ScimErrorType;
import dev.scimkit.core.error.ScimException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** An unreadable body is a 400 invalidSyntax that says what is wrong, without the JSON library's internals. */
class ScimJsonSyntaxErrorsTest {

    @Test
    void sizeLimitsAreNamedWithTheirValues() {
        assertThat(detail("[".repeat(1_500) + "]".repeat(1_500)))
                .contains("nests deeper than the " + ScimJson.MAX_NESTING_DEPTH + " levels allowed");
        assertThat(detail("{\"n\":" + "9".repeat(2_000) + "}")).contains("a number is longer than the").contains("digits");
        assertThat(detail("{\"" + "k".repeat(60_000) + "\":1}")).contains("a member name is longer than the");
    }

    @Test
    void aSecondValueAfterTheFirstIsSaidPlainly() {
        assertThat(detail("{\"userName\":\"a\"}{\"userName\":\"b\"}"))
                .contains("more after the first JSON value").contains("line 1, column");
    }

    @Test
    void ordinarySyntaxErrorsKeepTheParsersExplanationAndPosition() {
        assertThat(detail("{\"userName\":\"a\"} x")).contains("Unrecognized token 'x'").contains("line 1");
        assertThat(detail("{\"userName\":\"a\",\"USERNAME\":\"b\",\"userName\":\"c\"}")).contains("Duplicate field 'userName'");
    }

    @Test
    void aNameTwiceInAnyObjectIsRefusedWithoutNamingTheLibrary() {
        assertThat(detail("{\"userName\":\"a\",\"userName\":\"b\"}"))
                .contains("Duplicate field 'userName'").contains("line 1, column")
                .doesNotContain("ObjectNode", "DeserializationFeature", "FAIL_ON", "`");
        assertThat(detail("{\"name\":{\"givenName\":\"a\",\"familyName\":\"b\",\"givenName\":\"c\"}}"))
                .contains("Duplicate field 'givenName'");
        assertThat(detail("{\"emails\":[{\"value\":\"a\",\"value\":\"b\"}]}")).contains("Duplicate field 'value'");
    }

    @Test
    void nonStandardJsonIsCalledThatRatherThanAParserSetting() {
        assertThat(detail("[NaN]")).contains("not allowed in JSON").doesNotContain("enable", "Feature");
        assertThat(detail("[+1]")).contains("not allowed in JSON").doesNotContain("enable", "Feature");
        assertThat(detail("{/* */}")).contains("comments are not allowed in JSON").doesNotContain("ALLOW_COMMENTS");
    }

    @Test
    void bytesThatAreNotUtf8TextAreSaidToBe() {
        byte[] utf32ish = {0, 0, 0, '{', 0, 0, (byte) 0xD8, 0, 0, 0, 0, '}'};
        assertThatThrownBy(() -> ScimJson.parse(utf32ish)).isInstanceOfSatisfying(ScimException.class,
                e -> assertThat(e.detail()).doesNotContain("UTF-32", "byte #").contains("The request body"));
        assertThat(detail("{\"a\":tru\u0000e}")).doesNotContain("\u0000");
    }

    @Provide
    Arbitrary<String> brokenBodies() {
        Arbitrary<String> json = Arbitraries.of("{\"a\":1}", "[1,2]", "{\"a\":{\"b\":[true,null]}}", "\"x\"", "{}");
        String chars = "{}[]\":,.-+eE0123456789truefalsn \\\u00e9\u0000`";
        Arbitrary<String> shortJunk = Arbitraries.strings().withChars(chars).ofMaxLength(6);
        return Arbitraries.oneOf(Arbitraries.strings().withChars(chars).ofMaxLength(40),
                json.flatMap(j -> shortJunk.map(k -> j + k)), json.flatMap(j -> shortJunk.map(k -> k + j)));
    }

    @Property(tries = 2_000)
    void noBodyShowsTheLibrarysInternals(@ForAll("brokenBodies") String body) {
        try {
            ScimJson.parse(body.getBytes(StandardCharsets.UTF_8));
        } catch (ScimException e) {
            assertThat(e.status()).isEqualTo(400);
            assertThat(e.scimType()).contains(ScimErrorType.INVALID_SYNTAX);
            assertThat(e.detail()).startsWith("The request body ")
                    // (a backtick may appear: the body's own character, quoted back)
                    .doesNotContain("com.fasterxml", "java.", "StreamReadConstraints", "DeserializationFeature",
                            "JsonNode", "Source", "REDACTED", "Feature", "enable", "\u0000");
        }
    }

    private static String detail(String body) {
        ScimException[] thrown = new ScimException[1];
        assertThatThrownBy(() -> ScimJson.parse(body.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(ScimException.class, e -> {
                    assertThat(e.scimType()).contains(ScimErrorType.INVALID_SYNTAX);
                    thrown[0] = e;
                });
        String detail = thrown[0].detail();
        assertThat(detail).doesNotContain("com.fasterxml", "`", "StreamReadConstraints", "DeserializationFeature");
        return detail;
    }
}
