package dev.scimkit.console;

import java.util.Objects;

/**
 * What the setup page may show of a SCIM token: the client name it was issued under and its last
 * four characters, never the secret.
 *
 * @param client   the credential's name ({@code entra-prod})
 * @param lastFour the token's last four characters
 */
public record TokenHint(String client, String lastFour) {
    public TokenHint {
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(lastFour, "lastFour");
        if (lastFour.length() > 4) {
            throw new IllegalArgumentException("A token hint holds at most four characters");
        }
    }

    /** The hint of a token, which is then forgotten; a token shorter than 12 characters shows nothing of itself. */
    public static TokenHint of(String client, String token) {
        return new TokenHint(client, token.length() < 12 ? "" : token.substring(token.length() - 4));
    }
}
