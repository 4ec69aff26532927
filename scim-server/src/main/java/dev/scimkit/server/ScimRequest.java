package dev.scimkit.server;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An HTTP request as the protocol engine sees it, independent of any HTTP library: the method, the
 * path below the SCIM base URL, the decoded query parameters, the headers and the body bytes.
 * Immutable; build one with {@link #builder(String, String)}.
 *
 * <p>The binding decodes the query string (including {@code +} as a space, as Entra ID sends it) and
 * the path; the engine never decodes again.
 */
public final class ScimRequest {

    private final String method;
    private final String path;
    private final Map<String, List<String>> queryParameters;
    private final HttpHeaders headers;
    private final byte[] body;
    private final String baseUrl;
    private final String remoteAddress;

    private ScimRequest(Builder b) {
        this.method = b.method.toUpperCase(Locale.ROOT);
        this.path = b.path;
        Map<String, List<String>> q = new LinkedHashMap<>();
        b.query.forEach((k, v) -> q.put(k, List.copyOf(v)));
        this.queryParameters = java.util.Collections.unmodifiableMap(q);
        this.headers = b.headers;
        this.body = b.body; // the builder's own copy, never modified, only ever replaced
        this.baseUrl = stripTrailingSlash(b.baseUrl);
        this.remoteAddress = b.remoteAddress;
    }

    /**
     * @param method the HTTP method, any case
     * @param path   the path below the base URL, such as {@code /Users/2819c223}; decoded
     */
    public static Builder builder(String method, String path) {
        return new Builder(method, path);
    }

    /** The HTTP method in upper case. */
    public String method() {
        return method;
    }

    /** The decoded path below the SCIM base URL, starting with {@code /} (or empty for the base itself). */
    public String path() {
        return path;
    }

    /** Decoded query parameters in request order; names keep the client's spelling. */
    public Map<String, List<String>> queryParameters() {
        return queryParameters;
    }

    /** The first value of a query parameter, its name matched without regard to case. */
    public Optional<String> queryParameter(String name) {
        for (Map.Entry<String, List<String>> e : queryParameters.entrySet()) {
            if (e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty()) {
                return Optional.ofNullable(e.getValue().get(0));
            }
        }
        return Optional.empty();
    }

    public HttpHeaders headers() {
        return headers;
    }

    /** A copy of the body bytes; empty when the request has none. */
    public byte[] body() {
        return body.clone();
    }

    /** The body length in bytes, without copying it. */
    public int bodyLength() {
        return body.length;
    }

    byte[] bodyUnsafe() {
        return body;
    }

    /**
     * The absolute URL of the SCIM base as the client addressed it (without a trailing slash), for
     * {@code Location} and {@code meta.location}; empty when the binding does not know it.
     */
    public String baseUrl() {
        return baseUrl;
    }

    /**
     * The address of the peer that sent the request, as the binding saw it (behind a proxy, the proxy's
     * unless the container resolves {@code Forwarded}); empty when the binding does not know it. Failed
     * authentications are counted per address.
     */
    public Optional<String> remoteAddress() {
        return Optional.ofNullable(remoteAddress);
    }

    @Override
    public String toString() {
        return method + " " + path + (queryParameters.isEmpty() ? "" : " " + queryParameters.keySet());
    }

    private static String stripTrailingSlash(String url) {
        String u = url == null ? "" : url;
        while (u.endsWith("/")) {
            u = u.substring(0, u.length() - 1);
        }
        return u;
    }

    /** Builds a {@link ScimRequest}. */
    public static final class Builder {
        private final String method;
        private final String path;
        private final Map<String, List<String>> query = new LinkedHashMap<>();
        private HttpHeaders headers = HttpHeaders.empty();
        private byte[] body = new byte[0];
        private String baseUrl = "";
        private String remoteAddress;

        private Builder(String method, String path) {
            this.method = Objects.requireNonNull(method, "method");
            this.path = path == null ? "" : path;
        }

        /** Adds one value of a decoded query parameter. */
        public Builder queryParameter(String name, String value) {
            query.computeIfAbsent(Objects.requireNonNull(name), n -> new ArrayList<>()).add(value == null ? "" : value);
            return this;
        }

        public Builder queryParameters(Map<String, List<String>> parameters) {
            parameters.forEach((k, vs) -> vs.forEach(v -> queryParameter(k, v)));
            return this;
        }

        public Builder header(String name, String value) {
            headers = headers.with(name, value);
            return this;
        }

        public Builder headers(HttpHeaders value) {
            headers = Objects.requireNonNull(value);
            return this;
        }

        public Builder body(byte[] value) {
            body = value == null ? new byte[0] : Arrays.copyOf(value, value.length);
            return this;
        }

        public Builder body(String utf8) {
            return body(utf8 == null ? null : utf8.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }

        /** The absolute base URL as the client addressed it, such as {@code https://host/scim/v2}. */
        public Builder baseUrl(String value) {
            baseUrl = value;
            return this;
        }

        /** The peer's address, such as {@code 203.0.113.7}; null or blank for unknown. */
        public Builder remoteAddress(String value) {
            remoteAddress = value == null || value.isBlank() ? null : value;
            return this;
        }

        public ScimRequest build() {
            return new ScimRequest(this);
        }
    }
}
