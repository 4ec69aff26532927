package dev.scimkit.server;

import dev.scimkit.server.internal.ETags;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

    @Test
    void onlyAStarAloneIsAWildcard() {
        assertThat(ETags.isWildcard(null)).isFalse();
        assertThat(ETags.isWildcard(" * ")).isTrue();
        assertThat(ETags.isWildcard("\"*\"")).isFalse();
        assertThat(ETags.isWildcard("**")).isFalse();
        assertThat(ETags.isWildcard("")).isFalse();
    }

    @Test
    void aListIsSplitAtCommasOutsideQuotesAndEveryTagIsKept() {
        assertThatThrownBy(() -> ETags.parseList(null)).isInstanceOf(NullPointerException.class);
        assertThat(ETags.parseList("")).isEmpty();
        assertThat(ETags.parseList(" , ,")).isEmpty();
        // unquoted tags are tolerated, each one separately (not the first one glued to the next)
        assertThat(ETags.parseList("3, 4,5")).containsExactly("3", "4", "5");
        // the last tag has no comma after it and still counts
        assertThat(ETags.parseList("W/\"1\"")).containsExactly("W/\"1\"");
        // a comma inside quotes belongs to the tag; after the closing quote, commas split again
        assertThat(ETags.parseList("\"a,b\",\"c\"")).containsExactly("\"a,b\"", "\"c\"");
        assertThat(ETags.parseList(",  \"x\"  ,")).containsExactly("\"x\"");
    }

    @Test
    void theOpaquePartDropsTheWeakPrefixAndOnePairOfQuotes() {
        assertThat(ETags.opaque("W/\"3\"")).isEqualTo("3");
        assertThat(ETags.opaque(" w/ \"3\" ")).isEqualTo("3");
        assertThat(ETags.opaque("\"3\"")).isEqualTo("3");
        assertThat(ETags.opaque("3")).isEqualTo("3");
        // an empty quoted tag is empty; a lone quote, or a quote only at one end, is kept as it is
        assertThat(ETags.opaque("\"\"")).isEmpty();
        assertThat(ETags.opaque("\"")).isEqualTo("\"");
        assertThat(ETags.opaque("\"3")).isEqualTo("\"3");
        assertThat(ETags.opaque("3\"")).isEqualTo("3\"");
        // "W" without the slash is part of the tag
        assertThat(ETags.opaque("W\"3\"")).isEqualTo("W\"3\"");
    }

    @Test
    void aListMatchesWhenAnyOfItsTagsDoes() {
        assertThat(ETags.anyMatches("\"1\", \"2\", W/\"3\"", "W/\"3\"")).isTrue();
        assertThat(ETags.anyMatches("\"x\", *", "W/\"7\"")).isTrue();
        assertThat(ETags.anyMatches("\"1\", \"2\"", "W/\"3\"")).isFalse();
        assertThat(ETags.anyMatches("", "W/\"3\"")).isFalse();
    }

    @Test
    void theExpectedVersionIsTheFirstTagMadeWeak() {
        assertThat(ETags.expectedVersion(null)).isEmpty();
        assertThat(ETags.expectedVersion("")).isEmpty();
        assertThat(ETags.expectedVersion("   ")).isEmpty();
        assertThat(ETags.expectedVersion(" * ")).isEmpty();
        assertThat(ETags.expectedVersion(" , ")).isEmpty();
        assertThat(ETags.expectedVersion("W/\"9\"")).contains("W/\"9\"");
        assertThat(ETags.expectedVersion("9")).contains("W/\"9\"");
        assertThat(ETags.expectedVersion("\"9\", \"10\"")).contains("W/\"9\"");
        assertThat(ETags.weak("a1")).isEqualTo("W/\"a1\"");
    }
}
