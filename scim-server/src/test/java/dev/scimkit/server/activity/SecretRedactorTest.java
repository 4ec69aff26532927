package dev.scimkit.server.activity;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the activity feed keeps of a request body: secrets never (a password in a create, in a
 * PATCH's value or named by its path, under an extension's URN), the rest as sent, cut at 8 KiB.
 */
class SecretRedactorTest {

    private static String redact(String body) {
        return SecretRedactor.redact(body.getBytes(StandardCharsets.UTF_8)).orElseThrow();
    }

    @Test
    void aSecretIsNamedByTheAttributeNotByTheSchemaOrParentItSitsUnder() {
        assertThat(SecretRedactor.namesSecret("password")).isTrue();
        assertThat(SecretRedactor.namesSecret("urn:example:params:scim:schemas:extension:acme:2.0:User:apiKey")).isTrue();
        assertThat(SecretRedactor.namesSecret("credentials.privateKey")).isTrue();
        assertThat(SecretRedactor.namesSecret(":token")).isTrue();
        assertThat(SecretRedactor.namesSecret(".token")).isTrue();
        // a URN or a parent that happens to hold a secret word names no secret by itself
        assertThat(SecretRedactor.namesSecret("urn:example:secretstuff:User:badge")).isFalse();
        assertThat(SecretRedactor.namesSecret("tokenPolicy.length")).isFalse();
        assertThat(SecretRedactor.namesSecret("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber"))
                .isFalse();
        assertThat(SecretRedactor.namesSecret("emails[type eq \"work\"].value")).isFalse();
    }

    @Test
    void secretsAreRemovedAtAnyDepthAndUnderAPatchPathThatNamesOne() {
        String kept = redact("{\"userName\":\"ada\",\"password\":\"hunter2\",\"urn:x:User\":{\"apiKey\":\"k-1\"},"
                + "\"Operations\":[{\"op\":\"replace\",\"path\":\"password\",\"value\":\"s3cret\"},"
                + "{\"op\":\"replace\",\"path\":\"title\",\"value\":\"Guard\"}]}");
        assertThat(kept).doesNotContain("hunter2").doesNotContain("k-1").doesNotContain("s3cret")
                .contains("\"userName\":\"ada\"").contains("\"value\":\"Guard\"").contains(SecretRedactor.REMOVED);
    }

    @Test
    void aBodyIsKeptWholeUpTo8KiBAndCutAfter() {
        String exactly = "{\"a\":\"" + "x".repeat(8 * 1024 - 8) + "\"}";
        assertThat(exactly).hasSize(8 * 1024);
        assertThat(redact(exactly)).isEqualTo(exactly);
        String longer = "{\"a\":\"" + "x".repeat(8 * 1024 - 7) + "\"}";
        assertThat(redact(longer)).hasSize(8 * 1024 + "… (8193 characters)".length()).endsWith("… (8193 characters)")
                .startsWith("{\"a\":\"xxx");
    }

    @Test
    void whatIsNotJsonIsNotKeptAndNothingIsKeptOfNothing() {
        assertThat(redact("userName=ada&password=hunter2")).isEqualTo("(not JSON, 29 bytes, not kept)");
        assertThat(redact("   ")).as("only white space").isEqualTo("(not JSON, 3 bytes, not kept)");
        assertThat(SecretRedactor.redact(new byte[0])).isEmpty();
    }
}
