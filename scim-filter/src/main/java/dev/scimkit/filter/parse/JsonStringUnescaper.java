package dev.scimkit.filter.parse;

/**
 * Decodes the body of a JSON string token (RFC 8259 §7). The lexer has already checked the escapes,
 * so every backslash here starts a valid one.
 */
final class JsonStringUnescaper {

    private JsonStringUnescaper() {
    }

    /** Decodes {@code "…"} (with its quotes) into the string it denotes. */
    static String unquote(String token) {
        String body = token.substring(1, token.length() - 1);
        if (body.indexOf('\\') < 0) {
            return body;
        }
        StringBuilder sb = new StringBuilder(body.length());
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c != '\\') {
                sb.append(c);
                continue;
            }
            char e = body.charAt(++i);
            switch (e) {
                case '"' -> sb.append('"');
                case '\\' -> sb.append('\\');
                case '/' -> sb.append('/');
                case 'b' -> sb.append('\b');
                case 'f' -> sb.append('\f');
                case 'n' -> sb.append('\n');
                case 'r' -> sb.append('\r');
                case 't' -> sb.append('\t');
                case 'u' -> {
                    sb.append((char) Integer.parseInt(body.substring(i + 1, i + 5), 16));
                    i += 4;
                }
                default -> throw new IllegalStateException("The lexer let through the escape \\" + e);
            }
        }
        return sb.toString();
    }
}
