package dev.scimkit.server.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimkit.core.error.ScimException;
import dev.scimkit.core.json.ScimJson;
import dev.scimkit.server.ScimRequest;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads request bodies: {@code application/scim+json} or {@code application/json} (RFC 7644 §3.1),
 * any charset (UTF-8 unless the {@code charset} parameter names another), a missing
 * {@code Content-Type} tolerated; anything else is a 415. Malformed JSON is a 400 {@code invalidSyntax}.
 */
public final class RequestBodies {

    private RequestBodies() {
    }

    /** The body as a JSON object. */
    public static ObjectNode object(ScimRequest request) {
        return ScimJson.parseObject(utf8(request));
    }

    /** The body as any JSON value. */
    public static JsonNode json(ScimRequest request) {
        return ScimJson.parse(utf8(request));
    }

    private static byte[] utf8(ScimRequest request) {
        Optional<String> contentType = request.headers().first("Content-Type");
        if (contentType.isEmpty() || contentType.get().isBlank()) {
            return request.body();
        }
        String[] parts = contentType.get().split(";");
        String media = parts[0].trim().toLowerCase(Locale.ROOT);
        if (!media.equals("application/scim+json") && !media.equals("application/json")) {
            throw ScimException.status(415, "Content-Type must be application/scim+json or application/json, not "
                    + Details.abbreviate(parts[0].trim()));
        }
        for (int i = 1; i < parts.length; i++) {
            String p = parts[i].trim();
            int eq = p.indexOf('=');
            if (eq > 0 && p.substring(0, eq).trim().equalsIgnoreCase("charset")) {
                String name = p.substring(eq + 1).trim().replace("\"", "");
                Charset charset = charset(name);
                if (!charset.equals(StandardCharsets.UTF_8)) {
                    return new String(request.body(), charset).getBytes(StandardCharsets.UTF_8);
                }
            }
        }
        return request.body();
    }

    private static Charset charset(String name) {
        try {
            return Charset.forName(name);
        } catch (IllegalArgumentException e) {
            throw ScimException.status(415, "Unsupported charset \"" + Details.abbreviate(name) + "\"");
        }
    }
}
