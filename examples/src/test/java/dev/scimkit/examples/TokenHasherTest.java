package dev.scimkit.examples;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TokenHasherTest {

    private static String hash(String stdin) throws Exception {
        return TokenHasher.hash(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void hashesTheFirstLineAsSha256sumDoes() throws Exception {
        // printf %s test | sha256sum
        String expected = "sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
        assertThat(hash("test")).isEqualTo(expected);
        assertThat(hash("test\n")).isEqualTo(expected);
        assertThat(hash("test\r\nsecond line")).isEqualTo(expected);
    }

    @Test
    void refusesNothingAndTooMuch() {
        assertThatThrownBy(() -> hash("\n")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("No token");
        assertThatThrownBy(() -> hash("x".repeat(9000))).isInstanceOf(IllegalArgumentException.class);
    }
}
