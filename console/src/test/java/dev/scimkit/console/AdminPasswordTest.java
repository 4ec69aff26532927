package dev.scimkit.console;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Administrator passwords are kept as salted PBKDF2 hashes whose text form never reveals the password. */
class AdminPasswordTest {

    @Test
    void aHashMatchesItsPasswordOnlyAndSurvivesItsTextForm() {
        AdminPassword hashed = AdminPassword.hash("correct horse battery");
        assertThat(hashed.matches("correct horse battery")).isTrue();
        assertThat(hashed.matches("correct horse batterY")).isFalse();
        assertThat(hashed.matches("")).isFalse();
        assertThat(hashed.matches(null)).isFalse();
        AdminPassword reread = AdminPassword.parse(hashed.text());
        assertThat(reread.matches("correct horse battery")).isTrue();
        assertThat(reread.text()).isEqualTo(hashed.text());
        assertThat(hashed.text()).startsWith("pbkdf2-sha256$210000$").doesNotContain("correct");
        assertThat(hashed.toString()).doesNotContain("correct").doesNotContain(hashed.text());
    }

    @Test
    void theSamePasswordHashesDifferentlyEachTime() {
        assertThat(AdminPassword.hash("same password").text()).isNotEqualTo(AdminPassword.hash("same password").text());
    }

    @Test
    void shortPasswordsAndMalformedHashesAreRefused() {
        assertThatThrownBy(() -> AdminPassword.hash("short")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("8 characters");
        assertThatThrownBy(() -> AdminPassword.parse("sha1$1$x$y")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AdminPassword.parse("pbkdf2-sha256$100$c2FsdA==$aGFzaA==")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("iterations");
    }

    @Test
    void aTokenHintKeepsTheLastFourCharactersOfALongTokenOnly() {
        assertThat(TokenHint.of("entra-prod", "tok-0123456789-WXYZ").lastFour()).isEqualTo("WXYZ");
        assertThat(TokenHint.of("entra-prod", "short-tok").lastFour()).isEmpty();
    }
}
