package dev.scimkit.examples.tracktik;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.scimkit.examples.ExampleServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A SCIM client over real HTTP on loopback, as an identity provider talks to the example server:
 * bearer token, {@code application/scim+json}, paths relative to the tenant URL. Thread-safe, so the
 * concurrency tests share one.
 */
final class ScimHttp {

    static final String USER_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:User";
    static final String GROUP_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:Group";
    static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
    static final String PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
    static final String SCIM_JSON = "application/scim+json";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private final String scimBase;
    private final String adminBase;
    private final String token;

    private ScimHttp(String scimBase, String adminBase, String token) {
        this.scimBase = scimBase;
        this.adminBase = adminBase;
        this.token = token;
    }

    /** A client of {@code server}'s SCIM tenant URL and admin views, authenticated by {@code token}. */
    static ScimHttp of(ExampleServer server, String token) {
        return new ScimHttp(server.baseUrl(), "http://localhost:" + server.port() + "/admin", token);
    }

    /** A client of a server listening at {@code origin} (a separate process) with the default base path. */
    static ScimHttp at(String origin, String token) {
        return new ScimHttp(origin + "/rest/scim/v2", origin + "/admin", token);
    }

    /** What came back. */
    record Reply(int status, String body, HttpHeaders headers) {
        JsonNode json() {
            if (body.isEmpty()) {
                return MissingNode.getInstance();
            }
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("Not JSON (status " + status + "): " + body, e);
            }
        }
    }

    /** Sends a SCIM request; {@code path} is relative to the tenant URL and already URL-encoded. */
    Reply send(String method, String path, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(scimBase + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token)
                .header("Accept", SCIM_JSON);
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", SCIM_JSON + "; charset=utf-8")
                    .method(method, HttpRequest.BodyPublishers.ofString(body));
        }
        return exchange(request.build());
    }

    /** Sends a SCIM request and asserts its status; the failure message shows the exchange. */
    JsonNode expect(int status, String method, String path, String body) {
        Reply reply = send(method, path, body);
        assertThat(reply.status()).as("%s %s %s%n-> %s", method, path, body == null ? "" : body, reply.body())
                .isEqualTo(status);
        return reply.json();
    }

    /** A PATCH whose outcome may be 200 with the resource or 204 (RFC 7644 §3.5.2 allows both). */
    void patchOk(String path, String body) {
        Reply reply = send("PATCH", path, body);
        assertThat(reply.status()).as("PATCH %s %s%n-> %s", path, body, reply.body()).isIn(200, 204);
    }

    JsonNode get(String path) {
        return expect(200, "GET", path, null);
    }

    /** {@code GET /admin<path>} expecting 200. */
    JsonNode admin(String path) {
        Reply reply = adminReply(path);
        assertThat(reply.status()).as("GET /admin%s -> %s", path, reply.body()).isEqualTo(200);
        return reply.json();
    }

    /** {@code GET /admin<path>}, whatever it answers. */
    Reply adminReply(String path) {
        return exchange(HttpRequest.newBuilder(URI.create(adminBase + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token)
                .GET().build());
    }

    /** The TrackTik side of this tenant, read through the admin views. */
    TrackTikAdmin trackTik() {
        return new TrackTikAdmin(this);
    }

    private static Reply exchange(HttpRequest request) {
        try {
            HttpResponse<String> r = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
            return new Reply(r.statusCode(), r.body(), r.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.uri(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted during " + request.uri(), e);
        }
    }

    /** A query-string value as Entra ID and Okta encode it: {@code +} for spaces, {@code %22} for quotes. */
    static String q(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
    }
}
