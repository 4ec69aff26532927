package dev.scimkit.tracktik.rest.standin;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimkit.core.json.ScimJson;
import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The stand-in portal's OAuth 2 token endpoint, {@code POST /rest/oauth2/access_token}, as TrackTik
 * documents it: form-encoded, the password grant with client id and secret, username and password,
 * answering a JWT-like {@code access_token} and a {@code refresh_token}; the refresh grant as public
 * integrations use it. Tokens live {@code lifetime} (short in tests, so expiry is exercised). Like the
 * portal, 40 failed sign-ins within two minutes block further ones (for the stand-in's lifetime).
 */
public final class StandInOAuth {

    /** The service account the portal knows. */
    public record Account(String clientId, String clientSecret, String username, String password) {
    }

    /** A request to the token endpoint: its grant type and the status it got. */
    public record TokenRequest(String grantType, int status) {
    }

    private static final int LOCKOUT_FAILURES = 40;
    private static final long LOCKOUT_WINDOW_NANOS = Duration.ofMinutes(2).toNanos();

    private final Account account;
    private final Duration lifetime;
    private final AtomicLong counter = new AtomicLong();
    private final Map<String, Long> accessTokens = new ConcurrentHashMap<>();
    private final Map<String, Boolean> refreshTokens = new ConcurrentHashMap<>();
    private final List<TokenRequest> requests = new CopyOnWriteArrayList<>();
    private final Deque<Long> failures = new ArrayDeque<>();
    private volatile boolean blocked;
    private volatile boolean expiresInSent = true;
    /** Answers played instead of handling the next requests (a gateway's or proxy's, in front of the portal). */
    private final Deque<Outage> outages = new java.util.concurrent.ConcurrentLinkedDeque<>();

    /**
     * An answer that does not come from the token endpoint itself: a gateway's 502/503/504, or a proxy's
     * HTML error page, as a client meets in front of any hosted portal.
     */
    public record Outage(int status, String contentType, String body) {
        /** A gateway that cannot reach the portal, answering with an HTML page. */
        public static Outage proxyPage(int status) {
            return new Outage(status, "text/html", "<html><body><h1>Error " + status + "</h1><p>The upstream server did not answer.</p></body></html>");
        }
    }

    StandInOAuth(Account account, Duration lifetime) {
        this.account = account;
        this.lifetime = lifetime;
    }

    /** Whether {@code token} is an access token this endpoint issued and that has not expired or been revoked. */
    boolean accepts(String token) {
        Long expires = accessTokens.get(token);
        return expires != null && System.nanoTime() < expires;
    }

    /** Every request to the token endpoint so far. */
    public List<TokenRequest> requests() {
        return List.copyOf(requests);
    }

    /** Revokes every access token issued so far (refresh tokens stay valid), as a portal administrator might. */
    public void revokeAccessTokens() {
        accessTokens.clear();
    }

    /** Ends every session: refresh tokens issued so far are refused from now on (access tokens stay valid). */
    public void revokeRefreshTokens() {
        refreshTokens.clear();
    }

    /**
     * Whether grants carry {@code expires_in}. TrackTik's documentation does not state the field (its
     * "about 3600 s" is unverified), so a client must cope with a grant without it.
     */
    public void sendExpiresIn(boolean send) {
        expiresInSent = send;
    }

    /** Plays {@code answers} on the next requests, one each, instead of handling them. */
    public void outage(Outage... answers) {
        outages.addAll(List.of(answers));
    }

    /** Whether too many failed sign-ins have blocked the endpoint. */
    public boolean blocked() {
        return blocked;
    }

    void handle(HttpExchange ex) throws IOException {
        Map<String, String> form = parse(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        String grantType = form.getOrDefault("grant_type", "");
        Outage outage = outages.poll();
        if (outage != null) {
            requests.add(new TokenRequest(grantType, outage.status()));
            byte[] page = outage.body().getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", outage.contentType());
            ex.sendResponseHeaders(outage.status(), page.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(page);
            }
            return;
        }
        int status;
        ObjectNode body;
        if (!ex.getRequestMethod().equals("POST")) {
            status = 405;
            body = ScimJson.object().put("error", "invalid_request");
        } else if (blocked) {
            status = 403;
            body = ScimJson.object().put("error", "access_denied").put("error_description", "Too many failed logins");
        } else if (!account.clientId().equals(form.get("client_id")) || !account.clientSecret().equals(form.get("client_secret"))) {
            status = 401;
            body = failed("invalid_client");
        } else if (grantType.equals("password")) {
            boolean ok = account.username().equals(form.get("username")) && account.password().equals(form.get("password"));
            status = ok ? 200 : 400;
            body = ok ? issue() : failed("invalid_grant");
        } else if (grantType.equals("refresh_token")) {
            boolean ok = refreshTokens.remove(form.getOrDefault("refresh_token", "")) != null;
            status = ok ? 200 : 400;
            body = ok ? issue() : ScimJson.object().put("error", "invalid_grant");
        } else {
            status = 400;
            body = ScimJson.object().put("error", "unsupported_grant_type");
        }
        requests.add(new TokenRequest(grantType, status));
        byte[] bytes = ScimJson.write(body);
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    private ObjectNode issue() {
        long n = counter.incrementAndGet();
        String access = "eyJ.standin-access-" + n;
        String refresh = "standin-refresh-" + n;
        accessTokens.put(access, System.nanoTime() + lifetime.toNanos());
        refreshTokens.put(refresh, Boolean.TRUE);
        ObjectNode grant = ScimJson.object().put("access_token", access).put("token_type", "Bearer");
        if (expiresInSent) {
            grant.put("expires_in", Math.max(1, lifetime.toSeconds()));
        }
        return grant.put("refresh_token", refresh);
    }

    private synchronized ObjectNode failed(String error) {
        long now = System.nanoTime();
        failures.addLast(now);
        while (!failures.isEmpty() && now - failures.peekFirst() > LOCKOUT_WINDOW_NANOS) {
            failures.removeFirst();
        }
        if (failures.size() >= LOCKOUT_FAILURES) {
            blocked = true;
        }
        return ScimJson.object().put("error", error);
    }

    private static Map<String, String> parse(String form) {
        Map<String, String> out = new HashMap<>();
        for (String pair : form.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return out;
    }
}
