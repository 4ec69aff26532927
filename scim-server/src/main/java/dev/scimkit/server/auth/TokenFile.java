package dev.scimkit.server.auth;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.scimkit.server.spi.TenantId;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The token file: tenants and the hashes of their bearer tokens, each token with a name that History
 * and logs show in place of the secret. Several tokens of a tenant are accepted side by side, which is
 * how a token is rotated: add the new one, switch the identity provider to it, remove the old one.
 *
 * <pre>{@code
 * {
 *   "tenants": {
 *     "portal-a": [
 *       { "name": "entra-2026-12", "hash": "sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08" },
 *       { "name": "entra-2027-03", "hash": "sha256:60303ae22b998861bce3b28f33eec1be758a213c86c93c076dbe9f558c11c752" }
 *     ]
 *   }
 * }
 * }</pre>
 *
 * <p>A hash is {@code sha256:} and the SHA-256 of the token's UTF-8 bytes in hex
 * ({@code printf %s "$TOKEN" | sha256sum}, or {@link BearerTokenAuthenticator#storedHash}); a file never
 * holds a token itself. Tenant and token names use letters, digits, {@code .}, {@code _} and
 * {@code -}; a name appears once per tenant, a hash once per file; unknown keys are errors, so a typo
 * does not silently drop a token.
 */
public final class TokenFile {

    private static final String NAME = "[A-Za-z0-9._-]{1,64}";
    private static final ObjectMapper JSON = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private TokenFile() {
    }

    /**
     * The authenticator a token file's content describes.
     *
     * @throws InvalidTokenFileException saying what is wrong and where (never quoting a hash)
     */
    public static BearerTokenAuthenticator parse(byte[] content) {
        JsonNode root;
        try {
            root = JSON.readTree(content);
        } catch (JsonProcessingException e) {
            throw new InvalidTokenFileException("not valid JSON (line " + e.getLocation().getLineNr() + ")");
        } catch (java.io.IOException e) {
            throw new InvalidTokenFileException("not readable: " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw new InvalidTokenFileException("the file must hold a JSON object with \"tenants\"");
        }
        onlyKeys(root, Set.of("tenants"), "the top level");
        JsonNode tenants = root.path("tenants");
        if (!tenants.isObject()) {
            throw new InvalidTokenFileException("\"tenants\" must be an object of tenant name to a list of tokens");
        }
        BearerTokenAuthenticator.Builder b = BearerTokenAuthenticator.builder();
        Set<String> hashes = new HashSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = tenants.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> tenant = it.next();
            String where = "tenant '" + tenant.getKey() + "'";
            if (!tenant.getKey().matches(NAME)) {
                throw new InvalidTokenFileException(where + ": tenant names use letters, digits, '.', '_' and '-'");
            }
            if (!tenant.getValue().isArray()) {
                throw new InvalidTokenFileException(where + ": a list of {\"name\", \"hash\"} objects is expected");
            }
            Set<String> names = new HashSet<>();
            int index = 0;
            for (JsonNode token : tenant.getValue()) {
                String at = where + ", token " + (++index);
                if (!token.isObject()) {
                    throw new InvalidTokenFileException(at + ": an object {\"name\", \"hash\"} is expected");
                }
                onlyKeys(token, Set.of("name", "hash"), at);
                String name = token.path("name").asText("");
                if (!name.matches(NAME)) {
                    throw new InvalidTokenFileException(at + ": \"name\" is required and uses letters, digits, '.', '_' and '-'");
                }
                if (!names.add(name)) {
                    throw new InvalidTokenFileException(at + ": the name '" + name + "' is used twice in the tenant");
                }
                String hash = token.path("hash").asText("").trim().toLowerCase(java.util.Locale.ROOT);
                if (!hash.matches("sha256:[0-9a-f]{64}")) {
                    throw new InvalidTokenFileException(at + " ('" + name + "'): \"hash\" must be sha256: and 64 hex digits"
                            + " (the SHA-256 of the token, not the token)");
                }
                if (!hashes.add(hash)) {
                    throw new InvalidTokenFileException(at + " ('" + name + "'): the same token is listed twice");
                }
                b.addTokenHash(TenantId.of(tenant.getKey()), name, hash);
            }
        }
        return b.build();
    }

    /**
     * The tenants of a valid token file and the names of their tokens, in file order: what a host may
     * show of them (a provisioning console's setup page) or check its own configuration against. The
     * file is checked as {@link #parse} checks it.
     *
     * @throws InvalidTokenFileException as {@link #parse} does
     */
    public static Map<TenantId, List<String>> tokenNames(byte[] content) {
        parse(content);
        Map<TenantId, List<String>> out = new LinkedHashMap<>();
        try {
            JSON.readTree(content).path("tenants").fields().forEachRemaining(tenant -> {
                List<String> names = new ArrayList<>();
                tenant.getValue().forEach(token -> names.add(token.path("name").asText()));
                out.put(TenantId.of(tenant.getKey()), List.copyOf(names));
            });
        } catch (java.io.IOException e) {
            throw new InvalidTokenFileException("not readable: " + e.getMessage());
        }
        return java.util.Collections.unmodifiableMap(out);
    }

    private static void onlyKeys(JsonNode node, Set<String> allowed, String where) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!allowed.contains(key)) {
                throw new InvalidTokenFileException(where + ": unknown key '" + key + "' (allowed: " + allowed + ")");
            }
        }
    }

    /** A token file that cannot be used; the message says what to fix and never quotes a hash. */
    public static final class InvalidTokenFileException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public InvalidTokenFileException(String message) {
            super(message);
        }
    }
}
