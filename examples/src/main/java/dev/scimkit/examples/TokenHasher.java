package dev.scimkit.examples;

import dev.scimkit.console.AdminPassword;
import dev.scimkit.server.auth.BearerTokenAuthenticator;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * {@code java -jar scimkit-server.jar --hash-token < token.txt}: the line a token file stores for a
 * token read from standard input (one line; its line break is not part of the token), so the token
 * never appears on a command line or in the shell's history.
 */
final class TokenHasher {

    private static final int MAX_TOKEN_BYTES = 8_192;

    private TokenHasher() {
    }

    /** {@code sha256:<hex>} of the first line of {@code in}; empty input is an error. */
    static String hash(InputStream in) throws IOException {
        return BearerTokenAuthenticator.storedHash(firstLine(in, "token"));
    }

    /**
     * {@code java -jar scimkit-server.jar --hash-console-password < password.txt}: the
     * {@code pbkdf2-sha256$…} form of a console administrator's password, for {@code --console-admin}.
     */
    static String hashConsolePassword(InputStream in) throws IOException {
        return AdminPassword.hash(firstLine(in, "password")).text();
    }

    /** The first line of {@code in} without its line break; empty input is an error naming {@code what}. */
    private static String firstLine(InputStream in, String what) throws IOException {
        byte[] bytes = in.readNBytes(MAX_TOKEN_BYTES + 1);
        if (bytes.length > MAX_TOKEN_BYTES) {
            throw new IllegalArgumentException("A " + what + " is at most " + MAX_TOKEN_BYTES + " bytes");
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        int end = text.indexOf('\n');
        String line = end < 0 ? text : text.substring(0, end);
        if (line.endsWith("\r")) {
            line = line.substring(0, line.length() - 1);
        }
        if (line.isBlank()) {
            throw new IllegalArgumentException("No " + what + " on standard input");
        }
        return line;
    }
}
