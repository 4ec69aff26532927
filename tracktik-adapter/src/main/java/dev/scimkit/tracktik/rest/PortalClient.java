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
 * <p>Creates are not idempotent, so {@link #create} retries only after an ambiguous failure (the
 * request may have been applied: timeout, dropped connection, 502/504) has been resolved by looking
 * the record up by the idempotency key the caller put into it; found means done. 429 and 503 say the
 * request was not processed, so they are retried directly.
 *
 * <p>Exhausted retries are a {@link StoreUnavailableException} (503). Nothing here logs or reports the
 * token; log lines carry the method, the path and the status only.
 */
final class PortalClient {

    private static final Logger LOG = LoggerFactory.getLogger(PortalClient.class);

    private final RestStoreConfig config;
    private final HttpClient http;
    private final Backoff backoff;

    PortalClient(RestStoreConfig config) {
        this.config = config;
        this.http = HttpClient.newBuilder()
                .connectTimeout(config.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
        this.backoff = new Backoff(config.baseBackoff(), config.maxBackoff());
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
     * A POST that creates a record. {@code findExisting} looks the record up by the idempotency key the
     * body carries; it runs before any resend after an ambiguous failure. After a dropped connection the
     * portal is done with the request, so a record the lookup does not find was never made and the POST
     * is sent again. After a timeout (or a gateway's 502/504) the portal may still be working on it, so
     * the POST is never sent again: the lookup is repeated with backoff, and if the record does not
     * appear the caller gets a 503 and its client retries later (finding the record by then).
     */
    PortalResponse create(String path, JsonNode body, Supplier<Optional<JsonNode>> findExisting) {
        return execute("POST", path, body, Optional.of(findExisting));
    }

    private PortalResponse execute(String method, String pathAndQuery, JsonNode body,
                                   Optional<Supplier<Optional<JsonNode>>> findExisting) {
        String call = method + " " + pathAndQuery;
        String last = "no attempt";
        boolean maybeApplied = false;
        boolean mayStillApply = false;
        for (int attempt = 1; attempt <= config.maxAttempts(); attempt++) {
            if (maybeApplied && findExisting.isPresent()) {
                Optional<JsonNode> existing = findExisting.get().get();
                if (existing.isPresent()) {
                    LOG.info("TrackTik {}: the earlier attempt was applied; using the record it created", call);
                    return PortalResponse.of(201, existing.get());
                }
                if (mayStillApply) {
                    if (attempt < config.maxAttempts()) {
                        Duration delay = backoff.delay(attempt);
                        LOG.warn("TrackTik {}: {} and no record yet; looking again in {} ms, not sending again",
                                call, last, delay.toMillis());
                        sleep(delay, call);
                    }
                    continue;
                }
            }
            Duration wait;
            try {
                HttpResponse<byte[]> response = http.send(request(method, pathAndQuery, body),
                        HttpResponse.BodyHandlers.ofByteArray());
                int status = response.statusCode();
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
                    mayStillApply = true;
                    wait = null;
                } else {
                    return PortalResponse.of(status, json(response.body()));
                }
            } catch (HttpConnectTimeoutException | ConnectException e) {
                // Never reached the portal: nothing can have been applied.
                last = "could not connect (" + e.getClass().getSimpleName() + ")";
                wait = null;
            } catch (HttpTimeoutException e) {
                last = "no answer within " + config.requestTimeout().toMillis() + " ms";
                maybeApplied = true;
                mayStillApply = true;
                wait = null;
            } catch (IOException e) {
                // A dropped connection: the request may have been processed.
                last = "connection lost (" + e.getClass().getSimpleName() + ")";
                maybeApplied = true;
                wait = null;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StoreUnavailableException("Interrupted while calling the TrackTik portal (" + call + ")", e);
            }
            if (attempt < config.maxAttempts()) {
                Duration delay = wait != null ? wait : backoff.delay(attempt);
                LOG.warn("TrackTik {}: {}; retry {} of {} in {} ms", call, last, attempt, config.maxAttempts() - 1,
                        delay.toMillis());
                sleep(delay, call);
            }
        }
        if (maybeApplied && findExisting.isPresent()) {
            Optional<JsonNode> existing = findExisting.get().get();
            if (existing.isPresent()) {
                return PortalResponse.of(201, existing.get());
            }
        }
        if (mayStillApply && findExisting.isPresent()) {
            throw new StoreUnavailableException("The TrackTik portal did not confirm " + call + " (" + last
                    + ") and the record has not appeared; it may still be created, so the request was not sent "
                    + "again; try again later", null);
        }
        throw new StoreUnavailableException("The TrackTik portal did not complete " + call + " after "
                + config.maxAttempts() + " attempts (last: " + last + "); try again later", null);
    }

    private HttpRequest request(String method, String pathAndQuery, JsonNode body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(config.baseUrl() + pathAndQuery))
                .timeout(config.requestTimeout())
                .header("Authorization", "Bearer " + config.token())
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
