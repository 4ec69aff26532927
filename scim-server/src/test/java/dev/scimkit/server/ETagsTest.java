package dev.scimkit.server;

import dev.scimkit.server.internal.ETags;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ETagsTest {

    @Test
    void weakComparisonIgnoresTheWeakPrefixAndQuotes() {
        assertThat(ETags.matches("W/\"3\"", "\"3\"")).isTrue();
        assertThat(ETags.matches("w/\"3\"", "3")).isTrue();
        assertThat(ETags.matches("W/\"3\"", "W/\"4\"")).isFalse();
    }

    @Test
    void listsAndWildcards() {
        assertThat(ETags.parseList("\"a,b\", W/\"c\" ,")).containsExactly("\"a,b\"", "W/\"c\"");
        assertThat(ETags.anyMatches("\"x\", W/\"7\"", "W/\"7\"")).isTrue();
        assertThat(ETags.anyMatches("*", "W/\"7\"")).isTrue();
        assertThat(ETags.anyMatches("\"x\"", "W/\"7\"")).isFalse();
        assertThat(ETags.expectedVersion("*")).isEmpty();
        assertThat(ETags.expectedVersion("\"9\"")).contains("W/\"9\"");
    }
}
