package dev.scimkit.tracktik.rest;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * How the {@link RestTrackTikStore} reaches one TrackTik portal: the API base URL, the bearer access
 * token, timeouts, the retry policy and the page size. Immutable; built with {@link #builder(URI, String)}.
 *
 * <p>The token is a secret: {@link #toString()} never shows it, and the store never puts it in an
 * exception message or a log line.
 */
public final class RestStoreConfig {

    /** TrackTik answers at most 1000 items a page (support.tracktik.com, "Offset Pagination"). */
    public static final int MAX_PAGE_SIZE = 1000;

    private final URI baseUrl;
    private final String token;
    private final Duration connectTimeout;
    private final Duration requestTimeout;
    private final int maxAttempts;
    private final Duration baseBackoff;
    private final Duration maxBackoff;
    private final Duration maxRetryAfter;
    private final int pageSize;

    private RestStoreConfig(Builder b) {
        this.baseUrl = b.baseUrl;
        this.token = b.token;
        this.connectTimeout = b.connectTimeout;
        this.requestTimeout = b.requestTimeout;
        this.maxAttempts = b.maxAttempts;
        this.baseBackoff = b.baseBackoff;
        this.maxBackoff = b.maxBackoff;
        this.maxRetryAfter = b.maxRetryAfter;
        this.pageSize = b.pageSize;
    }

    /**
     * A builder for a portal's API.
     *
     * @param baseUrl the API root, e.g. {@code https://acme.staffr.us/rest/v1} (a trailing slash is optional)
     * @param token   the OAuth 2 access token (JWT) sent as {@code Authorization: Bearer …}
     */
    public static Builder builder(URI baseUrl, String token) {
        return new Builder(baseUrl, token);
    }

    /** {@link #builder(URI, String)} from text, as a command line gives it (400-free: invalid URLs throw). */
    public static Builder builder(String baseUrl, String token) {
        Objects.requireNonNull(baseUrl, "baseUrl");
        return new Builder(URI.create(baseUrl.strip()), token);
    }

    /** The API root without a trailing slash. */
    public URI baseUrl() {
        return baseUrl;
    }

    /** The bearer token. Package-private: only the HTTP layer needs it. */
    String token() {
        return token;
    }

    public Duration connectTimeout() {
        return connectTimeout;
    }

    /** How long one request may take from sending to the complete response. */
    public Duration requestTimeout() {
        return requestTimeout;
    }

    /** How many times one call is tried at most (1 = no retries). */
    public int maxAttempts() {
        return maxAttempts;
    }

    /** The first back-off delay; each retry doubles it (with jitter) up to {@link #maxBackoff()}. */
    public Duration baseBackoff() {
        return baseBackoff;
    }

    public Duration maxBackoff() {
        return maxBackoff;
    }

    /**
     * The longest {@code Retry-After} the store waits for; a portal asking for more gets no retry and the
     * call fails at once with 503, so a SCIM client's own retry takes over.
     */
    public Duration maxRetryAfter() {
        return maxRetryAfter;
    }

    /** Items asked for per page ({@code limit}), at most {@link #MAX_PAGE_SIZE}. */
    public int pageSize() {
        return pageSize;
    }

    @Override
    public String toString() {
        // Never the token: configurations get logged.
        return "RestStoreConfig[baseUrl=" + baseUrl + ", token=(" + token.length() + " chars, hidden)"
                + ", connectTimeout=" + connectTimeout + ", requestTimeout=" + requestTimeout
                + ", maxAttempts=" + maxAttempts + ", baseBackoff=" + baseBackoff + ", maxBackoff=" + maxBackoff
                + ", maxRetryAfter=" + maxRetryAfter + ", pageSize=" + pageSize + "]";
    }

    /** Builds a {@link RestStoreConfig}; every option but the URL and the token has a default. */
    public static final class Builder {
        private final URI baseUrl;
        private final String token;
        private Duration connectTimeout = Duration.ofSeconds(5);
        private Duration requestTimeout = Duration.ofSeconds(30);
        private int maxAttempts = 4;
        private Duration baseBackoff = Duration.ofMillis(200);
        private Duration maxBackoff = Duration.ofSeconds(5);
        private Duration maxRetryAfter = Duration.ofSeconds(30);
        private int pageSize = 500;

        private Builder(URI baseUrl, String token) {
            Objects.requireNonNull(baseUrl, "baseUrl");
            Objects.requireNonNull(token, "token");
            String scheme = baseUrl.getScheme() == null ? "" : baseUrl.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("https") && !scheme.equals("http") || baseUrl.getHost() == null) {
                // Not echoed: a malformed URL may carry credentials the parser could not separate.
                throw new IllegalArgumentException("The TrackTik API URL must be an absolute http(s) URL such as"
                        + " https://acme.staffr.us/rest/v1; the one given is not");
            }
            if (baseUrl.getRawUserInfo() != null || baseUrl.getRawQuery() != null || baseUrl.getRawFragment() != null) {
                throw new IllegalArgumentException("The TrackTik API URL must not carry credentials, a query or a"
                        + " fragment; pass the token separately");
            }
            if (token.isBlank() || token.chars().anyMatch(c -> c <= ' ' || c > '~')) {
                throw new IllegalArgumentException("The TrackTik token must be non-blank printable ASCII without spaces");
            }
            String text = baseUrl.toString();
            this.baseUrl = URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
            this.token = token;
        }

        public Builder connectTimeout(Duration v) {
            connectTimeout = positive(v, "connectTimeout");
            return this;
        }

        public Builder requestTimeout(Duration v) {
            requestTimeout = positive(v, "requestTimeout");
            return this;
        }

        public Builder maxAttempts(int v) {
            if (v < 1 || v > 20) {
                throw new IllegalArgumentException("maxAttempts must be between 1 and 20, not " + v);
            }
            maxAttempts = v;
            return this;
        }

        public Builder baseBackoff(Duration v) {
            baseBackoff = positive(v, "baseBackoff");
            return this;
        }

        public Builder maxBackoff(Duration v) {
            maxBackoff = positive(v, "maxBackoff");
            return this;
        }

        public Builder maxRetryAfter(Duration v) {
            maxRetryAfter = positive(v, "maxRetryAfter");
            return this;
        }

        public Builder pageSize(int v) {
            if (v < 1 || v > MAX_PAGE_SIZE) {
                throw new IllegalArgumentException("pageSize must be between 1 and " + MAX_PAGE_SIZE + ", not " + v);
            }
            pageSize = v;
            return this;
        }

        public RestStoreConfig build() {
            if (maxBackoff.compareTo(baseBackoff) < 0) {
                throw new IllegalArgumentException("maxBackoff must not be shorter than baseBackoff");
            }
            return new RestStoreConfig(this);
        }

        private static Duration positive(Duration v, String what) {
            Objects.requireNonNull(v, what);
            if (v.isNegative() || v.isZero()) {
                throw new IllegalArgumentException(what + " must be positive, not " + v);
            }
            return v;
        }
    }
}
