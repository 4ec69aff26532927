package dev.scimkit.examples;

import dev.scimkit.server.limits.RateLimit;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The options of a public endpoint: the token file, OAuth 2 access tokens, request limits and TLS.
 * Each option has an environment variable, {@code SCIMKIT_} and its name in capitals
 * ({@code --tls-cert} is {@code SCIMKIT_TLS_CERT}). Immutable; secrets never appear in
 * {@link #toString()}.
 *
 * @param tokensFile        tenants and hashed tokens, reloaded when the file changes
 * @param jwt               an OAuth 2 issuer whose access tokens are accepted
 * @param tenantRate        request rate of each tenant
 * @param tokenRate         request rate of each token or OAuth client
 * @param maxAuthFailures   failed authentications in a row from one address before it is slowed down;
 *                          empty when the guard is off
 * @param tls               HTTPS instead of HTTP
 */
public record SecurityOptions(Optional<Path> tokensFile, Optional<Jwt> jwt, Optional<RateLimit> tenantRate,
                              Optional<RateLimit> tokenRate, OptionalInt maxAuthFailures, Optional<Tls> tls) {

    /** Every option this record reads; each takes a value. */
    static final List<String> OPTIONS = List.of("--tokens-file", "--rate-limit", "--token-rate-limit",
            "--max-auth-failures", "--jwt-issuer", "--jwt-jwks-url", "--jwt-audience", "--jwt-tenant",
            "--jwt-tenant-claim", "--jwt-client-claim", "--jwt-scope", "--tls-cert", "--tls-key", "--tls-keystore",
            "--tls-keystore-password", "--hsts-max-age", "--tls-reload-check");

    /**
     * An OAuth 2 authorization server whose JWT access tokens are accepted.
     *
     * @param issuer      the exact {@code iss}
     * @param jwksUrl     where its signing keys are published
     * @param audience    the {@code aud} the tokens must name
     * @param tenant      every token acts for this tenant, or
     * @param tenantClaim the claim that names the tenant
     * @param clientClaim the claim that names the client (History's actor); the usual ones when empty
     * @param scope       a scope the tokens must carry
     */
    public record Jwt(String issuer, URI jwksUrl, String audience, Optional<String> tenant, Optional<String> tenantClaim,
                      Optional<String> clientClaim, Optional<String> scope) {
    }

    /**
     * HTTPS: a PEM certificate chain and key, or a PKCS#12 keystore.
     *
     * @param certFile         PEM certificates, the server's first (an ACME client's fullchain.pem)
     * @param keyFile          its PEM private key (privkey.pem)
     * @param keystore         a PKCS#12 keystore instead
     * @param keystorePassword its password; never printed
     * @param hstsMaxAge       Strict-Transport-Security max-age; zero sends no header
     * @param reloadCheck      how often the files are checked for a renewed certificate
     */
    public record Tls(Optional<Path> certFile, Optional<Path> keyFile, Optional<Path> keystore,
                      Optional<String> keystorePassword, Duration hstsMaxAge, Duration reloadCheck) {
        @Override
        public String toString() {
            return "Tls[cert=" + certFile.map(Path::toString).orElse("-") + ", key=" + keyFile.map(Path::toString).orElse("-")
                    + ", keystore=" + keystore.map(Path::toString).orElse("-") + ", hstsMaxAge=" + hstsMaxAge.toSeconds()
                    + "s, reloadCheck=" + reloadCheck.toSeconds() + "s]";
        }
    }

    /** No token file, no OAuth, no rate limits, the failed-authentication guard at its default, plain HTTP. */
    public static SecurityOptions defaults() {
        return new Parser(Map.of()).build();
    }

    /** Whether credentials other than {@code --token}/{@code --tenant} are configured. */
    boolean hasCredentials() {
        return tokensFile.isPresent() || jwt.isPresent();
    }

    static final String USAGE = """
              --tokens-file FILE     tenants and SHA-256 hashes of their tokens, each token named
                                     (JSON, see docs/security.md); reloaded when it changes [SCIMKIT_TOKENS_FILE]
                                     --hash-token alone prints the hash of a token read from stdin
              --rate-limit RATE      requests per tenant, e.g. 600/min or 20/s,burst=50; over it 429
                                     with Retry-After                             [SCIMKIT_RATE_LIMIT]
              --token-rate-limit RATE  requests per token or OAuth client          [SCIMKIT_TOKEN_RATE_LIMIT]
              --max-auth-failures N|off  failed authentications in a row from one address before it
                                     is refused for a while (doubling, up to 15 min), default 5
                                                                                  [SCIMKIT_MAX_AUTH_FAILURES]
              --jwt-issuer URL       accept OAuth 2 access tokens (JWT) of this issuer [SCIMKIT_JWT_ISSUER]
              --jwt-jwks-url URL     its signing keys (https)                     [SCIMKIT_JWT_JWKS_URL]
              --jwt-audience AUD     the aud the tokens must name                 [SCIMKIT_JWT_AUDIENCE]
              --jwt-tenant NAME      the tenant of every token, or
              --jwt-tenant-claim CLAIM  the claim that names it                   [SCIMKIT_JWT_TENANT(_CLAIM)]
              --jwt-client-claim CLAIM  the claim that names the client in History, default the first
                                     of client_id, azp, appid, cid, sub           [SCIMKIT_JWT_CLIENT_CLAIM]
              --jwt-scope SCOPE      a scope the tokens must carry                [SCIMKIT_JWT_SCOPE]
              --tls-cert FILE        serve HTTPS with this PEM certificate chain (fullchain.pem) [SCIMKIT_TLS_CERT]
              --tls-key FILE         and its PEM private key (privkey.pem)        [SCIMKIT_TLS_KEY]
              --tls-keystore FILE    or a PKCS#12 keystore                        [SCIMKIT_TLS_KEYSTORE]
              --tls-keystore-password P  its password; prefer the environment     [SCIMKIT_TLS_KEYSTORE_PASSWORD]
              --hsts-max-age SECONDS Strict-Transport-Security on HTTPS, default 31536000, 0 for none
                                                                                  [SCIMKIT_HSTS_MAX_AGE]
              --tls-reload-check SECONDS  how often renewed certificate files are looked for, default 60
                                                                                  [SCIMKIT_TLS_RELOAD_CHECK]
            """;

    /** Collects the options from the environment, then the command line; {@link #build} checks them together. */
    static final class Parser {
        private final Map<String, String> values = new LinkedHashMap<>();
        private final Map<String, String> sources = new LinkedHashMap<>();

        Parser(Map<String, String> env) {
            for (String option : OPTIONS) {
                String variable = variable(option);
                if (env.containsKey(variable)) {
                    values.put(option, env.get(variable));
                    sources.put(option, variable);
                }
            }
        }

        static String variable(String option) {
            return "SCIMKIT_" + option.substring(2).replace('-', '_').toUpperCase(Locale.ROOT);
        }

        void accept(String option, String value) {
            values.put(option, value);
            sources.put(option, option);
        }

        SecurityOptions build() {
            return new SecurityOptions(value("--tokens-file").map(Path::of), jwt(), rate("--rate-limit"),
                    rate("--token-rate-limit"), maxAuthFailures(), tls());
        }

        private Optional<String> value(String option) {
            return Optional.ofNullable(values.get(option)).map(String::trim).filter(v -> !v.isEmpty());
        }

        private ServerOptions.InvalidOptionsException invalid(String option, String message) {
            return new ServerOptions.InvalidOptionsException(sources.getOrDefault(option, option) + " " + message);
        }

        private Optional<RateLimit> rate(String option) {
            try {
                return value(option).map(RateLimit::parse);
            } catch (IllegalArgumentException e) {
                throw invalid(option, e.getMessage());
            }
        }

        private OptionalInt maxAuthFailures() {
            String text = value("--max-auth-failures").orElse("5");
            if (text.equalsIgnoreCase("off")) {
                return OptionalInt.empty();
            }
            try {
                int n = Integer.parseInt(text);
                if (n >= 1) {
                    return OptionalInt.of(n);
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw invalid("--max-auth-failures", "must be a positive number or off, not '" + text + "'");
        }

        private Optional<Jwt> jwt() {
            List<String> jwtOptions = OPTIONS.stream().filter(o -> o.startsWith("--jwt-")).toList();
            if (jwtOptions.stream().noneMatch(o -> value(o).isPresent())) {
                return Optional.empty();
            }
            for (String required : List.of("--jwt-issuer", "--jwt-jwks-url", "--jwt-audience")) {
                if (value(required).isEmpty()) {
                    throw invalid(required, "is required for OAuth 2 access tokens (with --jwt-issuer, --jwt-jwks-url"
                            + " and --jwt-audience)");
                }
            }
            Optional<String> tenant = value("--jwt-tenant");
            Optional<String> tenantClaim = value("--jwt-tenant-claim");
            if (tenant.isPresent() == tenantClaim.isPresent()) {
                throw invalid("--jwt-tenant", "or --jwt-tenant-claim: give exactly one, to say which tenant a token acts for");
            }
            if (tenant.isPresent() && !tenant.get().matches("[A-Za-z0-9._-]+")) {
                throw invalid("--jwt-tenant", "uses letters, digits, '.', '_' and '-'");
            }
            URI jwks;
            try {
                jwks = URI.create(value("--jwt-jwks-url").get());
            } catch (IllegalArgumentException e) {
                throw invalid("--jwt-jwks-url", "is not a URL");
            }
            return Optional.of(new Jwt(value("--jwt-issuer").get(), jwks, value("--jwt-audience").get(), tenant,
                    tenantClaim, value("--jwt-client-claim"), value("--jwt-scope")));
        }

        private Optional<Tls> tls() {
            Optional<Path> cert = value("--tls-cert").map(Path::of);
            Optional<Path> key = value("--tls-key").map(Path::of);
            Optional<Path> keystore = value("--tls-keystore").map(Path::of);
            if (cert.isEmpty() && key.isEmpty() && keystore.isEmpty()) {
                return Optional.empty();
            }
            if (keystore.isPresent() && (cert.isPresent() || key.isPresent())) {
                throw invalid("--tls-keystore", "or --tls-cert with --tls-key: give one of them");
            }
            if (keystore.isEmpty() && (cert.isEmpty() || key.isEmpty())) {
                throw invalid(cert.isEmpty() ? "--tls-cert" : "--tls-key", "is needed too: HTTPS takes the certificate"
                        + " chain (--tls-cert) and its private key (--tls-key)");
            }
            Duration hsts = Duration.ofSeconds(seconds("--hsts-max-age", 31_536_000, 0));
            Duration reload = Duration.ofSeconds(seconds("--tls-reload-check", 60, 1));
            return Optional.of(new Tls(cert, key, keystore, value("--tls-keystore-password"), hsts, reload));
        }

        private long seconds(String option, long dflt, long min) {
            String text = value(option).orElse(Long.toString(dflt));
            try {
                long n = Long.parseLong(text);
                if (n >= min) {
                    return n;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw invalid(option, "must be a whole number of seconds, at least " + min + ", not '" + text + "'");
        }
    }
}
