package dev.scimkit.tracktik.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scimkit.core.json.ScimJson;
import dev.scimkit.tracktik.port.StoreUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.function.Supplier;

/**
 * The portal's HTTP API as the store uses it: bearer authentication, JSON, timeouts and retries.
 *
 * <p>Retried: 429 and 503 (waiting what {@code Retry-After} says, seconds or HTTP-date, when it says
 * something; else exponential back-off with jitter), 502 and 504, connection failures and timeouts.
 * A {@code Retry-After} longer than {@link RestStoreConfig#maxRetryAfter()} ends the call at once.
 *
 * <p>Creates are not idempotent: after an ambiguous failure (timeout, dropped connection, 502/504)
 * {@link #create} and {@link #createUnique} look the record up by the idempotency key the caller put
 * into it (found means done) and send again only when that cannot make a second record (see each).
 * 429 and 503 say the request was not processed, so they are retried directly.
 *
 * <p>Exhausted retries are a {@link StoreUnavailableException} (503). A 401 gets one more try with a
 * fresh token when the store signs in itself ({@link AccessTokens}). Nothing here logs or reports the
 * token; log lines carry the method, the path and the status only.
 */
final class PortalClient {

    private static final Logger LOG = LoggerFactory.getLogger(PortalClient.class);

    private final RestStoreConfig config;
    private final HttpClient http;
    private final Backoff backoff;
    private final AccessTokens tokens;

    PortalClient(RestStoreConfig config) {
        this.config = config;
        this.http = HttpClient.newBuilder()
                .connectTimeout(config.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
        this.backoff = new Backoff(config.baseBackoff(), config.maxBackoff());
        this.tokens = new AccessTokens(config, http, java.time.Clock.systemUTC());
    }

    /** A GET with query parameters (in order), retried. */
    PortalResponse get(String path, Map<String, String> query) {
        return execute("GET", path + queryString(query), null, Optional.empty());
    }

    /** An idempotent write (PATCH with absolute values, DELETE, an action whose repeat changes nothing), retried. */
    PortalResponse send(String method, String path, JsonNode body) {
        return execute(method, path, body, Optional.empty());
    }

    /**
     * A POST that creates a record the portal would accept twice (an employee, a role). {@code findExisting}
     * looks the record up by the idempotency key the body carries; it runs before any resend after an
     * ambiguous failure. After a dropped connection the portal is done with the request, so a record the
     * lookup does not find was never made and the POST is sent again. After a timeout (or a gateway's
     * 502/504) the portal may still be working on it, so the POST is never sent again: the lookup is
     * repeated with back-off, and if the record does not appear the caller gets a 503. The SCIM client's
     * later retry then meets the record (a 409 on its userName or displayName, after which Entra ID and
     * Okta match the existing resource by filter) rather than a duplicate.
     */
    PortalResponse create(String path, JsonNode body, Supplier<Optional<JsonNode>> findExisting) {
        return execute("POST", path, body, Optional.of(new Create(findExisting, false)));
    }

    /**
     * A POST of a record the portal itself keeps unique, answering 409 to a second one (a (user, role)
     * assignment): sending it again is always safe, so every ambiguous failure is resolved by looking it
     * up and, if absent, sending again; a 409 after an ambiguous failure is resolved by the lookup too.
     */
    PortalResponse createUnique(String path, JsonNode body, Supplier<Optional<JsonNode>> findExisting) {
        return execute("POST", path, body, Optional.of(new Create(findExisting, true)));
    }

    /** How a create resolves an ambiguous failure. */
    private record Create(Supplier<Optional<JsonNode>> findExisting, boolean portalRejectsDuplicates) {
    }

    private PortalResponse execute(String method, String pathAndQuery, JsonNode body, Optional<Create> create) {
        String call = method + " " + pathAndQuery;
        String last = "no attempt";
        boolean maybeApplied = false;     // the last attempt may have been applied
        boolean mayStillApply = false;    // ... and the portal may still be applying it: never send again
        boolean lookedUpSinceSend = false;
        boolean reauthenticated = false;
        for (int attempt = 1; attempt <= config.maxAttempts(); attempt++) {
            if (maybeApplied && create.isPresent()) {
                Optional<JsonNode> existing = lookUp(create.get(), call, last, mayStillApply);
                lookedUpSinceSend = true;
                if (existing.isPresent()) {
                    LOG.info("TrackTik {}: the earlier attempt was applied; using the record it created", call);
                    return PortalResponse.of(201, existing.get());
                }
                if (mayStillApply) {
                    if (attempt < config.maxAttempts()) {
                        Duration delay = backoff.delay(attempt);
                        LOG.warn("TrackTik {}: {} and no record yet; looking again in {} ms, not sending it again",
                                call, last, delay.toMillis());
                        sleep(delay, call);
                    }
                    continue;
                }
            }
            Duration wait;
            lookedUpSinceSend = false;
            try {
                String token = tokens.current();
                HttpResponse<byte[]> response = http.send(request(method, pathAndQuery, body, token),
                        HttpResponse.BodyHandlers.ofByteArray());
                int status = response.statusCode();
                if (status == 401 && !reauthenticated && tokens.refused(token)) {
                    // Refused before it was applied: with a fresh token the same request is safe to send once more.
                    reauthenticated = true;
                    attempt--;
                    continue;
                }
                if (status == 429 || status == 503) {
                    Optional<Duration> retryAfter = RetryAfter.parse(response.headers().firstValue("Retry-After"),
                            Instant.now());
                    if (retryAfter.isPresent() && retryAfter.get().compareTo(config.maxRetryAfter()) > 0) {
                        throw new StoreUnavailableException("The TrackTik portal is " + busy(status) + " and asked to wait "
                                + retryAfter.get().toSeconds() + " s before " + call + ", longer than the "
                                + config.maxRetryAfter().toSeconds() + " s this adapter waits; try again later", null);
                    }
                    last = "HTTP " + status;
                    maybeApplied = false;
                    wait = retryAfter.orElse(null);
                } else if (status == 502 || status == 504) {
                    last = "HTTP " + status;
                    maybeApplied = true;
                    mayStillApply = create.isPresent() && !create.get().portalRejectsDuplicates();
                    wait = null;
                } else if (status == 409 && maybeApplied && create.isPresent() && create.get().portalRejectsDuplicates()) {
                    // The earlier attempt landed after all: the portal refuses its twin.
                    Optional<JsonNode> existing = lookUp(create.get(), call, "HTTP 409", false);
                    return existing.map(e -> PortalResponse.of(201, e))
                            .orElseGet(() -> PortalResponse.of(status, json(response.body())));
                } else {
                    return PortalResponse.of(status, json(response.body()));
                }
            } catch (HttpConnectTimeoutException | ConnectException e) {
                // Never reached the portal: nothing can have been applied.
                last = "could not connect (" + e.getClass().getSimpleName() + ")";
                maybeApplied = false;
                wait = null;
            } catch (HttpTimeoutException e) {
                last = "no answer within " + config.requestTimeout().toMillis() + " ms";
                maybeApplied = true;
                mayStillApply = create.isPresent() && !create.get().portalRejectsDuplicates();
                wait = null;
            } catch (IOException e) {
                // A dropped connection: the request may have been processed, and the portal is done with it.
                last = "connection lost (" + e.getClass().getSimpleName() + ")";
                maybeApplied = true;
                wait = null;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StoreUnavailableException("Interrupted while calling the TrackTik portal (" + call + ")", e);
            }
            if (attempt < config.maxAttempts()) {
                Duration delay = wait != null ? wait : backoff.delay(attempt);
                if (maybeApplied && create.isPresent()) {
                    LOG.warn("TrackTik {}: {}; looking the record up in {} ms before anything else", call, last,
                            delay.toMillis());
                } else {
                    LOG.warn("TrackTik {}: {}; retry {} of {} in {} ms", call, last, attempt,
                            config.maxAttempts() - 1, delay.toMillis());
                }
                sleep(delay, call);
            }
        }
        if (maybeApplied && create.isPresent() && !lookedUpSinceSend) {
            Optional<JsonNode> existing = lookUp(create.get(), call, last, mayStillApply);
            if (existing.isPresent()) {
                return PortalResponse.of(201, existing.get());
            }
        }
        if (mayStillApply) {
            throw notConfirmed(call, last, null);
        }
        throw new StoreUnavailableException("The TrackTik portal did not complete " + call + " after "
                + config.maxAttempts() + " attempts (last: " + last + "); try again later", null);
    }

    /** The create's lookup; when it fails, the answer says what matters: the create's fate is unknown. */
    private static Optional<JsonNode> lookUp(Create create, String call, String last, boolean mayStillApply) {
        try {
            return create.findExisting().get();
        } catch (StoreUnavailableException e) {
            if (mayStillApply) {
                throw notConfirmed(call, last, e);
            }
            throw new StoreUnavailableException("The TrackTik portal did not confirm " + call + " (" + last
                    + ") and could not be asked whether it was applied; the request was not sent again; try again"
                    + " later", e);
        }
    }

    private static StoreUnavailableException notConfirmed(String call, String last, Throwable cause) {
        return new StoreUnavailableException("The TrackTik portal did not confirm " + call + " (" + last
                + ") and the record has not appeared; the portal may still create it, so the request was not sent"
                + " again. A retry of this SCIM request will meet the record if it was created", cause);
    }

    private HttpRequest request(String method, String pathAndQuery, JsonNode body, String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(config.baseUrl() + pathAndQuery))
                .timeout(config.requestTimeout())
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/json");
        if (body == null) {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            b.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofByteArray(ScimJson.write(body)));
        }
        return b.build();
    }

    private static JsonNode json(byte[] body) {
        if (body == null || body.length == 0) {
            return null;
        }
        try {
            return ScimJson.mapper().readTree(body);
        } catch (IOException e) {
            // A proxy's HTML error page: keep the status, drop the body.
            return null;
        }
    }

    private static void sleep(Duration d, String call) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreUnavailableException("Interrupted while waiting to retry " + call, e);
        }
    }

    private static String busy(int status) {
        return status == 429 ? "rate-limiting this adapter (HTTP 429)" : "unavailable (HTTP 503)";
    }

    /** {@code ?k=v&…} with both sides form-encoded (spaces as %20), or empty. */
    static String queryString(Map<String, String> query) {
        if (query.isEmpty()) {
            return "";
        }
        StringJoiner j = new StringJoiner("&", "?", "");
        query.forEach((k, v) -> j.add(encode(k) + "=" + encode(v)));
        return j.toString();
    }

    static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
