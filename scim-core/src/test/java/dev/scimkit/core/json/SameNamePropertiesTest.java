package dev.scimkit.core.json;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link ScimJson#sameName} is a faster {@link String#equalsIgnoreCase}: it must give the same answer for
 * every pair, including the characters whose case mapping leaves ASCII (the Kelvin sign equals
 * {@code k}, the long s equals {@code s}) and ASCII punctuation that differs from a letter by the
 * case bit ({@code @} and {@code `}, {@code [} and <code>{</code>).
 */
class SameNamePropertiesTest {

    /** Names over a small alphabet, so that equal-ignoring-case pairs are frequent. */
    @Provide
    Arbitrary<String> names() {
        return Arbitraries.strings().withChars("aAkKsSzZ@`[{_:.1\u212A\u017F\u0130\u0131iIéÉ")
                .ofMinLength(0).ofMaxLength(6);
    }

    @Provide
    Arbitrary<String[]> pairs() {
        Arbitrary<String> name = names();
        Arbitrary<String[]> independent = Combinators.combine(name, name).as((a, b) -> new String[] {a, b});
        Arbitrary<String[]> recased = name.flatMap(a -> Arbitraries.of(
                a.toUpperCase(Locale.ROOT), a.toLowerCase(Locale.ROOT), a, swapCase(a)).map(b -> new String[] {a, b}));
        return Arbitraries.oneOf(independent, recased);
    }

    @Property(tries = 2000)
    void answersAsEqualsIgnoreCase(@ForAll("pairs") String[] pair) {
        assertThat(ScimJson.sameName(pair[0], pair[1])).as("'%s' vs '%s'", pair[0], pair[1])
                .isEqualTo(pair[0].equalsIgnoreCase(pair[1]));
    }

    @Test
    void theCharactersWhoseCaseLeavesAscii() {
        assertThat(ScimJson.sameName("\u212Aey", "key")).isTrue();     // Kelvin sign
        assertThat(ScimJson.sameName("\u017Fchemas", "schemas")).isTrue();   // long s
        assertThat(ScimJson.sameName("a@b", "a`b")).isFalse();
        assertThat(ScimJson.sameName("x[", "x{")).isFalse();
        assertThat(ScimJson.sameName("userName", "USERNAME")).isTrue();
        assertThat(ScimJson.sameName("emails", "active")).isFalse();
        assertThat(ScimJson.sameName("", "")).isTrue();
    }

    private static String swapCase(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            sb.append(Character.isUpperCase(c) ? Character.toLowerCase(c) : Character.toUpperCase(c));
        }
        return sb.toString();
    }
}
