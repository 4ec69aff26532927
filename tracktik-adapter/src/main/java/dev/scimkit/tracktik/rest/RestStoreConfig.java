package dev.scimkit.tracktik.rest;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * How the {@link RestTrackTikStore} reaches one TrackTik portal: the API base URL, the credentials
 * (a ready access token, or the service account's OAuth 2 credentials with which the store fetches and
 * renews its own tokens), timeouts, the retry policy and the page size. Immutable; built with
 * {@link #builder(URI, PortalCredentials)}.
 *
 * <p>The credentials are secrets: {@link #toString()} never shows them, and the store never puts them
 * in an exception message or a log line.
 */
public final class RestStoreConfig {

    /** TrackTik answers at most 1000 items a page (support.tracktik.com, "Offset Pagination"). */
    public static final int MAX_PAGE_SIZE = 1000;

    private final URI baseUrl;
    private final PortalCredentials credentials;
    private final URI tokenUrl;
    private final Duration renewBefore;
    private final Duration rejectedCredentialsPause;
    private final Duration connectTimeout;
    private final Duration requestTimeout;
    private final int maxAttempts;
    private final Duration baseBackoff;
    private final Duration maxBackoff;
    private final Duration maxRetryAfter;
    private final int pageSize;

    private RestStoreConfig(Builder b) {
        this.baseUrl = b.baseUrl;
        this.credentials = b.credentials;
        this.tokenUrl = b.tokenUrl != null ? b.tokenUrl : defaultTokenUrl(b.baseUrl);
        this.renewBefore = b.renewBefore;
        this.rejectedCredentialsPause = b.rejectedCredentialsPause;
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
     * @param baseUrl     the API root, e.g. {@code https://acme.staffr.us/rest/v1} (a trailing slash is optional)
     * @param credentials how the store authenticates; prefer {@link PortalCredentials#passwordGrant}, whose
     *                    tokens the store renews, over a fixed {@link PortalCredentials#accessToken}
     */
    public static Builder builder(URI baseUrl, PortalCredentials credentials) {
        return new Builder(baseUrl, credentials);
    }

    /** {@link #builder(URI, PortalCredentials)} from text, as a command line gives it (invalid URLs throw). */
    public static Builder builder(String baseUrl, PortalCredentials credentials) {
        Objects.requireNonNull(baseUrl, "baseUrl");
        return new Builder(URI.create(baseUrl.strip()), credentials);
    }

    /** With a ready access token (it stops working when it expires, about an hour for TrackTik's). */
    public static Builder builder(URI baseUrl, String token) {
        return builder(baseUrl, PortalCredentials.accessToken(token));
    }

    /** With a ready access token, the URL as text. */
    public static Builder builder(String baseUrl, String token) {
        return builder(baseUrl, PortalCredentials.accessToken(token));
    }

    /** {@code https://<portal>/rest/oauth2/access_token} for an API root {@code https://<portal>/rest/v1}. */
    private static URI defaultTokenUrl(URI baseUrl) {
        return baseUrl.resolve("/rest/oauth2/access_token");
    }

    /** The API root without a trailing slash. */
    public URI baseUrl() {
        return baseUrl;
    }

    /** The credentials. Package-private: only the HTTP layer needs them. */
    PortalCredentials credentials() {
        return credentials;
    }

    /** Where the password grant and refreshes are sent (by default the portal's {@code /rest/oauth2/access_token}). */
    public URI tokenUrl() {
        return tokenUrl;
    }

    /** How long before a fetched token expires the store renews it. */
    public Duration renewBefore() {
        return renewBefore;
    }

    /**
     * How long the store waits after the portal refused the service account's credentials before it
     * tries them again. TrackTik blocks an address for two hours after 40 failed logins in two minutes,
     * so a wrong password is tried once and then left alone; every SCIM request meanwhile gets a 503
     * that says to fix the credentials.
     */
    public Duration rejectedCredentialsPause() {
        return rejectedCredentialsPause;
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
        return "RestStoreConfig[baseUrl=" + baseUrl + ", credentials=" + credentials + ", tokenUrl=" + tokenUrl
                + ", connectTimeout=" + connectTimeout + ", requestTimeout=" + requestTimeout
                + ", maxAttempts=" + maxAttempts + ", baseBackoff=" + baseBackoff + ", maxBackoff=" + maxBackoff
                + ", maxRetryAfter=" + maxRetryAfter + ", pageSize=" + pageSize + "]";
    }

    /** Builds a {@link RestStoreConfig}; every option but the URL and the credentials has a default. */
    public static final class Builder {
        private final URI baseUrl;
        private final PortalCredentials credentials;
        private URI tokenUrl;
        private Duration renewBefore = Duration.ofSeconds(60);
        private Duration rejectedCredentialsPause = Duration.ofMinutes(15);
        private Duration connectTimeout = Duration.ofSeconds(5);
        private Duration requestTimeout = Duration.ofSeconds(30);
        private int maxAttempts = 4;
        private Duration baseBackoff = Duration.ofMillis(200);
        private Duration maxBackoff = Duration.ofSeconds(5);
        private Duration maxRetryAfter = Duration.ofSeconds(30);
        private int pageSize = 500;

        private Builder(URI baseUrl, PortalCredentials credentials) {
            Objects.requireNonNull(baseUrl, "baseUrl");
            Objects.requireNonNull(credentials, "credentials");
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
            String text = baseUrl.toString();
            this.baseUrl = URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
            this.credentials = credentials;
        }

        /** The OAuth 2 token endpoint, when it is not the portal's {@code /rest/oauth2/access_token}. */
        public Builder tokenUrl(URI v) {
            Objects.requireNonNull(v, "tokenUrl");
            if (v.getScheme() == null || v.getHost() == null || v.getRawUserInfo() != null) {
                throw new IllegalArgumentException("The TrackTik token URL must be an absolute http(s) URL without credentials");
            }
            tokenUrl = v;
            return this;
        }

        public Builder renewBefore(Duration v) {
            renewBefore = positive(v, "renewBefore");
            return this;
        }

        public Builder rejectedCredentialsPause(Duration v) {
            rejectedCredentialsPause = positive(v, "rejectedCredentialsPause");
            return this;
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
