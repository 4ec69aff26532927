package dev.scimkit.tracktik.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scimkit.core.json.ScimJson;
import dev.scimkit.tracktik.port.StoreUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The bearer token the store sends, kept valid. With {@link PortalCredentials.AccessToken} it is the
 * token given. With {@link PortalCredentials.PasswordGrant} the store fetches one at the portal's
 * token endpoint, renews it with the refresh token {@link RestStoreConfig#renewBefore()} before it
 * expires (or with the password again when the refresh is refused), and fetches a new one once when
 * the API answers 401.
 *
 * <p>A refused password is never retried into TrackTik's lock-out (40 failed logins in two minutes
 * block the address for two hours): after one refusal the store answers 503 without asking again for
 * {@link RestStoreConfig#rejectedCredentialsPause()}. Secrets and tokens never reach a log line or an
 * error; the portal's own error text is not passed on either, as it may echo what was sent.
 */
final class AccessTokens {

    private static final Logger LOG = LoggerFactory.getLogger(AccessTokens.class);
    /** TrackTik does not document a lifetime; an answer without {@code expires_in} is taken to last this long. */
    private static final Duration ASSUMED_LIFETIME = Duration.ofHours(1);

    private final RestStoreConfig config;
    private final HttpClient http;
    private final Clock clock;

    private String accessToken;
    private String refreshToken;
    private Instant renewAt = Instant.MIN;
    private Instant refusedUntil = Instant.MIN;

    AccessTokens(RestStoreConfig config, HttpClient http, Clock clock) {
        this.config = config;
        this.http = http;
        this.clock = clock;
        if (config.credentials() instanceof PortalCredentials.AccessToken fixed) {
            accessToken = fixed.token();
        }
    }

    /** The token to send now, fetched or renewed first when needed. */
    synchronized String current() {
        if (config.credentials() instanceof PortalCredentials.PasswordGrant grant && !clock.instant().isBefore(renewAt)) {
            renew(grant);
        }
        return accessToken;
    }

    /**
     * The API refused {@code sent} with 401. Returns whether a new token was obtained, so the request
     * is worth sending once more; a fixed token cannot be renewed.
     */
    synchronized boolean refused(String sent) {
        if (!(config.credentials() instanceof PortalCredentials.PasswordGrant grant)) {
            return false;
        }
        if (sent.equals(accessToken)) {
            LOG.warn("TrackTik refused the adapter's access token before it was due to expire; fetching a new one");
            accessToken = null;
            refreshToken = null;
            renew(grant);
        }
        return true;
    }

    private void renew(PortalCredentials.PasswordGrant grant) {
        Instant now = clock.instant();
        if (now.isBefore(refusedUntil)) {
            throw credentialsRefused();
        }
        if (refreshToken != null) {
            Optional<Grant> refreshed = request(form(grant, "refresh_token", Map.of("refresh_token", refreshToken)), false);
            if (refreshed.isPresent()) {
                use(refreshed.get(), now);
                return;
            }
            LOG.info("TrackTik refused the refresh token; signing in with the service account again");
        }
        Optional<Grant> signedIn = request(form(grant, "password",
                Map.of("username", grant.username(), "password", grant.password())), true);
        use(signedIn.orElseThrow(), now);
    }

    private void use(Grant grant, Instant now) {
        accessToken = grant.accessToken;
        refreshToken = grant.refreshToken;
        Duration lifetime = grant.lifetime;
        // Renew ahead of expiry, but never so early that a short-lived token is renewed on every call.
        Duration ahead = config.renewBefore().compareTo(lifetime.dividedBy(2)) < 0 ? config.renewBefore() : lifetime.dividedBy(2);
        renewAt = now.plus(lifetime).minus(ahead);
    }

    private record Grant(String accessToken, String refreshToken, Duration lifetime) {
    }

    /**
     * One request to the token endpoint: the grant, or empty when a refresh token was refused. A refused
     * password ends in a 503 that names what to fix, and pauses further sign-ins.
     */
    private Optional<Grant> request(Map<String, String> form, boolean isPassword) {
        String grantType = form.get("grant_type");
        HttpResponse<byte[]> response;
        try {
            response = http.send(HttpRequest.newBuilder(config.tokenUrl())
                    .timeout(config.requestTimeout())
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header("Accept", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(PortalClient.queryString(form).substring(1)))
                    .build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new StoreUnavailableException("The TrackTik portal's token endpoint could not be reached ("
                    + e.getClass().getSimpleName() + "); try again later", null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreUnavailableException("Interrupted while signing in to the TrackTik portal", null);
        }
        int status = response.statusCode();
        if (status == 200) {
            return Optional.of(grant(response.body()));
        }
        if (status == 400 || status == 401 || status == 403) {
            if (!isPassword) {
                return Optional.empty();
            }
            refusedUntil = clock.instant().plus(config.rejectedCredentialsPause());
            LOG.error("TrackTik refused the service account's credentials (HTTP {} from the token endpoint, grant {});"
                    + " not trying again for {} min, to stay clear of TrackTik's lock-out after repeated failed"
                    + " logins. Fix the client id, client secret, username or password.", status, grantType,
                    config.rejectedCredentialsPause().toMinutes());
            throw credentialsRefused();
        }
        throw new StoreUnavailableException("The TrackTik portal's token endpoint answered HTTP " + status
                + "; try again later", null);
    }

    private StoreUnavailableException credentialsRefused() {
        Duration wait = Duration.between(clock.instant(), refusedUntil);
        return new StoreUnavailableException("The TrackTik portal refused the service account's credentials; an"
                + " administrator must fix the client id, client secret, username or password configured for this"
                + " portal. The adapter does not try them again for " + Math.max(1, wait.toMinutes()) + " min",
                wait.isNegative() || wait.isZero() ? Duration.ofSeconds(1) : wait, null);
    }

    private Grant grant(byte[] body) {
        JsonNode json;
        try {
            json = ScimJson.mapper().readTree(body);
        } catch (IOException e) {
            throw new StoreUnavailableException("The TrackTik portal's token endpoint answered something that is not"
                    + " JSON; try again later", null);
        }
        String access = json.path("access_token").asText("");
        if (access.isBlank()) {
            throw new StoreUnavailableException("The TrackTik portal's token endpoint answered without an access_token;"
                    + " try again later", null);
        }
        String refresh = json.path("refresh_token").asText("");
        long seconds = json.path("expires_in").asLong(0);
        Duration lifetime = seconds > 0 ? Duration.ofSeconds(seconds) : ASSUMED_LIFETIME;
        return new Grant(access, refresh.isBlank() ? null : refresh, lifetime);
    }

    private static Map<String, String> form(PortalCredentials.PasswordGrant grant, String grantType,
                                            Map<String, String> extra) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", grantType);
        form.put("client_id", grant.clientId());
        form.put("client_secret", grant.clientSecret());
        form.putAll(extra);
        return form;
    }
}
